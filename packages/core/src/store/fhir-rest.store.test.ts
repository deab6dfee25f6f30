/**
 * FhirRestStore against the real local FHIR server (examples/fhir-server), started in-process on an ephemeral
 * loopback port. Retry and error-mapping cases that a healthy server cannot produce use an injected fetch.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Bundle, Flag, Observation, QuestionnaireResponse } from 'fhir/r4';
import { allRedFlags, answerDomain, decide, toTriageTransaction } from '../triage/index.js';
import { fixtureProtocol } from '../triage/triage.fixtures.js';
import { collectPages, FhirRestStore, StoreError } from './index.js';
import type { FhirRestStoreOptions } from './index.js';

interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}
// Loaded by URL so core's typecheck and layer rules do not reach into examples/.
const serverModule = new URL('../../../../examples/fhir-server/app.ts', import.meta.url).href;

let server: RunningServer;
let base: string;
const run = Math.random().toString(36).slice(2, 8);

before(async () => {
  const { startFhirServer } = (await import(serverModule)) as {
    startFhirServer(o: { port: number; seed: { anchor: Date } }): Promise<RunningServer>;
  };
  server = await startFhirServer({ port: 0, seed: { anchor: new Date('2026-05-17T00:00:00Z') } });
  base = server.baseUrl;
});
after(async () => server?.close());

function store(extra: Partial<FhirRestStoreOptions> = {}): FhirRestStore {
  return new FhirRestStore({ baseUrl: base, allowedBaseUrls: [base], ...extra });
}

function pulse(subject: string, day: number, value: number): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
    subject: { reference: subject },
    effectiveDateTime: `2026-04-${String(day).padStart(2, '0')}T08:00:00Z`,
    valueQuantity: { value, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
  };
}

function draftBody(subject: string, text: string): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'in-progress',
    subject: { reference: subject },
    item: [{ linkId: 'q1', answer: [{ valueString: text }] }],
  };
}

async function rejects(promise: Promise<unknown>, code: StoreError['code'], status?: number): Promise<StoreError> {
  let caught: unknown;
  await assert.rejects(promise, (error: unknown) => {
    caught = error;
    return error instanceof StoreError && error.code === code && (status === undefined || error.status === status);
  });
  return caught as StoreError;
}

/** A fetch that answers from a list of canned responses and records the calls. */
function scripted(responses: Array<Response | Error>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/fhir+json', ...headers } });

describe('FhirRestStore against the local server', () => {
  it('creates, reads and updates with If-Match; a stale version is a conflict (HTTP 412)', async () => {
    const s = store();
    const created = await s.put(pulse(`Patient/c-${run}`, 1, 70));
    assert.ok(created.id);
    assert.ok(created.meta?.versionId);
    const read = await s.get('Observation', created.id!);
    assert.equal(read.valueQuantity?.value, 70);
    const updated = await s.put({ ...read, valueQuantity: { ...read.valueQuantity, value: 71 } });
    assert.notEqual(updated.meta?.versionId, created.meta?.versionId);
    const error = await rejects(s.put({ ...read, valueQuantity: { ...read.valueQuantity, value: 72 } }), 'conflict', 412);
    assert.equal(error.retryable, false);
    assert.equal(error.outcome?.resourceType, 'OperationOutcome');
    assert.equal((await s.get('Observation', created.id!)).valueQuantity?.value, 71, 'the newer write is kept');
    await rejects(s.get('Observation', 'does-not-exist'), 'not-found', 404);
    await rejects(s.get('Observation', '../Patient/x'), 'invalid');
  });

  it('conditional create (If-None-Exist) does not duplicate', async () => {
    const s = store();
    const obs = { ...pulse(`Patient/cc-${run}`, 2, 80), identifier: [{ system: 'urn:helsekit:test', value: `id-${run}` }] };
    const first = await s.put(obs, { ifNoneExist: { identifier: `urn:helsekit:test|id-${run}` } });
    const second = await s.put(obs, { ifNoneExist: { identifier: `urn:helsekit:test|id-${run}` } });
    assert.equal(second.id, first.id);
  });

  it('searches with paging by following Bundle.link next (bounded), newest first', async () => {
    const s = store();
    const subject = `Patient/paging-${run}`;
    for (let day = 1; day <= 7; day++) await s.put(pulse(subject, day, 60 + day));
    const page1 = await s.search('Observation', { subject, code: 'http://loinc.org|8867-4', count: 3 });
    assert.equal(page1.total, 7);
    assert.deepEqual(page1.items.map((o) => o.valueQuantity?.value), [67, 66, 65]);
    assert.ok(page1.next?.startsWith(`${base}/`), 'the cursor is the server next link, under the base');
    const page2 = await s.search('Observation', { cursor: page1.next! });
    assert.deepEqual(page2.items.map((o) => o.valueQuantity?.value), [64, 63, 62]);
    const all = await collectPages(s, 'Observation', { subject, count: 3 });
    assert.equal(all.items.length, 7);
    assert.equal(all.truncated, false);
    assert.equal((await collectPages(s, 'Observation', { subject, count: 3 }, 2)).truncated, true);
    const ranged = await s.search('Observation', { subject, from: '2026-04-03', to: '2026-04-05T23:59:59Z' });
    assert.deepEqual(ranged.items.map((o) => o.valueQuantity?.value), [65, 64, 63]);
  });

  it('finds the seeded demo data (responses by questionnaire, blood pressure by code and date)', async () => {
    const s = store();
    const phq = await s.search('QuestionnaireResponse', {
      subject: 'Patient/aisha-larsen',
      questionnaire: 'https://helsekit.no/fhir/Questionnaire/phq-9',
    });
    assert.equal(phq.total, 3);
    const bp = await s.search('Observation', {
      subject: 'Patient/kari-nordmann',
      code: 'http://loinc.org|85354-9',
      from: '2026-05-01',
      count: 5,
    });
    assert.ok(bp.items.length > 0);
    assert.ok(bp.items.every((o) => o.component?.length === 2));
    const drafts = await s.search('QuestionnaireResponse', { subject: 'Patient/ingrid-johansen' });
    assert.ok(drafts.items.every((r) => r.status !== 'in-progress'), 'the seeded draft is not a search result');
  });

  it('finds a Questionnaire by its canonical URL, with or without a version, and says when there is none', async () => {
    const s = store();
    const form = await s.findQuestionnaire('https://helsekit.no/fhir/Questionnaire/sykehus-forhandsskjema');
    assert.equal(form?.id, 'sykehus-forhandsskjema');
    assert.equal((await s.findQuestionnaire('https://helsekit.no/fhir/Questionnaire/sykehus-forhandsskjema|1.0.0'))?.id, 'sykehus-forhandsskjema');
    assert.equal(await s.findQuestionnaire('https://helsekit.no/fhir/Questionnaire/sykehus-forhandsskjema|9.9.9'), undefined);
    assert.equal(await s.findQuestionnaire('https://helsekit.no/fhir/Questionnaire/no-such-form'), undefined);
  });

  it('asks the host for the token on every request and never reuses it', async () => {
    let asked = 0;
    const seen: Array<string | null> = [];
    const s = store({
      getAccessToken: () => `token-${++asked}`,
      fetch: ((url: string, init: RequestInit) => {
        seen.push(new Headers(init.headers).get('Authorization'));
        return fetch(url, init);
      }) as typeof fetch,
    });
    const created = await s.put(pulse(`Patient/t-${run}`, 3, 75));
    await s.get('Observation', created.id!);
    await s.search('Observation', { subject: `Patient/t-${run}` });
    assert.equal(asked, 3);
    assert.deepEqual(seen, ['Bearer token-1', 'Bearer token-2', 'Bearer token-3']);
    assert.doesNotMatch(JSON.stringify(Object.values(s)), /token-/);
  });

  it('keeps drafts as in-progress responses with versions; stale saves and double creates conflict', async () => {
    const s = store();
    const key = { questionnaire: 'https://helsekit.no/fhir/Questionnaire/gad-7', subject: `Patient/d-${run}` };
    assert.equal(await s.loadDraft(key), undefined);
    const v1 = await s.saveDraft(key, draftBody(key.subject, 'one'), null);
    await rejects(s.saveDraft(key, draftBody(key.subject, 'other tab'), null), 'conflict');
    const v2 = await s.saveDraft(key, draftBody(key.subject, 'two'), v1);
    assert.notEqual(v2, v1);
    await rejects(s.saveDraft(key, draftBody(key.subject, 'stale'), v1), 'conflict', 412);
    const draft = await s.loadDraft(key);
    assert.equal(draft?.version, v2);
    assert.equal(draft?.response.status, 'in-progress');
    assert.equal(draft?.response.item?.[0]?.answer?.[0]?.valueString, 'two');
    const kept = await s.listSaved({ subject: key.subject });
    assert.deepEqual(kept.map((i) => i.kind), ['draft']);
    assert.doesNotMatch(JSON.stringify(kept), /two/);
    await rejects(s.deleteDraft(key, v1), 'conflict', 412);
    await s.deleteDraft(key, v2);
    assert.equal(await s.loadDraft(key), undefined);
    await rejects(s.saveDraft({ questionnaire: key.questionnaire }, draftBody(key.subject, 'x'), null), 'invalid');
  });

  it('lets only one of two concurrent first saves create the draft', async () => {
    const s = store();
    const key = { questionnaire: 'https://helsekit.no/fhir/Questionnaire/phq-9', subject: `Patient/race-${run}` };
    const results = await Promise.allSettled([
      s.saveDraft(key, draftBody(key.subject, 'a'), null),
      s.saveDraft(key, draftBody(key.subject, 'b'), null),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal((rejected.reason as StoreError).code, 'conflict');
  });
});

describe('FhirRestStore: Flag (worklist alert states)', () => {
  it('creates Flags and finds them by subject, newest first (date = period.start)', async () => {
    const s = store();
    const flag = (start: string, code: string): Flag => ({
      resourceType: 'Flag',
      status: 'active',
      code: { coding: [{ system: 'https://helsekit.no/fhir/CodeSystem/worklist-alert', code }] },
      subject: { reference: 'Patient/flag-test' },
      period: { start },
      author: { display: 'Lege Lise' },
    });
    const created = await s.put(flag('2026-05-01T08:00:00Z', 'acknowledged'));
    assert.ok(created.id);
    await s.put(flag('2026-05-02T08:00:00Z', 'snoozed'));
    const page = await s.search('Flag', { subject: 'Patient/flag-test' });
    assert.deepEqual(page.items.map((f) => f.code.coding?.[0]?.code), ['snoozed', 'acknowledged']);
    assert.equal((await s.get('Flag', created.id!)).author?.display, 'Lege Lise');
  });

  it('lists Flags among what is kept about the person, with their date (period.start)', async () => {
    const s = store();
    const subject = `Patient/flag-list-${run}`;
    const saved = await s.put<Flag>({
      resourceType: 'Flag',
      status: 'active',
      code: { coding: [{ system: 'https://helsekit.no/fhir/CodeSystem/worklist-alert', code: 'acknowledged' }] },
      subject: { reference: subject },
      period: { start: '2026-05-03T09:30:00Z' },
      author: { display: 'Lege Lise' },
    });
    await s.put(pulse(subject, 3, 72));
    const kept = await s.listSaved({ subject });
    const flags = kept.filter((i) => i.kind === 'Flag');
    assert.deepEqual(
      flags.map((f) => ({ id: f.id, version: f.version, date: f.date, subject: f.subject, code: f.code?.code })),
      [{ id: saved.id, version: saved.meta?.versionId, date: '2026-05-03T09:30:00Z', subject, code: 'acknowledged' }],
    );
    assert.deepEqual(kept.map((i) => i.kind).sort(), ['Flag', 'Observation']);
  });
});

describe('FhirRestStore base URL policy', () => {
  it('refuses http on a non-loopback host, even when allowlisted', () => {
    assert.throws(
      () => new FhirRestStore({ baseUrl: 'http://fhir.example.no/R4', allowedBaseUrls: ['http://fhir.example.no/R4'] }),
      (e: unknown) => e instanceof StoreError && e.code === 'refused-base-url',
    );
  });

  it('refuses an https base that is not on the allowlist, and credentials, queries and missing allowlists', () => {
    const refused = (baseUrl: string, allowedBaseUrls: string[]) =>
      assert.throws(
        () => new FhirRestStore({ baseUrl, allowedBaseUrls }),
        (e: unknown) => e instanceof StoreError && e.code === 'refused-base-url',
        baseUrl,
      );
    refused('https://evil.example/R4', ['https://fhir.example.no/R4']);
    refused('https://fhir.example.no/R4/other', ['https://fhir.example.no/R4']);
    refused('https://user:pw@fhir.example.no/R4', ['https://user:pw@fhir.example.no/R4']);
    refused('https://fhir.example.no/R4?x=1', ['https://fhir.example.no/R4?x=1']);
    refused('https://fhir.example.no/R4', []);
    refused('javascript:alert(1)', ['javascript:alert(1)']);
  });

  it('accepts https and loopback http on the allowlist (trailing slash ignored)', () => {
    assert.equal(new FhirRestStore({ baseUrl: 'https://fhir.example.no/R4/', allowedBaseUrls: ['https://fhir.example.no/R4'] }).baseUrl, 'https://fhir.example.no/R4');
    for (const host of ['127.0.0.1:8787', 'localhost:8787', '[::1]:8787']) {
      const url = `http://${host}/fhir/R4`;
      assert.equal(new FhirRestStore({ baseUrl: url, allowedBaseUrls: [url] }).baseUrl, url);
    }
  });

  it('refuses a next link outside the base without calling it', async () => {
    const { calls, fetchFn } = scripted([
      json(200, { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: 'https://evil.example/steal' }], entry: [] }),
    ]);
    const s = new FhirRestStore({ baseUrl: 'https://fhir.example.no/R4', allowedBaseUrls: ['https://fhir.example.no/R4'], fetch: fetchFn });
    await rejects(s.search('Observation'), 'refused-base-url');
    await rejects(s.search('Observation', { cursor: 'https://evil.example/steal' }), 'refused-base-url');
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.init.redirect, 'error');
  });
});

