import type { Locale } from './locale.js';

/**
 * The UI catalogs' shapes, one interface per part, so an element bundles the strings it shows and no others
 * (the triage widget does not carry the dashboard's texts in four languages). A catalog that lacks a key, or has
 * one of the wrong shape, does not compile. Plurals and interpolation are functions; numbers and dates arrive
 * already formatted for the locale.
 */

/** Shared by every element: buttons, validation of the input primitives, dates and numbers. */
export interface CommonMessages {
  /** Name of the language in itself, for a language picker. */
  languageName: string;
  yes: string;
  no: string;
  dontKnow: string;
  next: string;
  back: string;
  submit: string;
  retry: string;
  loading: string;
  optional: string;
  /** Read out before an error text, so it is not announced as a plain hint. */
  errorPrefix: string;
  /** Heading of an error summary with `count` errors. */
  errorSummaryTitle: (count: number) => string;
  stepOf: (current: number, total: number) => string;
  required: string;
  choiceRequired: string;
  numberInvalid: string;
  numberTooLow: (min: string, unit: string) => string;
  numberTooHigh: (max: string, unit: string) => string;
  numberRangeHint: (min: string, max: string, unit: string) => string;
  dateInvalid: string;
  dateTooEarly: (min: string) => string;
  dateTooLate: (max: string) => string;
  dateFormatHint: string;
  dateDay: string;
  dateMonth: string;
  dateYear: string;
}

/** The `<hk-triage>` element and its view. */
export interface TriageMessages {
  triageChooseReasonHeading: string;
  triageRedFlagsHeading: string;
  triageNoneOfThese: string;
  triageChooseAll: string;
  triageOutcomeHeading: string;
  triageReasonHeading: string;
  triageAdviceHeading: string;
  triageSafetyNetHeading: string;
  triageWhatToDoNowHeading: string;
  /** Shown with the reason when a "vet ikke" answer was read as the more serious answer. */
  triageDontKnowReason: string;
  triageDefaultReason: string;
  triageDispositionCall113: string;
  triageDispositionCall116117: string;
  triageDispositionGpSameDay: string;
  triageDispositionGpAppointment: string;
  triageDispositionEConsultation: string;
  triageDispositionSelfCare: string;
  triageDispositionAdminService: string;
  /** Urgency in words, so it is never shown by colour alone. */
  triageUrgencyAcute: string;
  triageUrgencyUrgent: string;
  triageUrgencyToday: string;
  triageUrgencyRoutine: string;
  triageUrgencyNone: string;
  triageSendToGp: string;
  triageFinish: string;
  triageRestart: string;
  triageSending: string;
  triageSendFailed: string;
  triageDone: string;
  /** Shown where a content text is missing in the chosen language and bokmål is shown instead. */
  triageFallbackNotice: string;
  /** Shown while a protocol has status draft (not clinically reviewed). */
  triageDraftNotice: string;
  triageReasonSearchLabel: string;
  triageReasonSearchHint: string;
  /** Read out (politely) while the person types in the reason search. */
  triageReasonMatches: (count: number) => string;
  triageReasonNoMatches: string;
  /** Legend of the red-flag checkbox group. */
  triageRedFlagsLegend: string;
  /** The same legend when someone answers for a child. */
  triageRedFlagsLegendChild: string;
  triageRedFlagsCheckHint: string;
  /** The button that goes on with the red flags that are checked. */
  triageRedFlagsConfirm: string;
  triageRedFlagsNothingChecked: string;
  /** Text of the phone link on a 113 or 116117 outcome; `number` is `113` or `116117`. */
  triageCallNumber: (number: string) => string;
  triageWhatNextHeading: string;
  /** What happens next, per disposition. */
  triageWhatNext: Readonly<Record<'call-113' | 'call-116117' | 'gp-same-day' | 'gp-appointment' | 'e-consultation' | 'self-care' | 'admin-service', string>>;
  /** The handoff button, per disposition the GP office receives. */
  triageHandoffAction: Readonly<Record<'gp-same-day' | 'gp-appointment' | 'e-consultation' | 'admin-service', string>>;
  triageGpPhone: (office: string, phone: string) => string;
  /** Shown when the host page takes over the handoff (it cancelled `hk-handoff`). */
  triageHandledByHost: string;
  triageDurationUnits: Readonly<Record<'hours' | 'days' | 'weeks', string>>;
  triageAgeUnit: string;
  triageNoProtocols: string;
  triageInvalidProtocol: string;
  /** The who-for screen's heading. */
  triagePersonHeading: string;
  triagePersonWhoLegend: string;
  triagePersonWhoSelf: string;
  triagePersonWhoOther: string;
  triagePersonAgeLegend: string;
  triagePersonSexLegend: string;
  triagePersonSexHint: string;
  triagePersonPregnantLegend: string;
  triagePersonContinue: string;
  /** Shown when Continue is pressed with a question unanswered. */
  triagePersonMissing: string;
  /** The "Noe annet" entry, always on the reason screen. */
  triageOtherReason: string;
  triageOtherHint: string;
  triageOtherDescribeLabel: string;
  triageOtherDescribeHint: string;
  triageOtherDescribeMissing: string;
  /** The box with 113 and 116117 beside the reason list. */
  triageEmergencyHeading: string;
  triageEmergency113: string;
  triageEmergency116117: string;
  triageReasonNoneFit: string;
  /** Heading of the person's own words on the outcome. */
  triageDescriptionHeading: string;
  /** After a handoff the FHIR server accepted. */
  triageSent: string;
  /** After a handoff with nowhere to send it: nothing was sent. */
  triageNotSent: string;
}

