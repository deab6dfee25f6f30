/**
 * `toFormView(snapshot, { locale, messages })`: everything `<hk-health-form>` renders around the questions, as plain data.
 * Templates hold no business `if`s: which errors show (after blur or a submit attempt), where a prefilled answer
 * came from, what is marked changed, what may be pressed, and the status line are decided here.
 */
import type { Coding } from 'fhir/r4';
import { isPlainObject, valuesOf, type AnswerQuantity, type AnswerValue } from '../fhir/answers.js';
import { plainText, type ItemInfo } from '../fhir/item-index.js';
import { formatter, type Formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import type { CommonMessages, FormMessages, PromMessages } from '../i18n/messages.js';
import type { Questionnaire } from 'fhir/r4';
import type { AnswerData } from '../fhir/answers.js';
import { PROM_INSTRUMENTS } from '../scoring/prom.rules.js';
import { computePages, itemIndex, scoreSubmission, validateLinkIds } from './form.rules.js';
import type { FormContext, FormFieldError, FormPage, PrefillEntry, PrefillOrigin, PrefillState } from './form.types.js';

/** The strings the form shows. */
export type FormViewMessages = CommonMessages & FormMessages & PromMessages;
type Messages = FormViewMessages;

/**
 * The locale (formatting, content language) and the UI strings in it, as the element's LocalizeController holds
 * them (`catalogs[locale]` outside an element). The view takes the strings rather than importing every catalog, so
 * a page carries only the languages it shows.
 */
export interface FormViewOptions {
  locale: Locale;
  messages: FormViewMessages;
}

/** The part of a snapshot the view reads; a persisted snapshot works too. */
export interface FormSnapshotLike {
  value: unknown;
  context: FormContext;
}

export type FlowState =
  | 'loading'
  | 'loaded'
  | 'loadFailed'
  | 'prefillReview'
  | 'filling'
  | 'review'
  | 'consent'
  | 'confirmingSubmit'
  | 'submitting'
  | 'waitingForConnection'
  | 'failed'
  | 'submitted';
export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'error' | 'conflict';

export interface PrefillView {
  state: PrefillState;
  /** "Fra skjema hos Haukeland universitetssjukehus, 12.03.2026". */
  origin: string;
  /** The offered value, as text. */
  offered: string;
  /** "Ikke bekreftet ennå …", "Beholdt", "Fjernet", or null for a changed answer. */
  stateText: string | null;
}

export interface QuestionView {
  linkId: string;
  text: string;
  required: boolean;
  /** The answer (not an unconfirmed offer), or null. */
  value: AnswerValue | AnswerValue[] | null;
  /** The answer as text. */
  answerText: string;
  /** Shown only after blur or a submit attempt. */
  error: string | null;
  prefill: PrefillView | null;
  /** A prefilled answer the person changed. */
  changed: boolean;
}

export interface ReviewRow {
  linkId: string;
  question: string;
  answer: string;
  answered: boolean;
  changed: boolean;
  /** "Endre" with the question, for the link's accessible name. */
  changeLabel: string;
  pageIndex: number;
}

export interface StatusView {
  kind: 'saving' | 'saved' | 'offline' | 'conflict' | 'error' | 'submitting' | 'waiting';
  text: string;
}

export interface FormView {
  flow: FlowState;
  autosave: AutosaveState;
  title: string;
  /** "Skjema for Kari Nordmann", or who fills in on behalf of whom. */
  whose: string | null;
  /** "Skjema for Kari Nordmann, født 17. mai 1980" (always the patient). */
  subjectLine: string | null;
  /** "Ola Nordmann fyller ut skjemaet på vegne av Kari Nordmann", when someone fills in on behalf. */
  onBehalf: string | null;
  progress: { current: number; total: number; text: string } | null;
  /** The page being filled in; `heading` is what its heading says (its title, the progress, or "Spørsmål"). */
  page: {
    id: string;
    title: string | null;
    heading: string;
    groupLinkId: string | null;
    /** Every question of the page, in order (made when first read). */
    questions: QuestionView[];
    /** Only the questions with an error shown or a prefill mark (what a renderer decorates), in no set order. */
    marked: QuestionView[];
  } | null;
  /** On a submit attempt with errors: the summary that takes focus. */
  errorSummary: { title: string; errors: Array<{ linkId: string; question: string; message: string }> } | null;
  prefillReview: {
    title: string;
    intro: string;
    sections: Array<{ groupLinkId: string | null; title: string; confirmLabel: string | null; items: QuestionView[] }>;
    continueLabel: string;
  } | null;
  review: { title: string; rows: ReviewRow[] } | null;
  /** On a page reached from review: the way back. */
  backToReview: string | null;
  consent: {
    title: string;
    shareText: string;
    shareLabel: string;
    reuseLabel: string;
    share: boolean;
    keepForReuse: boolean;
    /** Shown when share is not ticked. */
    required: string | null;
    /** `required`, once the person tried to send without ticking share. */
    error: string | null;
    canSubmit: boolean;
  } | null;
  status: StatusView | null;
  conflict: { title: string; text: string; loadTheirs: string; keepMine: string } | null;
  receipt: {
    title: string;
    text: string;
    reference: string;
    /** A scored instrument's result (PHQ-9, GAD-7). */
    score: { text: string; band: string | null; selfHarm: string | null } | null;
    /** Every answer as sent. */
    rows: ReviewRow[];
  } | null;
  failure: { title: string; text: string } | null;
  can: { next: boolean; previous: boolean; retry: boolean };
}

function flowOf(value: unknown): FlowState {
  const v = value as { flow?: unknown } | undefined;
  return (typeof v?.flow === 'string' ? v.flow : 'loading') as FlowState;
}

function autosaveOf(value: unknown): AutosaveState {
  const a = (value as { autosave?: unknown } | undefined)?.autosave;
  if (typeof a === 'string') return a as AutosaveState;
  return a && typeof a === 'object' && 'conflict' in a ? 'conflict' : 'idle';
}

/** One answer value as text for `info`. */
export function answerText(info: ItemInfo, value: unknown, t: Messages, f: Formatter): string {
  const list = (Array.isArray(value) ? value : [value]).filter((v) => v !== undefined && v !== null && v !== '');
  const one = (v: AnswerValue): string => {
    if (typeof v === 'boolean') return v ? t.yes : t.no;
    if ((info.type === 'choice' || info.type === 'open-choice') && (typeof v === 'string' || typeof v === 'number')) {
      const opt = info.options.find((o) => o.key === v);
      if (opt) return plainText(opt.text);
    }
    if (typeof v === 'number') return f.number(v);
    if (typeof v === 'string') {
      if (info.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return f.date(`${v}T12:00:00Z`, 'short');
      if (info.type === 'dateTime' && !Number.isNaN(Date.parse(v))) return f.dateTime(v);
      return v;
    }
    if (isPlainObject(v)) {
      if ('code' in v && !('value' in v)) {
        const c = v as Coding;
        return c.display ?? c.code ?? '';
      }
      if (typeof v.value === 'number') {
        const q = v as unknown as AnswerQuantity;
        return `${f.number(q.value)}${q.unit ? ` ${q.unit}` : ''}`;
      }
      const a = v as { title?: string };
      if (a.title) return a.title;
    }
    return '';
  };
  const unit = info.unit?.display ?? info.unit?.code;
  const parts = list.map((v) => one(v as AnswerValue)).filter(Boolean);
  // one value (nearly always): no list formatting (Intl.ListFormat is costly when called for every question)
  const text = parts.length <= 1 ? (parts[0] ?? '') : f.list(parts);
  return text && unit && (info.type === 'decimal' || info.type === 'integer') ? `${text} ${unit}` : text;
}

export function originText(origin: PrefillOrigin, t: Messages, f: Formatter): string {
  const date = origin.date && !Number.isNaN(Date.parse(origin.date)) ? f.date(origin.date, 'short') : '';
  let source: string;
  if (origin.kind === 'patient') source = t.healthFormPatientRecord;
  else if (origin.kind === 'observation' && !origin.questionnaireTitle) source = t.formPrefillSourceMeasurement;
  else if (origin.organization) source = t.formPrefillSourceOrganization(origin.organization);
  else if (origin.questionnaireTitle) source = t.healthFormFromForm(origin.questionnaireTitle);
  else return date ? `${t.healthFormPrefilledMark}, ${date}` : t.healthFormPrefilledMark;
  return t.healthFormPrefillOrigin(source, date);
}

function errorText(e: FormFieldError, t: Messages, f: Formatter): string {
  switch (e.code) {
    case 'required':
      return t.required;
    case 'numberInvalid':
      return t.numberInvalid;
    case 'integerInvalid':
      return t.formIntegerInvalid;
    case 'tooLow':
      return t.numberTooLow(f.number(e.limit ?? 0), '');
    case 'tooHigh':
      return t.numberTooHigh(f.number(e.limit ?? 0), '');
    case 'dateInvalid':
      return t.dateInvalid;
    case 'tooLong':
      return t.formTextTooLong(f.number(e.limit ?? 0));
    case 'fodselsnummerInvalid':
      return t.formFodselsnummerInvalid;
    default:
      return t.formInvalid;
  }
}

function prefillView(entry: PrefillEntry | undefined, info: ItemInfo, t: Messages, f: Formatter): PrefillView | null {
  if (!entry) return null;
  const stateText = entry.state === 'offered' ? t.formPrefillNotConfirmed : entry.state === 'kept' ? t.healthFormPrefillKept : entry.state === 'cleared' ? t.healthFormPrefillCleared : null;
  return { state: entry.state, origin: originText(entry.origin, t, f), offered: answerText(info, entry.value, t, f), stateText };
}

function rowsOf(q: Questionnaire, pages: FormPage[], answers: AnswerData, prefill: Record<string, PrefillEntry>, t: Messages, f: Formatter): ReviewRow[] {
  const index = itemIndex(q);
  const rows: ReviewRow[] = [];
  pages.forEach((p, pageIndex) => {
    for (const linkId of p.linkIds) {
      const info = index.get(linkId)!;
      const text = info.type === 'group' ? '' : answerText(info, valuesOf(answers, linkId), t, f);
      // a calculated or fixed item without a value says nothing to the person
      if (info.readOnly && text === '') continue;
      rows.push({
        linkId,
        question: info.text,
        answer: text || t.healthFormNoAnswer,
        answered: text !== '',
        changed: prefill[linkId]?.state === 'changed',
        changeLabel: `${t.healthFormChange} ${t.healthFormChangeWhat(info.text)}`,
        pageIndex,
      });
    }
  });
  return rows;
}

/** Every shown answer of `answers` as rows (a read-only response, a receipt). */
export function answerRows(q: Questionnaire, answers: AnswerData, { locale, messages }: FormViewOptions, prefill: Record<string, PrefillEntry> = {}): ReviewRow[] {
  return rowsOf(q, computePages(q, answers), answers, prefill, messages, formatter(locale));
}

/** The view model for a snapshot, in `locale`. */
/**
 * The locale's formatter, made on first use: making one (Intl's locale negotiation and formatters) costs tens of
 * milliseconds, and a page of unanswered questions formats nothing.
 */
function lazyFormatter(locale: Locale): Formatter {
  let made: Formatter | undefined;
  const f = () => (made ??= formatter(locale));
  return {
    locale,
    get resolvedDateLocale() {
      return f().resolvedDateLocale;
    },
    date: (value, style) => f().date(value, style),
    dateTime: (value) => f().dateTime(value),
    time: (value) => f().time(value),
    number: (value, options) => f().number(value, options),
    list: (items, type) => f().list(items, type),
  };
}

const pageSets = new WeakMap<FormPage, Set<string>>();

/** A page's linkIds as a set (kept while the page is: pages of a form without enableWhen are made once). */
function linkIdSet(page: FormPage): Set<string> {
  let set = pageSets.get(page);
  if (!set) pageSets.set(page, (set = new Set(page.linkIds)));
  return set;
}

export function toFormView(snapshot: FormSnapshotLike, { locale, messages: t }: FormViewOptions): FormView {
  const f = lazyFormatter(locale);
  const ctx = snapshot.context;
  const flow = flowOf(snapshot.value);
  const autosave = autosaveOf(snapshot.value);
  const q = ctx.questionnaire;
  const index = q ? itemIndex(q) : new Map<string, ItemInfo>();
  const pages = q ? computePages(q, ctx.answers, ctx.input.onePerPage) : [];
  const allPages = q && flow === 'prefillReview' ? (ctx.input.onePerPage ? computePages(q, ctx.answers) : pages) : [];
  const options = { allowTestIdentifiers: ctx.input.allowTestIdentifiers };

  const question = (linkId: string, errors: Map<string, FormFieldError> | null): QuestionView => {
    const info = index.get(linkId)!;
    const raw = ctx.answers[linkId];
    const value = raw === undefined || raw === null ? null : (raw as AnswerValue | AnswerValue[]);
    const entry = ctx.prefill[linkId];
    const err = errors?.get(linkId);
    const show = ctx.showErrors || ctx.touched[linkId] === true;
    const view: QuestionView = {
      linkId,
      text: info.text,
      required: info.required,
      value,
      answerText: '',
      error: err && show ? errorText(err, t, f) : null,
      prefill: prefillView(entry, info, t, f),
      changed: entry?.state === 'changed',
    };
    // an answer is formatted when read (the review and prefill steps), not for every question of the page
    if (value !== null && info.type !== 'group') {
      let text: string | undefined;
      Object.defineProperty(view, 'answerText', { enumerable: true, get: () => (text ??= answerText(info, valuesOf(ctx.answers, linkId), t, f)) });
    }
    return view;
  };

  const current = pages[ctx.pageIndex];
  const progress =
    flow === 'filling' && pages.length > 1
      ? { current: ctx.pageIndex + 1, total: pages.length, text: ctx.input.onePerPage ? t.healthFormQuestionOf(ctx.pageIndex + 1, pages.length) : t.formPageOf(ctx.pageIndex + 1, pages.length) }
      : null;
  const showPage = flow === 'filling' && current !== undefined;
  // Errors show after a submit attempt (every question of the page) or once a question was touched: until the
  // attempt, only the touched ones are checked, so an answer costs the same on a long page as on a short one.
  const onPage = showPage && !ctx.showErrors ? linkIdSet(current) : undefined;
  const checked = !q || !current ? [] : onPage ? Object.keys(ctx.touched).filter((id) => onPage.has(id)) : current.linkIds;
  const pageErrors = q ? validateLinkIds(q, ctx.answers, checked, options) : [];
  const page: FormView['page'] = showPage
    ? (() => {
        const byLinkId = new Map(pageErrors.map((e) => [e.linkId, e]));
        const title = current.title ?? null;
        // The form's title is the heading above the page: a page without a title of its own, or with the form's,
        // gets one that does not repeat it.
        const heading = title && title !== q?.title ? title : (progress?.text ?? t.formQuestionsHeading);
        const views = new Map<string, QuestionView>();
        const view = (id: string) => {
          let v = views.get(id);
          if (!v) views.set(id, (v = question(id, byLinkId)));
          return v;
        };
        const prefilled = onPage ? Object.keys(ctx.prefill).filter((id) => onPage.has(id)) : current.linkIds.filter((id) => ctx.prefill[id]);
        const marked = [...new Set([...pageErrors.map((e) => e.linkId), ...prefilled])].map(view).filter((v) => v.error !== null || v.prefill !== null);
        let questions: QuestionView[] | undefined;
        return {
          id: current.id,
          title,
          heading,
          groupLinkId: current.groupLinkId ?? null,
          get questions() {
            return (questions ??= current.linkIds.map(view));
          },
          marked,
        };
      })()
    : null;
  const summaryErrors = showPage && ctx.showErrors ? pageErrors : [];

  let prefillReview: FormView['prefillReview'] = null;
  if (flow === 'prefillReview') {
    const sections = new Map<string, { groupLinkId: string | null; title: string; confirmLabel: string | null; items: QuestionView[] }>();
    for (const p of allPages) {
      for (const linkId of p.linkIds) {
        if (!ctx.prefill[linkId]) continue;
        const info = index.get(linkId)!;
        const group = info.parentLinkId ?? null;
        const key = group ?? '';
        let section = sections.get(key);
        if (!section) {
          const title = group ? index.get(group)?.text || t.healthFormPrefillOther : t.healthFormPrefillOther;
          section = { groupLinkId: group, title, confirmLabel: group ? `${t.healthFormPrefillConfirmSection} «${title}»` : null, items: [] };
          sections.set(key, section);
        }
        section.items.push(question(linkId, null));
      }
    }
    prefillReview = { title: t.healthFormPrefillTitle, intro: t.healthFormPrefillIntro, sections: [...sections.values()], continueLabel: t.healthFormPrefillContinue };
  }

  let review: FormView['review'] = null;
  if (q && (flow === 'review' || flow === 'consent')) review = { title: t.healthFormReviewTitle, rows: rowsOf(q, pages, ctx.answers, ctx.prefill, t, f) };

  const consentChoice = ctx.consent ?? { share: false, keepForReuse: false };
  const consent: FormView['consent'] =
    flow === 'consent'
      ? {
          title: t.healthFormConsentTitle,
          shareText: ctx.input.recipient?.display ? t.healthFormConsentShare(ctx.input.recipient.display) : t.healthFormConsentShareDefault,
          shareLabel: t.healthFormConsentConfirm,
          reuseLabel: t.healthFormConsentReuse,
          share: consentChoice.share,
          keepForReuse: consentChoice.keepForReuse,
          required: consentChoice.share ? null : t.healthFormConsentRequired,
          error: consentChoice.share || !ctx.showErrors ? null : t.healthFormConsentRequired,
          canSubmit: consentChoice.share && !ctx.conflict,
        }
      : null;

  let status: StatusView | null = null;
  if (flow === 'submitting' || flow === 'confirmingSubmit') status = { kind: 'submitting', text: t.healthFormSubmitting };
  else if (flow === 'waitingForConnection') status = { kind: 'waiting', text: t.formStatusWaiting };
  else if (autosave === 'conflict') status = { kind: 'conflict', text: t.formConflictTitle };
  else if (autosave === 'saving') status = { kind: 'saving', text: t.formStatusSaving };
  else if (autosave === 'offline') status = { kind: 'offline', text: t.formStatusDraftOffline };
  else if (autosave === 'error') status = { kind: 'error', text: t.healthFormDraftFailed };
  else if (ctx.draft.savedAt && flow !== 'submitted') status = { kind: 'saved', text: t.healthFormDraftSaved(f.time(ctx.draft.savedAt)) };

  const conflict =
    autosave === 'conflict' && ctx.conflict
      ? { title: t.formConflictTitle, text: t.formConflictText(ctx.conflict.savedAt ? f.time(ctx.conflict.savedAt) : ''), loadTheirs: t.formConflictLoadTheirs, keepMine: t.formConflictKeepMine }
      : null;

  const subject = ctx.input.subject?.display;
  const filler = ctx.input.filler?.display;
  const whose = filler && subject ? t.healthFormOnBehalf(filler, subject) : subject ? t.healthFormFormFor(subject) : null;
  const birthDate = ctx.input.patient?.birthDate;
  const born = birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? t.healthFormBorn(f.date(`${birthDate}T12:00:00Z`, 'long')) : '';
  const subjectLine = subject ? `${t.healthFormFormFor(subject)}${born ? `, ${born}` : ''}` : null;

  let receipt: FormView['receipt'] = null;
  if (flow === 'submitted' && ctx.receipt && q) {
    const sent = ctx.submitted?.response;
    const score = sent ? scoreSubmission(q, sent) : undefined;
    const instrument = score ? PROM_INSTRUMENTS[score.instrument] : undefined;
    receipt = {
      title: t.healthFormSubmittedTitle,
      text: t.healthFormReceipt(f.dateTime(ctx.receipt.submittedAt)),
      reference: ctx.receipt.responseId ? t.healthFormReference(ctx.receipt.responseId) : '',
      score:
        score && instrument
          ? {
              text: score.status === 'scored' ? t.healthFormScore(instrument.name, score.total, instrument.maxTotal) : t.promNotScored,
              band: score.status === 'scored' ? t.promBands[score.band] : null,
              selfHarm: score.selfHarm === 'positive' ? t.promSelfHarmFlag : null,
            }
          : null,
      rows: rowsOf(q, pages, ctx.answers, ctx.prefill, t, f),
    };
  }

  return {
    flow,
    autosave,
    title: q?.title ?? '',
    whose,
    subjectLine,
    onBehalf: filler && subject ? t.healthFormOnBehalf(filler, subject) : null,
    progress,
    page,
    errorSummary:
      summaryErrors.length > 0
        ? { title: t.errorSummaryTitle(summaryErrors.length), errors: summaryErrors.map((e) => ({ linkId: e.linkId, question: index.get(e.linkId)?.text ?? '', message: errorText(e, t, f) })) }
        : null,
    prefillReview,
    review,
    backToReview: flow === 'filling' && ctx.returnToReview ? t.healthFormBackToReview : null,
    consent,
    status,
    conflict,
    receipt,
    failure:
      flow === 'failed' || flow === 'loadFailed'
        ? { title: flow === 'loadFailed' ? t.formLoadFailed : t.healthFormFailedTitle, text: flow === 'loadFailed' ? t.formEngineUnavailable : t.healthFormFailedText }
        : null,
    can: {
      next: flow === 'filling',
      previous: flow === 'filling' ? ctx.pageIndex > 0 : flow === 'review' || flow === 'consent',
      retry: flow === 'failed' || flow === 'loadFailed' || flow === 'waitingForConnection',
    },
  };
}