describe('FhirRestStore: findQuestionnaire', () => {
  it('searches under the base with the token and refuses redirects, so the search is not sent on to another server', async () => {
    const { calls, fetchFn } = scripted([json(200, { resourceType: 'Bundle', type: 'searchset', entry: [] })]);
    const s = new FhirRestStore({ baseUrl: 'https://fhir.example.no/R4', allowedBaseUrls: ['https://fhir.example.no/R4'], fetch: fetchFn, getAccessToken: () => 'tok' });
    assert.equal(await s.findQuestionnaire('https://forms.example.no/q|2'), undefined);
    assert.equal(calls[0]!.url, 'https://fhir.example.no/R4/Questionnaire?url=https%3A%2F%2Fforms.example.no%2Fq&version=2');
    assert.equal(calls[0]!.init.redirect, 'error');
    assert.equal(new Headers(calls[0]!.init.headers).get('authorization'), 'Bearer tok');
  });

  it('is a server error when the answer is not a Bundle', async () => {
    const { fetchFn } = scripted([json(200, { resourceType: 'Questionnaire' })]);
    const s = new FhirRestStore({ baseUrl: 'https://fhir.example.no/R4', allowedBaseUrls: ['https://fhir.example.no/R4'], fetch: fetchFn });
    await rejects(s.findQuestionnaire('https://forms.example.no/q'), 'server');
  });
});

