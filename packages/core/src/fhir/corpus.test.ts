import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponseItem } from 'fhir/r4';
import * as core from 'survey-core';
import { prepareSurveyCore } from '../survey/survey.actor.js';
import { EnableWhenEvaluator, type AnswerData, type AnswerValue, type InstancePath } from './answers.js';
import type { ItemInfo } from './item-index.js';
import { questionnaireToSurvey, type SurveyElementJSON } from './questionnaire-to-survey.js';
import { buildQuestionnaireResponse, responseToAnswers } from './questionnaire-response.js';
import { answersToSurveyData, surveyDataToAnswers } from './survey-data.js';
import { checkResponseStructure } from './validate-response.js';

prepareSurveyCore(core);

const dir = new URL('../../test-fixtures/questionnaires/', import.meta.url);
const corpus = JSON.parse(readFileSync(new URL('corpus.json', dir), 'utf8')) as { files: Array<{ file: string; source: string; licence: string }> };
const fixtures: Array<[string, Questionnaire]> = [
  ...corpus.files.map((f) => [f.file, JSON.parse(readFileSync(new URL(f.file, dir), 'utf8'))] as [string, Questionnaire]),
  ['phq9.questionnaire.json', JSON.parse(readFileSync(new URL('./fixtures/phq9.questionnaire.json', import.meta.url), 'utf8'))],
  ['gad7.questionnaire.json', JSON.parse(readFileSync(new URL('./fixtures/gad7.questionnaire.json', import.meta.url), 'utf8'))],
];

