/**
 * `toView(snapshot, { locale, messages })`: everything the element renders, as plain data. Templates hold no business `if`s:
 * what may be pressed, the urgency in words, and which texts fell back to bokmål are all decided here.
 */
import type { Locale } from '../i18n/locale.js';
import type { CommonMessages, TriageMessages } from '../i18n/messages.js';

/** The strings the triage screens show. */
export type TriageViewMessages = CommonMessages & TriageMessages;
type Messages = TriageViewMessages;
import { contentLanguage, localize, type LocalizedView } from './localized.js';
import { DONT_KNOW, type AdminTarget, type TriageAnswer, type ContentLanguage, type Disposition, type Question, type QuestionKind, type YesNoDontKnow } from './protocol.types.js';
import type { TriageStep } from './triage.analytics.js';
import { currentStep, isHandoffDisposition, offeredProtocols, questionPath, stepNumber, type TriageContext } from './triage.machine.js';
import { AGE_BAND_LABELS, asksPregnancy, SEX_LABELS, usesChildWording } from './person.js';
import { AGE_BANDS, SEXES, type AgeBand, type LocalizedText, type Sex, type TriagePerson } from './protocol.types.js';
import { allowsDontKnow, allRedFlags } from './triage.rules.js';

/** The id of the generic "Noe annet" protocol, always offered beside the list. */
export const OTHER_PROTOCOL_ID = 'other';

/** The part of a machine snapshot the view reads; a persisted snapshot works too. */
export interface TriageSnapshotLike {
  value: unknown;
  context: TriageContext;
}

export interface OptionView {
  value: string;
  label: LocalizedView;
  selected: boolean;
  exclusive: boolean;
}

export interface RedFlagView {
  id: string;
  text: LocalizedView;
  answer: YesNoDontKnow | null;
  options: OptionView[];
}

export interface QuestionView {
  id: string;
  kind: QuestionKind;
  text: LocalizedView;
  help: LocalizedView | null;
  /** For choices: the options ("vet ikke" last when offered). */
  options: OptionView[];
  /** For numbers: unit label, bounds and decimals. */
  unit: LocalizedView | null;
  min: number | null;
  max: number | null;
  decimals: number | null;
  allowDontKnow: boolean;
  value: TriageAnswer | null;
  /** "Velg alt som passer" on a multi-choice. A number's range is the input's to say (min, max and unit are here). */
  hint: string | null;
}

export interface ReasonAnswerView {
  questionId: string;
  question: LocalizedView;
  answer: string;
}

export interface OutcomeView {
  disposition: Disposition;
  title: string;
  /** Urgency in words (never colour alone). */
  urgency: string;
  /** The number to call, for 113 and 116117. */
  callNumber: '113' | '116117' | null;
  /** For red-flag outcomes: what to do now. */
  whatToDoNow: LocalizedView[];
  reason: {
    kind: 'red-flag' | 'rule' | 'default' | 'too-many-unknowns';
    /** The red flags or the rule's reason, in words. */
    texts: LocalizedView[];
    /** The answers that decided it. */
    answers: ReasonAnswerView[];
    /** Set when a "vet ikke" was read as the more serious answer. */
    dontKnowNote: string | null;
  };
  advice: LocalizedView | null;
  safetyNet: LocalizedView | null;
  adminTarget: AdminTarget | null;
}

/** The who-for screen, from what the person has chosen so far (the element keeps the draft until Continue). */
export interface PersonView {
  who: { legend: string; options: OptionView[] };
  age: { legend: string; options: OptionView[] };
  sex: { legend: string; hint: string; options: OptionView[] };
  /** Only for women and "annet" aged 13–64. */
  pregnant: { legend: string; options: OptionView[] } | null;
  /** The person the draft makes, or null while something is missing. */
  person: TriagePerson | null;
}

