import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Questionnaire, QuestionnaireItem } from 'fhir/r4';
import * as core from 'survey-core';
import { prepareSurveyCore } from '../survey/survey.actor.js';
import { EnableWhenEvaluator, type AnswerData } from './answers.js';
import { indexQuestionnaire } from './item-index.js';
import { escapeHtml, questionnaireToSurvey, surveyLiteral, type SurveyElementJSON } from './questionnaire-to-survey.js';
import { answersToSurveyData } from './survey-data.js';

prepareSurveyCore(core);

const TR = 'http://hl7.org/fhir/StructureDefinition/translation';
const ctl = (code: string) => ({ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ code }] } });
const tr = (lang: string, content: string) => ({ url: TR, extension: [{ url: 'lang', valueCode: lang }, { url: 'content', valueString: content }] });
const q = (item: QuestionnaireItem[], extra: Partial<Questionnaire> = {}): Questionnaire => ({ resourceType: 'Questionnaire', status: 'active', item, ...extra });

function convert(input: unknown) {
  const r = questionnaireToSurvey(input);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value;
}

function elements(survey: Record<string, unknown>): SurveyElementJSON[] {
  const out: SurveyElementJSON[] = [];
  const walk = (els: SurveyElementJSON[]) => {
    for (const e of els) {
      out.push(e);
      walk((e.elements ?? e.templateElements ?? []) as SurveyElementJSON[]);
    }
  };
  for (const p of survey.pages as Array<{ elements: SurveyElementJSON[] }>) walk(p.elements);
  return out;
}
const byLinkId = (survey: Record<string, unknown>, linkId: string) => elements(survey).find((e) => e.hkLinkId === linkId);

const everyType = q([
  { linkId: 'g', type: 'group', text: 'Group', item: [
    { linkId: 'b', type: 'boolean', text: 'Bool', required: true },
    { linkId: 'dec', type: 'decimal', text: 'Dec', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueDecimal: 0.5 }, { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueDecimal: 9.5 }] },
    { linkId: 'int', type: 'integer', text: 'Int', initial: [{ valueInteger: 3 }] },
    { linkId: 'date', type: 'date', text: 'Date' },
    { linkId: 'dt', type: 'dateTime', text: 'DateTime' },
    { linkId: 'time', type: 'time', text: 'Time' },
    { linkId: 'str', type: 'string', text: 'Str', maxLength: 20, readOnly: true, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/entryFormat', valueString: 'dd.mm.åååå' }] },
    { linkId: 'txt', type: 'text', text: 'Text' },
    { linkId: 'url', type: 'url', text: 'Url' },
    { linkId: 'ch', type: 'choice', text: 'Choice', code: [{ system: 'http://loinc.org', code: '1-1' }], answerOption: [{ valueCoding: { system: 's', code: 'a', display: 'A' } }, { valueCoding: { system: 's', code: 'b', display: 'B' }, initialSelected: true }] },
    { linkId: 'och', type: 'open-choice', text: 'Open', answerOption: [{ valueString: 'x' }, { valueString: 'y' }] },
    { linkId: 'chi', type: 'choice', text: 'Int options', extension: [ctl('drop-down')], answerOption: [{ valueInteger: 1 }, { valueInteger: 2 }] },
    { linkId: 'vs', type: 'choice', text: 'Contained VS', repeats: true, answerValueSet: '#yn' },
    { linkId: 'qty', type: 'quantity', text: 'Weight', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit', valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kg' } }] },
    { linkId: 'att', type: 'attachment', text: 'File' },
    { linkId: 'slider', type: 'integer', text: 'Pain', extension: [ctl('slider'), { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 }, { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 }] },
    { linkId: 'hid', type: 'string', text: 'Hidden', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true }] },
    { linkId: 'disp', type: 'display', text: '<img src=x onerror=alert(1)>' },
    { linkId: 'rep', type: 'string', text: 'Many', repeats: true },
  ] },
  { linkId: 'rg', type: 'group', text: 'Repeating', repeats: true, item: [{ linkId: 'rg.a', type: 'string', text: 'In group' }] },
], { contained: [{ resourceType: 'ValueSet', id: 'yn', status: 'active', compose: { include: [{ system: 'urn:yn', concept: [{ code: 'Y', display: 'Yes' }, { code: 'N', display: 'No' }] }] } }] });