describe('FhirRestStore retry and error mapping', () => {
  const BASE = 'https://fhir.example.no/R4';
  const make = (fetchFn: typeof fetch, waits: number[]) =>
    new FhirRestStore({ baseUrl: BASE, allowedBaseUrls: [BASE], fetch: fetchFn, random: () => 0.5, sleep: async (ms) => void waits.push(ms) });
  const bundle = { resourceType: 'Bundle', type: 'searchset', total: 0 };

  it('retries a GET on network errors and 503, with growing jittered backoff', async () => {
    const waits: number[] = [];
    const { calls, fetchFn } = scripted([new TypeError('offline'), json(503, {}), json(200, bundle)]);
    await make(fetchFn, waits).search('Observation');
    assert.equal(calls.length, 3);
    assert.deepEqual(waits, [125, 250]);
  });

  it('honours Retry-After on a 429 GET', async () => {
    const waits: number[] = [];
    const { fetchFn } = scripted([json(429, {}, { 'Retry-After': '2' }), json(200, bundle)]);
    await make(fetchFn, waits).search('Observation');
    assert.deepEqual(waits, [2000]);
  });

  it('gives up after the retry budget with a retryable error', async () => {
    const waits: number[] = [];
    const { calls, fetchFn } = scripted([json(503, {}), json(503, {}), json(503, {}), json(503, {})]);
    const error = await rejects(make(fetchFn, waits).get('Observation', 'x'), 'server', 503);
    assert.equal(error.retryable, true);
    assert.equal(calls.length, 4);
  });

  it('never retries a write on a network error or a plain 5xx', async () => {
    for (const failure of [new TypeError('offline'), json(500, {}), json(503, {})]) {
      const waits: number[] = [];
      const { calls, fetchFn } = scripted([failure]);
      await assert.rejects(make(fetchFn, waits).put(pulse('Patient/x', 1, 70)), StoreError);
      assert.equal(calls.length, 1);
      assert.deepEqual(waits, []);
    }
  });

  it('retries a write only on 429/503 with Retry-After', async () => {
    const waits: number[] = [];
    const created = { ...pulse('Patient/x', 1, 70), id: 'a1', meta: { versionId: '1' } };
    const { calls, fetchFn } = scripted([json(429, {}, { 'Retry-After': '1' }), json(201, created)]);
    const saved = await make(fetchFn, waits).put(pulse('Patient/x', 1, 70));
    assert.equal(saved.id, 'a1');
    assert.equal(calls.length, 2);
    assert.deepEqual(waits, [1000]);
  });

  it('maps statuses and OperationOutcomes to typed errors', async () => {
    const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'security', details: { text: 'Nope' } }] };
    const cases: Array<[number, StoreError['code']]> = [
      [400, 'invalid'], [401, 'unauthorized'], [403, 'forbidden'], [404, 'not-found'], [410, 'not-found'],
      [409, 'conflict'], [412, 'precondition-failed'], [422, 'invalid'], [500, 'server'],
    ];
    for (const [status, code] of cases) {
      const { fetchFn } = scripted([json(status, outcome)]);
      const error = await rejects(make(fetchFn, []).put(pulse('Patient/x', 1, 70)), code, status);
      assert.deepEqual(error.outcome, outcome);
      assert.match(error.message, /Nope/);
    }
    const { fetchFn } = scripted([json(429, {}, { 'Retry-After': '3600' })]);
    const limited = await rejects(make(fetchFn, []).get('Observation', 'x'), 'rate-limited', 429);
    assert.equal(limited.retryable, true, 'a Retry-After beyond the budget is not waited for');
  });

  it('turns a failing token callback into unauthorized, without calling fetch', async () => {
    const { calls, fetchFn } = scripted([]);
    const s = new FhirRestStore({
      baseUrl: BASE,
      allowedBaseUrls: [BASE],
      fetch: fetchFn,
      getAccessToken: () => Promise.reject(new Error('session ended')),
    });
    await rejects(s.get('Observation', 'x'), 'unauthorized');
    assert.equal(calls.length, 0);
  });
});