export interface TriageView {
  step: TriageStep;
  lang: ContentLanguage;
  heading: string;
  /** Draft notice, handoff status. */
  notices: string[];
  protocol: { id: string; title: LocalizedView } | null;
  /** The protocols offered to this person, without "Noe annet". */
  reasons: Array<{ id: string; title: LocalizedView }>;
  /** "Noe annet", when the protocols include it: always shown, also under a search with no hits. */
  otherReason: { id: string; title: LocalizedView } | null;
  /** "Noe annet": what the person wrote, shown as text with the outcome. */
  description: string | null;
  redFlags: RedFlagView[];
  question: QuestionView | null;
  progress: { current: number; total: number; label: string } | null;
  can: { selectReason: boolean; next: boolean; back: boolean; noneOfThese: boolean; submit: boolean; finish: boolean; restart: boolean };
  outcome: OutcomeView | null;
  handoff: { failed: boolean } | null;
  /** Set when any text on screen is shown in bokmål instead of the chosen language; render with lang="nb". */
  fallbackNotice: string | null;
  labels: { next: string; back: string; noneOfThese: string; submit: string; finish: string; restart: string; redFlagsLegend: string };
  /** Text for a live region when the screen changes; `assertive` only for 113 and 116117 outcomes. */
  announcement: { text: string; politeness: 'polite' | 'assertive' } | null;
}

/**
 * The locale (for content texts and formatting) and the UI strings in it, as the element's LocalizeController
 * holds them (`catalogs[locale]` outside an element). The view takes the strings rather than importing
 * every catalog, so a page carries only the languages it shows.
 */
export interface ViewOptions {
  locale: Locale;
  messages: Messages;
}

const DISPOSITION_TITLE: Record<Disposition, keyof Messages> = {
  'call-113': 'triageDispositionCall113',
  'call-116117': 'triageDispositionCall116117',
  'gp-same-day': 'triageDispositionGpSameDay',
  'gp-appointment': 'triageDispositionGpAppointment',
  'e-consultation': 'triageDispositionEConsultation',
  'self-care': 'triageDispositionSelfCare',
  'admin-service': 'triageDispositionAdminService',
};

const URGENCY: Record<Disposition, keyof Messages> = {
  'call-113': 'triageUrgencyAcute',
  'call-116117': 'triageUrgencyUrgent',
  'gp-same-day': 'triageUrgencyToday',
  'gp-appointment': 'triageUrgencyRoutine',
  'e-consultation': 'triageUrgencyRoutine',
  'self-care': 'triageUrgencyNone',
  'admin-service': 'triageUrgencyRoutine',
};

