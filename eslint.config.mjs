// ESLint: TypeScript, Lit and web-component rules, and the one rule that matters most here: markup from
// content or answers never becomes live HTML. unsafeHTML, innerHTML and friends are allowed in one module
// only, the sanitizer (`packages/base/src/sanitize.ts`), which runs DOMPurify and returns TrustedHTML.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SANITIZER = 'packages/base/src/sanitize.ts';

const unsafeHtml = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'lit/directives/unsafe-html.js', message: `Render text, or go through ${SANITIZER}.` },
        { name: 'lit/directives/unsafe-svg.js', message: `Render text, or go through ${SANITIZER}.` },
        { name: 'lit/directives/unsafe-mathml.js', message: `Render text, or go through ${SANITIZER}.` },
        { name: 'lit/static-html.js', importNames: ['unsafeStatic'], message: 'Static tags are literals in this codebase.' },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]",
      message: `Assigning markup runs it. Render text with Lit, or go through ${SANITIZER}.`,
    },
    {
      selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|setHTMLUnsafe|createContextualFragment|parseHTMLUnsafe)$/]",
      message: `Parsing markup runs it. Go through ${SANITIZER}.`,
    },
    {
      selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
      message: 'document.write is never needed.',
    },
    { selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']", message: 'No eval: strict CSP forbids it.' },
  ],
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'bench/results/**', 'bench/.build/**', '.tmp-hk/**', '**/custom-elements.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...unsafeHtml,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'packages/*/test/**/*.ts', 'examples/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/*/src/**/*.ts'],
    rules: {
      'lit/no-template-bind': 'error',
      'lit/attribute-value-entities': 'error',
      'lit/no-invalid-html': 'error',
      'lit/no-useless-template-literals': 'error',
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['packages/*/test/**/*.ts', 'packages/*/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    // chai assertions are expressions (`expect(x).to.be.true`).
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: [SANITIZER],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
);
