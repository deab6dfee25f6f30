/**
 * Issue 7, item 3: hostile and broken input. Property-based (fast-check, seeded) over every entry point that reads
 * a document from outside: Questionnaire → questionnaireToSurvey, buildQuestionnaireResponse, responseToAnswers;
 * triage protocol → verifyProtocol, and the machine's start when the verifier accepts; Observation →
 * readObservations, evaluatePlan, groupNews2Set, scoreNews2; Bundle → the FHIR store's search/paging.
 *
 * Inputs are arbitrary JSON-ish values and valid documents mutated at random paths (dropped fields, wrong types,
 * huge strings, deep nesting, cycles). The property: never an uncaught exception, always a typed error
 * (HkFhirError, StoreError, a verifier report) or a valid result. Size and depth bounds are separate examples.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { buildQuestionnaireResponse, HkFhirError, questionnaireToSurvey, responseToAnswers, type Result } from '../fhir/index.js';
import { fixtureProtocol } from '../triage/triage.fixtures.js';
import { triageMachine, verifyProtocol, type Protocol } from '../triage/index.js';
import { buildVitalSignObservation, DEFAULT_PLAN, evaluatePlan, groupNews2Set, readObservations, scoreNews2, type News2Set } from '../measurements/index.js';
import { collectPages, FhirRestStore, MemoryStore, StoreError } from '../store/index.js';

const RUNS = { numRuns: 200, seed: 20261122 } as const;
const FEW = { numRuns: 60, seed: 20261122 } as const;

const phq9 = JSON.parse(readFileSync(new URL('../fhir/fixtures/phq9.questionnaire.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const allTypes = JSON.parse(readFileSync(new URL('../../test-fixtures/questionnaires/sdc-test-all-data-types.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const enableWhen = JSON.parse(readFileSync(new URL('../../test-fixtures/questionnaires/sdc-test-enablewhen.json', import.meta.url), 'utf8')) as Record<string, unknown>;


/**
 * `fc.assert` with a short failure: the error, the seed and path to replay it, and the first 1 500 characters of
 * the counterexample (a mutated PHQ-9 is megabytes of JSON).
 */
async function holds<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, params: fc.Parameters<Ts>): Promise<void> {
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, params);
  if (!details.failed) return;
  let example: string;
  try {
    example = fc.stringify(details.counterexample).slice(0, 1500);
  } catch {
    example = '(unprintable)';
  }
  const error = details.errorInstance instanceof Error ? `${details.errorInstance.name}: ${details.errorInstance.message}` : String(details.errorInstance);
  throw new Error(`Property failed (seed ${details.seed}, path "${details.counterexamplePath}") with ${error}\nCounterexample: ${example}`);
}

// ---- arbitraries -------------------------------------------------------------------------------------------

/** Values that break assumptions: wrong types, huge and odd strings, NaN, prototypes, nesting. */
const nasty = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, 0, -1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, -0, '', '0', 'NaN', '__proto__', 'constructor', [], {}, [null], { length: 1e9 }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.constant('x'.repeat(100_000)),
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }),
);

type Path = Array<string | number>;

/** Every path to a value inside `doc` (objects and arrays), breadth first, at most `max`. */
function pathsOf(doc: unknown, max = 5000): Path[] {
  const out: Path[] = [];
  const queue: Array<[unknown, Path]> = [[doc, []]];
  while (queue.length > 0 && out.length < max) {
    const [value, path] = queue.shift()!;
    if (value === null || typeof value !== 'object') continue;
    for (const [k, v] of Array.isArray(value) ? value.map((x, i) => [i, x] as const) : Object.entries(value)) {
      out.push([...path, k]);
      queue.push([v, [...path, k]]);
    }
  }
  return out;
}

type Mutation = { at: number; op: 'drop' | 'replace' | 'wrap-array' | 'stringify' | 'nest' | 'cycle'; value: unknown };

const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<Mutation['op']>('drop', 'replace', 'replace', 'replace', 'wrap-array', 'stringify', 'nest', 'cycle'),
  value: nasty,
});