export function toView(snapshot: TriageSnapshotLike, options: ViewOptions): TriageView {
  const { locale, messages: t } = options;
  const lang = contentLanguage(locale);
  const context = snapshot.context;
  const step = currentStep(snapshot.value);
  const protocol = context.protocol;
  let fallback = false;
  const loc = (text: Parameters<typeof localize>[0]): LocalizedView => {
    const view = localize(text, lang);
    fallback ||= view.fallback;
    return view;
  };
  const str = (key: keyof Messages) => t[key] as string;
  const yesNoOptions = (selected: TriageAnswer | undefined): OptionView[] =>
    (['yes', 'no', DONT_KNOW] as const).map((value) => ({
      value,
      label: { text: value === 'yes' ? t.yes : value === 'no' ? t.no : t.dontKnow, lang, fallback: false },
      selected: selected === value,
      exclusive: false,
    }));

  const notices: string[] = [];
  if (protocol?.status === 'draft') notices.push(t.triageDraftNotice);

  const offered = step === 'choosingReason' ? offeredProtocols(context) : [];
  const reasons = offered.filter((p) => p.id !== OTHER_PROTOCOL_ID).map((p) => ({ id: p.id, title: loc(p.title) }));
  const other = offered.find((p) => p.id === OTHER_PROTOCOL_ID);
  const child = usesChildWording(context.person);
  const redFlags: RedFlagView[] =
    step === 'redFlags' && protocol
      ? allRedFlags(protocol).map((f) => ({
          id: f.id,
          text: loc(child && f.textChild ? f.textChild : f.text),
          answer: context.redFlagAnswers[f.id] ?? null,
          options: yesNoOptions(context.redFlagAnswers[f.id]),
        }))
      : [];

  let question: QuestionView | null = null;
  const current = protocol?.questions.find((q) => q.id === context.currentQuestionId);
  if (step === 'questions' && protocol && current) question = questionView(current, context.answers[current.id], t, loc, yesNoOptions, locale, child);

  // The outcome is a screen too: "Steg 3 av 5" counts it, so the last question is never "5 av 5".
  const path = questionPath(context);
  const total = protocol ? 2 + path.length : 0;
  const progress =
    protocol && (step === 'redFlags' || step === 'questions')
      ? { current: stepNumber(context, step), total, label: t.stepOf(stepNumber(context, step), total) }
      : null;

  const outcome = (step === 'outcome' || step === 'handoff' || step === 'done') && protocol && context.decision ? outcomeView(context, t, loc, lang, child) : null;

  const allRedFlagsAnswered = protocol !== null && allRedFlags(protocol).every((f) => context.redFlagAnswers[f.id] !== undefined);
  const canChangePerson = !context.personFromHost;
  const can = {
    selectReason: step === 'choosingReason',
    next:
      (step === 'redFlags' && allRedFlagsAnswered) ||
      (step === 'questions' && context.currentQuestionId !== null && context.answers[context.currentQuestionId] !== undefined),
    back:
      (step === 'choosingReason' && canChangePerson) ||
      (step === 'redFlags' && (!context.preselected || canChangePerson)) ||
      step === 'questions' ||
      step === 'outcome' ||
      step === 'handoff',
    noneOfThese: step === 'redFlags',
    submit:
      (step === 'outcome' && context.decision !== null && isHandoffDisposition(context.decision.disposition)) ||
      (step === 'handoff' && context.handoffFailed),
    finish: step === 'outcome',
    restart: step !== 'choosingPerson' && !(step === 'choosingReason' && !canChangePerson),
  };
  if (step === 'handoff') notices.push(context.handoffFailed ? t.triageSendFailed : t.triageSending);
  // Never say it was sent when it was not.
  if (step === 'done') notices.push(context.handoffSent === true ? t.triageSent : context.handoffSent === false ? t.triageNotSent : t.triageDone);

  const headings: Record<TriageStep, string> = {
    choosingPerson: t.triagePersonHeading,
    choosingReason: t.triageChooseReasonHeading,
    redFlags: t.triageRedFlagsHeading,
    questions: question?.text.text ?? '',
    outcome: t.triageOutcomeHeading,
    handoff: t.triageOutcomeHeading,
    done: t.triageOutcomeHeading,
  };

  return {
    step,
    lang,
    heading: headings[step],
    notices,
    protocol: protocol ? { id: protocol.id, title: loc(protocol.title) } : null,
    reasons,
    otherReason: other ? { id: other.id, title: loc(other.title) } : null,
    description: context.description ? context.description : null,
    redFlags,
    question,
    progress,
    can,
    outcome,
    handoff: step === 'handoff' ? { failed: context.handoffFailed } : null,
    fallbackNotice: fallback ? str('triageFallbackNotice') : null,
    labels: {
      next: t.next,
      back: t.back,
      noneOfThese: t.triageNoneOfThese,
      submit: t.triageSendToGp,
      finish: t.triageFinish,
      restart: t.triageRestart,
      redFlagsLegend: child ? t.triageRedFlagsLegendChild : t.triageRedFlagsLegend,
    },
    announcement: outcome
      ? { text: `${outcome.urgency}: ${outcome.title}`, politeness: outcome.callNumber ? 'assertive' : 'polite' }
      : progress
        ? { text: progress.label, politeness: 'polite' }
        : null,
  };
}

/**
 * The ticks of a multi-choice question after the person changed them to `ticked`: an exclusive option ("ingen av
 * disse", "vet ikke") stands alone, so choosing one clears the others, and choosing another option clears it.
 */
export function nextMultiChoice(question: Pick<QuestionView, 'value' | 'options'>, ticked: readonly string[]): string[] {
  const before = Array.isArray(question.value) ? question.value : question.value === DONT_KNOW ? [DONT_KNOW] : [];
  const added = ticked.filter((v) => !before.includes(v));
  const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.value));
  const addedExclusive = added.find((v) => exclusive.has(v));
  if (addedExclusive !== undefined) return [addedExclusive];
  return added.length > 0 ? ticked.filter((v) => !exclusive.has(v)) : [...ticked];
}

