// The cut-down R4 model (fhirpath-model.ts) against fhirpath's full one: every SDC expression in the corpus and in
// our own fixtures gives the same results with both, for two sets of answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Questionnaire } from 'fhir/r4';
import * as fhirpathModule from 'fhirpath';
import fullR4 from 'fhirpath/fhir-context/r4';
import type { AnswerData, AnswerValue } from './answers.js';
import { createExpressionEngine, hasSdcExpressions } from './expressions.js';
import { questionnaireModel } from './fhirpath-model.js';
import { indexQuestionnaire, type ItemInfo } from './item-index.js';

type Fhirpath = typeof import('fhirpath');
const fhirpath = ((fhirpathModule as unknown as { default?: Fhirpath }).default ?? fhirpathModule) as Fhirpath;

const dir = new URL('../../test-fixtures/questionnaires/', import.meta.url);
const corpus = JSON.parse(readFileSync(new URL('corpus.json', dir), 'utf8')) as { files: Array<{ file: string }> };
const read = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Questionnaire;
const withExpressions = [
  ...corpus.files.map((f) => [f.file, read(new URL(f.file, dir))] as const),
  ['phq9.questionnaire.json', read(new URL('./fixtures/phq9.questionnaire.json', import.meta.url))] as const,
  ['gad7.questionnaire.json', read(new URL('./fixtures/gad7.questionnaire.json', import.meta.url))] as const,
].filter(([, q]) => hasSdcExpressions(q));

/** A plausible answer per item: the first or the last option, or a value of its type. */
function sampleAnswers(q: Questionnaire, variant: 0 | 1): AnswerData {
  const answers: AnswerData = {};
  const { index } = indexQuestionnaire(q);
  for (const info of index.values() as Iterable<ItemInfo>) {
    if (info.repeatingGroups.length > 0 || info.readOnly) continue;
    let value: AnswerValue | undefined;
    if (info.options.length > 0) value = (variant === 0 ? info.options[0] : info.options.at(-1))!.key;
    else if (info.type === 'integer') value = variant === 0 ? 3 : 70;
    else if (info.type === 'decimal') value = variant === 0 ? 1.5 : 82.5;
    else if (info.type === 'quantity') value = { value: variant === 0 ? 1.75 : 82, unit: variant === 0 ? 'm' : 'kg' };
    else if (info.type === 'boolean') value = variant === 0;
    else if (info.type === 'string' || info.type === 'text') value = variant === 0 ? 'ja' : 'nei';
    else if (info.type === 'date') value = variant === 0 ? '2026-01-31' : '1950-06-15';
    if (value !== undefined) answers[info.linkId] = value;
  }
  return answers;
}

const plain = (results: { calculated: Map<string, unknown[]>; enabled: Map<string, boolean>; initial: Map<string, unknown[]>; evaluated: string[]; errors: unknown[] }) =>
  JSON.parse(
    JSON.stringify({ calculated: [...results.calculated], enabled: [...results.enabled], initial: [...results.initial], evaluated: results.evaluated, errors: results.errors }),
  );

test('the corpus has Questionnaires with SDC expressions to compare on', () => {
  assert.ok(withExpressions.length >= 5, `${withExpressions.length}`);
});

for (const [file, q] of withExpressions) {
  test(`${file}: the same results with the cut model as with fhirpath's full R4 model`, async () => {
    const cut = await createExpressionEngine(q);
    const full = await createExpressionEngine(q, { loadFhirpath: async () => ({ fhirpath, model: fullR4 as never }) });
    assert.ok(cut.ok && full.ok);
    let compared = 0;
    for (const variant of [0, 1] as const) {
      const answers = sampleAnswers(q, variant);
      const a = plain(cut.value.evaluateAll(answers));
      const b = plain(full.value.evaluateAll(answers));
      assert.deepEqual(a, b, `answers ${variant}`);
      compared += a.evaluated.length;
    }
    assert.ok(compared > 0, 'some expression was evaluated');
  });
}

test('the model covers the QuestionnaireResponse, the Questionnaire and data types, not other resources', () => {
  const model = questionnaireModel() as unknown as { path2Type: Record<string, string>; choiceTypePaths: Record<string, string[]> };
  assert.equal(model.path2Type['QuestionnaireResponse.item.answer'], 'BackboneElement');
  assert.deepEqual(model.choiceTypePaths['QuestionnaireResponse.item.answer.value'], (fullR4 as unknown as { choiceTypePaths: Record<string, string[]> }).choiceTypePaths['QuestionnaireResponse.item.answer.value']);
  assert.equal(model.path2Type['Quantity.value'], 'decimal');
  assert.equal(model.path2Type['Observation.value'], undefined);
});
