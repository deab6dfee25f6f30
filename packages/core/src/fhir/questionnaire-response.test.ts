import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { buildQuestionnaireResponse, normalizeDateTime, responseToAnswers } from './questionnaire-response.js';
import { checkResponseStructure } from './validate-response.js';
import type { AnswerData } from './answers.js';

const questionnaire: Questionnaire = {
  resourceType: 'Questionnaire',
  url: 'https://helsekit.example/fhir/Questionnaire/test',
  version: '2.1',
  status: 'active',
  item: [
    { linkId: 'smoker', type: 'boolean', text: 'Do you smoke?' },
    { linkId: 'cigs', type: 'integer', text: 'How many a day?', enableWhen: [{ question: 'smoker', operator: '=', answerBoolean: true }] },
    { linkId: 'info', type: 'display', text: 'Some help' },
    { linkId: 'g', type: 'group', text: 'About you', item: [
      { linkId: 'dec', type: 'decimal' },
      { linkId: 'date', type: 'date' },
      { linkId: 'dt', type: 'dateTime' },
      { linkId: 'time', type: 'time' },
      { linkId: 'str', type: 'string' },
      { linkId: 'txt', type: 'text' },
      { linkId: 'url', type: 'url' },
      { linkId: 'ch', type: 'choice', answerOption: [{ valueCoding: { system: 'urn:s', code: 'a', display: 'A' } }, { valueCoding: { system: 'urn:s', code: 'b', display: 'B' } }] },
      { linkId: 'chm', type: 'choice', repeats: true, answerOption: [{ valueInteger: 1 }, { valueInteger: 2 }, { valueString: 'three' }] },
      { linkId: 'och', type: 'open-choice', answerOption: [{ valueCoding: { code: 'x', display: 'X' } }] },
      { linkId: 'qty', type: 'quantity', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit', valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kilo' } }] },
      { linkId: 'att', type: 'attachment' },
      { linkId: 'names', type: 'string', repeats: true },
    ] },
    { linkId: 'meds', type: 'group', repeats: true, item: [
      { linkId: 'med', type: 'string' },
      { linkId: 'dose', type: 'decimal', enableWhen: [{ question: 'med', operator: 'exists', answerBoolean: true }] },
      { linkId: 'more', type: 'group', repeats: true, item: [{ linkId: 'note', type: 'string' }] },
    ] },
    { linkId: 'q', type: 'boolean', item: [{ linkId: 'q.why', type: 'string' }] },
  ],
};

const answers: AnswerData = {
  smoker: false,
  cigs: 10, // disabled: smoker is false
  dec: 37.5,
  date: '2026-05-17',
  dt: '2026-05-17T10:30',
  time: '08:15',
  str: 'hei',
  txt: 'lang tekst',
  url: 'https://example.org',
  ch: 'b',
  chm: [1, 'three'],
  och: 'free text',
  qty: 72.5,
  att: { contentType: 'text/plain', data: 'aGVp', title: 'a.txt' },
  names: ['Kari', 'Ola'],
  meds: [{ med: 'Paracet', dose: 500, more: [{ note: 'morning' }, { note: 'evening' }] }, { dose: 1 }],
  q: true,
  'q.why': 'because',
};

const related = { reference: 'RelatedPerson/mother', display: 'Mor' };

function build(a: AnswerData = answers): QuestionnaireResponse {
  const r = buildQuestionnaireResponse(questionnaire, a, { subject: { reference: 'Patient/child' }, author: { reference: 'Device/helsekit' }, source: related, authored: '2026-05-17T12:00:00+02:00', id: 'qr1' });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.deepEqual(r.value.issues, []);
  return r.value.response;
}

const find = (r: QuestionnaireResponse, linkId: string) => {
  const stack = [...(r.item ?? [])];
  const out = [];
  while (stack.length) {
    const it = stack.shift()!;
    if (it.linkId === linkId) out.push(it);
    stack.push(...(it.item ?? []));
    for (const a of it.answer ?? []) stack.push(...(a.item ?? []));
  }
  return out;
};

test('header: canonical with version, status, subject, author, source (RelatedPerson), authored', () => {
  const r = build();
  assert.equal(r.resourceType, 'QuestionnaireResponse');
  assert.equal(r.questionnaire, 'https://helsekit.example/fhir/Questionnaire/test|2.1');
  assert.equal(r.status, 'completed');
  assert.deepEqual(r.subject, { reference: 'Patient/child' });
  assert.deepEqual(r.source, related);
  assert.deepEqual(r.author, { reference: 'Device/helsekit' });
  assert.equal(r.authored, '2026-05-17T12:00:00+02:00');
  assert.equal(r.id, 'qr1');
});

test('answers are typed by item type', () => {
  const r = build();
  const a = (l: string) => find(r, l)[0]?.answer;
  assert.deepEqual(a('smoker'), [{ valueBoolean: false }]);
  assert.deepEqual(a('dec'), [{ valueDecimal: 37.5 }]);
  assert.deepEqual(a('date'), [{ valueDate: '2026-05-17' }]);
  assert.match(a('dt')![0]!.valueDateTime!, /^2026-05-17T10:30:00[+-]\d{2}:\d{2}$/);
  assert.deepEqual(a('time'), [{ valueTime: '08:15:00' }]);
  assert.deepEqual(a('str'), [{ valueString: 'hei' }]);
  assert.deepEqual(a('txt'), [{ valueString: 'lang tekst' }]);
  assert.deepEqual(a('url'), [{ valueUri: 'https://example.org' }]);
  assert.deepEqual(a('ch'), [{ valueCoding: { system: 'urn:s', code: 'b', display: 'B' } }]);
  assert.deepEqual(a('chm'), [{ valueInteger: 1 }, { valueString: 'three' }]);
  assert.deepEqual(a('och'), [{ valueString: 'free text' }]);
  assert.deepEqual(a('qty'), [{ valueQuantity: { value: 72.5, unit: 'kilo', system: 'http://unitsofmeasure.org', code: 'kg' } }]);
  assert.deepEqual(a('att'), [{ valueAttachment: { contentType: 'text/plain', data: 'aGVp', title: 'a.txt' } }]);
  assert.deepEqual(a('names'), [{ valueString: 'Kari' }, { valueString: 'Ola' }]);
});

