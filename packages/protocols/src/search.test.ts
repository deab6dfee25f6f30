/**
 * Every shipped protocol's `searchTests`, run against the real search over every protocol file in this folder
 * (read from disk, so a protocol being added is tested before it is listed in `index.ts`): each `find` query finds
 * it, among the first five; no `notFind` query finds it at all.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { searchProtocols, type Protocol } from '@helsekit/core/triage';

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const protocols = files.map((file) => ({ file, protocol: JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as Protocol }));
const all = protocols.map((p) => p.protocol);
const TOP = 5;

const hitsFor = (query: string): string[] => searchProtocols(all, query).map((h) => h.protocol.id);

describe('protocol searchTests', () => {
  it('there are protocol files', () => assert.ok(files.length > 0));

  for (const { file, protocol } of protocols) {
    const tests = (protocol as Partial<Protocol>).searchTests;
    describe(file, () => {
      if (!tests || (!(tests.find?.length ?? 0) && !(tests.notFind?.length ?? 0))) {
        it('has searchTests', (t) => t.skip(`${file} has no searchTests yet`));
        return;
      }
      for (const query of tests.find ?? []) {
        it(`finds it by ${JSON.stringify(query)}`, () => {
          const hits = hitsFor(query);
          const at = hits.indexOf(protocol.id);
          assert.ok(at >= 0, `${JSON.stringify(query)} does not find ${protocol.id}; it finds ${JSON.stringify(hits)}`);
          assert.ok(at < TOP, `${JSON.stringify(query)} finds ${protocol.id} only at place ${at + 1}: ${JSON.stringify(hits)}`);
        });
      }
      for (const query of tests.notFind ?? []) {
        it(`does not find it by ${JSON.stringify(query)}`, () => {
          const hits = hitsFor(query);
          assert.ok(!hits.includes(protocol.id), `${JSON.stringify(query)} finds ${protocol.id}: ${JSON.stringify(hits)}`);
        });
      }
    });
  }
});
