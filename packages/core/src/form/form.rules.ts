/**
 * Pure rules of the health form: pages, validation, which answers go into the response, the response itself, and
 * the draft codec. No DOM, no survey-core: the machine runs in Node, a browser or a worker.
 */
import type { Extension, Observation, Questionnaire, QuestionnaireItem, QuestionnaireResponse, Reference } from 'fhir/r4';
import { EnableWhenEvaluator, isEmptyAnswer, valuesOf, type AnswerData } from '../fhir/answers.js';
import { extractObservations } from '../fhir/extract.js';
import { EXT, findExtension, indexOnce, itemControlCode, type ItemInfo } from '../fhir/item-index.js';
import { buildQuestionnaireResponse, responseToAnswers } from '../fhir/questionnaire-response.js';
import type { Draft, DraftKey } from '../store/store.types.js';
import { scoreQuestionnaireResponse } from '../scoring/prom.fhir.js';
import { PROM_INSTRUMENTS, type PromScore } from '../scoring/prom.rules.js';
import { isIsoDate } from '../validation/date.js';
import { validateFodselsnummer } from '../validation/fodselsnummer.js';
import type { ConsentChoice, FormContext, FormFieldError, FormInput, FormPage, Freshness, PrefillEntry, PrefillState, RetryOptions } from './form.types.js';

/** Our own extension and code system URLs. */
export const HK = {
  /** On a draft QuestionnaireResponse: JSON `{ page, prefill: { linkId: state } }` (no answers in it). */
  formState: 'https://helsekit.no/fhir/StructureDefinition/form-state',
  /** On a submitted QuestionnaireResponse: the service that received it (valueReference with display). */
  recipient: 'https://helsekit.no/fhir/StructureDefinition/form-recipient',
  /** On a submitted QuestionnaireResponse: the filler's relationship to the patient (valueCoding or valueString). */
  relationship: 'https://helsekit.no/fhir/StructureDefinition/form-filler-relationship',
  /** meta.tag system; code `no-reuse` when the person did not agree to reuse. */
  reuseTagSystem: 'https://helsekit.no/fhir/CodeSystem/reuse',
  /** Identifier system of a submission (makes a retried submit idempotent with ifNoneExist). */
  submissionSystem: 'https://helsekit.no/fhir/sid/form-submission',
  /** The standard display extension for a canonical (the Questionnaire's title on QuestionnaireResponse._questionnaire). */
  display: 'http://hl7.org/fhir/StructureDefinition/display',
} as const;

export const DEFAULT_AUTOSAVE_MS = 800;
export const DEFAULT_FRESHNESS: Freshness = { value: 12, unit: 'mo' };
/** Norwegian fødselsnummer / D-nummer identifier systems (Folkeregisteret). */
export const FNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.1';
export const DNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.2';

/** linkId → ItemInfo, made once per Questionnaire object (shared with its conversion and expressions). */
export function itemIndex(q: Questionnaire): Map<string, ItemInfo> {
  return indexOnce(q).index;
}

export function draftKeyOf(input: FormInput): DraftKey {
  return input.subject ? { questionnaire: input.questionnaireUrl, subject: input.subject.reference } : { questionnaire: input.questionnaireUrl };
}

/** Hidden by `questionnaire-hidden` on the item or an ancestor. */
export function isHiddenItem(index: Map<string, ItemInfo>, linkId: string): boolean {
  const info = index.get(linkId);
  if (!info) return true;
  return info.hidden || info.ancestors.some((a) => index.get(a)?.hidden === true);
}

/** Per index: whether any item has enableWhen conditions (without any, every item is enabled whatever the answers). */
const conditionsCache = new WeakMap<Map<string, ItemInfo>, boolean>();

function hasConditions(index: Map<string, ItemInfo>): boolean {
  let conditions = conditionsCache.get(index);
  if (conditions === undefined) {
    conditions = [...index.values()].some((info) => (info.item.enableWhen?.length ?? 0) > 0);
    conditionsCache.set(index, conditions);
  }
  return conditions;
}