test('disabled items are left out (SDC), display items too', () => {
  const r = build();
  assert.equal(find(r, 'cigs').length, 0);
  assert.equal(find(r, 'info').length, 0);
  const enabled = build({ ...answers, smoker: true });
  assert.deepEqual(find(enabled, 'cigs')[0]?.answer, [{ valueInteger: 10 }]);
});

test('nesting mirrors groups; repeating groups repeat the item; question children go under answer.item', () => {
  const r = build();
  assert.deepEqual(r.item!.map((i) => i.linkId), ['smoker', 'g', 'meds', 'q']);
  const meds = r.item!.filter((i) => i.linkId === 'meds');
  assert.deepEqual(meds[0]!.item!.map((i) => i.linkId), ['med', 'dose', 'more', 'more']);
  const two = build({ ...answers, meds: [{ med: 'A', more: [{ note: 'n' }] }, { med: 'B', dose: 2 }] });
  assert.deepEqual(two.item!.filter((i) => i.linkId === 'meds').map((m) => m.item!.map((i) => i.linkId)), [['med', 'more'], ['med', 'dose']]);
  const q = r.item!.find((i) => i.linkId === 'q')!;
  assert.equal(q.item, undefined);
  assert.deepEqual(q.answer![0]!.item, [{ linkId: 'q.why', answer: [{ valueString: 'because' }] }]);
  assert.deepEqual(checkResponseStructure(questionnaire, r), []);
});

test('enableWhen inside a repeating group is per instance; an instance left empty is left out', () => {
  const r = build();
  // second instance has no med, so its dose (enableWhen med exists) is disabled there, and nothing remains
  assert.equal(r.item!.filter((i) => i.linkId === 'meds').length, 1);
  assert.equal(find(r, 'dose').length, 1);
});

test('answers that do not fit are reported, not sent', () => {
  const r = buildQuestionnaireResponse(questionnaire, { dec: 'abc', date: '17.05.2026', ch: 'zzz', smoker: 'yes' } as never, { authored: '2026-01-01' });
  assert.ok(r.ok);
  assert.equal(r.value.response.item, undefined);
  assert.deepEqual(r.value.issues.map((i) => i.linkId).sort(), ['ch', 'date', 'dec', 'smoker']);
});

test('round trip: response → answer data → response', () => {
  const r = build();
  const back = responseToAnswers(questionnaire, r);
  assert.ok(back.ok);
  const again = buildQuestionnaireResponse(questionnaire, back.value.answers, { subject: r.subject, author: r.author, source: r.source, authored: r.authored, id: 'qr1' });
  assert.ok(again.ok);
  assert.deepEqual(again.value.response, r);
  assert.equal(back.value.answers.ch, 'b', 'coded answers come back as the option key');
  assert.deepEqual(back.value.answers.chm, [1, 'three']);
  assert.equal(back.value.answers.cigs, undefined);
});

test('reverse mapping reports linkIds the Questionnaire does not have', () => {
  const back = responseToAnswers(questionnaire, { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'nope', answer: [{ valueString: 'x' }] }] });
  assert.ok(back.ok);
  assert.deepEqual(back.value.issues.map((i) => i.linkId), ['nope']);
});

test('a Questionnaire without url gets no canonical and says so', () => {
  const r = buildQuestionnaireResponse({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'string' }] }, { a: 'x' });
  assert.ok(r.ok);
  assert.equal(r.value.response.questionnaire, undefined);
  assert.ok(r.value.issues.some((i) => /url/.test(i.reason)));
});

test('local dateTimes get seconds and an offset', () => {
  assert.match(normalizeDateTime('2026-01-02T03:04')!, /^2026-01-02T03:04:00[+-]\d\d:\d\d$/);
  assert.equal(normalizeDateTime('2026-01-02T03:04:05Z'), '2026-01-02T03:04:05Z');
  assert.equal(normalizeDateTime('tomorrow'), undefined);
});

test('checkResponseStructure finds wrong types, order and nesting', () => {
  const bad: QuestionnaireResponse = { resourceType: 'QuestionnaireResponse', status: 'completed', item: [
    { linkId: 'g', item: [{ linkId: 'dec', answer: [{ valueString: '1' }] }] },
    { linkId: 'smoker', answer: [{ valueBoolean: true }, { valueBoolean: false }] },
    { linkId: 'dec', answer: [{ valueDecimal: 1 }] },
    { linkId: 'info', answer: [{ valueString: 'x' }] },
  ] };
  const problems = checkResponseStructure(questionnaire, bad);
  assert.ok(problems.some((p) => /valueString does not fit item type decimal/.test(p)));
  assert.ok(problems.some((p) => /out of Questionnaire order/.test(p)));
  assert.ok(problems.some((p) => /several answers/.test(p)));
  assert.ok(problems.some((p) => /\/dec: linkId not allowed here/.test(p)));
  assert.ok(problems.some((p) => /display/.test(p)));
});

test('items disabled by an enableWhenExpression result are left out too', () => {
  const r = buildQuestionnaireResponse(questionnaire, { str: 'x', dec: 1 }, { enabledByExpression: new Map([['g', false]]) });
  assert.ok(r.ok);
  assert.equal(r.value.response.item, undefined);
});