/** The `<hk-health-form>` element and its view. */
export interface FormMessages {
  formLoadFailed: string;
  formEngineUnavailable: string;
  formInvalid: string;
  formTooLarge: string;
  formCalculated: string;
  healthFormToReview: string;
  healthFormQuestionOf: (current: number, total: number) => string;
  healthFormSearchOptions: string;
  healthFormOptionsShown: (count: number) => string;
  healthFormChoose: string;
  healthFormChangedMark: string;
  healthFormPrefilledMark: string;
  /** Where and when a prefilled answer came from; `date` is formatted, or '' when unknown. */
  healthFormPrefillOrigin: (source: string, date: string) => string;
  healthFormFileLimits: (maxKb: string, types: string) => string;
  healthFormFileWrongType: string;
  healthFormFileTooLarge: string;
  healthFormInstance: (title: string, n: number) => string;
  healthFormAdd: string;
  healthFormRemove: string;
  healthFormPatientRecord: string;
  healthFormFromForm: (title: string) => string;
  healthFormDraftSaved: (time: string) => string;
  healthFormDraftConflict: string;
  healthFormDraftFailed: string;
  healthFormFormFor: (name: string) => string;
  healthFormBorn: (date: string) => string;
  healthFormOnBehalf: (who: string, whose: string) => string;
  healthFormNoAnswer: string;
  healthFormChange: string;
  healthFormChangeWhat: (question: string) => string;
  healthFormReviewTitle: string;
  healthFormBackToReview: string;
  healthFormConsentTitle: string;
  healthFormConsentShare: (recipient: string) => string;
  healthFormConsentShareDefault: string;
  healthFormConsentConfirm: string;
  healthFormConsentRequired: string;
  healthFormConsentReuse: string;
  healthFormPrefillTitle: string;
  healthFormPrefillIntro: string;
  healthFormPrefillOther: string;
  healthFormPrefillKeep: string;
  healthFormPrefillClear: string;
  healthFormPrefillKept: string;
  healthFormPrefillCleared: string;
  healthFormPrefillConfirmSection: string;
  healthFormPrefillContinue: string;
  healthFormSubmitting: string;
  healthFormSubmittedTitle: string;
  healthFormReceipt: (date: string) => string;
  healthFormReference: (id: string) => string;
  healthFormScore: (instrument: string, total: number, max: number) => string;
  healthFormFailedTitle: string;
  healthFormFailedText: string;
  healthFormOffline: string;
  /** Progress over pages: "Side 2 av 5". */
  formPageOf: (current: number, total: number) => string;
  /** Heading of a form's only page when it has no title of its own (the form's title is the heading above it). */
  formQuestionsHeading: string;
  /** Source of a prefilled answer, for healthFormPrefillOrigin: "skjema hos Haukeland universitetssjukehus". */
  formPrefillSourceOrganization: (organization: string) => string;
  /** Source of a prefilled answer taken from a stored measurement. */
  formPrefillSourceMeasurement: string;
  /** Shown on a prefilled answer the person has not kept yet. */
  formPrefillNotConfirmed: string;
  formStatusSaving: string;
  formStatusDraftOffline: string;
  formStatusWaiting: string;
  formConflictTitle: string;
  /** `time` is formatted, or '' when unknown. */
  formConflictText: (time: string) => string;
  formConflictLoadTheirs: string;
  formConflictKeepMine: string;
  formIntegerInvalid: string;
  formTextTooLong: (max: string) => string;
  formFodselsnummerInvalid: string;
}

