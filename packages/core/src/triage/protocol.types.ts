/**
 * The triage protocol format. A protocol is data (JSON), never code: every condition is a structured
 * `{ question, operator, value }` object, so the verifier can walk every path. `protocol.schema.json`
 * describes the same shape for editors and CI; `verify.ts` checks it without a schema library.
 */

/** Content languages. `se` (Northern Sami) may be missing: the view then shows bokmål and marks the fallback. */
export const CONTENT_LANGUAGES = ['nb', 'nn', 'en', 'se'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/**
 * Every user-facing text. `nb`, `nn` and `en` are required. `se` absent means "fall back to bokmål";
 * the protocol says how complete its Sami is in `translations.se`, and the view marks every fallback
 * (`LocalizedView.fallback`), so a Sami reader is told the text is in bokmål.
 */
export interface LocalizedText {
  nb: string;
  nn: string;
  en: string;
  se?: string;
}

/** Search words per language: the everyday words people type ("feber", "høy temp"), misspellings included. */
export interface Synonyms {
  nb: string[];
  nn: string[];
  en: string[];
  se: string[];
}

/**
 * Disposition codes (CLINICAL.md section 1), plus `admin-service`: a non-triage route for administrative
 * needs (prescription renewal, sick note ...). It is not an urgency level; it ranks below `self-care`, so any
 * clinical rule that matches outranks it.
 */
export const DISPOSITIONS = [
  'call-113',
  'call-116117',
  'gp-same-day',
  'gp-appointment',
  'e-consultation',
  'self-care',
  'admin-service',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
/** The six triage levels, most urgent first. */
export type TriageDisposition = Exclude<Disposition, 'admin-service'>;
export type RedFlagDisposition = 'call-113' | 'call-116117';

/** What an `admin-service` outcome routes to. */
export const ADMIN_TARGETS = ['prescription-renewal', 'sick-note', 'referral', 'test-results', 'certificate', 'other'] as const;
export type AdminTarget = (typeof ADMIN_TARGETS)[number];

/**
 * Age bands the who-for screen offers, youngest first. Infants under 3 months stand apart (a fever there is always
 * urgent: NICE NG143); 65 and over is a risk modifier of its own.
 */
export const AGE_BANDS = ['under-3-months', '3-11-months', '1-4-years', '5-12-years', '13-17-years', '18-64-years', '65-plus-years'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** Bands under 18: someone answering for them reads questions about "barnet". */
export const CHILD_AGE_BANDS: readonly AgeBand[] = ['under-3-months', '3-11-months', '1-4-years', '5-12-years', '13-17-years'];
export const ADULT_AGE_BANDS: readonly AgeBand[] = ['18-64-years', '65-plus-years'];

export const SEXES = ['female', 'male', 'other'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * Whom a protocol is written for. It is offered only to a person who fits: an age band in `ages`; with `sex`, a
 * person of that sex (or who answered "annet", who is offered both); with `pregnant: true` only someone who is or
 * may be pregnant, with `pregnant: false` never someone who is.
 */
export interface Audience {
  ages: AgeBand[];
  sex?: 'female' | 'male';
  pregnant?: boolean;
}

/** Who the triage is about, from the who-for screen (or from the host). */
export interface TriagePerson {
  /** `self`: the person answers for themselves; `other`: for someone else (a child, a parent, a neighbour). */
  who: 'self' | 'other';
  ageBand: AgeBand;
  /** Asked where it matters (protocols for one sex, pregnancy); absent when not given. */
  sex?: Sex;
  /** Asked for women and "annet" aged 13–64. */
  pregnant?: YesNoDontKnow;
}

/**
 * The person's facts are answers too, under these reserved ids, so rules and `enableWhen` can read them like any
 * other answer (`{ "question": "age-band", "operator": "in", "value": ["65-plus-years"] }`). They are filled in
 * from the who-for screen, never asked as questions of their own, and the verifier walks every value the
 * protocol's audience allows.
 */
export const PERSON_QUESTION_IDS = ['age-band', 'sex', 'pregnant'] as const;
export type PersonQuestionId = (typeof PERSON_QUESTION_IDS)[number];

/**
 * Shared risk modifiers (CLINICAL.md section 1, "What a triage must cover"), defined once in `risk-modifiers.ts`
 * with their sources. A protocol declares the ones that matter for it and the lowest disposition each allows; the
 * person's facts decide the first three, one multi-choice question ("Gjelder noe av dette?") asks the rest.
 */
export const RISK_MODIFIER_IDS = [
  'age-65-plus',
  'infant-under-3-months',
  'pregnancy',
  'immunosuppression',
  'heart-lung-kidney',
  'diabetes',
  'recent-surgery-immobility',
  'travel-outside-europe',
] as const;
export type RiskModifierId = (typeof RISK_MODIFIER_IDS)[number];

export interface SourceRef {
  title: string;
  url: string;
}

export type ProtocolStatus = 'draft' | 'approved';

/** The value of a yes-no-dontknow answer, and the "vet ikke" value any question may allow. */
export const DONT_KNOW = 'dontknow';
export type YesNoDontKnow = 'yes' | 'no' | typeof DONT_KNOW;

/** One stored answer: a yes/no/dontknow or option value, a number in the question's unit, or selected options. */
export type TriageAnswer = string | number | string[];
export type Answers = Readonly<Record<string, TriageAnswer>>;

export const OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in', 'answered', 'includes'] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * One test on one answer. Semantics (see docs/protocols.md):
 * - `answered`: the question is enabled and has an answer (`value: false` inverts it);
 * - every other operator is false when the question has no answer (disabled or not reached);
 * - `gt ge lt le` compare numbers; `in` takes a list of values; `includes` tests one option of a multi-choice;
 * - a "vet ikke" answer is never compared literally for the decision alone: see `triage.rules.ts`.
 */
export interface Condition {
  question: string;
  operator: Operator;
  value?: string | number | boolean | ReadonlyArray<string | number>;
}

/** Conditions combined with `all` (and) or `any` (or); groups nest. */
export type ConditionGroup = { all: ConditionNode[] } | { any: ConditionNode[] };
export type ConditionNode = Condition | ConditionGroup;

export interface ChoiceOption {
  value: string;
  label: LocalizedText;
  /** In a multi-choice: selecting it clears the others (for "none of these"). */
  exclusive?: boolean;
}

interface QuestionCommon {
  id: string;
  text: LocalizedText;
  /** Child wording, for someone answering for a child under 18 ("Hvor mange dager har barnet hatt feber?"). */
  textChild?: LocalizedText;
  help?: LocalizedText;
  /** Asked only when this holds; must refer to earlier questions. Absent: always asked. */
  enableWhen?: ConditionGroup;
  /** Reported as an Observation of its own in the FHIR result (a key finding for the GP). */
  keyFinding?: boolean;
  /**
   * Set by `compileProtocol` only (never in protocol JSON): `person` for the who-for facts, answered from the
   * who-for screen and never shown as a question; `risk` for the shared risk-modifier question.
   */
  origin?: 'person' | 'risk';
}

/**
 * The range of values that are clinically plausible for an ordinary self-care case. A value outside it (a measured
 * 34.0 °C, a pulse of 150, a fever for 10 days) never ends in self-care: the path ends at `floor` or more urgent,
 * with the reason said. `min` and `max` of the question itself are only what can be typed.
 */
export interface PlausibleRange {
  min?: number;
  max?: number;
  /** The lowest disposition a value outside the range may end in. */
  floor: TriageDisposition;
  /** Why, in the person's words ("En temperatur under 35 °C kan være farlig nedkjøling."). */
  reason: LocalizedText;
}

export interface YesNoQuestion extends QuestionCommon {
  kind: 'yes-no-dontknow';
}
export interface SingleChoiceQuestion extends QuestionCommon {
  kind: 'single-choice';
  options: ChoiceOption[];
  allowDontKnow?: boolean;
}
export interface MultiChoiceQuestion extends QuestionCommon {
  kind: 'multi-choice';
  options: ChoiceOption[];
}
export interface NumberQuestion extends QuestionCommon {
  kind: 'number';
  /** UCUM unit code, for example `Cel`. */
  unit: string;
  unitLabel: LocalizedText;
  min: number;
  max: number;
  /** Decimals allowed (default 1). */
  decimals?: number;
  allowDontKnow?: boolean;
  /** Required for measurements: what lies outside it never ends in self-care. */
  plausible: PlausibleRange;
}
export interface DurationQuestion extends QuestionCommon {
  kind: 'duration';
  unit: 'hours' | 'days' | 'weeks';
  min: number;
  max: number;
  allowDontKnow?: boolean;
  /** Durations past the sources' limit (a cough for more than 3 weeks) never end in self-care. */
  plausible?: PlausibleRange;
}
export interface AgeQuestion extends QuestionCommon {
  kind: 'age';
  /** Years. */
  min: number;
  max: number;
  allowDontKnow?: boolean;
}

export type Question =
  | YesNoQuestion
  | SingleChoiceQuestion
  | MultiChoiceQuestion
  | NumberQuestion
  | DurationQuestion
  | AgeQuestion;
export type QuestionKind = Question['kind'];
export const QUESTION_KINDS: readonly QuestionKind[] = [
  'yes-no-dontknow',
  'single-choice',
  'multi-choice',
  'number',
  'duration',
  'age',
];

/** A yes/no/dontknow question on the red-flag screen; "yes" (and "vet ikke") ends triage at `disposition`. */
export interface RedFlag {
  id: string;
  /** Asked of (or about) the person themselves: "Har du …". */
  text: LocalizedText;
  /** The same sign in child wording, for someone answering for a child under 18: "Har barnet …". */
  textChild?: LocalizedText;
  /** Asked only for these age bands (absent: every band the protocol is for). */
  ages?: AgeBand[];
  disposition: RedFlagDisposition;
  /** What to do now, shown with the outcome ("Ring 113. Ikke kjør selv."). */
  whatToDoNow: LocalizedText;
}

export interface OutcomeRule {
  id: string;
  when: ConditionGroup;
  disposition: Disposition;
  /** Breaks ties between matching rules of the same disposition (higher wins); urgency always comes first. */
  priority: number;
  /** Why, in words the citizen reads with the outcome ("Du har hatt feber i mer enn tre dager."). */
  reason: LocalizedText;
}

export interface DispositionContent {
  advice: LocalizedText;
  /** When to call 116117 or 113 if things change. Required for every disposition. */
  safetyNet: LocalizedText;
  /** Suggested consultation type (in person, phone, video, text) for the GP office. */
  consultationType?: 'in-person' | 'phone' | 'video' | 'text';
  /** Only for `admin-service`. */
  target?: AdminTarget;
}

export interface Protocol {
  /** Kebab-case, stable: it is part of the Questionnaire canonical. */
  id: string;
  /** Semver of the content. */
  version: string;
  title: LocalizedText;
  audience: Audience;
  sources: SourceRef[];
  authors: string[];
  clinicalReviewer: string | null;
  /** ISO date of the clinical review. */
  reviewDate: string | null;
  status: ProtocolStatus;
  /** How complete the Northern Sami is: `fallback` means no `se` texts (bokmål shown, marked). */
  translations: { se: 'complete' | 'partial' | 'fallback' };
  synonyms: Synonyms;
  /**
   * Lowest disposition per shared risk modifier that applies to this protocol's complaint, e.g.
   * `{ "age-65-plus": "gp-same-day", "immunosuppression": "gp-same-day" }`. Only raises: a more urgent outcome stands.
   */
  riskModifiers?: Partial<Record<RiskModifierId, TriageDisposition>>;
  /** What the search must and must not find it by: tested in Node (`triage.search.test.ts`). */
  searchTests: { find: string[]; notFind: string[] };
  /** Protocol-specific red flags, asked on the same screen after the general ones (`GENERAL_RED_FLAGS`). */
  redFlags: RedFlag[];
  /**
   * Set by `compileProtocol` only (never in protocol JSON): `redFlags` then holds the general red flags too, and
   * `questions` and `rules` the person, risk and plausibility parts.
   */
  compiled?: true;
  questions: Question[];
  rules: OutcomeRule[];
  /** The disposition when no rule matches. */
  defaultDisposition: Disposition;
  /** Advice and safety net for every disposition a path can reach (red-flag dispositions included). */
  dispositions: Partial<Record<Disposition, DispositionContent>>;
}
