import '@helsekit/base/define';
import type { HkChoiceGroup, HkDateInput, HkField } from '@helsekit/base';
import defaultTheme from '@helsekit/themes/default.css?url';
import helsenorgeTheme from '@helsekit/themes/helsenorge.css?url';
import highContrastTheme from '@helsekit/themes/high-contrast.css?url';

const themes: Record<string, string> = { default: defaultTheme, helsenorge: helsenorgeTheme, 'high-contrast': highContrastTheme };
const themeLink = document.querySelector<HTMLLinkElement>('#theme')!;
themeLink.href = themes.default!;

const symptoms = document.querySelector<HkChoiceGroup>('hk-choice-group')!;
symptoms.options = [
  { value: 'cough', label: 'Hoste' },
  { value: 'sore-throat', label: 'Vondt i halsen' },
  { value: 'headache', label: 'Hodepine' },
];

const since = document.querySelector<HkDateInput>('hk-date-input')!;
since.max = new Date().toISOString().slice(0, 10);

const log = document.querySelector<HTMLOutputElement>('#log')!;
document.addEventListener('hk-change', (event) => {
  const field = event.target as HkField;
  log.textContent = `hk-change ${field.getAttribute('name')}: ${JSON.stringify(event.detail.value)}`;
});

document.querySelector<HTMLSelectElement>('#language')!.addEventListener('change', (event) => {
  document.documentElement.lang = (event.target as HTMLSelectElement).value;
});

document.querySelector<HTMLSelectElement>('#theme-select')!.addEventListener('change', (event) => {
  themeLink.href = themes[(event.target as HTMLSelectElement).value] ?? themes.default!;
});

document.querySelector('#form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const fields = [...document.querySelectorAll<HkField>('#form > *')].filter((el) => 'validate' in el);
  const invalid = fields.filter((field) => !field.validate());
  invalid[0]?.focus();
  log.textContent = invalid.length ? `${invalid.length} felt må rettes.` : 'Alle svar er gyldige.';
});
