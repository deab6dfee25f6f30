// The examples index (what `npm start` opens) links every example page, so none is lost.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));

it('examples/index.html links every example page', () => {
  const index = readFileSync(join(examples, 'index.html'), 'utf8');
  const pages = readdirSync(examples).filter((name) => existsSync(join(examples, name, 'index.html')));
  assert.ok(pages.length >= 10, `found ${pages.length} example pages`);
  for (const page of pages) assert.match(index, new RegExp(`href="/${page}/`), `${page} is not linked`);
});
