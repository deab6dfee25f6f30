// The only module in @helsekit/base with a side effect: it registers the base elements.
import { HkChoiceGroup } from './inputs/choice-group.element.js';
import { HkDateInput } from './inputs/date-input.element.js';
import { HkNumberInput } from './inputs/number-input.element.js';
import { HkYesNo } from './inputs/yes-no.element.js';
import { HkProvider } from './provider.element.js';

HkProvider.define('hk-provider');
HkChoiceGroup.define('hk-choice-group');
HkYesNo.define('hk-yes-no');
HkNumberInput.define('hk-number-input');
HkDateInput.define('hk-date-input');

declare global {
  interface HTMLElementTagNameMap {
    'hk-provider': HkProvider;
    'hk-choice-group': HkChoiceGroup;
    'hk-yes-no': HkYesNo;
    'hk-number-input': HkNumberInput;
    'hk-date-input': HkDateInput;
  }
}
