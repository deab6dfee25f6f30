/**
 * Property: with optimistic version checks, no newer write is ever lost.
 *
 * Several writers run concurrently (interleaved by fast-check's scheduler). Each loads the current version,
 * writes a unique marker based on it, and sometimes retries after a conflict. Afterwards:
 * - the successful writes form one chain: each was based on the version the previous success produced
 *   (the first on "nothing stored"), so no success overwrote a write it had not seen;
 * - what is stored is the last success of that chain, and its version is the last returned version.
 *
 * Checked for the memory adapter and for the vault's rules (the shared `checkVersion` plus the read,
 * asynchronous encrypt, compare-and-swap commit that VaultStore does), here with a Map standing in for
 * IndexedDB. The same property runs against the real VaultStore in Chromium (packages/core/test/vault.test.ts).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Observation, QuestionnaireResponse } from 'fhir/r4';
import { checkVersion, nextVersion } from './local-rules.js';
import { MemoryStore, StoreError } from './index.js';
import type { DraftKey } from './index.js';

interface DraftPort {
  saveDraft(key: DraftKey, response: QuestionnaireResponse, expected: string | null): Promise<string>;
  loadDraft(key: DraftKey): Promise<{ version: string; response: QuestionnaireResponse } | undefined>;
}

/** The vault's write path with the crypto and IndexedDB replaced by awaits the scheduler can interleave. */
class VaultLike implements DraftPort {
  readonly #records = new Map<string, { version: string; body: string }>();
  constructor(private readonly tick: () => Promise<void>) {}

  async saveDraft(key: DraftKey, response: QuestionnaireResponse, expected: string | null): Promise<string> {
    const k = key.questionnaire;
    await this.tick(); // read transaction
    const existing = this.#records.get(k);
    checkVersion('The draft', existing?.version, expected);
    const version = nextVersion(existing?.version);
    await this.tick(); // encrypt (asynchronous, outside any transaction)
    const body = JSON.stringify(response);
    // commit: one readwrite transaction, compare-and-swap on the version read above
    const current = this.#records.get(k);
    checkVersion('The draft', current?.version, existing?.version ?? null);
    this.#records.set(k, { version, body });
    return version;
  }

  async loadDraft(key: DraftKey) {
    await this.tick();
    const r = this.#records.get(key.questionnaire);
    return r && { version: r.version, response: JSON.parse(r.body) as QuestionnaireResponse };
  }
}

const key: DraftKey = { questionnaire: 'https://helsekit.no/fhir/Questionnaire/phq-9', subject: 'Patient/a' };
const marked = (marker: string): QuestionnaireResponse => ({
  resourceType: 'QuestionnaireResponse',
  status: 'in-progress',
  item: [{ linkId: 'marker', answer: [{ valueString: marker }] }],
});
const markerOf = (r: QuestionnaireResponse | undefined) => r?.item?.[0]?.answer?.[0]?.valueString;

interface Success {
  based: string | null;
  version: string;
  marker: string;
}

async function writer(port: DraftPort, id: number, attempts: number, successes: Success[]): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await port.loadDraft(key);
    const based = current?.version ?? null;
    const marker = `w${id}-a${attempt}`;
    try {
      const version = await port.saveDraft(key, marked(marker), based);
      successes.push({ based, version, marker });
    } catch (error) {
      if (!(error instanceof StoreError) || error.code !== 'conflict') throw error;
    }
  }
}

function assertChain(successes: Success[], stored: { version: string; response: QuestionnaireResponse } | undefined): void {
  const byBase = new Map<string | null, Success>();
  for (const s of successes) {
    assert.ok(!byBase.has(s.based), `two writes both succeeded from version ${String(s.based)}: one was lost`);
    byBase.set(s.based, s);
  }
  let at: string | null = null;
  let last: Success | undefined;
  let chained = 0;
  for (let s = byBase.get(at); s && chained <= successes.length; s = byBase.get(at)) {
    last = s;
    at = s.version;
    chained++;
  }
  assert.equal(chained, successes.length, 'every successful write is on the one chain');
  assert.equal(stored?.version, last?.version);
  assert.equal(markerOf(stored?.response), last?.marker, 'the stored draft is the newest successful write');
}

const scenario = fc.record({
  writers: fc.integer({ min: 1, max: 5 }),
  attempts: fc.integer({ min: 1, max: 4 }),
});

describe('optimistic versions never lose a newer write', () => {
  it('MemoryStore drafts, under arbitrary interleavings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), scenario, async (s, { writers, attempts }) => {
        const inner = new MemoryStore();
        const port: DraftPort = {
          saveDraft: (k, r, e) => s.schedule(inner.saveDraft(k, r, e)),
          loadDraft: (k) => s.schedule(inner.loadDraft(k)),
        };
        const successes: Success[] = [];
        const done = Promise.all(Array.from({ length: writers }, (_, i) => writer(port, i, attempts, successes)));
        await s.waitFor(done);
        assertChain(successes, await inner.loadDraft(key));
        assert.ok(successes.length >= 1);
      }),
      { numRuns: 200 },
    );
  });

  it('the vault write path (read, encrypt, compare-and-swap), under arbitrary interleavings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), scenario, async (s, { writers, attempts }) => {
        const port = new VaultLike(() => s.schedule(Promise.resolve()));
        const successes: Success[] = [];
        const done = Promise.all(Array.from({ length: writers }, (_, i) => writer(port, i, attempts, successes)));
        await s.waitFor(done);
        const stored = await s.waitFor(port.loadDraft(key));
        assertChain(successes, stored);
      }),
      { numRuns: 200 },
    );
  });

  it('MemoryStore resources: updates from a stale version are refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 30 }), async (picks) => {
        const store = new MemoryStore();
        const created = await store.put<Observation>({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, valueInteger: -1 });
        const seen: Observation[] = [created];
        let latest = created;
        for (const [i, pick] of picks.entries()) {
          const base = seen[Math.max(0, seen.length - 1 - pick)]!;
          try {
            latest = await store.put({ ...base, valueInteger: i });
            assert.equal(base.meta?.versionId, seen.at(-1)!.meta?.versionId, 'only the current version may be updated');
            seen.push(latest);
          } catch (error) {
            assert.ok(error instanceof StoreError && error.code === 'conflict');
            assert.notEqual(base.meta?.versionId, seen.at(-1)!.meta?.versionId);
          }
        }
        assert.equal((await store.get('Observation', created.id!)).valueInteger, latest.valueInteger);
      }),
      { numRuns: 200 },
    );
  });
});
