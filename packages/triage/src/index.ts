// Side-effect free: import '@helsekit/triage/define' to register <hk-triage>.
export { HkTriage, isUsableProtocol } from './triage.element.js';
export type { HkTriageGpOffice, HkTriagePersist } from './triage.element.js';
export {
  HkTriageAnalyticsEvent,
  HkTriageCompleteEvent,
  HkTriageErrorEvent,
  HkTriageHandoffEvent,
  HkTriageStepChangeEvent,
} from './triage.events.js';
export type { HkTriageErrorDetail, HkTriageErrorReason, HkTriageResultDetail, HkTriageStepChangeDetail } from './triage.events.js';
export { triageStyles } from './triage.styles.js';
