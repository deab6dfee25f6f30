import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkLayers } from './check-layers.mjs';

function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'hk-layers-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const good = {
  'packages/core/src/index.ts': "import { setup } from 'xstate';\nexport const x = setup;\n// document.title in a comment is fine\n",
  'packages/base/src/index.ts': "import { x } from '@helsekit/core';\nimport { LitElement } from 'lit';\n",
  'packages/protocols/src/index.ts': "import type { Protocol } from '@helsekit/core/triage';\n",
  'packages/triage/src/triage.element.ts': "import '@helsekit/base';\nimport '@helsekit/core';\nimport '@helsekit/protocols';\n",
  'packages/health-form/src/index.ts': "const survey = () => import('@helsekit/core/survey');\n",
  'packages/helsekit/src/index.ts': "export * from '@helsekit/triage';\nexport * from '@helsekit/health-form';\n",
};

const roots = [];
const make = (files) => {
  const root = tree(files);
  roots.push(root);
  return root;
};
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe('check-layers', () => {
  it('passes a tree whose imports go down', () => {
    assert.deepEqual(checkLayers(make(good)), []);
  });

  const wrong = [
    ['core importing base', 'packages/core/src/bad.ts', "import { HkElement } from '@helsekit/base';", /core imports "@helsekit\/base"/],
    ['core importing lit', 'packages/core/src/bad.ts', "import { html } from 'lit';", /core has no Lit/],
    ['core touching the DOM', 'packages/core/src/bad.ts', 'export const title = () => document.title;', /core touches the DOM \("document"\)/],
    ['base importing a component', 'packages/base/src/bad.ts', "import '@helsekit/triage';", /imports go down the layers only/],
    ['a component importing another', 'packages/triage/src/bad.ts', "import '@helsekit/health-form';", /components never import each other/],
    ['a dynamic import going up', 'packages/core/src/bad.ts', "const m = () => import('@helsekit/triage');", /core imports "@helsekit\/triage"/],
    ['a relative path into another package', 'packages/triage/src/bad.ts', "import '../../base/src/index.js';", /relative path/],
  ];
  for (const [name, path, code, message] of wrong) {
    it(`fails on ${name}`, () => {
      const violations = checkLayers(make({ ...good, [path]: code }));
      assert.equal(violations.length, 1, violations.join('\n'));
      assert.match(violations[0], message);
    });
  }
});