/** Applies the mutations to a deep copy. `cycles: false` keeps the result JSON-serialisable. */
function mutate<T>(doc: T, mutations: Mutation[], cycles = true): T {
  const copy = structuredClone(doc) as unknown as Record<string, unknown>;
  for (const m of mutations) {
    const paths = pathsOf(copy);
    if (paths.length === 0) break;
    const path = paths[m.at % paths.length]!;
    let parent: Record<string | number, unknown> = copy;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    const old = parent[key];
    switch (m.op) {
      case 'drop':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 'replace':
        parent[key] = m.value;
        break;
      case 'wrap-array':
        parent[key] = [old];
        break;
      case 'stringify':
        try {
          parent[key] = typeof old === 'string' ? Number(old) : JSON.stringify(old ?? null);
        } catch {
          parent[key] = '[cycle]';
        }
        break;
      case 'nest': {
        let deep: unknown = old;
        for (let i = 0; i < 200; i++) deep = { item: [deep] };
        parent[key] = deep;
        break;
      }
      case 'cycle':
        parent[key] = cycles ? copy : old;
        break;
    }
  }
  return copy as unknown as T;
}

const mutated = <T>(doc: T, cycles = true) => fc.array(mutation, { minLength: 1, maxLength: 6 }).map((ms) => mutate(doc, ms, cycles));

const internalErrors = new Map<string, number>();
after(() => {
  if (internalErrors.size > 0) console.log(`fhir results with code 'internal' (caught inside the module): ${JSON.stringify(Object.fromEntries(internalErrors))}`);
});

/** A Result from the fhir module: ok with a value, or a typed HkFhirError that is not an internal crash. */
function assertTyped<T>(result: Result<T>, what: string): void {
  assert.equal(typeof result.ok, 'boolean', `${what}: not a Result`);
  if (!result.ok) {
    assert.ok(result.error instanceof HkFhirError, `${what}: error is not an HkFhirError`);
    // `internal` is the module's own net for an exception inside (errors.ts: nothing is thrown past the API).
    // It is typed and caught, so it passes; the count is reported (see docs/security.md, "Hostile content").
    if (result.error.code === 'internal') internalErrors.set(what, (internalErrors.get(what) ?? 0) + 1);
  }
}

/** Answer data as a form might hand it over, including wrong types. */
const answers = fc.dictionary(fc.oneof(fc.constantFrom('1', '2', '3', 'phq9-1', 'q1', 'group'), fc.string({ maxLength: 8 })), nasty, { maxKeys: 8 });

// ---- Questionnaire -----------------------------------------------------------------------------------------

describe('hostile Questionnaires', () => {
  it('questionnaireToSurvey: arbitrary values give a result or a typed error', async () => {
    await holds(
      fc.property(nasty, (input) => assertTyped(questionnaireToSurvey(input), 'questionnaireToSurvey')),
      RUNS,
    );
  });

  it('questionnaireToSurvey: mutated Questionnaires (objects, with cycles) give a result or a typed error', async () => {
    await holds(
      fc.property(fc.oneof(mutated(phq9), mutated(allTypes), mutated(enableWhen)), (q) => assertTyped(questionnaireToSurvey(q), 'questionnaireToSurvey')),
      RUNS,
    );
  });

  it('questionnaireToSurvey: mutated Questionnaires as JSON text give a result or a typed error', async () => {
    await holds(
      fc.property(fc.oneof(mutated(allTypes, false), mutated(enableWhen, false)), (q) => assertTyped(questionnaireToSurvey(JSON.stringify(q)), 'questionnaireToSurvey(text)')),
      RUNS,
    );
  });

  it('questionnaireToSurvey: SurveyJS-looking documents give a result or a typed error', async () => {
    const surveyJs = { title: 'x', pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', title: 'A' }, { type: 'checkbox', name: 'b', choices: ['1', '2'] }] }] };
    await holds(fc.property(mutated(surveyJs), (s) => assertTyped(questionnaireToSurvey(s), 'questionnaireToSurvey(surveyjs)')), FEW);
  });

  it('buildQuestionnaireResponse: mutated Questionnaires with arbitrary answers', async () => {
    await holds(
      fc.property(fc.oneof(mutated(phq9), mutated(allTypes), fc.constant(phq9), fc.constant(allTypes)), answers, (q, a) =>
        assertTyped(buildQuestionnaireResponse(q, a as never, { authored: '2026-01-01T00:00:00Z' }), 'buildQuestionnaireResponse'),
      ),
      RUNS,
    );
  });

  it('responseToAnswers: a valid Questionnaire with mutated or arbitrary responses', async () => {
    const built = buildQuestionnaireResponse(phq9, { 'phq9-1': { system: 'http://loinc.org', code: 'LA6568-5' } } as never, { authored: '2026-01-01T00:00:00Z' });
    const response = built.ok ? built.value.response : { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: '1', answer: [{ valueString: 'x' }] }] };
    await holds(
      fc.property(fc.oneof(mutated(response), nasty), fc.oneof(fc.constant(phq9), mutated(phq9)), (r, q) => assertTyped(responseToAnswers(q, r), 'responseToAnswers')),
      FEW,
    );
  });
});

