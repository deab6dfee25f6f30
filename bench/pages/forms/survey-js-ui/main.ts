// survey-js-ui with its own survey-core (2.5.38, from the bench workspace), rendered as SurveyJS documents it.
// The fontless theme: the default one fetches Open Sans from Google, which a health page must not.
import 'survey-core/survey-core.fontless.min.css';
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import { sizeFromQuery, surveyJson } from '../generate';
import { measure } from '../measure';

const n = sizeFromQuery();
performance.mark('bench:start');
const container = document.getElementById('form')!;
renderSurvey(new Model(surveyJson(n)), container);
const answerInputs = () => container.querySelectorAll<HTMLInputElement>('input[type="number"]');
void measure(n, {
  inputCount: () => answerInputs().length,
  firstInput: () => answerInputs()[0]!,
  totalText: () => container.querySelector('[data-name="total"] .sd-expression')?.textContent ?? container.querySelector('[data-name="total"]')?.textContent?.replace('Sum', '') ?? '',
});