test('the corpus has at least 20 public Questionnaires, each with a source and a licence', () => {
  assert.ok(corpus.files.length >= 20, `${corpus.files.length} files`);
  for (const f of corpus.files) {
    assert.match(f.source, /^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//);
    assert.ok(f.licence.length > 0);
    const q = JSON.parse(readFileSync(new URL(f.file, dir), 'utf8'));
    assert.equal(q.resourceType, 'Questionnaire', f.file);
  }
});

function sample(info: ItemInfo, variant: 0 | 1): AnswerValue | AnswerValue[] | undefined {
  const pick = <T>(list: T[]) => (variant === 0 ? list[0] : list[list.length - 1]);
  let v: AnswerValue | undefined;
  if (info.options.length > 0) v = pick(info.options)!.key;
  else {
    switch (info.type) {
      case 'boolean': v = variant === 0; break;
      case 'decimal': v = variant === 0 ? 1.5 : 7.25; break;
      case 'integer': v = variant === 0 ? 2 : 9; break;
      case 'date': v = variant === 0 ? '1999-02-02' : '2020-02-02'; break;
      case 'dateTime': v = '2020-02-02T10:00:00Z'; break;
      case 'time': v = variant === 0 ? '10:00:00' : '12:30:00'; break;
      case 'string': case 'text': case 'choice': case 'open-choice': v = variant === 0 ? 'tekst' : "it's"; break;
      case 'url': v = 'https://example.org'; break;
      case 'quantity': v = variant === 0 ? 3.5 : 80; break;
      case 'attachment': v = { contentType: 'text/plain', data: 'aGVp', title: 'a.txt' }; break;
      default: return undefined;
    }
  }
  if (!info.repeats) return v;
  if (info.options.length > 1) return [info.options[0]!.key, info.options[1]!.key];
  return [v!];
}

/** Answer data for every question, two instances per repeating group. */
function answersFor(q: Questionnaire, index: Map<string, ItemInfo>, variant: 0 | 1): AnswerData {
  const fill = (items: QuestionnaireItem[] | undefined, scope: AnswerData) => {
    for (const item of items ?? []) {
      const info = item && index.get(item.linkId);
      if (!info || info.item !== item || item.type === 'display') continue;
      if (item.type === 'group') {
        if (info.repeats) {
          const instances: AnswerData[] = [{}, {}];
          instances.forEach((inst) => fill(item.item, inst));
          scope[item.linkId] = instances;
        } else fill(item.item, scope);
        continue;
      }
      const v = sample(info, variant);
      if (v !== undefined) scope[item.linkId] = v as never;
      fill(item.item, scope);
    }
  };
  const out: AnswerData = {};
  fill(q.item, out);
  return out;
}

function allLinkIds(items: QuestionnaireItem[] | undefined, out: string[] = []): string[] {
  for (const i of items ?? []) {
    if (!i || typeof i !== 'object') continue;
    if (typeof i.linkId === 'string') out.push(i.linkId);
    allLinkIds(i.item, out);
  }
  return out;
}

function surveyLinkIds(survey: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  const walk = (els: SurveyElementJSON[] | undefined) => {
    for (const e of els ?? []) {
      if (typeof e.hkLinkId === 'string') out.add(e.hkLinkId);
      walk((e.elements ?? e.templateElements) as SurveyElementJSON[] | undefined);
    }
  };
  for (const p of survey.pages as Array<{ elements: SurveyElementJSON[]; hkLinkId?: string }>) {
    if (p.hkLinkId) out.add(p.hkLinkId);
    walk(p.elements);
  }
  return out;
}

/** Every item in the response is enabled where it sits (checked with the SDC evaluator on the same answers). */
function assertAllEnabled(items: QuestionnaireResponseItem[] | undefined, ev: EnableWhenEvaluator, index: Map<string, ItemInfo>, path: InstancePath, counters: Map<string, number>) {
  for (const it of items ?? []) {
    assert.ok(ev.isEnabled(it.linkId, path), `${it.linkId} is in the response but disabled`);
    const info = index.get(it.linkId)!;
    if (info.type === 'group' && info.repeats) {
      const k = `${path.map((p) => `${p.group}#${p.index}`).join('/')}|${it.linkId}`;
      const n = counters.get(k) ?? 0;
      counters.set(k, n + 1);
      assertAllEnabled(it.item, ev, index, [...path, { group: it.linkId, index: n }], counters);
    } else assertAllEnabled(it.item, ev, index, path, counters);
    for (const a of it.answer ?? []) assertAllEnabled(a.item, ev, index, path, counters);
  }
}

for (const [name, q] of fixtures) {
  test(`corpus round trip: ${name}`, () => {
    const conv = questionnaireToSurvey(q);
    assert.ok(conv.ok, conv.ok ? '' : conv.error.message);
    const { survey, index, issues } = conv.value;

    // nothing dropped silently: each linkId is in the survey JSON or in the issues
    const inSurvey = surveyLinkIds(survey);
    const reported = new Set(issues.map((i) => i.linkId));
    for (const linkId of allLinkIds(q.item)) assert.ok(inSurvey.has(linkId) || reported.has(linkId), `${linkId} neither mapped nor reported`);

    const model = new core.Model(survey);
    assert.deepEqual((model.jsonErrors ?? []).map((e: { message: string }) => e.message), [], 'survey-core accepts the JSON');

    for (const variant of [0, 1] as const) {
      const answers = answersFor(q, index, variant);
      model.data = answersToSurveyData(answers, index);
      const back = surveyDataToAnswers(model.data as Record<string, unknown>, index);

      // survey-core shows what SDC enables (top-level questions whose conditions survey-core can express)
      const ev = new EnableWhenEvaluator(index, back);
      const partial = new Set(issues.filter((i) => /enableWhen/.test(i.reason)).map((i) => i.linkId));
      for (const question of model.getAllQuestions(false) as Array<{ hkLinkId?: string; isVisible: boolean; isParentVisible: boolean }>) {
        const info = question.hkLinkId ? index.get(question.hkLinkId) : undefined;
        if (!info || info.hidden || info.repeatingGroups.length > 0 || partial.has(info.linkId) || info.ancestors.some((a) => partial.has(a) || index.get(a)?.hidden)) continue;
        assert.equal(question.isVisible && question.isParentVisible, ev.isEnabled(info.linkId), `${name}: visibility of ${info.linkId} (variant ${variant})`);
      }

      const built = buildQuestionnaireResponse(q, back, { subject: { reference: 'Patient/p' }, source: { reference: 'RelatedPerson/r' }, authored: '2026-01-01T00:00:00Z', id: 'r' });
      assert.ok(built.ok, built.ok ? '' : built.error.message);
      const r = built.value.response;
      assert.deepEqual(checkResponseStructure(q, r), [], `${name}: R4 structure (variant ${variant})`);
      assertAllEnabled(r.item, ev, index, [], new Map());
      assert.ok((r.item?.length ?? 0) > 0 || allLinkIds(q.item).every((l) => ['group', 'display'].includes(index.get(l)?.type ?? 'group')), 'something was answered');

      // and back: response → answers → the same response
      const again = responseToAnswers(q, r);
      assert.ok(again.ok);
      const rebuilt = buildQuestionnaireResponse(q, again.value.answers, { subject: r.subject, source: r.source, authored: r.authored, id: 'r' });
      assert.ok(rebuilt.ok);
      assert.deepEqual(rebuilt.value.response, r);
    }
  });
}

test('the expression engine builds and evaluates every corpus Questionnaire without throwing', async () => {
  const { createExpressionEngine } = await import('./expressions.js');
  for (const [name, q] of fixtures) {
    const r = await createExpressionEngine(q);
    assert.ok(r.ok, name);
    const conv = questionnaireToSurvey(q);
    assert.ok(conv.ok);
    const answers = answersFor(q, conv.value.index, 0);
    const all = r.value.evaluateAll(answers);
    const some = r.value.update(Object.keys(answers).slice(0, 1), answers);
    assert.ok(Array.isArray(all.errors) && Array.isArray(some.errors), name);
  }
});

test('LOINC PHQ-9 as published by LHC-Forms: total score from its own variables', async () => {
  const { createExpressionEngine } = await import('./expressions.js');
  const lhc = fixtures.find(([n]) => n === 'lhc-loinc-phq9-44249-1.json')![1];
  const r = await createExpressionEngine(lhc);
  assert.ok(r.ok);
  const res = r.value.evaluateAll({ '/44250-9': 'LA6571-9', '/44255-8': 'LA6569-3' });
  assert.deepEqual(res.errors, []);
  assert.deepEqual(res.calculated.get('/44261-6'), [4]);
  const before = r.value.evaluationCounts.get('calculated:/44261-6');
  r.value.update(['/69722-7'], {});
  assert.equal(r.value.evaluationCounts.get('calculated:/44261-6'), before, 'the difficulty answer does not re-run the score');
});
