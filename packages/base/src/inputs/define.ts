// The only module in @helsekit/base with a side effect: it registers the input primitives.
import { HkChoiceGroup } from './choice-group.element.js';
import { HkDateInput } from './date-input.element.js';
import { HkNumberInput } from './number-input.element.js';
import { HkYesNo } from './yes-no.element.js';

HkChoiceGroup.define('hk-choice-group');
HkYesNo.define('hk-yes-no');
HkNumberInput.define('hk-number-input');
HkDateInput.define('hk-date-input');

declare global {
  interface HTMLElementTagNameMap {
    'hk-choice-group': HkChoiceGroup;
    'hk-yes-no': HkYesNo;
    'hk-number-input': HkNumberInput;
    'hk-date-input': HkDateInput;
  }
}
