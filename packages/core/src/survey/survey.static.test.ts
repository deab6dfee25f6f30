import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { questionnaireToSurvey } from '../fhir/questionnaire-to-survey.js';
import { hasSurveyLogic, skipLogicPasses } from './survey.static.js';

describe('hasSurveyLogic', () => {
  it('a plain list of questions has none', () => {
    assert.equal(hasSurveyLogic({ elements: [{ type: 'text', name: 'a', title: 'A' }, { type: 'radiogroup', name: 'b', choices: [1, 2] }] }), false);
  });

  it('conditions, expressions, triggers, validators and piping are logic', () => {
    for (const json of [
      { elements: [{ type: 'text', name: 'a', visibleIf: '{b} = 1' }] },
      { elements: [{ type: 'text', name: 'a', title: 'Om {who}' }] },
      { elements: [{ type: 'expression', name: 'sum' }] },
      { triggers: [{ type: 'complete', expression: '{a} = 1' }], elements: [] },
      { elements: [{ type: 'text', name: 'a', validators: [{ type: 'numeric' }] }] },
      { calculatedValues: [{ name: 'x' }], elements: [] },
      { elements: [{ type: 'text', name: 'n' }, { type: 'paneldynamic', name: 'kids', bindings: { panelCount: 'n' }, templateElements: [] }] },
    ]) {
      assert.equal(hasSurveyLogic(json), true, JSON.stringify(json));
    }
  });

  it('a Questionnaire with enableWhen converts to logic; one with only an SDC calculatedExpression does not', () => {
    const withEnableWhen = questionnaireToSurvey({
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        { linkId: 'a', type: 'boolean', text: 'A' },
        { linkId: 'b', type: 'string', text: 'B', enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }] },
      ],
    });
    assert.ok(withEnableWhen.ok);
    assert.equal(hasSurveyLogic(withEnableWhen.value.survey), true);
    const calculated = questionnaireToSurvey({
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        { linkId: 'a', type: 'integer', text: 'A' },
        {
          linkId: 'total',
          type: 'integer',
          text: 'Sum',
          readOnly: true,
          extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression', valueExpression: { language: 'text/fhirpath', expression: '%resource.item.answer.value.sum()' } }],
        },
      ],
    });
    assert.ok(calculated.ok);
    assert.equal(hasSurveyLogic(calculated.value.survey), false);
  });
});

it('skipLogicPasses: a form without logic is not walked on each answer, and its answers still count', async () => {
  const core = await import('survey-core');
  const model = new core.Model({ elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'b' }] });
  let conditionPasses = 0;
  const m = model as unknown as { runConditionOnValuesChanged(): void };
  const original = m.runConditionOnValuesChanged.bind(model);
  m.runConditionOnValuesChanged = () => {
    conditionPasses++;
    original();
  };
  model.setValue('a', 'x');
  assert.ok(conditionPasses > 0, 'survey-core walks its conditions on an answer');
  skipLogicPasses(model);
  model.setValue('b', 'y');
  assert.deepEqual(model.data, { a: 'x', b: 'y' });
});
