import { questions } from '../questions';

performance.mark('bench:start');
const root = document.getElementById('root')!;
const fragment = document.createDocumentFragment();
for (const q of questions) {
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = q.label;
  fieldset.append(legend);
  for (const option of q.options) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = q.id;
    input.value = option.value;
    label.append(input, option.label);
    fieldset.append(label);
  }
  fragment.append(fieldset);
}
root.append(fragment);
performance.mark('bench:rendered');
performance.measure('bench:render', 'bench:start', 'bench:rendered');
requestAnimationFrame(() => setTimeout(() => performance.mark('bench:done')));
