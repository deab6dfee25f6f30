import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Questionnaire } from 'fhir/r4';
import { createExpressionEngine, hasSdcExpressions, parseDependencies } from './expressions.js';

const CALC = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
const EWE = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression';
const VAR = 'http://hl7.org/fhir/StructureDefinition/variable';
const INIT = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression';
const calc = (expression: string) => ({ url: CALC, valueExpression: { language: 'text/fhirpath', expression } });

const q: Questionnaire = {
  resourceType: 'Questionnaire', status: 'active',
  extension: [{ url: VAR, valueExpression: { name: 'b2', language: 'text/fhirpath', expression: "%resource.item.where(linkId='b').answer.value * 2" } }],
  item: [
    { linkId: 'a', type: 'integer' },
    { linkId: 'b', type: 'integer' },
    { linkId: 'aPlus1', type: 'integer', readOnly: true, extension: [calc("%resource.item.where(linkId='a').answer.value + 1")] },
    { linkId: 'bTimes2', type: 'integer', readOnly: true, extension: [calc('%b2')] },
    { linkId: 'chained', type: 'integer', readOnly: true, extension: [calc("%resource.item.where(linkId='aPlus1').answer.value * 10")] },
    { linkId: 'bigB', type: 'string', extension: [{ url: EWE, valueExpression: { language: 'text/fhirpath', expression: "%resource.item.where(linkId='b').answer.value > 5" } }] },
    { linkId: 'today', type: 'date', extension: [{ url: INIT, valueExpression: { language: 'text/fhirpath', expression: 'today()' } }] },
  ],
};

test('dependencies come from linkId references and %variables; unknown reads depend on everything', () => {
  assert.deepEqual([...parseDependencies("%resource.item.where(linkId='x').answer.value + %resource.repeat(item).where(linkId = \"y\").answer.value").linkIds], ['x', 'y']);
  assert.deepEqual([...parseDependencies('%weight / %height.power(2)').variables], ['weight', 'height']);
  assert.equal(parseDependencies('%resource.repeat(item).answer.value.sum()').all, true);
  assert.equal(parseDependencies("'LA1'.combine('LA2')").all, false);
  assert.equal(parseDependencies('today()').all, false);
});

test('changing A re-evaluates only what depends on A (counted)', async () => {
  const r = await createExpressionEngine(q);
  assert.ok(r.ok);
  const engine = r.value;
  const first = engine.evaluateAll({ a: 1, b: 3 });
  assert.deepEqual(first.errors, []);
  assert.deepEqual(first.calculated.get('aPlus1'), [2]);
  assert.deepEqual(first.calculated.get('bTimes2'), [6]);
  assert.deepEqual(first.calculated.get('chained'), [20]);
  assert.equal(first.enabled.get('bigB'), false);
  assert.equal(first.initial.get('today')?.length, 1);
  const before = new Map(engine.evaluationCounts);

  const afterA = engine.update(['a'], { a: 5, b: 3, aPlus1: 2, bTimes2: 6, chained: 20 });
  assert.deepEqual(afterA.calculated.get('aPlus1'), [6]);
  assert.deepEqual(afterA.calculated.get('chained'), [60], 'the calculated item that reads aPlus1 follows');
  const count = (id: string) => (engine.evaluationCounts.get(id) ?? 0) - (before.get(id) ?? 0);
  assert.equal(count('calculated:aPlus1'), 1);
  assert.equal(count('calculated:chained'), 1);
  assert.equal(count('calculated:bTimes2'), 0, 'depends only on B: not evaluated');
  assert.equal(count('variable:b2@'), 0);
  assert.equal(count('enableWhen:bigB'), 0);
  assert.equal(count('initial:today'), 0, 'initial expressions run once');

  const afterB = engine.update(['b'], { a: 5, b: 9, aPlus1: 6, bTimes2: 6, chained: 60 });
  assert.deepEqual(afterB.calculated.get('bTimes2'), [18]);
  assert.equal(afterB.enabled.get('bigB'), true);
  assert.deepEqual(afterB.evaluated.sort(), ['calculated:bTimes2', 'enableWhen:bigB', 'variable:b2@'].sort());
});

test('fhirpath is loaded only when the Questionnaire has expressions', async () => {
  let loads = 0;
  const loadFhirpath = async () => {
    loads++;
    const fp = await import('fhirpath');
    const r4 = await import('fhirpath/fhir-context/r4');
    return { fhirpath: ((fp as { default?: unknown }).default ?? fp) as typeof import('fhirpath'), model: (r4 as unknown as { default: never }).default };
  };
  const plain: Questionnaire = { resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'string' }] };
  assert.equal(hasSdcExpressions(plain), false);
  const none = await createExpressionEngine(plain, { loadFhirpath });
  assert.ok(none.ok);
  assert.equal(loads, 0);
  assert.deepEqual(none.value.evaluateAll({ a: 'x' }).evaluated, []);
  const some = await createExpressionEngine(q, { loadFhirpath });
  assert.ok(some.ok);
  assert.equal(loads, 1);
});

