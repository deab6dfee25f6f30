// A Helsenorge-styled page: the whole protocol list (the person chooses the reason), the Helsenorge theme's tokens
// on the page, and the language switch that the widget follows through the nearest `lang`.
import '@helsekit/triage/define';
import type { HkTriageCompleteEvent, HkTriageStepChangeEvent } from '@helsekit/triage';
import helsenorgeTheme from '@helsekit/themes/helsenorge.css?url';

document.querySelector<HTMLLinkElement>('#theme')!.href = helsenorgeTheme;

const log = document.querySelector<HTMLOutputElement>('#log')!;
const show = (text: string) => (log.textContent = text);

const triage = document.querySelector('hk-triage')!;
triage.addEventListener('hk-step-change', (event) => {
  const { step, index, total } = (event as unknown as HkTriageStepChangeEvent).detail;
  show(`hk-step-change ${step} ${index}/${total}`);
});
triage.addEventListener('hk-complete', (event) => {
  const { disposition } = (event as unknown as HkTriageCompleteEvent).detail;
  show(`hk-complete ${disposition}`);
});
// No fhir-base on this page: the person is told where to go, and nothing is sent anywhere.
triage.addEventListener('hk-handoff', (event) => show(`hk-handoff ${event.detail.disposition}`));

document.querySelector<HTMLSelectElement>('#language')!.addEventListener('change', (event) => {
  document.documentElement.lang = (event.target as HTMLSelectElement).value;
});
