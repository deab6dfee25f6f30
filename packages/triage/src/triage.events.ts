/**
 * The DOM events of `<hk-triage>`. Each is an `HkEvent` (bubbles, composed) re-dispatched 1:1 from one event the
 * triage machine emits, except `hk-error`, which reports what the element itself could not do.
 */
import { HkEvent } from '@helsekit/base';
import type { Disposition, TriageAnalytics, TriageStep } from '@helsekit/core/triage';
import type { Bundle } from 'fhir/r4';

export interface HkTriageStepChangeDetail {
  /** The screen now shown. */
  step: TriageStep;
  /** 1-based screen number: the red-flag screen is 1, each question one more, the outcome last; 0 on the reason screen. */
  index: number;
  /** Screens on the current path, the outcome included (grows or shrinks as answers enable questions); 0 on the reason screen. */
  total: number;
}

/** The screen changed (from `triage.step-changed`). */
export class HkTriageStepChangeEvent extends HkEvent<HkTriageStepChangeDetail> {
  static readonly type = 'hk-step-change';
  constructor(detail: HkTriageStepChangeDetail) {
    super(HkTriageStepChangeEvent.type, detail);
  }
}

export interface HkTriageResultDetail {
  disposition: Disposition;
  /**
   * The result as FHIR R4: for `hk-complete` a `collection` Bundle (QuestionnaireResponse, red-flag and finding
   * Observations, the disposition Observation, and a ServiceRequest or a CarePlan); for `hk-handoff` the
   * `transaction` Bundle with a Task for the GP office inbox, as it would be posted.
   */
  bundle: Bundle;
}

/**
 * An outcome was reached (from `triage.completed`). Sent again if the person goes back and reaches another
 * outcome: the last one counts.
 */
export class HkTriageCompleteEvent extends HkEvent<HkTriageResultDetail> {
  static readonly type = 'hk-complete';
  constructor(detail: HkTriageResultDetail) {
    super(HkTriageCompleteEvent.type, detail);
  }
}

/**
 * The person asked to hand the result to the GP office (from `triage.handoff-requested`). Cancelable: call
 * `preventDefault()` to take over (book, open the e-consultation, show numbers); the element then posts nothing
 * and says the page takes it from here. Not cancelled: the element posts `bundle` to `fhir-base` when one is set.
 */
export class HkTriageHandoffEvent extends HkEvent<HkTriageResultDetail> {
  static readonly type = 'hk-handoff';
  constructor(detail: HkTriageResultDetail) {
    super(HkTriageHandoffEvent.type, detail, { cancelable: true });
  }
}

/**
 * Usage statistics without health data (from `triage.analytics`): protocol id and version, the step reached,
 * the disposition, what decided it (red flag, rule, default), time taken, and where people gave up. Never answers.
 * The library sends it nowhere.
 */
export class HkTriageAnalyticsEvent extends HkEvent<TriageAnalytics> {
  static readonly type = 'hk-analytics';
  constructor(detail: TriageAnalytics) {
    super(HkTriageAnalyticsEvent.type, detail);
  }
}

export type HkTriageErrorReason = 'fhir-refused' | 'fhir-failed' | 'invalid-protocol' | 'no-protocols' | 'load-failed' | 'machine-failed';

export interface HkTriageErrorDetail {
  /**
   * `fhir-refused`: the FHIR base is not allowed, or the server refused the request (401, 403, 4xx);
   * `fhir-failed`: network or server error; `invalid-protocol`: a protocol is malformed or `protocol-id` is
   * unknown; `no-protocols`: the list is empty; `load-failed`: a screen or the FHIR builders the widget loads on
   * demand could not be downloaded; `machine-failed`: the flow stopped on an internal error.
   */
  reason: HkTriageErrorReason;
  /** Technical message for the host's log; never health data. */
  message: string;
}

/** Something the element could not do. The person sees a localized message; the host gets the reason. */
export class HkTriageErrorEvent extends HkEvent<HkTriageErrorDetail> {
  static readonly type = 'hk-error';
  constructor(detail: HkTriageErrorDetail) {
    super(HkTriageErrorEvent.type, detail);
  }
}

// Only names no other helsekit element uses go into the global map: `hk-step-change`, `hk-complete` and
// `hk-error` are shared (with different details), and one global key cannot have two types.
declare global {
  interface GlobalEventHandlersEventMap {
    'hk-handoff': HkTriageHandoffEvent;
    'hk-analytics': HkTriageAnalyticsEvent;
  }
}