function enabledFn(index: Map<string, ItemInfo>, answers: AnswerData): (linkId: string) => boolean {
  // nothing to evaluate: an item is shown unless hidden, and the pages stay the same on every answer
  if (!hasConditions(index)) return () => true;
  const ev = new EnableWhenEvaluator(index, answers);
  return (linkId) => {
    try {
      return ev.isEnabled(linkId);
    } catch {
      return false;
    }
  };
}

const isQuestion = (item: QuestionnaireItem) => item.type !== 'group' && item.type !== 'display';

/** The question linkIds under `items` that are shown: enabled and not hidden. A repeating group counts as one. */
function shownQuestions(items: QuestionnaireItem[] | undefined, index: Map<string, ItemInfo>, enabled: (id: string) => boolean, out: string[]): string[] {
  for (const item of items ?? []) {
    if (!item || typeof item.linkId !== 'string') continue;
    const info = index.get(item.linkId);
    if (!info || info.item !== item || info.hidden || !enabled(item.linkId)) continue;
    if (item.type === 'group') {
      if (item.repeats) out.push(item.linkId);
      else shownQuestions(item.item, index, enabled, out);
    } else if (isQuestion(item)) {
      out.push(item.linkId);
    }
  }
  return out;
}

/** The pages of a Questionnaire without enableWhen, which no answer changes (frozen: shared by every caller). */
const fixedPagesCache = new WeakMap<Questionnaire, { paged?: readonly FormPage[]; onePerPage?: readonly FormPage[] }>();

/**
 * Pages as survey-core gets them from `questionnaireToSurvey`: when a top-level item has itemControl `page`, each
 * top-level item is a page; else the whole form is one page. With `onePerPage`, every shown question is a page.
 * Pages without a shown question are left out (they come back when their questions are enabled).
 */
export function computePages(q: Questionnaire, answers: AnswerData, onePerPage = false): FormPage[] {
  const index = itemIndex(q);
  if (hasConditions(index)) return pagesOf(q, index, enabledFn(index, answers), onePerPage);
  let fixed = fixedPagesCache.get(q);
  if (!fixed) fixedPagesCache.set(q, (fixed = {}));
  const key = onePerPage ? 'onePerPage' : 'paged';
  // on a long form this ran on every answer: the view and the machine's guards ask for the pages each time
  return (fixed[key] ??= Object.freeze(pagesOf(q, index, () => true, onePerPage).map((p) => Object.freeze({ ...p, linkIds: Object.freeze(p.linkIds) as string[] })))) as FormPage[];
}

function pagesOf(q: Questionnaire, index: Map<string, ItemInfo>, enabled: (linkId: string) => boolean, onePerPage: boolean): FormPage[] {
  const top = q.item ?? [];
  const paged = top.some((i) => i && itemControlCode(i) === 'page');
  const raw: FormPage[] = paged
    ? top.map((item, n) => ({
        id: item.type === 'group' ? item.linkId : `page_${n + 1}`,
        ...(item.type === 'group' ? { groupLinkId: item.linkId } : {}),
        ...(item.type === 'group' && item.text ? { title: item.text } : {}),
        linkIds: shownQuestions([item], index, enabled, []),
      }))
    : [{ id: 'page_1', ...(q.title ? { title: q.title } : {}), linkIds: shownQuestions(top, index, enabled, []) }];
  const pages = raw.filter((p) => p.linkIds.length > 0);
  if (!onePerPage) return pages;
  return pages.flatMap((p) =>
    p.linkIds.map((linkId) => {
      const info = index.get(linkId)!;
      const group = info.parentLinkId;
      return { id: linkId, ...(group ? { groupLinkId: group } : p.groupLinkId ? { groupLinkId: p.groupLinkId } : {}), ...(p.title ? { title: p.title } : {}), linkIds: [linkId] };
    }),
  );
}

/** The index of the page showing `linkId` (or the page of its nearest shown ancestor), or -1. */
export function pageOf(pages: FormPage[], index: Map<string, ItemInfo>, linkId: string): number {
  const info = index.get(linkId);
  const candidates = [linkId, ...(info ? [...info.ancestors].reverse() : [])];
  for (const id of candidates) {
    const i = pages.findIndex((p) => p.linkIds.includes(id) || p.groupLinkId === id);
    if (i >= 0) return i;
  }
  return -1;
}

