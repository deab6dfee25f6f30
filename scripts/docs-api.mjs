#!/usr/bin/env node
// Writes the API tables in docs/components/*.md from each package's custom-elements.json, between
// `<!-- api:<tag> -->` and `<!-- /api:<tag> -->`. Everything outside the markers is hand-written and kept.
// Elements of @helsekit/base go to docs/components/base.md; others to docs/components/<tag without hk->.md.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const docsDir = join(root, 'docs', 'components');
mkdirSync(docsDir, { recursive: true });

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim() || '—';
const code = (text) => (text ? `\`${String(text).replace(/\|/g, '\\|')}\`` : '—');

function table(title, headers, rows) {
  if (!rows.length) return '';
  return [`#### ${title}`, '', `| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''].join('\n');
}

function render(element) {
  const fields = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && (!m.privacy || m.privacy === 'public') && !m.name.startsWith('#'));
  const attributeOf = new Map((element.attributes ?? []).map((a) => [a.fieldName, a.name]));
  const methods = (element.members ?? []).filter((m) => m.kind === 'method' && !m.static && (!m.privacy || m.privacy === 'public') && !m.name.startsWith('#') && m.description);
  return [
    `### \`<${element.tagName}>\``,
    '',
    element.summary ?? '',
    '',
    element.description ? `${element.description}\n` : '',
    table(
      'Properties and attributes',
      ['property', 'attribute', 'type', 'default', 'description'],
      fields.map((f) => [code(f.name), code(attributeOf.get(f.name)), code(f.type?.text), code(f.default), cell(f.description)]),
    ),
    table('Methods', ['method', 'description'], methods.map((m) => [code(`${m.name}()`), cell(m.description)])),
    table('Events', ['event', 'description'], (element.events ?? []).map((e) => [code(e.name), cell(e.description)])),
    table('Slots', ['slot', 'description'], (element.slots ?? []).map((s) => [code(s.name || '(default)'), cell(s.description)])),
    table('CSS parts', ['part', 'description'], (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])),
    table('CSS custom properties', ['property', 'description'], (element.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)])),
    table('Custom states', ['state', 'description'], (element.cssStates ?? []).map((s) => [code(`:state(${s.name})`), cell(s.description)])),
  ]
    .filter(Boolean)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const written = new Map();
for (const pkg of readdirSync(join(root, 'packages'))) {
  const manifestPath = join(root, 'packages', pkg, 'custom-elements.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const mod of manifest.modules) {
    for (const element of mod.declarations ?? []) {
      if (!element.tagName) continue;
      const file = join(docsDir, pkg === 'base' ? 'base.md' : `${element.tagName.replace(/^hk-/, '')}.md`);
      let text = written.get(file) ?? (existsSync(file) ? readFileSync(file, 'utf8') : `# ${pkg === 'base' ? 'Base elements' : `<${element.tagName}>`}\n\n## API\n`);
      const start = `<!-- api:${element.tagName} -->`;
      const end = `<!-- /api:${element.tagName} -->`;
      const block = `${start}\n${render(element)}\n${end}`;
      const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
      text = pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`;
      written.set(file, text);
    }
  }
}
for (const [file, text] of written) writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
console.log(`docs-api: ${written.size} file(s) updated`);
