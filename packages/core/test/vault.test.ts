/**
 * The browser vault in Chromium: real IndexedDB, real WebCrypto.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { QuestionnaireResponse } from 'fhir/r4';
import { openDB } from 'idb';
import { isStoreError, StoreError, VaultStore } from '../src/store/index.js';
import type { VaultKeys, VaultRecord, VaultStoreOptions } from '../src/store/index.js';

const SECRET = 'Hodepine-hver-morgen-SECRET-7431';
const PHQ9 = 'https://helsekit.no/fhir/Questionnaire/phq-9';
const SUBJECT = 'Patient/kari-nordmann';

function answer(text: string, status: QuestionnaireResponse['status'] = 'completed'): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    status,
    questionnaire: PHQ9,
    subject: { reference: SUBJECT },
    authored: '2026-05-17T10:00:00Z',
    item: [{ linkId: 'q1', text: 'Hva plager deg?', answer: [{ valueString: text }] }],
  };
}

let names: string[] = [];
function dbName(): string {
  const name = `hk-vault-test-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}

async function rawRecords(name: string): Promise<VaultRecord[]> {
  const db = await openDB(name);
  try {
    return (await db.getAll('records')) as VaultRecord[];
  } finally {
    db.close();
  }
}

async function rawPut(name: string, record: VaultRecord): Promise<void> {
  const db = await openDB(name);
  try {
    await db.put('records', record);
  } finally {
    db.close();
  }
}

async function expectStoreError(promise: Promise<unknown>, code: StoreError['code']): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    expect(isStoreError(error), String(error)).to.equal(true);
    expect((error as StoreError).code).to.equal(code);
    return error as StoreError;
  }
  throw new Error(`expected a StoreError ${code}, got a result`);
}

/** Every way the secret could appear in bytes: UTF-8, UTF-16LE, and in the structured record itself. */
function containsText(record: VaultRecord, text: string): boolean {
  const utf8 = new TextEncoder().encode(text);
  const utf16 = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) utf16[i * 2] = text.charCodeAt(i);
  const hay = new Uint8Array(record.data);
  const find = (needle: Uint8Array) => {
    outer: for (let i = 0; i + needle.length <= hay.length; i++) {
      for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
  const meta = JSON.stringify({ ...record, data: undefined, iv: Array.from(record.iv) });
  return find(utf8) || find(utf16) || meta.includes(text) || new TextDecoder('latin1').decode(hay).includes(text);
}

describe('VaultStore', () => {
  afterEach(async () => {
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve) => {
            const req = indexedDB.deleteDatabase(name);
            req.onsuccess = req.onerror = req.onblocked = () => resolve();
          }),
      ),
    );
    names = [];
  });

  it('is opt-in: constructing without { optIn: true } throws a typed error', () => {
    for (const options of [undefined, {}, { optIn: false }, { optIn: 'yes' }]) {
      let caught: unknown;
      try {
        new VaultStore(options as unknown as VaultStoreOptions);
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(StoreError);
      expect((caught as StoreError).code).to.equal('locked');
    }
  });

  it('stores no answer text (nor subject, nor questionnaire) in the bytes kept in IndexedDB', async () => {
    const name = dbName();
    const vault = await VaultStore.open({ optIn: true, dbName: name });
    const saved = await vault.put(answer(SECRET));
    await vault.saveDraft({ questionnaire: PHQ9, subject: SUBJECT }, answer(SECRET, 'in-progress'), null);
    expect((await vault.get('QuestionnaireResponse', saved.id!)).item?.[0]?.answer?.[0]?.valueString).to.equal(SECRET);

    const records = await rawRecords(name);
    expect(records.length).to.equal(2);
    for (const record of records) {
      expect(record.iv.byteLength).to.equal(12);
      for (const text of [SECRET, SUBJECT, 'kari-nordmann', PHQ9, 'phq-9', 'Hva plager deg']) {
        expect(containsText(record, text), `${record.kind} contains ${text}`).to.equal(false);
      }
    }
    await vault.close();
  });

  it('uses a fresh IV for every write', async () => {
    const name = dbName();
    const vault = await VaultStore.open({ optIn: true, dbName: name });
    const key = { questionnaire: PHQ9, subject: SUBJECT };
    const v1 = await vault.saveDraft(key, answer('same'), null);
    const [first] = await rawRecords(name);
    await vault.saveDraft(key, answer('same'), v1);
    const [second] = await rawRecords(name);
    expect(Array.from(second!.iv)).not.to.deep.equal(Array.from(first!.iv));
    await vault.close();
  });

  it('detects a flipped ciphertext byte with a typed error and returns nothing', async () => {
    const name = dbName();
    const vault = await VaultStore.open({ optIn: true, dbName: name });
    const saved = await vault.put(answer(SECRET));
    const [record] = await rawRecords(name);
    const bytes = new Uint8Array(record!.data.slice(0));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    await rawPut(name, { ...record!, data: bytes.buffer });

    const error = await expectStoreError(vault.get('QuestionnaireResponse', saved.id!), 'invalid');
    expect(error.message).not.to.contain(SECRET);
    await expectStoreError(vault.search('QuestionnaireResponse'), 'invalid');
    await vault.close();
  });

  it('binds the record id: a record copied under another id does not decrypt', async () => {
    const name = dbName();
    const vault = await VaultStore.open({ optIn: true, dbName: name });
    await vault.put(answer(SECRET));
    const [record] = await rawRecords(name);
    await rawPut(name, { ...record!, key: 'QuestionnaireResponse/moved' });
    await expectStoreError(vault.get('QuestionnaireResponse', 'moved'), 'invalid');
    // and an extended expiry is detected too
    await rawPut(name, { ...record!, expiresAt: record!.expiresAt + 1e10 });
    await expectStoreError(vault.get('QuestionnaireResponse', record!.key.split('/')[1]!), 'invalid');
    await vault.close();
  });

  it('purges expired records on open and on read', async () => {
    const name = dbName();
    let now = Date.parse('2026-05-17T10:00:00Z');
    const clock = () => now;
    const vault = await VaultStore.open({ optIn: true, dbName: name, ttlMs: 60_000, now: clock });
    const short = await vault.put(answer('short'));
    await vault.put(answer('long'), { expiresAt: '2026-06-17T10:00:00Z' });
    await vault.saveDraft({ questionnaire: PHQ9, subject: SUBJECT }, answer('draft'), null);
    expect((await rawRecords(name)).length).to.equal(3);

    now += 61_000;
    await expectStoreError(vault.get('QuestionnaireResponse', short.id!), 'expired');
    expect(await vault.loadDraft({ questionnaire: PHQ9, subject: SUBJECT })).to.equal(undefined);
    expect((await rawRecords(name)).length).to.equal(1);
    await vault.close();

    now = Date.parse('2026-07-01T00:00:00Z');
    const reopened = await VaultStore.open({ optIn: true, dbName: name, now: clock });
    expect((await rawRecords(name)).length).to.equal(0, 'purged when the vault opened');
    expect((await reopened.search('QuestionnaireResponse')).items).to.deep.equal([]);
    await reopened.close();
  });

  it('wipe() deletes the whole database and locks the instance', async () => {
    const name = dbName();
    const vault = await VaultStore.open({ optIn: true, dbName: name });
    await vault.put(answer(SECRET));
    expect((await indexedDB.databases()).map((d) => d.name)).to.include(name);
    await vault.wipe();
    expect((await indexedDB.databases()).map((d) => d.name)).not.to.include(name);
    await expectStoreError(vault.search('QuestionnaireResponse'), 'locked');
  });

  it('keeps a non-extractable AES-GCM 256 key, as a CryptoKey object', async () => {
    const name = dbName();
    const vault = await VaultStore.open({ optIn: true, dbName: name });
    await vault.put(answer(SECRET));
    await vault.close();
    const db = await openDB(name);
    const keys = (await db.get('keys', 'v1')) as VaultKeys;
    db.close();
    expect(keys.aes).to.be.instanceOf(CryptoKey);
    expect(keys.aes.extractable).to.equal(false);
    expect((keys.aes.algorithm as AesKeyAlgorithm).name).to.equal('AES-GCM');
    expect((keys.aes.algorithm as AesKeyAlgorithm).length).to.equal(256);
    expect(keys.hmac.extractable).to.equal(false);
    let exported = true;
    try {
      await crypto.subtle.exportKey('raw', keys.aes);
    } catch {
      exported = false;
    }
    expect(exported).to.equal(false);
  });

  it('shares version checks with the other adapters: stale saves conflict, the newest write is kept', async () => {
    const name = dbName();
    const vault = await VaultStore.open({ optIn: true, dbName: name });
    const key = { questionnaire: PHQ9, subject: SUBJECT };
    const v1 = await vault.saveDraft(key, answer('one'), null);
    await expectStoreError(vault.saveDraft(key, answer('other tab'), null), 'conflict');
    const v2 = await vault.saveDraft(key, answer('two'), v1);
    await expectStoreError(vault.saveDraft(key, answer('stale'), v1), 'conflict');
    expect((await vault.loadDraft(key))?.version).to.equal(v2);
    const saved = await vault.put(answer('r1'));
    const updated = await vault.put({ ...saved, status: 'amended' });
    await expectStoreError(vault.put({ ...saved, status: 'stopped' }), 'conflict');
    expect((await vault.get('QuestionnaireResponse', saved.id!)).meta?.versionId).to.equal(updated.meta?.versionId);
    const kept = await vault.listSaved({ subject: SUBJECT });
    expect(kept.map((i) => i.kind).sort()).to.deep.equal(['QuestionnaireResponse', 'draft']);
    expect(JSON.stringify(kept)).not.to.contain('two');
    await vault.close();
  });

  it('property: concurrent writers never lose a newer write', async () => {
    const name = dbName();
    const vault = await VaultStore.open({ optIn: true, dbName: name });
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 3 }), async (writers, attempts) => {
        const key = { questionnaire: `${PHQ9}/${round++}`, subject: SUBJECT };
        const wins: Array<{ based: string | null; version: string; marker: string }> = [];
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let a = 0; a < attempts; a++) {
              const based = (await vault.loadDraft(key))?.version ?? null;
              const marker = `w${w}a${a}`;
              try {
                wins.push({ based, version: await vault.saveDraft(key, answer(marker), based), marker });
              } catch (error) {
                if (!isStoreError(error, 'conflict')) throw error;
              }
            }
          }),
        );
        const byBase = new Map(wins.map((s) => [s.based, s]));
        expect(byBase.size, 'no two writes succeeded from the same version').to.equal(wins.length);
        let at: string | null = null;
        let last;
        for (let s = byBase.get(at); s; s = byBase.get(at)) [last, at] = [s, s.version];
        const stored = await vault.loadDraft(key);
        expect(stored?.version).to.equal(last?.version);
        expect(stored?.response.item?.[0]?.answer?.[0]?.valueString).to.equal(last?.marker);
      }),
      { numRuns: 15 },
    );
    await vault.close();
  });
});
