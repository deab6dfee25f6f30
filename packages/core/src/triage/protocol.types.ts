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

/** Search words per language: the everyday words people type ("feber", "høy temp"). */
export interface Synonyms {
  nb: string[];
  nn: string[];
  en: string[];
  se?: string[];
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

export type Audience =
  | { kind: 'adult'; minAgeYears?: number }
  | { kind: 'child'; minAgeYears: number; maxAgeYears: number }
  | { kind: 'pregnant' };

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
  help?: LocalizedText;
  /** Asked only when this holds; must refer to earlier questions. Absent: always asked. */
  enableWhen?: ConditionGroup;
  /** Reported as an Observation of its own in the FHIR result (a key finding for the GP). */
  keyFinding?: boolean;
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
}
export interface DurationQuestion extends QuestionCommon {
  kind: 'duration';
  unit: 'hours' | 'days' | 'weeks';
  min: number;
  max: number;
  allowDontKnow?: boolean;
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
  text: LocalizedText;
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
  /** Protocol-specific red flags, asked on the same screen after the general ones (`GENERAL_RED_FLAGS`). */
  redFlags: RedFlag[];
  questions: Question[];
  rules: OutcomeRule[];
  /** The disposition when no rule matches. */
  defaultDisposition: Disposition;
  /** Advice and safety net for every disposition a path can reach (red-flag dispositions included). */
  dispositions: Partial<Record<Disposition, DispositionContent>>;
}
