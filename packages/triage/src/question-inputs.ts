// Registers the input primitives the question screens render. <hk-triage> loads this module once its first
// screen is up, so the red-flag screen (native checkboxes) neither downloads nor waits for them.
import { HkChoiceGroup, HkNumberInput, HkYesNo } from '@helsekit/base';

HkChoiceGroup.define('hk-choice-group');
HkYesNo.define('hk-yes-no');
HkNumberInput.define('hk-number-input');
