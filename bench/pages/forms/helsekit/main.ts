import '@helsekit/health-form/define';
import type { HkHealthForm } from '@helsekit/health-form';
import { questionnaire, sizeFromQuery } from '../generate';
import { measure } from '../measure';

const n = sizeFromQuery();
performance.mark('bench:start');
const form = document.createElement('hk-health-form') as HkHealthForm;
form.questionnaire = questionnaire(n) as HkHealthForm['questionnaire'];
document.body.append(form);
const root = () => form.shadowRoot!;
const answerInputs = () => root().querySelectorAll<HTMLInputElement>('input');
void measure(n, {
  inputCount: () => answerInputs().length,
  firstInput: () => answerInputs()[0]!,
  totalText: () => root().querySelector('[data-name="total"] output')?.textContent ?? '',
});