test('SDC weight-height example: BMI from variables', async () => {
  const wh = JSON.parse(readFileSync(new URL('../../test-fixtures/questionnaires/sdc-example-weight-height.json', import.meta.url), 'utf8'));
  const r = await createExpressionEngine(wh);
  assert.ok(r.ok);
  const res = r.value.evaluateAll({ '/29463-7': 80, '/8302-2': 70 });
  assert.deepEqual(res.errors, []);
  assert.deepEqual(res.calculated.get('/39156-5'), [Math.round((80 / (70 * 0.0254) ** 2) * 10) / 10]);
  const changedClothing = r.value.update(['/8352-7'], { '/29463-7': 80, '/8302-2': 70, '/8352-7': 'LA11871-3' });
  assert.deepEqual(changedClothing.evaluated, [], 'clothing is read by no expression');
});

test('our PHQ-9: total score through a variable', async () => {
  const phq9 = JSON.parse(readFileSync(new URL('./fixtures/phq9.questionnaire.json', import.meta.url), 'utf8'));
  const r = await createExpressionEngine(phq9);
  assert.ok(r.ok);
  const answers = { 'phq9-1': 'LA6569-3', 'phq9-2': 'LA6571-9', 'phq9-3': 'LA6568-5' };
  const res = r.value.evaluateAll(answers);
  assert.deepEqual(res.errors, []);
  assert.deepEqual(res.calculated.get('phq9-total'), [4]);
});

test('expression errors are reported, not thrown; weight()/ordinal() is flagged', async () => {
  const bad: Questionnaire = { resourceType: 'Questionnaire', status: 'active', item: [
    { linkId: 'x', type: 'integer', extension: [calc('this is not fhirpath (((')] },
    { linkId: 'y', type: 'integer', extension: [calc('%resource.answers().value.ordinal().sum()')] },
  ] };
  const r = await createExpressionEngine(bad);
  assert.ok(r.ok);
  assert.ok(r.value.issues.some((i) => i.linkId === 'y' && /ordinal/.test(i.reason)));
  const res = r.value.evaluateAll({});
  assert.equal(res.errors.length, 2);
});

test('each expression is parsed once, however often it is evaluated; a syntax error is reported on every pass', async () => {
  let compiles = 0;
  const loadFhirpath = async () => {
    const fp = await import('fhirpath');
    const r4 = await import('fhirpath/fhir-context/r4');
    const real = ((fp as { default?: unknown }).default ?? fp) as typeof import('fhirpath');
    const fhirpath = {
      ...real,
      compile: ((...args: Parameters<typeof real.compile>) => {
        compiles++;
        return real.compile(...args);
      }) as typeof real.compile,
    };
    return { fhirpath, model: (r4 as unknown as { default: never }).default };
  };
  const broken: Questionnaire = {
    resourceType: 'Questionnaire',
    status: 'active',
    item: [
      { linkId: 'a', type: 'integer' },
      { linkId: 'double', type: 'integer', readOnly: true, extension: [calc("%resource.item.where(linkId='a').answer.value * 2")] },
      { linkId: 'bad', type: 'integer', readOnly: true, extension: [calc("%resource.item.where(linkId='a').answer.value +* 2")] },
    ],
  };
  const r = await createExpressionEngine(broken, { loadFhirpath });
  assert.ok(r.ok);
  const engine = r.value;
  assert.deepEqual(engine.evaluateAll({ a: 1 }).calculated.get('double'), [2]);
  const parsed = compiles;
  for (let a = 2; a <= 5; a++) {
    const res = engine.update(['a'], { a });
    assert.deepEqual(res.calculated.get('double'), [a * 2]);
    assert.deepEqual(res.errors.map((e) => e.id), ['calculated:bad']);
  }
  assert.equal(engine.evaluationCounts.get('calculated:double'), 5);
  // the valid expression is compiled once; the broken one fails to compile each time and is reported each time
  assert.equal(compiles - parsed, 4, 'only the broken expression is parsed again');
});

test('a form whose enableWhen conditions form a cycle: expressions see an empty response, as before', async () => {
  const cyclic: Questionnaire = {
    resourceType: 'Questionnaire',
    status: 'active',
    item: [
      { linkId: 'x', type: 'integer', enableWhen: [{ question: 'y', operator: 'exists', answerBoolean: true }] },
      { linkId: 'y', type: 'integer', enableWhen: [{ question: 'x', operator: 'exists', answerBoolean: true }] },
      { linkId: 'n', type: 'integer', readOnly: true, extension: [calc('%resource.repeat(item).answer.value.count()')] },
    ],
  };
  const r = await createExpressionEngine(cyclic);
  assert.ok(r.ok);
  assert.deepEqual(r.value.evaluateAll({ x: 1, y: 2 }).calculated.get('n'), [0]);
});
