/**
 * The browser vault at component level (issue 7, item 5): a host that opted in gives <hk-health-form> a
 * VaultStore. The draft and the sent response are kept encrypted (no answer, subject or form URL in the bytes),
 * expire, and logout (`wipe()`) deletes the database. The vault's own properties (fresh IVs, tamper detection,
 * non-extractable key, purge on open) are proven in packages/core/test/vault.test.ts.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import { openDB } from 'idb';
import { VaultStore, type VaultRecord } from '@helsekit/core/store';
import { fixtureInLang, settled } from '@helsekit/base/testing/index';
import '@helsekit/health-form/define';
import type { HkHealthForm } from '@helsekit/health-form';
import { preConsultation } from '../../health-form/test/fixtures.js';
import { button, inputFor, root } from '../../health-form/test/helpers.js';

const SECRET = 'Vondt-i-kneet-VAULT-8812';
const SUBJECT = 'Patient/vault-p1';
const FORM = 'https://helsekit.test/Questionnaire/pre';

async function rawRecords(name: string): Promise<VaultRecord[]> {
  const db = await openDB(name);
  try {
    return (await db.getAll('records')) as VaultRecord[];
  } finally {
    db.close();
  }
}

/** Whether `text` can be read anywhere in a stored record: in the clear fields, or as UTF-8 or UTF-16 bytes. */
function readable(record: VaultRecord, text: string): boolean {
  const bytes = new Uint8Array(record.data);
  const latin1 = new TextDecoder('latin1').decode(bytes);
  const utf16 = Array.from(text, (c) => `${c}\u0000`).join('');
  const clear = JSON.stringify({ ...record, data: undefined, iv: undefined });
  return clear.includes(text) || latin1.includes(unescape(encodeURIComponent(text))) || latin1.includes(utf16);
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}


describe('<hk-health-form> with the browser vault (opt-in)', () => {
  const dbName = `hk-vault-flow-${Math.random().toString(36).slice(2)}`;
  let now = Date.parse('2026-05-17T10:00:00Z');
  let vault: VaultStore;

  before(async () => {
    vault = await VaultStore.open({ optIn: true, dbName, ttlMs: 60 * 60_000, now: () => now });
  });
  after(async () => {
    await vault.wipe().catch(() => undefined);
  });

  it('keeps the draft and the sent response encrypted; they expire; logout wipes the database', async function () {
    this.timeout(30000);
    const el = await fixtureInLang<HkHealthForm>(html`<hk-health-form .questionnaire=${preConsultation()} .store=${vault} subject=${SUBJECT}></hk-health-form>`);
    await until(() => el.step === 'filling', 'the form');
    await settled(el);
    const input = inputFor(el, 'Hva gjelder timen?');
    const saved = oneEvent(el, 'hk-draft-saved');
    input.value = SECRET;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await saved;

    // The draft is in IndexedDB, encrypted.
    let records = await rawRecords(dbName);
    expect(records.map((r) => r.kind)).to.deep.equal(['draft']);
    for (const text of [SECRET, SUBJECT, 'vault-p1', FORM, 'Hva gjelder timen']) expect(readable(records[0]!, text), text).to.be.false;
    expect(JSON.stringify((await vault.loadDraft({ questionnaire: FORM, subject: SUBJECT }))!.response)).to.contain(SECRET);

    // Sent: the response is stored (encrypted) and the draft is gone.
    button(el, 'Neste').click();
    await settled(el);
    button(el, 'Se over svarene').click();
    await settled(el);
    button(el, 'Neste').click();
    await settled(el);
    root(el).querySelector<HTMLInputElement>('#consent-check')!.click();
    await settled(el);
    button(el, 'Send').click();
    await until(() => el.step === 'submitted', 'submitted');
    records = await rawRecords(dbName);
    expect(records.map((r) => r.kind)).to.deep.equal(['QuestionnaireResponse']);
    for (const text of [SECRET, SUBJECT, 'vault-p1', FORM]) expect(readable(records[0]!, text), text).to.be.false;
    const kept = await vault.search('QuestionnaireResponse', { subject: SUBJECT });
    expect(JSON.stringify(kept.items)).to.contain(SECRET);

    // Expired: gone on the next read, and from the database.
    now += 61 * 60_000;
    expect((await vault.search('QuestionnaireResponse', { subject: SUBJECT })).items).to.deep.equal([]);
    await until(async () => (await rawRecords(dbName)).length === 0, 'the expired record to be purged');

    // Logout: the whole database goes.
    await vault.put({ resourceType: 'QuestionnaireResponse', status: 'completed', subject: { reference: SUBJECT }, item: [{ linkId: 'reason', answer: [{ valueString: SECRET }] }] });
    expect((await indexedDB.databases()).map((d) => d.name)).to.include(dbName);
    await vault.wipe();
    expect((await indexedDB.databases()).map((d) => d.name)).not.to.include(dbName);
    el.parentElement!.remove();
  });
});
