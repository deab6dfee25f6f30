import { HkEvent } from '@helsekit/base';
import type { Observation, QuestionnaireResponse } from 'fhir/r4';

/** The steps a person moves through. Also the element's custom states (`:state(review)`). */
export type HealthFormStep =
  | 'loading'
  | 'prefillReview'
  | 'filling'
  | 'review'
  | 'consent'
  | 'submitting'
  | 'submitted'
  | 'failed'
  | 'readOnly'
  | 'unavailable';

export type HealthFormErrorReason =
  | 'load-failed'
  | 'invalid-questionnaire'
  | 'store-failed'
  | 'draft-conflict'
  | 'submit-failed'
  | 'validation';

/**
 * The person sends the form. Cancelable: `preventDefault()` keeps the response out of the store (the host then
 * sends it itself). `detail.response` is the completed QuestionnaireResponse (hidden answers left out),
 * `detail.observations` the Observations extracted from coded items.
 */
export class HkSubmitEvent extends HkEvent<{ response: QuestionnaireResponse; observations: Observation[] }> {
  static readonly type = 'hk-submit';
  constructor(response: QuestionnaireResponse, observations: Observation[]) {
    super(HkSubmitEvent.type, { response, observations }, { cancelable: true });
  }
}

/** A draft was written to the store. No answers in the detail: only its version and when. */
export class HkDraftSavedEvent extends HkEvent<{ version: string; savedAt: string }> {
  static readonly type = 'hk-draft-saved';
  constructor(version: string, savedAt: string) {
    super(HkDraftSavedEvent.type, { version, savedAt });
  }
}

/** Something went wrong. `reason` is typed; `message` is English, for logs (never answer values). */
export class HkErrorEvent extends HkEvent<{ reason: HealthFormErrorReason; message: string }> {
  static readonly type = 'hk-error';
  constructor(reason: HealthFormErrorReason, message: string) {
    super(HkErrorEvent.type, { reason, message });
  }
}

/** The person moved to another step or page. */
export class HkStepChangeEvent extends HkEvent<{ step: HealthFormStep; pageIndex: number; pageCount: number }> {
  static readonly type = 'hk-step-change';
  constructor(step: HealthFormStep, pageIndex: number, pageCount: number) {
    super(HkStepChangeEvent.type, { step, pageIndex, pageCount });
  }
}

// `hk-error` is shared with other helsekit elements, so it is not in the global event map.
declare global {
  interface GlobalEventHandlersEventMap {
    'hk-submit': HkSubmitEvent;
    'hk-draft-saved': HkDraftSavedEvent;
    'hk-step-change': HkStepChangeEvent;
  }
}