// ---- triage protocol ---------------------------------------------------------------------------------------

describe('hostile triage protocols', () => {
  const check = (p: unknown) => {
    const report = verifyProtocol(p, { maxPaths: 20_000 });
    assert.equal(typeof report.ok, 'boolean');
    assert.ok(Array.isArray(report.errors));
    if (report.ok) {
      // Accepted: the machine must start on it and reach its first screen.
      const actor = createActor(triageMachine, { input: { protocols: [p as Protocol] } });
      let failure: unknown;
      actor.subscribe({ error: (e) => (failure = e) });
      actor.start();
      assert.equal(failure, undefined, `the machine failed on a protocol the verifier accepted: ${String(failure)}`);
      assert.notEqual(actor.getSnapshot().status, 'error');
      actor.stop();
    }
  };

  it('verifyProtocol: arbitrary values are reported, not thrown', async () => {
    await holds(fc.property(nasty, check), RUNS);
  });

  it('verifyProtocol: mutated protocols are reported, and an accepted one starts the machine', async () => {
    await holds(fc.property(mutated(fixtureProtocol()), check), RUNS);
  });

  it('verifyProtocol: a protocol whose condition refers to itself in a cycle is reported', () => {
    const p = fixtureProtocol() as unknown as Record<string, unknown>;
    const rules = p['rules'] as Array<{ when: { all: unknown[] } }>;
    rules[0]!.when.all.push(rules[0]!.when);
    check(p);
  });
});

// ---- Observations ------------------------------------------------------------------------------------------

