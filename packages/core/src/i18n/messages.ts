/**
 * The one interface every UI catalog implements. A catalog that lacks a key, or has one of the wrong
 * shape, does not compile. Plurals and interpolation are functions; numbers and dates arrive already
 * formatted for the locale.
 */
export interface Messages {
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
  numberDecimalsHint: string;
  dateInvalid: string;
  dateTooEarly: (min: string) => string;
  dateTooLate: (max: string) => string;
  dateFormatHint: string;
  dateDay: string;
  dateMonth: string;
  dateYear: string;
  // triage
  triageChooseReasonHeading: string;
  triageRedFlagsHeading: string;
  triageRedFlagsHint: string;
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
  // measurements
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
  promBands: Readonly<Record<'minimal' | 'mild' | 'moderate' | 'moderatelySevere' | 'severe' | 'negative' | 'positive', string>>;
  promSelfHarmFlag: string;
  promNotScored: string;
  worklistTitle: string;
  worklistCount: (count: number) => string;
  worklistTiers: Readonly<Record<'active' | 'acknowledged' | 'snoozed' | 'resolved', string>>;
  worklistConcern: string;
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
  // forms
  formLoadFailed: string;
  formEngineUnavailable: string;
  formInvalid: string;
  formTooLarge: string;
  /** Shown when the Questionnaire has parts the renderer cannot show (mapping issues of severity error). */
  formPartlyUnsupported: string;
  /** Answers given by someone else (QuestionnaireResponse.source is a RelatedPerson). */
  formAnsweredOnBehalf: (name: string) => string;
  formCalculated: string;
}
