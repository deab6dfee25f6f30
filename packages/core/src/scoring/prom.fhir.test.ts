import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { QuestionnaireResponse } from 'fhir/r4';
import { buildPromObservation, readPromAnswers, scoreQuestionnaireResponse } from './prom.fhir.js';
import { scorePhq9 } from './prom.rules.js';

const phq9Response: QuestionnaireResponse = {
  resourceType: 'QuestionnaireResponse',
  id: 'qr1',
  status: 'completed',
  authored: '2026-05-17T10:00:00+02:00',
  subject: { reference: 'Patient/p1' },
  item: [
    {
      linkId: 'group',
      item: [
        { linkId: 'q1', answer: [{ valueCoding: { code: 'LA6569-3', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 2 }] } }] },
        { linkId: 'q2', answer: [{ valueInteger: 3 }] },
        { linkId: 'q3', answer: [{ valueCoding: { code: '1' } }] },
        { linkId: 'q4', answer: [{ valueInteger: 1 }] },
        { linkId: 'q5', answer: [{ valueInteger: 0 }] },
        { linkId: 'q6', answer: [{ valueInteger: 2 }] },
        { linkId: 'q7', answer: [{ valueInteger: 0 }] },
        { linkId: 'q8', answer: [{ valueInteger: 1 }] },
        { linkId: 'q9', answer: [{ valueInteger: 1 }] },
      ],
    },
  ],
};
const linkIds = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9'];

describe('readPromAnswers', () => {
  it('reads by linkId inside groups, with ordinalValue and plain codes', () => {
    const { answers, unreadable } = readPromAnswers(phq9Response, 'phq9', { by: 'linkId', linkIds });
    assert.deepEqual(answers, [2, 3, 1, 1, 0, 2, 0, 1, 1]);
    assert.deepEqual(unreadable, []);
  });
  it('reads by item code through the Questionnaire codes', () => {
    const codes = linkIds.map((_, i) => ({ system: 'urn:test', code: `item-${i + 1}` }));
    const questionnaireCodes = Object.fromEntries(linkIds.map((l, i) => [l, [{ system: 'urn:test', code: `item-${i + 1}` }]]));
    const { answers } = readPromAnswers(phq9Response, 'phq9', { by: 'code', codes, questionnaireCodes });
    assert.deepEqual(answers, [2, 3, 1, 1, 0, 2, 0, 1, 1]);
  });
  it('reports unreadable answers and missing items as null', () => {
    const qr: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [{ linkId: 'q1', answer: [{ valueCoding: { code: 'LA-unknown' } }] }, { linkId: 'q2', answer: [{ valueInteger: 2 }] }],
    };
    const { answers, unreadable } = readPromAnswers(qr, 'phq9', { by: 'linkId', linkIds });
    assert.deepEqual(answers, [null, 2, null, null, null, null, null, null, null]);
    assert.deepEqual(unreadable, [{ item: 1, linkId: 'q1' }]);
  });
});

describe('buildPromObservation', () => {
  it('builds a survey Observation with the LOINC total, band text and derivedFrom', () => {
    const { score, observation } = scoreQuestionnaireResponse(phq9Response, 'phq9', { by: 'linkId', linkIds });
    assert.equal(score.status === 'scored' && score.total, 11);
    assert.equal(observation.category?.[0]?.coding?.[0]?.code, 'survey');
    assert.equal(observation.code.coding?.[0]?.code, '44261-6');
    assert.equal(observation.code.coding?.[0]?.system, 'http://loinc.org');
    assert.equal(observation.valueInteger, 11);
    assert.equal(observation.interpretation?.[0]?.text, 'Moderate');
    assert.deepEqual(observation.derivedFrom, [{ reference: 'QuestionnaireResponse/qr1' }]);
    assert.deepEqual(observation.subject, { reference: 'Patient/p1' });
    assert.equal(observation.effectiveDateTime, '2026-05-17T10:00:00+02:00');
    assert.equal(observation.component?.[0]?.valueBoolean, true);
  });
  it('uses dataAbsentReason and no value when not scored, keeping the item 9 flag', () => {
    const score = scorePhq9([null, null, null, 0, 0, 0, 0, 0, 3]);
    const obs = buildPromObservation(score, { response: { reference: 'QuestionnaireResponse/x' }, bandText: 'ignored' });
    assert.equal(obs.valueInteger, undefined);
    assert.equal(obs.dataAbsentReason?.coding?.[0]?.code, 'error');
    assert.match(obs.dataAbsentReason?.text ?? '', /3 items missing/);
    assert.equal(obs.component?.[0]?.valueBoolean, true);
  });
  it('notes prorating and uses a localized band text when given', () => {
    const score = scorePhq9([3, 3, 3, 3, 0, 0, 0, 0, null]);
    const obs = buildPromObservation(score, { response: { reference: 'QuestionnaireResponse/x' }, bandText: 'Moderat' });
    assert.equal(obs.valueInteger, 14);
    assert.equal(obs.interpretation?.[0]?.text, 'Moderat');
    assert.match(obs.note?.[0]?.text ?? '', /Prorated/);
    assert.ok(obs.component?.[0]?.dataAbsentReason);
  });
  it('codes GAD-7 total as 70274-6', () => {
    const obs = buildPromObservation({ instrument: 'gad7', status: 'scored', total: 3, rawSum: 3, prorated: false, band: 'minimal', missingItems: [], answeredCount: 7 }, { response: { reference: 'QuestionnaireResponse/y' } });
    assert.equal(obs.code.coding?.[0]?.code, '70274-6');
    assert.equal(obs.component, undefined);
  });
});