function questionView(
  q: Question,
  value: TriageAnswer | undefined,
  t: Messages,
  loc: (text: Parameters<typeof localize>[0]) => LocalizedView,
  yesNoOptions: (selected: TriageAnswer | undefined) => OptionView[],
  locale: Locale,
  child: boolean,
): QuestionView {
  const lang = contentLanguage(locale);
  const dk = allowsDontKnow(q);
  const dkOption: OptionView[] = dk && q.kind !== 'yes-no-dontknow'
    ? [{ value: DONT_KNOW, label: { text: t.dontKnow, lang, fallback: false }, selected: value === DONT_KNOW, exclusive: true }]
    : [];
  let options: OptionView[] = [];
  if (q.kind === 'yes-no-dontknow') options = yesNoOptions(value);
  else if (q.kind === 'single-choice' || q.kind === 'multi-choice') {
    options = [
      ...q.options.map((o) => ({
        value: o.value,
        label: loc(o.label),
        selected: Array.isArray(value) ? value.includes(o.value) : value === o.value,
        exclusive: o.exclusive === true,
      })),
      ...dkOption,
    ];
  } else options = dkOption;
  const numeric = q.kind === 'number' || q.kind === 'duration' || q.kind === 'age';
  const unit = q.kind === 'number' ? loc(q.unitLabel) : null;
  const decimals = q.kind === 'number' ? (q.decimals ?? 1) : numeric ? 0 : null;
  const hint = q.kind === 'multi-choice' ? t.triageChooseAll : null;
  return {
    id: q.id,
    kind: q.kind,
    text: loc(child && q.textChild ? q.textChild : q.text),
    help: q.help ? loc(q.help) : null,
    options,
    unit,
    min: numeric ? q.min : null,
    max: numeric ? q.max : null,
    decimals,
    allowDontKnow: dk,
    value: value ?? null,
    hint,
  };
}

function answerInWords(q: Question, value: TriageAnswer, t: Messages, lang: ContentLanguage): string {
  if (value === DONT_KNOW) return t.dontKnow;
  if (q.kind === 'yes-no-dontknow') return value === 'yes' ? t.yes : t.no;
  if (q.kind === 'single-choice' || q.kind === 'multi-choice') {
    const values = Array.isArray(value) ? value : [String(value)];
    return values.map((v) => localize(q.options.find((o) => o.value === v)?.label ?? { nb: v, nn: v, en: v }, lang).text).join(', ');
  }
  if (q.kind === 'number') return `${value} ${localize(q.unitLabel, lang).text}`;
  return String(value);
}