describe('the local FHIR server itself (examples/fhir-server)', () => {
  it('sends ETag and Location on create, and 412 for a stale If-Match', async () => {
    const body = JSON.stringify(pulse(`Patient/etag-${run}`, 4, 70));
    const created = await fetch(`${base}/Observation`, { method: 'POST', body, headers: { 'Content-Type': 'application/fhir+json' } });
    assert.equal(created.status, 201);
    const resource = (await created.json()) as Observation;
    assert.equal(created.headers.get('ETag'), `W/"${resource.meta?.versionId}"`);
    assert.ok(created.headers.get('Location')?.startsWith(`${base}/Observation/${resource.id}`));
    const put = (ifMatch: string) =>
      fetch(`${base}/Observation/${resource.id}`, {
        method: 'PUT',
        body: JSON.stringify(resource),
        headers: { 'Content-Type': 'application/fhir+json', 'If-Match': ifMatch },
      });
    assert.equal((await put(`W/"${resource.meta?.versionId}"`)).status, 200);
    assert.equal((await put(`W/"${resource.meta?.versionId}"`)).status, 412);
  });

  it('answers CORS for loopback dev origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/Observation`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT' } });
    for (const origin of ['http://127.0.0.1:5173', 'http://localhost:5173', 'http://127.0.0.1:8000']) {
      const res = await preflight(origin);
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), origin);
      assert.match(res.headers.get('Access-Control-Allow-Headers') ?? '', /If-Match/);
    }
    assert.equal((await preflight('https://evil.example')).headers.get('Access-Control-Allow-Origin'), null);
    const get = await fetch(`${base}/metadata`, { headers: { Origin: 'http://localhost:5173' } });
    assert.match(get.headers.get('Access-Control-Expose-Headers') ?? '', /ETag/);
  });

  it('refuses a non-loopback Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const url = new URL(`${base}/metadata`);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request({ host: url.hostname, port: url.port, path: url.pathname, headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    assert.equal(status, 421);
  });

  it('seeds patients with synthetic fødselsnummer that pass the mod-11 check, and a grey patient', async () => {
    const bundle = (await (await fetch(`${base}/Patient?_count=50`)).json()) as import('fhir/r4').Bundle;
    const fnrs = (bundle.entry ?? []).map((e) => (e.resource as import('fhir/r4').Patient).identifier?.find((i) => i.system === 'urn:oid:2.16.578.1.12.4.1.4.1')?.value ?? '');
    assert.ok(fnrs.length >= 5);
    const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    const k = (digits: number[], w: number[]) => (11 - (w.reduce((a, x, i) => a + x * digits[i]!, 0) % 11)) % 11;
    for (const fnr of fnrs) {
      const d = [...fnr].map(Number);
      assert.equal(d.length, 11);
      assert.equal(k(d, w1), d[9], fnr);
      assert.equal(k(d, w2), d[10], fnr);
      assert.ok(Number(fnr.slice(2, 4)) > 80, 'synthetic: month + 80');
    }
    const latest = await store().search('Observation', { subject: 'Patient/aisha-larsen', count: 1 });
    const last = Date.parse(latest.items[0]!.effectiveDateTime!);
    assert.ok(Date.parse('2026-05-17T00:00:00Z') - last > 14 * 86_400_000, 'no recent data for the grey patient');
  });

  it('offers a reset on loopback', async () => {
    const res = await fetch(new URL('/__hk/reset', base), { method: 'POST' });
    assert.equal(res.status, 200);
    assert.equal((await fetch(new URL('/__hk/reset', base))).status, 403, 'GET is not a reset');
  });
});

