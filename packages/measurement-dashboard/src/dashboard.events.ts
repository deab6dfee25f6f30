import type { Bundle, Observation } from 'fhir/r4';
import { HkEvent } from '@helsekit/base';
import type { AlertAction } from '@helsekit/core/measurements';

/** A reading was added (typed in, or imported) and stored. `detail.observation`: the stored Observation. */
export class HkMeasurementAddedEvent extends HkEvent<{ observation: Observation }> {
  static readonly type = 'hk-measurement-added';
  constructor(observation: Observation) {
    super(HkMeasurementAddedEvent.type, { observation });
  }
}

/** A shareable summary was made. `detail.bundle`: a FHIR collection Bundle of summary Observations (min, max, mean, last, count; `derivedFrom` the readings). */
export class HkSummaryEvent extends HkEvent<{ bundle: Bundle }> {
  static readonly type = 'hk-summary';
  constructor(bundle: Bundle) {
    super(HkSummaryEvent.type, { bundle });
  }
}

/** Why something failed: loading, saving a reading, importing, or saving an alert. */
export type HkDashboardErrorReason = 'load' | 'save' | 'import' | 'alert';

/** Something failed. `detail.reason` says what; `detail.message` is for developers and holds no health data. */
export class HkDashboardErrorEvent extends HkEvent<{ reason: HkDashboardErrorReason; message: string }> {
  static readonly type = 'hk-error';
  constructor(reason: HkDashboardErrorReason, message: string) {
    super(HkDashboardErrorEvent.type, { reason, message });
  }
}

/** A patient was opened from the worklist. `detail.patient`: the Patient reference (`Patient/123`). */
export class HkPatientOpenEvent extends HkEvent<{ patient: string }> {
  static readonly type = 'hk-patient-open';
  constructor(patient: string) {
    super(HkPatientOpenEvent.type, { patient });
  }
}

/** An alert was acknowledged, snoozed or resolved. `detail`: patient reference, action, who (display) and when (ISO). */
export class HkAlertChangeEvent extends HkEvent<{ patient: string; action: AlertAction; by: string; at: string; until?: string }> {
  static readonly type = 'hk-alert-change';
  constructor(detail: { patient: string; action: AlertAction; by: string; at: string; until?: string }) {
    super(HkAlertChangeEvent.type, detail);
  }
}

// `hk-error` is shared with other helsekit elements, each with its own detail type: not declared globally here.
declare global {
  interface GlobalEventHandlersEventMap {
    'hk-measurement-added': HkMeasurementAddedEvent;
    'hk-summary': HkSummaryEvent;
    'hk-patient-open': HkPatientOpenEvent;
    'hk-alert-change': HkAlertChangeEvent;
  }
}
