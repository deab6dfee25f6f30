// The cheapest a page could do: the same red-flag screen (the general 113 list and fever-adult's own red flags
// as checkboxes, "none of these" and "confirm") as a plain DOM form, no framework, no machine. The floor the
// element is compared with.
import '../start';
// By path, not from the package indexes: in a build shared with the element's pages, an index module keeps every
// export the element needs, and the baseline would pay for them.
import type { Protocol } from '@helsekit/core/triage';
import { GENERAL_RED_FLAGS } from '../../../../packages/core/src/triage/general-red-flags';
import feverAdultJson from '../../../../packages/protocols/src/fever-adult.json';
import { markRedFlagsPainted } from '../painted';

const form = document.createElement('form');
const heading = document.createElement('h2');
heading.textContent = 'Har du noe av dette nå?';
const fieldset = document.createElement('fieldset');
const legend = document.createElement('legend');
legend.textContent = 'Kryss av for det som passer';
const list = document.createElement('ul');
const feverAdult = feverAdultJson as unknown as Protocol;
for (const flag of [...GENERAL_RED_FLAGS, ...feverAdult.redFlags]) {
  const item = document.createElement('li');
  const label = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.name = 'red-flag';
  input.value = flag.id;
  const text = document.createElement('span');
  text.textContent = flag.text.nb;
  label.append(input, text);
  item.append(label);
  list.append(item);
}
fieldset.append(legend, list);
const none = document.createElement('button');
none.type = 'button';
none.textContent = 'Nei, ingen av disse';
const next = document.createElement('button');
next.type = 'submit';
next.textContent = 'Ja, jeg har noe av dette';
form.append(heading, fieldset, none, next);
document.getElementById('root')!.append(form);
void markRedFlagsPainted();
