// The same who-for screen (three radio groups with legends and "Gå videre") as a plain DOM form: the floor the
// element's first screen is compared with.
import '../start';
import { markRedFlagsPainted } from '../painted';

const groups: Array<[string, string[]]> = [
  ['Hvem svarer du for?', ['Meg selv', 'En annen (for eksempel et barn eller en forelder)']],
  ['Alder', ['Under 3 måneder', '3–11 måneder', '1–4 år', '5–12 år', '13–17 år', '18–64 år', '65 år eller eldre']],
  ['Kjønn', ['Kvinne / jente', 'Mann / gutt', 'Annet, eller vil ikke svare']],
];
const form = document.createElement('form');
const heading = document.createElement('h2');
heading.textContent = 'Hvem gjelder det?';
form.append(heading);
groups.forEach(([legendText, options], i) => {
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = legendText;
  fieldset.append(legend);
  for (const option of options) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = `g${i}`;
    input.value = option;
    const text = document.createElement('span');
    text.textContent = option;
    label.append(input, text);
    fieldset.append(label);
  }
  form.append(fieldset);
});
const next = document.createElement('button');
next.type = 'submit';
next.textContent = 'Gå videre';
form.append(next);
document.getElementById('root')!.append(form);
void markRedFlagsPainted();