describe('FhirRestStore.transaction', () => {
  /** A triage result as the element posts it: QuestionnaireResponse, Observations, ServiceRequest and a Task. */
  function triageTransaction(): Bundle {
    const protocol = fixtureProtocol();
    const answers = Object.fromEntries(protocol.questions.map((q) => [q.id, answerDomain(protocol, q)[0]!]));
    const redFlagAnswers = Object.fromEntries(allRedFlags(protocol).map((f) => [f.id, 'no' as const]));
    const decision = decide(protocol, redFlagAnswers, answers);
    return toTriageTransaction(
      { protocol, redFlagAnswers, answers, decision },
      { subject: { reference: 'Patient/tx-subject' }, gpOffice: { display: 'Testbyen legekontor' } },
    );
  }

  it('posts a transaction Bundle to the local server, which resolves the urn:uuid references', async () => {
    const bundle = triageTransaction();
    const response = await store().transaction(bundle);
    assert.equal(response.resourceType, 'Bundle');
    assert.equal(response.type, 'transaction-response');
    assert.equal(response.entry?.length, bundle.entry!.length);
    for (const entry of response.entry!) assert.match(entry.response?.status ?? '', /^201/);
    const locations = response.entry!.map((e) => e.response!.location!);
    const taskLocation = locations.find((l) => l.includes('Task/'));
    assert.ok(taskLocation, 'the Task for the GP office inbox was created');
    const taskUrl = new URL(taskLocation!.replace(/\/_history\/.*$/, ''), `${base}/`).href;
    const task = (await (await fetch(taskUrl)).json()) as { focus?: { reference?: string } };
    assert.match(task.focus?.reference ?? '', /^(ServiceRequest|CarePlan)\/[^/]+$/, 'urn:uuid rewritten to a server id');
  });

  it('refuses a Bundle that is not a transaction without calling the server', async () => {
    const { calls, fetchFn } = scripted([]);
    await rejects(store({ fetch: fetchFn }).transaction({ resourceType: 'Bundle', type: 'collection' }), 'invalid');
    assert.equal(calls.length, 0);
  });

  it('is never retried, not even on a 429 or 503 with Retry-After, and maps errors as writes do', async () => {
    for (const failure of [new TypeError('offline'), json(503, {}, { 'Retry-After': '1' }), json(429, {}, { 'Retry-After': '1' }), json(500, {})]) {
      const waits: number[] = [];
      const { calls, fetchFn } = scripted([failure, json(200, { resourceType: 'Bundle', type: 'transaction-response' })]);
      const s = store({ fetch: fetchFn, sleep: async (ms) => void waits.push(ms) });
      await assert.rejects(s.transaction(triageTransaction()), StoreError);
      assert.equal(calls.length, 1);
      assert.deepEqual(waits, []);
    }
    const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', details: { text: 'Nope' } }] };
    const { calls, fetchFn } = scripted([json(403, outcome)]);
    const error = await rejects(store({ fetch: fetchFn, getAccessToken: () => 'tok' }).transaction(triageTransaction()), 'forbidden', 403);
    assert.match(error.message, /Nope/);
    assert.equal(calls[0]!.url, base);
    assert.equal(calls[0]!.init.method, 'POST');
    assert.equal(new Headers(calls[0]!.init.headers).get('Authorization'), 'Bearer tok');
  });
});
