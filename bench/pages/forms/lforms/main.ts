import { questionnaire, sizeFromQuery } from '../generate';
import { measure } from '../measure';

declare const LForms: { Util: { addFormToPage(form: unknown, container: string, options?: unknown): Promise<unknown> | void } };

const n = sizeFromQuery();
performance.mark('bench:start');
void LForms.Util.addFormToPage(questionnaire(n), 'form', { prepopulate: false });
const container = document.getElementById('form')!;
const answerInputs = () => [...container.querySelectorAll<HTMLInputElement>('input')].filter((i) => !i.id.includes('total'));
void measure(n, {
  inputCount: () => answerInputs().length,
  firstInput: () => answerInputs()[0]!,
  totalText: () => container.querySelector<HTMLInputElement>('input[id*="total"]')?.value ?? '',
});