describe('hostile Observations', () => {
  const subject = { reference: 'Patient/p1' };
  const valid = [
    buildVitalSignObservation({ kind: 'bloodPressure', systolic: 140, diastolic: 90 }, { subject, effectiveDateTime: '2026-05-01T08:00:00Z' }),
    buildVitalSignObservation({ kind: 'heartRate', value: 72 }, { subject, effectiveDateTime: '2026-05-01T08:00:00Z' }),
    buildVitalSignObservation({ kind: 'spo2', value: 95 }, { subject, effectiveDateTime: '2026-05-01T08:00:00Z' }),
    buildVitalSignObservation({ kind: 'temperature', value: 38.2 }, { subject, effectiveDateTime: '2026-05-01T08:00:00Z' }),
    buildVitalSignObservation({ kind: 'respiratoryRate', value: 22 }, { subject, effectiveDateTime: '2026-05-01T08:00:00Z' }),
  ];
  const now = Date.parse('2026-05-02T00:00:00Z');

  const pipeline = (list: unknown[]) => {
    const read = readObservations(list);
    assert.ok(Array.isArray(read.readings) && Array.isArray(read.issues));
    for (const r of read.readings) {
      if (!Number.isFinite(r.value) || !Number.isFinite(r.at)) assert.fail(`a reading with a non-finite value or time: ${r.kind} ${r.value} at ${r.at}`);
      if (typeof r.effective !== 'string') assert.fail(`a reading whose effective time is a ${typeof r.effective}, not a string`);
    }
    const evaluation = evaluatePlan(DEFAULT_PLAN, read.readings, now);
    assert.ok(evaluation);
    const group = groupNews2Set(read.readings);
    const score = scoreNews2(group.set);
    assert.ok(['complete', 'partial', 'notApplicable'].includes(score.status));
  };

  it('readObservations → evaluatePlan → NEWS2: arbitrary values in a list', async () => {
    await holds(fc.property(fc.array(nasty, { maxLength: 6 }), pipeline), RUNS);
  });

  it('readObservations → evaluatePlan → NEWS2: mutated Observations (cycles too)', async () => {
    await holds(fc.property(fc.array(fc.oneof(...valid.map((o) => mutated(o))), { minLength: 1, maxLength: 5 }), pipeline), FEW);
  });

  it('scoreNews2: any numbers (NaN, ±Infinity, negative) and any consciousness value', async () => {
    const num = fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 }), fc.constant(undefined));
    const set = fc.record({
      respiratoryRate: num,
      spo2: num,
      systolic: num,
      pulse: num,
      temperature: num,
      onOxygen: fc.oneof(fc.boolean(), fc.constant(undefined)),
      consciousness: fc.oneof(fc.constantFrom('A', 'C', 'V', 'P', 'U'), fc.string({ maxLength: 2 }), fc.constant(undefined)),
    });
    const settings = fc.record({ spo2Scale: fc.constantFrom(1, 2, 3, undefined), ageYears: num, pregnant: fc.oneof(fc.boolean(), fc.constant(undefined)) });
    await holds(
      fc.property(set, settings, (s, st) => {
        const clean = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as News2Set;
        const cleanSettings = Object.fromEntries(Object.entries(st).filter(([, v]) => v !== undefined));
        const result = scoreNews2(clean, cleanSettings as never);
        assert.ok(['complete', 'partial', 'notApplicable'].includes(result.status));
        if (result.status === 'complete') assert.ok(Number.isFinite(result.total), 'a complete NEWS2 without a finite total');
      }),
      RUNS,
    );
  });
});

// ---- Bundles (store paging) --------------------------------------------------------------------------------