function numberExt(item: QuestionnaireItem, url: string): number | undefined {
  const e = findExtension(item, url);
  return e?.valueInteger ?? e?.valueDecimal;
}

/** True for an item that holds a fødselsnummer / D-nummer (by code system or a linkId such as `fodselsnummer`). */
export function isFodselsnummerItem(info: ItemInfo): boolean {
  if (info.code.some((c) => c.system === FNR_SYSTEM || c.system === DNR_SYSTEM)) return true;
  return /^(fodselsnummer|fødselsnummer|fnr|personnummer)$/i.test(info.linkId);
}

/** Validate one question in the answers (top level only; questions in repeating groups are checked by the element). */
export function validateItem(info: ItemInfo, answers: AnswerData, options: { allowTestIdentifiers?: boolean } = {}): FormFieldError | undefined {
  const { linkId, item } = info;
  if (info.readOnly) return undefined;
  if (info.type === 'group') {
    if (info.required && (!Array.isArray(answers[linkId]) || (answers[linkId] as unknown[]).length === 0)) return { linkId, code: 'required' };
    return undefined;
  }
  const values = valuesOf(answers, linkId);
  if (values.length === 0) return info.required ? { linkId, code: 'required' } : undefined;
  for (const v of values) {
    switch (info.type) {
      case 'integer':
      case 'decimal': {
        const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
        if (!Number.isFinite(n)) return { linkId, code: 'numberInvalid' };
        if (info.type === 'integer' && !Number.isInteger(n)) return { linkId, code: 'integerInvalid' };
        const min = numberExt(item, EXT.minValue);
        const max = numberExt(item, EXT.maxValue);
        if (min !== undefined && n < min) return { linkId, code: 'tooLow', limit: min };
        if (max !== undefined && n > max) return { linkId, code: 'tooHigh', limit: max };
        break;
      }
      case 'date':
        if (typeof v !== 'string' || !(/^\d{4}(-\d{2})?$/.test(v) || isIsoDate(v))) return { linkId, code: 'dateInvalid' };
        break;
      case 'string':
      case 'text':
        if (typeof v !== 'string') return { linkId, code: 'invalid' };
        if (item.maxLength !== undefined && v.length > item.maxLength) return { linkId, code: 'tooLong', limit: item.maxLength };
        if (isFodselsnummerItem(info) && !validateFodselsnummer(v, { allowHNumber: options.allowTestIdentifiers, allowSynthetic: options.allowTestIdentifiers }).valid) {
          return { linkId, code: 'fodselsnummerInvalid' };
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}

/** Errors of the given questions. */
export function validateLinkIds(q: Questionnaire, answers: AnswerData, linkIds: readonly string[], options: { allowTestIdentifiers?: boolean } = {}): FormFieldError[] {
  const index = itemIndex(q);
  const out: FormFieldError[] = [];
  for (const linkId of linkIds) {
    const info = index.get(linkId);
    if (!info || info.repeatingGroups.length > 0) continue;
    const err = validateItem(info, answers, options);
    if (err) out.push(err);
  }
  return out;
}

/** Errors on every shown page, in page order. */
export function validateAll(q: Questionnaire, answers: AnswerData, options: { allowTestIdentifiers?: boolean } = {}): FormFieldError[] {
  return computePages(q, answers).flatMap((p) => validateLinkIds(q, answers, p.linkIds, options));
}

/**
 * The answers that may leave: hidden items (and everything under a hidden group) and cleared offers are removed.
 * Offers never confirmed are not in `answers` at all. Disabled items are removed later by the response builder.
 */
export function submittableAnswers(q: Questionnaire, answers: AnswerData, prefill: Record<string, PrefillEntry>): AnswerData {
  const index = itemIndex(q);
  const out: AnswerData = {};
  for (const [linkId, value] of Object.entries(answers)) {
    if (isEmptyAnswer(value)) continue;
    if (!index.has(linkId) || isHiddenItem(index, linkId)) continue;
    if (prefill[linkId]?.state === 'cleared' || prefill[linkId]?.state === 'offered') continue;
    const info = index.get(linkId)!;
    out[linkId] = info.type === 'group' && info.repeats && Array.isArray(value) ? (value as AnswerData[]).map((inst) => stripHidden(index, inst)) : value;
  }
  return out;
}

function stripHidden(index: Map<string, ItemInfo>, inst: AnswerData): AnswerData {
  const out: AnswerData = {};
  for (const [k, v] of Object.entries(inst)) if (!isHiddenItem(index, k)) out[k] = v;
  return out;
}

function toReference(p: { reference: string; display?: string }): Reference {
  return p.display ? { reference: p.reference, display: p.display } : { reference: p.reference };
}

function uuid(): string {
  return crypto.randomUUID();
}

export interface BuiltSubmission {
  response: QuestionnaireResponse;
  observations: Observation[];
}

/**
 * The QuestionnaireResponse to submit (status completed). subject = the patient; author and source = the filler
 * when someone fills in on behalf of the patient (with the relationship as an extension), else the patient.
 * It carries an identifier (so a retried submit is not stored twice), the Questionnaire's title on
 * `_questionnaire` (so a later form can say where a reused answer came from), the recipient, and the tag
 * `no-reuse` when the person did not agree to reuse.
 */
export function buildSubmission(ctx: Pick<FormContext, 'input' | 'questionnaire' | 'answers' | 'prefill' | 'consent'>, authored = new Date().toISOString()): BuiltSubmission | { error: string } {
  const q = ctx.questionnaire;
  if (!q) return { error: 'no questionnaire' };
  const { input } = ctx;
  const who = input.filler ?? input.subject;
  const author = input.author ?? who;
  const built = buildQuestionnaireResponse(q, submittableAnswers(q, ctx.answers, ctx.prefill), {
    status: 'completed',
    authored,
    ...(input.subject ? { subject: toReference(input.subject) } : {}),
    ...(author ? { author: toReference(author) } : {}),
    ...(who ? { source: toReference(who) } : {}),
  });
  if (!built.ok) return { error: built.error.message };
  const response = built.value.response;
  response.identifier = { system: HK.submissionSystem, value: `urn:uuid:${uuid()}` };
  if (q.title && response.questionnaire) response._questionnaire = { extension: [{ url: HK.display, valueString: q.title }] };
  const ext: Extension[] = [];
  if (input.recipient) ext.push({ url: HK.recipient, valueReference: toReference(input.recipient) });
  const rel = input.filler?.relationship;
  if (rel !== undefined) ext.push(typeof rel === 'string' ? { url: HK.relationship, valueString: rel } : { url: HK.relationship, valueCoding: rel });
  if (ext.length > 0) response.extension = ext;
  if (ctx.consent && !ctx.consent.keepForReuse) response.meta = { tag: [{ system: HK.reuseTagSystem, code: 'no-reuse' }] };
  const extracted = extractObservations(q, response);
  return { response, observations: extracted.ok ? extracted.value.observations : [] };
}

/** True when a stored response may be offered again (the person did not refuse reuse). */
export function allowsReuse(r: { meta?: { tag?: Array<{ system?: string; code?: string }> } }): boolean {
  return !(r.meta?.tag ?? []).some((t) => t.system === HK.reuseTagSystem && t.code === 'no-reuse');
}

interface DraftState {
  page: number;
  prefill: Record<string, PrefillState>;
}

/**
 * The draft QuestionnaireResponse (status in-progress): the answers (not the unconfirmed offers) and, in the
 * `form-state` extension, the page and the prefill decisions, so another tab or device resumes where this one was.
 */
export function buildDraftResponse(ctx: Pick<FormContext, 'input' | 'questionnaire' | 'answers' | 'prefill' | 'pageIndex'>): QuestionnaireResponse {
  const state: DraftState = { page: ctx.pageIndex, prefill: {} };
  for (const [linkId, e] of Object.entries(ctx.prefill)) if (e.state !== 'offered') state.prefill[linkId] = e.state;
  const ext: Extension = { url: HK.formState, valueString: JSON.stringify(state) };
  const q = ctx.questionnaire;
  const built = q
    ? buildQuestionnaireResponse(q, ctx.answers, {
        status: 'in-progress',
        includeText: false,
        authored: new Date().toISOString(),
        ...(ctx.input.subject ? { subject: toReference(ctx.input.subject) } : {}),
      })
    : undefined;
  const response: QuestionnaireResponse = built?.ok ? built.value.response : { resourceType: 'QuestionnaireResponse', status: 'in-progress', questionnaire: ctx.input.questionnaireUrl };
  response.extension = [ext];
  return response;
}

/** Read a draft back: answers, page and prefill decisions. */
export function readDraft(q: Questionnaire, draft: Pick<Draft, 'response'>): { answers: AnswerData; page: number; prefill: Record<string, PrefillState> } {
  const read = responseToAnswers(q, draft.response);
  const answers = read.ok ? read.value.answers : {};
  let page = 0;
  let prefill: Record<string, PrefillState> = {};
  const raw = draft.response.extension?.find((e) => e.url === HK.formState)?.valueString;
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as Partial<DraftState>;
      if (typeof parsed.page === 'number' && Number.isInteger(parsed.page) && parsed.page >= 0) page = parsed.page;
      if (parsed.prefill && typeof parsed.prefill === 'object') prefill = parsed.prefill;
    } catch {
      // a broken state extension only loses the page, never the answers
    }
  }
  return { answers, page, prefill };
}

/** Wait before retry `attempt` (1-based): base · 2^(attempt−1), at most max. */
export function backoffMs(attempt: number, retry: RetryOptions = {}): number {
  const base = retry.baseMs ?? 2000;
  const max = retry.maxMs ?? 60_000;
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

/** Consent is enough to submit. */
export function canSubmitWith(consent: ConsentChoice | undefined): boolean {
  return consent?.share === true;
}

/** The scored instrument (PHQ-9, GAD-7) a Questionnaire is, by its LOINC panel code, or undefined. */
export function scoredInstrumentOf(q: Pick<Questionnaire, 'code'>): keyof typeof PROM_INSTRUMENTS | undefined {
  const codes = q.code ?? [];
  return (Object.keys(PROM_INSTRUMENTS) as Array<keyof typeof PROM_INSTRUMENTS>).find((id) => {
    const panel = PROM_INSTRUMENTS[id].panel;
    return panel !== undefined && codes.some((c) => c.code === panel.code && (c.system ?? panel.system) === panel.system);
  });
}

/** A scored instrument measures how it is now: its answers are never offered again, nor is it prefilled from earlier forms. */
export function isScoredInstrument(q: Pick<Questionnaire, 'code'>): boolean {
  return scoredInstrumentOf(q) !== undefined;
}

/**
 * The score of a submitted response to a scored instrument (PHQ-9, GAD-7), or undefined for other forms. The
 * instrument's items are its first choice items, in order; a coded answer scores its option's ordinalValue /
 * itemWeight in the Questionnaire (or its code when that is 0–3).
 */
export function scoreSubmission(q: Questionnaire, response: QuestionnaireResponse): PromScore | undefined {
  const id = scoredInstrumentOf(q);
  if (!id) return undefined;
  const index = itemIndex(q);
  const linkIds = [...index.values()].filter((i) => i.type === 'choice').map((i) => i.linkId);
  const scores = new Map<string, number>();
  for (const info of index.values()) {
    for (const o of info.options) if (o.coding?.code && o.score !== undefined) scores.set(`${o.coding.system ?? ''}|${o.coding.code}`, o.score);
  }
  const answerScore = (c: { system?: string; code?: string }) => scores.get(`${c.system ?? ''}|${c.code ?? ''}`) ?? (/^[0-3]$/.test(c.code ?? '') ? Number(c.code) : undefined);
  try {
    return scoreQuestionnaireResponse(response, id, { by: 'linkId', linkIds: linkIds.slice(0, PROM_INSTRUMENTS[id].itemCount) }, { answerScore }).score;
  } catch {
    return undefined;
  }
}