test('every item type maps to a survey-core element', () => {
  const { survey, index, issues } = convert(everyType);
  const type = (l: string) => byLinkId(survey, l)?.type;
  assert.equal(type('g'), 'panel');
  assert.equal(type('b'), 'boolean');
  assert.equal(byLinkId(survey, 'b')?.isRequired, true);
  assert.deepEqual([type('dec'), byLinkId(survey, 'dec')?.inputType, byLinkId(survey, 'dec')?.min, byLinkId(survey, 'dec')?.max], ['text', 'number', 0.5, 9.5]);
  assert.equal(byLinkId(survey, 'int')?.defaultValue, 3);
  assert.equal(byLinkId(survey, 'date')?.inputType, 'date');
  assert.equal(byLinkId(survey, 'dt')?.inputType, 'datetime-local');
  assert.equal(byLinkId(survey, 'time')?.inputType, 'time');
  assert.deepEqual([byLinkId(survey, 'str')?.maxLength, byLinkId(survey, 'str')?.readOnly, byLinkId(survey, 'str')?.placeholder], [20, true, 'dd.mm.åååå']);
  assert.equal(type('txt'), 'comment');
  assert.equal(byLinkId(survey, 'url')?.inputType, 'url');
  assert.equal(type('ch'), 'radiogroup');
  assert.equal(byLinkId(survey, 'ch')?.defaultValue, 'b');
  assert.deepEqual(byLinkId(survey, 'ch')?.hkCode, [{ system: 'http://loinc.org', code: '1-1' }]);
  assert.deepEqual([type('och'), byLinkId(survey, 'och')?.showOtherItem, byLinkId(survey, 'och')?.storeOthersAsComment], ['radiogroup', true, false]);
  assert.equal(type('chi'), 'dropdown');
  assert.deepEqual(byLinkId(survey, 'chi')?.choices, [{ value: 1, text: '1' }, { value: 2, text: '2' }]);
  assert.equal(type('vs'), 'checkbox');
  assert.deepEqual(byLinkId(survey, 'vs')?.choices, [{ value: 'Y', text: 'Yes' }, { value: 'N', text: 'No' }]);
  assert.deepEqual(byLinkId(survey, 'qty')?.hkUnit, { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kg' });
  assert.equal(type('att'), 'file');
  assert.deepEqual([type('slider'), byLinkId(survey, 'slider')?.min, byLinkId(survey, 'slider')?.max], ['slider', 0, 10]);
  assert.deepEqual([byLinkId(survey, 'hid')?.visible, byLinkId(survey, 'hid')?.hkHidden], [false, true]);
  assert.equal(type('rep'), 'paneldynamic');
  assert.equal(type('rg'), 'paneldynamic');
  assert.equal(index.get('rg.a')?.repeatingGroups[0], 'rg');
  assert.ok(issues.some((i) => i.linkId === 'rep'), 'the list rendering of a repeating string is reported');
  // survey-core accepts it all
  const model = new core.Model(survey);
  assert.deepEqual(model.jsonErrors ?? [], []);
});

test('display text never becomes markup', () => {
  const { survey } = convert(everyType);
  const el = byLinkId(survey, 'disp')!;
  assert.equal(el.type, 'html');
  assert.equal(el.html, '&lt;img src=x onerror=alert(1)&gt;');
  assert.equal(el.hkText, '<img src=x onerror=alert(1)>');
  assert.equal(escapeHtml(`"'&`), '&quot;&#39;&amp;');
});

test('rendering-xhtml is reported and the plain text used', () => {
  const { survey, issues } = convert(q([{ linkId: 'x', type: 'display', text: 'plain', _text: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/rendering-xhtml', valueString: '<b onclick="x()">bold</b>' }] } }]));
  assert.equal(byLinkId(survey, 'x')?.html, 'plain');
  assert.ok(issues.some((i) => i.linkId === 'x' && /rendering-xhtml/.test(i.reason)));
});

test('translations become localizable strings with nb/nn/en/se keys', () => {
  const { survey } = convert(q([{ linkId: 'a', type: 'string', text: 'Name', _text: { extension: [tr('nb-NO', 'Navn'), tr('nn-NO', 'Namn'), tr('se', 'Namma')] } }, { linkId: 'b', type: 'string', text: 'Age', _text: { extension: [tr('nb', 'Alder')] } }]));
  assert.deepEqual(byLinkId(survey, 'a')?.title, { default: 'Name', nb: 'Navn', nn: 'Namn', se: 'Namma' });
  // nn and se fall back to nb
  assert.deepEqual(byLinkId(survey, 'b')?.title, { default: 'Age', nb: 'Alder', nn: 'Alder', se: 'Alder' });
  const model = new core.Model(survey);
  model.locale = 'nn';
  assert.equal(model.getQuestionByName('a').title, 'Namn');
  model.locale = 'se';
  assert.equal(model.getQuestionByName('a').title, 'Namma');
  model.locale = 'en';
  assert.equal(model.getQuestionByName('a').title, 'Name');
});

test('itemControl selects the survey-core control', () => {
  const opts = [{ valueCoding: { code: 'a' } }, { valueCoding: { code: 'b' } }];
  const { survey } = convert(q([
    { linkId: 'r', type: 'choice', extension: [ctl('radio-button')], answerOption: opts },
    { linkId: 'c', type: 'choice', repeats: true, extension: [ctl('check-box')], answerOption: opts },
    { linkId: 'd', type: 'choice', extension: [ctl('drop-down')], answerOption: opts },
    { linkId: 'ac', type: 'choice', extension: [ctl('autocomplete')], answerOption: opts },
    { linkId: 'acm', type: 'choice', repeats: true, extension: [ctl('autocomplete')], answerOption: opts },
  ]));
  assert.deepEqual(['r', 'c', 'd', 'ac', 'acm'].map((l) => byLinkId(survey, l)?.type), ['radiogroup', 'checkbox', 'dropdown', 'dropdown', 'tagbox']);
  assert.equal(byLinkId(survey, 'ac')?.searchEnabled, true);
});

test('unmappable things are reported, never dropped silently', () => {
  const { issues, survey } = convert(q([
    { linkId: 'ref', type: 'reference', text: 'Ref' },
    { linkId: 'ext', type: 'choice', answerValueSet: 'http://example.org/ValueSet/x' },
    { linkId: 'odd', type: 'string', extension: [{ url: 'http://example.org/unknown', valueString: 'x' }] },
    { linkId: 'weird', type: 'nonsense' as QuestionnaireItem['type'] },
  ]));
  const linkIds = new Set(issues.map((i) => i.linkId));
  for (const l of ['ref', 'ext', 'odd', 'weird']) assert.ok(linkIds.has(l), l);
  assert.equal(byLinkId(survey, 'ref'), undefined);
  assert.equal(byLinkId(survey, 'weird'), undefined);
});

test('SurveyJS literals are escaped; values survey-core cannot express are refused', () => {
  assert.equal(surveyLiteral("it's"), "'it\\'s'");
  assert.equal(surveyLiteral(3), '3');
  assert.equal(surveyLiteral(true), 'true');
  assert.equal(surveyLiteral('a\\b'), undefined);
  assert.equal(surveyLiteral('a\nb'), undefined);
  assert.equal(surveyLiteral(Number.NaN), undefined);
});

// enableWhen: the generated visibleIf must agree with our own SDC evaluator for every operator
const ops: Array<{ name: string; source: QuestionnaireItem; cond: Record<string, unknown>; values: unknown[] }> = [
  { name: 'exists true', source: { linkId: 's', type: 'string' }, cond: { operator: 'exists', answerBoolean: true }, values: [undefined, 'x'] },
  { name: 'exists false', source: { linkId: 's', type: 'string' }, cond: { operator: 'exists', answerBoolean: false }, values: [undefined, 'x'] },
  { name: '= string with quote', source: { linkId: 's', type: 'string' }, cond: { operator: '=', answerString: "it's" }, values: [undefined, "it's", 'its'] },
  { name: '!= integer', source: { linkId: 's', type: 'integer' }, cond: { operator: '!=', answerInteger: 3 }, values: [undefined, 3, 4] },
  { name: '> decimal', source: { linkId: 's', type: 'decimal' }, cond: { operator: '>', answerDecimal: 2.5 }, values: [undefined, 2, 2.5, 3] },
  { name: '< integer', source: { linkId: 's', type: 'integer' }, cond: { operator: '<', answerInteger: 5 }, values: [undefined, 4, 5, 6] },
  { name: '>= date', source: { linkId: 's', type: 'date' }, cond: { operator: '>=', answerDate: '2000-01-01' }, values: [undefined, '1999-12-31', '2000-01-01', '2001-05-05'] },
  { name: '<= time', source: { linkId: 's', type: 'time' }, cond: { operator: '<=', answerTime: '11:11:11' }, values: [undefined, '10:00:00', '11:11:11', '12:00:00'] },
  { name: '= boolean', source: { linkId: 's', type: 'boolean' }, cond: { operator: '=', answerBoolean: true }, values: [undefined, true, false] },
  { name: '= coding', source: { linkId: 's', type: 'choice', answerOption: [{ valueCoding: { system: 'x', code: 'a' } }, { valueCoding: { system: 'x', code: 'b' } }] }, cond: { operator: '=', answerCoding: { system: 'x', code: 'b' } }, values: [undefined, 'a', 'b'] },
  { name: '!= coding', source: { linkId: 's', type: 'choice', answerOption: [{ valueCoding: { code: 'a' } }, { valueCoding: { code: 'b' } }] }, cond: { operator: '!=', answerCoding: { code: 'b' } }, values: [undefined, 'a', 'b'] },
  { name: '= coding, repeating', source: { linkId: 's', type: 'choice', repeats: true, answerOption: [{ valueCoding: { code: 'a' } }, { valueCoding: { code: 'b' } }] }, cond: { operator: '=', answerCoding: { code: 'b' } }, values: [undefined, ['a'], ['a', 'b']] },
  { name: '!= coding, repeating', source: { linkId: 's', type: 'choice', repeats: true, answerOption: [{ valueCoding: { code: 'a' } }, { valueCoding: { code: 'b' } }] }, cond: { operator: '!=', answerCoding: { code: 'b' } }, values: [undefined, ['a'], ['a', 'b']] },
  { name: '> quantity', source: { linkId: 's', type: 'quantity' }, cond: { operator: '>', answerQuantity: { value: 70 } }, values: [undefined, 60, { value: 80, unit: 'kg' }] },
];

for (const o of ops) {
  test(`enableWhen ${o.name}: survey-core visibility equals the SDC evaluator`, () => {
    const questionnaire = q([o.source, { linkId: 't', type: 'string', enableWhen: [{ question: 's', ...o.cond } as never] }]);
    const { survey, index } = convert(questionnaire);
    assert.ok(byLinkId(survey, 't')?.visibleIf, 'a visibleIf is generated');
    for (const v of o.values) {
      const answers: AnswerData = v === undefined ? {} : { s: v as never };
      const expected = new EnableWhenEvaluator(index, answers).isEnabled('t');
      const model = new core.Model(survey);
      model.data = answersToSurveyData(answers, index);
      assert.equal(model.getQuestionByName(index.get('t')!.name).isVisible, expected, `value ${JSON.stringify(v)}`);
    }
  });
}

test('enableBehavior any/all, and a disabled question counts as unanswered', () => {
  const questionnaire = q([
    { linkId: 'a', type: 'boolean' },
    { linkId: 'b', type: 'integer', enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }] },
    { linkId: 'all', type: 'string', enableBehavior: 'all', enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }, { question: 'b', operator: '>', answerInteger: 1 }] },
    { linkId: 'any', type: 'string', enableBehavior: 'any', enableWhen: [{ question: 'a', operator: '=', answerBoolean: false }, { question: 'b', operator: '>', answerInteger: 1 }] },
    { linkId: 'chain', type: 'string', enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] },
  ]);
  const { survey, index } = convert(questionnaire);
  const cases: AnswerData[] = [{}, { a: true }, { a: true, b: 2 }, { a: false, b: 2 }, { a: true, b: 0 }];
  for (const answers of cases) {
    const ev = new EnableWhenEvaluator(index, answers);
    const model = new core.Model(survey);
    model.data = answersToSurveyData(answers, index);
    for (const l of ['b', 'all', 'any', 'chain']) {
      assert.equal(model.getQuestionByName(index.get(l)!.name).isVisible, ev.isEnabled(l), `${l} with ${JSON.stringify(answers)}`);
    }
  }
  // b is disabled when a=false, so its stale answer 2 must not enable "chain"
  assert.equal(new EnableWhenEvaluator(index, { a: false, b: 2 }).isEnabled('chain'), false);
});

test('enableWhen inside a repeating group refers to the same instance', () => {
  const questionnaire = q([{ linkId: 'g', type: 'group', repeats: true, item: [
    { linkId: 'x', type: 'boolean' },
    { linkId: 'y', type: 'string', enableWhen: [{ question: 'x', operator: '=', answerBoolean: true }] },
  ] }]);
  const { survey, index } = convert(questionnaire);
  assert.match(String(byLinkId(survey, 'y')?.visibleIf), /\{panel\.x\}/);
  const answers: AnswerData = { g: [{ x: true }, { x: false }] };
  const model = new core.Model(survey);
  model.data = answersToSurveyData(answers, index);
  const panels = (model.getQuestionByName('g') as unknown as { panels: Array<{ getQuestionByName(n: string): { isVisible: boolean } }> }).panels;
  assert.deepEqual(panels.map((p) => p.getQuestionByName('y').isVisible), [true, false]);
  const ev = new EnableWhenEvaluator(index, answers);
  assert.deepEqual([ev.isEnabled('y', [{ group: 'g', index: 0 }]), ev.isEnabled('y', [{ group: 'g', index: 1 }])], [true, false]);
});

test('linkIds that are not safe survey-core names are renamed, and the index maps them', () => {
  const { survey, index } = convert(q([{ linkId: '1.1', type: 'integer' }, { linkId: '/x y', type: 'string', enableWhen: [{ question: '1.1', operator: '=', answerInteger: 1 }] }]));
  assert.equal(index.get('1.1')?.name, 'q_1_1');
  assert.equal(index.get('/x y')?.name, '_x_y');
  const model = new core.Model(survey);
  model.setValue('q_1_1', 1);
  assert.equal(model.getQuestionByName('_x_y').isVisible, true);
});

test('top-level groups with itemControl page become pages', () => {
  const page = ctl('page');
  const { survey } = convert(q([
    { linkId: 'p1', type: 'group', text: 'One', extension: [page], item: [{ linkId: 'a', type: 'string' }] },
    { linkId: 'p2', type: 'group', text: 'Two', extension: [page], item: [{ linkId: 'b', type: 'string' }] },
  ]));
  const pages = survey.pages as Array<{ title: string }>;
  assert.deepEqual(pages.map((p) => p.title), ['One', 'Two']);
  assert.equal(new core.Model(survey).visiblePageCount, 2);
});

test('SurveyJS JSON is detected, validated and passed through without markup', () => {
  const sj = { completedHtml: '<script>x</script>', pages: [{ name: 'p', elements: [{ type: 'text', name: 'q1' }, { type: 'html', name: 'h', html: '<b>x</b>' }, { type: 'paneldynamic', name: 'pd', templateElements: [{ type: 'text', name: 'inner' }] }] }] };
  const r = convert(sj);
  assert.equal(r.source, 'surveyjs');
  assert.equal(r.survey.completedHtml, undefined);
  assert.equal(byLinkId({ pages: r.survey.pages }, 'h'), undefined);
  const h = (r.survey.pages as Array<{ elements: SurveyElementJSON[] }>)[0]!.elements[1]!;
  assert.equal(h.html, '&lt;b&gt;x&lt;/b&gt;');
  assert.deepEqual([...r.index.keys()].sort(), ['h', 'inner', 'pd', 'q1']);
  assert.deepEqual(r.index.get('inner')?.repeatingGroups, ['pd']);
  const bad = questionnaireToSurvey({ pages: [{ elements: [{ name: 'no-type' }] }] });
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.error.code, 'invalid-surveyjs');
});

test('the index keeps item.code, unit, options and the extraction flag per linkId', () => {
  const { index } = convert(everyType);
  assert.deepEqual(index.get('ch')?.code, [{ system: 'http://loinc.org', code: '1-1' }]);
  assert.equal(index.get('qty')?.unit?.code, 'kg');
  assert.deepEqual(index.get('vs')?.options.map((o) => o.coding?.code), ['Y', 'N']);
  assert.equal(indexQuestionnaire(everyType).cycle, undefined);
});