describe('hostile Bundles from a FHIR server', () => {
  const base = 'https://fhir.example.test/R4';
  const page = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: 2,
    link: [{ relation: 'next', url: `${base}/Observation?page=2` }],
    entry: [
      { resource: buildVitalSignObservation({ kind: 'heartRate', value: 72 }, { subject: { reference: 'Patient/p1' }, effectiveDateTime: '2026-05-01T08:00:00Z' }), search: { mode: 'match' } },
    ],
  };
  const storeFor = (body: unknown) =>
    new FhirRestStore({
      baseUrl: base,
      allowedBaseUrls: [base],
      retry: { retries: 0 },
      sleep: async () => {},
      fetch: async () =>
        new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/fhir+json' } }),
    });

  const searchOnce = async (body: unknown) => {
    const store = storeFor(body);
    try {
      const result = await collectPages(store, 'Observation', { subject: 'Patient/p1' }, 3);
      assert.ok(Array.isArray(result.items));
      for (const item of result.items) assert.equal((item as { resourceType?: unknown }).resourceType, 'Observation');
      // What the dashboard does with a page: read it.
      readObservations(result.items);
    } catch (e) {
      assert.ok(e instanceof StoreError, `an untyped error escaped the store: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    }
  };

  it('search/collectPages: arbitrary JSON bodies give items or a StoreError', async () => {
    await holds(fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.string({ maxLength: 30 })), searchOnce), RUNS);
  });

  it('search/collectPages: mutated Bundles give items or a StoreError', async () => {
    await holds(fc.asyncProperty(mutated(page, false), searchOnce), RUNS);
  });

  it('collectPages over the memory store: hostile queries are bounded', async () => {
    const store = new MemoryStore();
    await holds(
      fc.asyncProperty(fc.record({ subject: fc.string(), code: fc.string(), from: fc.string(), to: fc.string(), count: fc.oneof(fc.integer(), fc.double()) }, { requiredKeys: [] }), async (query) => {
        try {
          const result = await collectPages(store, 'Observation', query as never, 3);
          assert.ok(Array.isArray(result.items));
        } catch (e) {
          assert.ok(e instanceof StoreError, `an untyped error escaped: ${String(e)}`);
        }
      }),
      FEW,
    );
  });
});

// ---- size, depth, cycles -----------------------------------------------------------------------------------

describe('very large, very deep and cyclic inputs are bounded', () => {
  const timed = <T>(fn: () => T, ms: number, what: string): T => {
    const start = performance.now();
    const value = fn();
    const took = performance.now() - start;
    assert.ok(took < ms, `${what} took ${took.toFixed(0)} ms (bound ${ms} ms)`);
    return value;
  };

  it('a 10 MB Questionnaire (text and object) is refused fast with too-large', () => {
    const big = { resourceType: 'Questionnaire', status: 'active', title: 'x'.repeat(10 * 1024 * 1024), item: [{ linkId: 'a', type: 'string', text: 'A' }] };
    const text = JSON.stringify(big);
    const asText = timed(() => questionnaireToSurvey(text), 500, '10 MB text');
    assert.equal(asText.ok, false);
    if (!asText.ok) assert.equal(asText.error.code, 'too-large');
    const asObject = timed(() => questionnaireToSurvey(big), 500, '10 MB object');
    assert.equal(asObject.ok, false);
    if (!asObject.ok) assert.equal(asObject.error.code, 'too-large');
    const response = timed(() => buildQuestionnaireResponse(big, {}), 500, 'buildQuestionnaireResponse on 10 MB');
    assert.equal(response.ok, false);
  });

  it('100 000 items are refused with a typed error, in bounded time', () => {
    const item = Array.from({ length: 100_000 }, (_, i) => ({ linkId: `q${i}`, type: 'string', text: `Q${i}` }));
    const result = timed(() => questionnaireToSurvey({ resourceType: 'Questionnaire', status: 'active', item }), 3000, '100 000 items');
    assert.equal(result.ok, false);
    if (!result.ok) assert.ok(['too-large', 'too-deep'].includes(result.error.code));
  });

  it('10 000-deep nesting does not overflow the stack (text and object), for every reader', () => {
    let deep: Record<string, unknown> = { linkId: 'leaf', type: 'string' };
    for (let i = 0; i < 10_000; i++) deep = { linkId: `g${i}`, type: 'group', item: [deep] };
    const q = { resourceType: 'Questionnaire', status: 'active', item: [deep] };
    let text = '';
    text = '{"resourceType":"Questionnaire","item":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}';
    for (const input of [q, text]) {
      const result = timed(() => questionnaireToSurvey(input), 1000, 'deep questionnaire');
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.error.code, 'too-deep');
      assertTyped(buildQuestionnaireResponse(input, {}), 'buildQuestionnaireResponse(deep)');
      assertTyped(responseToAnswers(phq9, input), 'responseToAnswers(deep)');
    }
    // A protocol with a 10 000-deep condition, and an Observation nested 10 000 deep.
    const p = fixtureProtocol() as unknown as { rules: Array<{ when: unknown }> };
    let when: unknown = { all: [{ question: 'temp', operator: 'ge', value: 40 }] };
    for (let i = 0; i < 10_000; i++) when = { all: [when] };
    p.rules[0]!.when = when;
    const report = timed(() => verifyProtocol(p, { maxPaths: 20_000 }), 5000, 'deep protocol');
    assert.equal(typeof report.ok, 'boolean');
    let obs: Record<string, unknown> = { resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] } };
    for (let i = 0; i < 10_000; i++) obs = { ...obs, component: [obs] };
    readObservations([obs]);
  });

  it('cycles: a Questionnaire, response and protocol that contain themselves', () => {
    const q: Record<string, unknown> = structuredClone(phq9);
    (q['item'] as Array<Record<string, unknown>>)[0]!['item'] = [q];
    assertTyped(questionnaireToSurvey(q), 'questionnaireToSurvey(cycle)');
    assertTyped(buildQuestionnaireResponse(q, {}), 'buildQuestionnaireResponse(cycle)');
    const r: Record<string, unknown> = { resourceType: 'QuestionnaireResponse', status: 'completed', item: [] };
    (r['item'] as unknown[]).push({ linkId: '1', item: [r] });
    assertTyped(responseToAnswers(phq9, r), 'responseToAnswers(cycle)');
    const p = fixtureProtocol() as unknown as Record<string, unknown>;
    p['questions'] = [...(p['questions'] as unknown[]), p];
    assert.equal(verifyProtocol(p).ok, false);
  });

  it('a 10 MB CSV-like Bundle page is read in bounded time', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      buildVitalSignObservation({ kind: 'heartRate', value: 60 + (i % 40) }, { subject: { reference: 'Patient/p1' }, effectiveDateTime: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() }),
    );
    const read = timed(() => readObservations(many), 2000, '20 000 Observations');
    assert.equal(read.readings.length, 20_000);
    timed(() => evaluatePlan(DEFAULT_PLAN, read.readings, Date.UTC(2026, 1, 1)), 2000, 'evaluatePlan on 20 000 readings');
  });
});

// ---- the defects these properties found, pinned as examples ------------------------------------------------

describe('regressions found by the properties above', () => {
  const hr = () => buildVitalSignObservation({ kind: 'heartRate', value: 72 }, { subject: { reference: 'Patient/p1' }, effectiveDateTime: '2026-05-01T08:00:00Z' });

  it('readObservations: a coding that is not an array is reported, not thrown', () => {
    const o = { ...hr(), id: 'o1', code: { coding: 0 } };
    const read = readObservations([o, hr()]);
    assert.equal(read.readings.length, 1);
    assert.deepEqual(read.issues, [{ code: 'notAnObservation', observationId: 'o1', detail: 'malformed' }]);
  });

  it('readObservations: a value that is not a finite number is no value', () => {
    for (const value of [{}, '72', Number.NaN, Number.POSITIVE_INFINITY]) {
      const o = { ...hr(), valueQuantity: { ...hr().valueQuantity, value } };
      const read = readObservations([o]);
      assert.equal(read.readings.length, 0, `value ${String(value)} was read`);
      assert.equal(read.issues[0]?.code, 'noValue');
    }
  });

  it('verifyProtocol: groups nested deeper than 32 are a schema error', () => {
    const p = fixtureProtocol() as unknown as { rules: Array<{ when: unknown }> };
    let when: unknown = { all: [{ question: 'temp', operator: 'ge', value: 40 }] };
    for (let i = 0; i < 40; i++) when = { all: [when] };
    p.rules[0]!.when = when;
    const report = verifyProtocol(p);
    assert.equal(report.ok, false);
    assert.ok(report.errors.some((e) => e.code === 'schema' && /nest deeper/.test(e.message)));
  });

  it('FhirRestStore: a Bundle whose link or entry is not an array is a StoreError; null entries are skipped', async () => {
    const base = 'https://fhir.example.test/R4';
    const store = (body: unknown) =>
      new FhirRestStore({ baseUrl: base, allowedBaseUrls: [base], retry: { retries: 0 }, fetch: async () => new Response(JSON.stringify(body), { status: 200 }) });
    await assert.rejects(store({ resourceType: 'Bundle', type: 'searchset', link: 0 }).search('Observation'), StoreError);
    await assert.rejects(store({ resourceType: 'Bundle', type: 'searchset', entry: {} }).search('Observation'), StoreError);
    await assert.rejects(store({ resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: 5 }] }).search('Observation'), StoreError);
    const page = await store({ resourceType: 'Bundle', type: 'searchset', entry: [null, { resource: hr() }] }).search('Observation');
    assert.equal(page.items.length, 1);
  });
});
