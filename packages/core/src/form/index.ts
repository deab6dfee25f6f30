/**
 * `@helsekit/core/form` — the pure core of `<hk-health-form>`: the flow machine, its store actors, reuse of earlier
 * answers, patient prefill and the view model. No DOM, no Lit.
 */
export { formMachine, storeCodeOf, type FormMachine } from './form.machine.js';
export { formActorsFromStore, loadFormFromStore, type FormActorOptions } from './form.actors.js';
export type * from './form.types.js';
export {
  HK,
  DEFAULT_AUTOSAVE_MS,
  DEFAULT_FRESHNESS,
  FNR_SYSTEM,
  DNR_SYSTEM,
  allowsReuse,
  backoffMs,
  buildDraftResponse,
  buildSubmission,
  computePages,
  draftKeyOf,
  isFodselsnummerItem,
  isHiddenItem,
  isScoredInstrument,
  scoredInstrumentOf,
  scoreSubmission,
  pageOf,
  readDraft,
  submittableAnswers,
  validateAll,
  validateItem,
  validateLinkIds,
  type BuiltSubmission,
} from './form.rules.js';
export { findReusableAnswers, freshnessOf, isFresh, valueForItem, windowStart, canonicalOf, type ReuseSource } from './reuse.rules.js';
export { autocompleteFor, patientFieldOf, patientPrefill, patientValues, DEFAULT_PATIENT_FIELDS, PATIENT_FIELD_SYSTEM, type PatientField, type FieldSelectors } from './patient.rules.js';
export { toFormView, answerRows, answerText, originText, type FormView, type FormViewMessages, type FormViewOptions, type FormSnapshotLike, type FlowState, type AutosaveState, type QuestionView, type PrefillView, type ReviewRow, type StatusView } from './form.view.js';
export { submitToStore } from './form.actors.js';
export { questionnaireFromSurveyJson } from './form.surveyjs.js';