/** PROM scores (PHQ-9, GAD-7): shown by the health form after submit and by the dashboard. */
export interface PromMessages {
  promBands: Readonly<Record<'minimal' | 'mild' | 'moderate' | 'moderatelySevere' | 'severe' | 'negative' | 'positive', string>>;
  promSelfHarmFlag: string;
  promNotScored: string;
}

/** The `<hk-measurement-dashboard>` and `<hk-clinic-worklist>` elements: measurements, NEWS2, the worklist. */
export interface MeasurementMessages {
  /** Names of the measurements on the dashboard and in summaries. */
  measurementNames: Readonly<Record<'bloodPressure' | 'systolic' | 'diastolic' | 'heartRate' | 'respiratoryRate' | 'spo2' | 'temperature' | 'weight' | 'height' | 'glucose' | 'phq9' | 'gad7', string>>;
  /** Unit as shown after a value (`mmHg`, `slag/min`); empty for scores. */
  measurementUnits: Readonly<Record<'systolic' | 'diastolic' | 'heartRate' | 'respiratoryRate' | 'spo2' | 'temperature' | 'weight' | 'height' | 'glucose' | 'phq9' | 'gad7', string>>;
  /** The status in words, so the traffic light never relies on colour alone. */
  measurementStatus: Readonly<Record<'red' | 'yellow' | 'grey' | 'green', string>>;
  measurementAboveLimit: (value: string, limit: string) => string;
  measurementBelowLimit: (value: string, limit: string) => string;
  measurementConsecutiveAbnormal: (count: number) => string;
  measurementAbnormalInPeriod: (count: number, days: number) => string;
  measurementMissingData: (received: number, expected: number, days: number) => string;
  measurementNoReadings: string;
  measurementWithinLimits: string;
  measurementLastReading: (when: string) => string;
  measurementStale: (when: string) => string;
  measurementTrend: Readonly<Record<'up' | 'down' | 'flat', string>>;
  /** Shown while the plan's limits are helsekit defaults, not set for this patient. */
  measurementDefaultPlan: string;
  measurementRefreshing: string;
  measurementLoadFailed: string;
  measurementEmpty: string;
  news2Title: string;
  news2Attribution: string;
  news2Bands: Readonly<Record<'low' | 'lowMedium' | 'medium' | 'high', string>>;
  news2Total: (total: number) => string;
  /** A partial set: the points so far, and the names of what is missing (already a list). */
  news2Partial: (points: number, missing: string) => string;
  news2AtLeast: (band: string) => string;
  news2NotApplicableUnder16: string;
  news2NotApplicablePregnant: string;
  news2Scale2: string;
  news2Parameters: Readonly<Record<'respiratoryRate' | 'spo2' | 'airOrOxygen' | 'systolic' | 'pulse' | 'consciousness' | 'temperature', string>>;
  worklistTitle: string;
  worklistCount: (count: number) => string;
  worklistTiers: Readonly<Record<'active' | 'acknowledged' | 'snoozed' | 'resolved', string>>;
  worklistConcern: string;
  /** The concern's rule in words: PHQ-9 item 9 (thoughts of self-harm) answered above 0, with when. */
  measurementConcernPhq9Item9: (when: string) => string;
  worklistScore: (score: number) => string;
  worklistOldestAbnormal: (when: string) => string;
  worklistAcknowledge: string;
  worklistSnooze: string;
  worklistResolve: string;
  worklistAcknowledgedBy: (who: string, when: string) => string;
  worklistSnoozedUntil: (who: string, until: string) => string;
  worklistResolvedBy: (who: string, when: string) => string;
  worklistReopened: string;
  worklistEmpty: string;
  worklistNoMatches: string;
  worklistAlertFailed: string;
  /** Status text for a measurement the plan sets no limits for. */
  measurementNoLimits: string;
  dashboardTitle: string;
  dashboardOverall: (status: string) => string;
  dashboardRangeLabel: string;
  dashboardRanges: Readonly<Record<'7d' | '30d' | '6mo' | '1y' | 'custom', string>>;
  dashboardFrom: string;
  dashboardTo: string;
  dashboardZoomIn: string;
  dashboardZoomOut: string;
  dashboardPanEarlier: string;
  dashboardPanLater: string;
  dashboardShowTable: string;
  dashboardShowChart: string;
  /** The chart's accessible name: measurement, period, number of readings. */
  dashboardChartLabel: (name: string, from: string, to: string, count: number) => string;
  dashboardChartHelp: string;
  /** Announced for the focused point. */
  dashboardPoint: (name: string, value: string, when: string, status: string) => string;
  dashboardTableCaption: (name: string, from: string, to: string) => string;
  dashboardColumns: Readonly<Record<'time' | 'value' | 'status', string>>;
  dashboardLimitsLegend: string;
  dashboardNoPointsInRange: string;
  dashboardLevels: Readonly<Record<'green' | 'yellow' | 'red' | 'none', string>>;
  dashboardScoresTitle: string;
  dashboardAddTitle: string;
  dashboardAddKind: string;
  dashboardAddKinds: Readonly<Record<'bloodPressure' | 'heartRate' | 'respiratoryRate' | 'spo2' | 'temperature' | 'weight' | 'glucose', string>>;
  dashboardSystolic: string;
  dashboardDiastolic: string;
  dashboardSave: string;
  dashboardSaved: (name: string) => string;
  dashboardSaveFailed: string;
  dashboardImportTitle: string;
  dashboardImportFile: string;
  dashboardImportHint: string;
  dashboardImported: (count: number) => string;
  dashboardImportLineError: (line: number, problem: string) => string;
  dashboardCsvProblems: Readonly<Record<'columns' | 'time' | 'kind' | 'value', string>>;
  dashboardImportNotBundle: string;
  dashboardSummaryTitle: string;
  dashboardSummaryGet: string;
  dashboardSummaryReady: (count: number) => string;
  dashboardSummaryDownload: string;
  dashboardRefresh: string;
  worklistColumns: Readonly<Record<'patient' | 'status' | 'why' | 'last' | 'score' | 'trend' | 'actions', string>>;
  worklistOpen: (name: string) => string;
  worklistBack: string;
  worklistFilterTitle: string;
  worklistFilterText: string;
  worklistFilterStatus: string;
  worklistShowHandled: string;
  worklistSnoozeUntil: string;
  worklistCaption: (count: string, updated: string) => string;
  worklistPatientHeading: (name: string) => string;
  worklistShowMore: (shown: number, total: number) => string;
}

/** Every part: what a host that shows every element, or a test, reads. */
export type Messages = CommonMessages & TriageMessages & FormMessages & PromMessages & MeasurementMessages;

/** One catalog per locale, of one part or several. */
export type Catalogs<M = Messages> = Readonly<Record<Locale, M>>;

/**
 * Bokmål in the bundle (the default, and the language content falls back to); every other locale loaded the
 * first time a page shows it, so a page downloads the strings of the languages it uses.
 */
export type CatalogsOnDemand<M> = { readonly 'nb-NO': M } & { readonly [L in Exclude<Locale, 'nb-NO'>]: () => Promise<M> };