function outcomeView(
  context: TriageContext,
  t: Messages,
  loc: (text: Parameters<typeof localize>[0]) => LocalizedView,
  lang: ContentLanguage,
  child: boolean,
): OutcomeView {
  const protocol = context.protocol!;
  // The reason repeats the red flags and questions in the wording they were asked in.
  const asked = (item: { text: LocalizedText; textChild?: LocalizedText }) => (child && item.textChild ? item.textChild : item.text);
  const decision = context.decision!;
  const reason = decision.reason;
  const content = protocol.dispositions[decision.disposition];
  const texts: LocalizedView[] = [];
  const answers: ReasonAnswerView[] = [];
  const whatToDoNow: LocalizedView[] = [];
  let dontKnowNote: string | null = null;
  if (reason.kind === 'red-flag') {
    // Every positive red flag is listed, the most urgent first; what to do now comes only from those whose
    // disposition decided (a 116117 flag's "ring legevakten" must not stand next to "Ring 113 nå").
    const flags = allRedFlags(protocol);
    for (const f of reason.redFlagIds.flatMap((id) => flags.filter((x) => x.id === id))) {
      texts.push(loc(asked(f)));
      answers.push({ questionId: f.id, question: loc(asked(f)), answer: context.redFlagAnswers[f.id] === DONT_KNOW ? t.dontKnow : t.yes });
      if (f.disposition !== decision.disposition) continue;
      const todo = loc(f.whatToDoNow);
      if (!whatToDoNow.some((w) => w.text === todo.text)) whatToDoNow.push(todo);
    }
    if (reason.viaDontKnow) dontKnowNote = t.triageDontKnowReason;
  } else if (reason.kind === 'rule' || reason.kind === 'default') {
    const rule = reason.kind === 'rule' ? protocol.rules.find((r) => r.id === reason.ruleId) : undefined;
    if (rule) texts.push(loc(rule.reason));
    else texts.push({ text: t.triageDefaultReason, lang, fallback: false });
    const ids = reason.kind === 'rule' ? reason.questionIds : Object.keys(reason.assumed);
    for (const id of ids) {
      const q = protocol.questions.find((x) => x.id === id);
      const value = context.answers[id];
      if (q && value !== undefined) answers.push({ questionId: id, question: loc(asked(q)), answer: answerInWords(q, value, t, lang) });
    }
    if (Object.keys(reason.assumed).length > 0) dontKnowNote = t.triageDontKnowReason;
  } else {
    texts.push({ text: t.triageDontKnowReason, lang, fallback: false });
    dontKnowNote = t.triageDontKnowReason;
  }
  return {
    disposition: decision.disposition,
    title: t[DISPOSITION_TITLE[decision.disposition]] as string,
    urgency: t[URGENCY[decision.disposition]] as string,
    callNumber: decision.disposition === 'call-113' ? '113' : decision.disposition === 'call-116117' ? '116117' : null,
    whatToDoNow,
    reason: { kind: reason.kind, texts, answers, dontKnowNote },
    advice: content ? loc(content.advice) : null,
    safetyNet: content ? loc(content.safetyNet) : null,
    adminTarget: content?.target ?? null,
  };
}

/** What the who-for screen has so far; every field is optional until Continue. */
export interface PersonDraft {
  who?: TriagePerson['who'];
  ageBand?: AgeBand;
  sex?: Sex;
  pregnant?: YesNoDontKnow;
}

/** The who-for screen's view: the options with what is chosen, and the person once the draft is complete. */
export function toPersonView(draft: PersonDraft, options: ViewOptions): PersonView {
  const { messages: t } = options;
  const lang = contentLanguage(options.locale);
  const text = (label: string): LocalizedView => ({ text: label, lang, fallback: false });
  const fromContent = (label: LocalizedText): LocalizedView => localize(label, lang);
  const choice = <T extends string>(values: readonly T[], chosen: T | undefined, label: (v: T) => LocalizedView): OptionView[] =>
    values.map((value) => ({ value, label: label(value), selected: chosen === value, exclusive: false }));
  const pregnancyAsked = draft.ageBand !== undefined && draft.sex !== undefined && asksPregnancy({ ageBand: draft.ageBand, sex: draft.sex });
  const complete = draft.who !== undefined && draft.ageBand !== undefined && draft.sex !== undefined && (!pregnancyAsked || draft.pregnant !== undefined);
  return {
    who: {
      legend: t.triagePersonWhoLegend,
      options: choice(['self', 'other'] as const, draft.who, (v) => text(v === 'self' ? t.triagePersonWhoSelf : t.triagePersonWhoOther)),
    },
    age: { legend: t.triagePersonAgeLegend, options: choice(AGE_BANDS, draft.ageBand, (v) => fromContent(AGE_BAND_LABELS[v])) },
    sex: { legend: t.triagePersonSexLegend, hint: t.triagePersonSexHint, options: choice(SEXES, draft.sex, (v) => fromContent(SEX_LABELS[v])) },
    pregnant: pregnancyAsked
      ? {
          legend: t.triagePersonPregnantLegend,
          options: choice(['yes', 'no', DONT_KNOW] as const, draft.pregnant, (v) => text(v === 'yes' ? t.yes : v === 'no' ? t.no : t.dontKnow)),
        }
      : null,
    person: complete
      ? {
          who: draft.who!,
          ageBand: draft.ageBand!,
          sex: draft.sex!,
          ...(pregnancyAsked ? { pregnant: draft.pregnant! } : {}),
        }
      : null,
  };
}
