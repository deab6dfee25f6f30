import '@helsekit/base/define';
import type { HkChoiceGroup } from '@helsekit/base';
import { questions } from '../questions';

performance.mark('bench:start');
const root = document.getElementById('root')!;
const fragment = document.createDocumentFragment();
for (const q of questions) {
  const el = document.createElement('hk-choice-group') as HkChoiceGroup;
  el.label = q.label;
  el.options = q.options;
  fragment.append(el);
}
root.append(fragment);
await Promise.all([...root.children].map((el) => (el as HkChoiceGroup).updateComplete));
performance.mark('bench:rendered');
performance.measure('bench:render', 'bench:start', 'bench:rendered');
requestAnimationFrame(() => setTimeout(() => performance.mark('bench:done')));
