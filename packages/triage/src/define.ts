// The only module in @helsekit/triage with a side effect: it registers <hk-triage> and the input primitives it
// renders (only those three, so the red-flag screen does not pay for the others).
import { HkChoiceGroup, HkNumberInput, HkYesNo } from '@helsekit/base';
import { HkTriage } from './triage.element.js';

HkChoiceGroup.define('hk-choice-group');
HkYesNo.define('hk-yes-no');
HkNumberInput.define('hk-number-input');
HkTriage.define('hk-triage');

declare global {
  interface HTMLElementTagNameMap {
    'hk-triage': HkTriage;
  }
}
