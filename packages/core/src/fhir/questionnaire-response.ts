import type {
  Attachment,
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
} from 'fhir/r4';
import { EnableWhenEvaluator, isEmptyAnswer, isPlainObject, valuesOf, type AnswerData, type AnswerValue, type InstancePath } from './answers.js';
import { HkFhirError, fail, guard, ok, type Result } from './errors.js';
import { readJsonInput, resolveLimits, type InputLimits } from './input.js';
import { indexQuestionnaire, type ItemInfo } from './item-index.js';
import type { MappingIssue } from './questionnaire-to-survey.js';

export interface ResponseOptions {
  status?: QuestionnaireResponse['status'];
  /** The patient the answers are about. */
  subject?: Reference;
  /** Who recorded the answers (may be a device or practitioner). */
  author?: Reference;
  /** Who gave the answers: the patient, or a RelatedPerson filling in on their behalf. */
  source?: Reference;
  encounter?: Reference;
  /** ISO dateTime; default: now. */
  authored?: string;
  id?: string;
  /** Enablement from SDC enableWhenExpression (ExpressionResults.enabled): `false` removes the item's answers. */
  enabledByExpression?: ReadonlyMap<string, boolean>;
  /** Include `text` (the item's plain text) on response items. Default true. */
  includeText?: boolean;
  limits?: Partial<InputLimits>;
}

export interface ResponseResult {
  response: QuestionnaireResponse;
  /** Answers that did not fit their item (left out), items without answers dropped, and similar. */
  issues: MappingIssue[];
}

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const DATETIME = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A local dateTime without zone (as from `<input type=datetime-local>`) gets seconds and the local offset. */
export function normalizeDateTime(s: string): string | undefined {
  if (DATETIME.test(s)) return s;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const d = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}`);
  if (Number.isNaN(d.getTime())) return undefined;
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const out = `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return DATETIME.test(out) ? out : undefined;
}

function numeric(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** One answer value → a typed R4 answer for `info`, or a reason it does not fit. */
export function toAnswer(info: ItemInfo, v: AnswerValue): QuestionnaireResponseItemAnswer | string {
  switch (info.type) {
    case 'boolean':
      return typeof v === 'boolean' ? { valueBoolean: v } : 'not a boolean';
    case 'decimal': {
      const n = numeric(v);
      return n !== undefined ? { valueDecimal: n } : 'not a number';
    }
    case 'integer': {
      const n = numeric(v);
      return n !== undefined && Number.isInteger(n) ? { valueInteger: n } : 'not an integer';
    }
    case 'date':
      return typeof v === 'string' && DATE.test(v) ? { valueDate: v } : 'not a date (YYYY, YYYY-MM or YYYY-MM-DD)';
    case 'dateTime': {
      if (typeof v !== 'string') return 'not a dateTime';
      const d = DATE.test(v) ? v : normalizeDateTime(v);
      return d ? { valueDateTime: d } : 'not a dateTime';
    }
    case 'time': {
      if (typeof v !== 'string') return 'not a time';
      const t = /^\d{2}:\d{2}$/.test(v) ? `${v}:00` : v;
      return TIME.test(t) ? { valueTime: t } : 'not a time (HH:MM[:SS])';
    }
    case 'string':
    case 'text':
      return typeof v === 'string' && v.trim() !== '' ? { valueString: v } : 'not a string';
    case 'url':
      return typeof v === 'string' && v.trim() !== '' ? { valueUri: v } : 'not a URL';
    case 'choice':
    case 'open-choice': {
      if (typeof v === 'string' || typeof v === 'number') {
        const opt = info.options.find((o) => o.key === v);
        if (opt) {
          if (opt.coding) return { valueCoding: { ...opt.coding } };
          if (opt.valueInteger !== undefined) return { valueInteger: opt.valueInteger };
          if (opt.valueDate !== undefined) return { valueDate: opt.valueDate };
          if (opt.valueTime !== undefined) return { valueTime: opt.valueTime };
          if (opt.valueString !== undefined) return { valueString: opt.valueString };
        }
        if (typeof v === 'string' && v.trim() !== '' && (info.type === 'open-choice' || info.options.length === 0)) return { valueString: v };
        return 'not one of the answer options';
      }
      if (isPlainObject(v) && typeof (v as Coding).code === 'string') {
        const c = v as Coding;
        const coding: Coding = {};
        if (c.system) coding.system = c.system;
        if (c.version) coding.version = c.version;
        coding.code = c.code;
        if (c.display) coding.display = c.display;
        return { valueCoding: coding };
      }
      return 'not a Coding or option';
    }
    case 'quantity': {
      const n = numeric(v);
      const q = n !== undefined ? { value: n } : isPlainObject(v) && numeric(v.value) !== undefined ? { ...(v as object), value: numeric(v.value)! } : undefined;
      if (!q) return 'not a quantity';
      const quantity: Record<string, unknown> = { value: q.value };
      const src = q as { unit?: string; system?: string; code?: string };
      const unit = info.unit;
      const u = src.unit ?? unit?.display ?? unit?.code;
      if (u) quantity.unit = u;
      const system = src.system ?? unit?.system;
      if (system) quantity.system = system;
      const code = src.code ?? unit?.code;
      if (code) quantity.code = code;
      return { valueQuantity: quantity };
    }
    case 'attachment': {
      if (!isPlainObject(v)) return 'not an attachment';
      const a = v as Attachment & { name?: string; type?: string; content?: string };
      const att: Attachment = {};
      for (const k of ['contentType', 'language', 'data', 'url', 'size', 'hash', 'title', 'creation'] as const) {
        if (a[k] !== undefined) (att as Record<string, unknown>)[k] = a[k];
      }
      if (!att.data && !att.url) return 'attachment without data or url';
      return { valueAttachment: att };
    }
    default:
      return `items of type ${info.type} take no answers here`;
  }
}

class Builder {
  readonly issues: MappingIssue[] = [];
  constructor(
    readonly index: Map<string, ItemInfo>,
    readonly evaluator: EnableWhenEvaluator,
    readonly includeText: boolean,
  ) {}

  items(items: QuestionnaireItem[] | undefined, scope: AnswerData, path: InstancePath): QuestionnaireResponseItem[] {
    const out: QuestionnaireResponseItem[] = [];
    for (const item of items ?? []) {
      const info = item && this.index.get(item.linkId);
      if (!info || info.item !== item) continue;
      if (item.type === 'display') continue;
      // an unanswered question with nothing under it gives nothing, enabled or not: skip its enableWhen (most of a
      // long form is unanswered, and the expression engine builds a response on every answer)
      if (item.type !== 'group' && !item.item?.length && isEmptyAnswer(scope[info.linkId])) continue;
      if (!this.evaluator.isEnabled(info.linkId, path)) continue; // SDC: answers of disabled items are not kept
      const base = (): QuestionnaireResponseItem => {
        const r: QuestionnaireResponseItem = { linkId: info.linkId };
        if (item.definition) r.definition = item.definition;
        if (this.includeText && item.text) r.text = item.text;
        return r;
      };
      if (item.type === 'group') {
        if (info.repeats) {
          const raw = scope[info.linkId];
          if (raw !== undefined && raw !== null && !Array.isArray(raw)) this.issues.push({ linkId: info.linkId, severity: 'error', reason: 'repeating group answers must be an array of objects' });
          (Array.isArray(raw) ? raw : []).forEach((inst, k) => {
            if (!isPlainObject(inst)) {
              this.issues.push({ linkId: info.linkId, severity: 'error', reason: `instance ${k} is not an object` });
              return;
            }
            const children = this.items(item.item, inst as AnswerData, [...path, { group: info.linkId, index: k }]);
            if (children.length > 0) out.push({ ...base(), item: children });
          });
        } else {
          const children = this.items(item.item, scope, path);
          if (children.length > 0) out.push({ ...base(), item: children });
        }
        continue;
      }
      let values = valuesOf(scope, info.linkId);
      if (!info.repeats && values.length > 1) {
        this.issues.push({ linkId: info.linkId, severity: 'warning', reason: 'several answers for a non-repeating item: only the first is kept' });
        values = values.slice(0, 1);
      }
      const answers: QuestionnaireResponseItemAnswer[] = [];
      for (const v of values) {
        const a = toAnswer(info, v);
        if (typeof a === 'string') this.issues.push({ linkId: info.linkId, severity: 'error', reason: `answer left out: ${a}` });
        else answers.push(a);
      }
      const children = this.items(item.item, scope, path);
      if (answers.length === 0) {
        if (children.length > 0) this.issues.push({ linkId: info.linkId, severity: 'warning', reason: 'answers to items nested under an unanswered question are left out' });
        continue;
      }
      if (children.length > 0) answers[0]!.item = children;
      out.push({ ...base(), answer: answers });
    }
    return out;
  }
}

function readQuestionnaire(input: unknown, limits?: Partial<InputLimits>): Result<Questionnaire> {
  const read = readJsonInput(input, resolveLimits(limits));
  if (!read.ok) return read;
  if (read.value.resourceType !== 'Questionnaire') return fail('not-a-questionnaire');
  return ok(read.value as unknown as Questionnaire);
}

/**
 * Build a QuestionnaireResponse from a Questionnaire and answer data keyed by linkId.
 * Answers of items disabled by enableWhen are removed (evaluated here, without survey-core); answers that do not
 * fit their item are left out and reported. Never throws.
 */
export function buildQuestionnaireResponse(questionnaire: unknown, answers: AnswerData, options: ResponseOptions = {}): Result<ResponseResult> {
  return guard(() => {
    const qr = readQuestionnaire(questionnaire, options.limits);
    if (!qr.ok) return qr;
    const q = qr.value;
    if (!isPlainObject(answers)) return fail('invalid-answer', {}, 'Answer data must be an object keyed by linkId.');
    const { index, cycle } = indexQuestionnaire(q);
    if (cycle) return fail('enable-when-cycle', { linkIds: cycle.join(' → ') });
    return buildIndexedResponse(q, index, answers, options);
  });
}

/**
 * `buildQuestionnaireResponse` for a Questionnaire already read, checked and indexed (without an enableWhen
 * cycle): for a caller that builds many responses to one Questionnaire (the expression engine, on every answer),
 * the Questionnaire is not read and indexed again each time. Never throws.
 */
export function buildIndexedResponse(q: Questionnaire, index: Map<string, ItemInfo>, answers: AnswerData, options: ResponseOptions = {}): Result<ResponseResult> {
  return guard(() => {
    if (!isPlainObject(answers)) return fail('invalid-answer', {}, 'Answer data must be an object keyed by linkId.');
    const builder = new Builder(index, new EnableWhenEvaluator(index, answers, options.enabledByExpression), options.includeText !== false);
    let items: QuestionnaireResponseItem[];
    try {
      items = builder.items(q.item, answers, []);
    } catch (e) {
      if (e instanceof HkFhirError) return { ok: false, error: e };
      throw e;
    }
    const response: QuestionnaireResponse = { resourceType: 'QuestionnaireResponse', status: options.status ?? 'completed' };
    if (options.id) response.id = options.id;
    if (q.url) response.questionnaire = q.version ? `${q.url}|${q.version}` : q.url;
    else builder.issues.push({ linkId: '', severity: 'warning', reason: 'the Questionnaire has no url: QuestionnaireResponse.questionnaire is not set' });
    if (options.subject) response.subject = options.subject;
    if (options.encounter) response.encounter = options.encounter;
    response.authored = options.authored ?? new Date().toISOString();
    if (options.author) response.author = options.author;
    if (options.source) response.source = options.source;
    if (items.length > 0) response.item = items;
    return ok({ response, issues: builder.issues });
  });
}

function fromAnswer(info: ItemInfo | undefined, a: QuestionnaireResponseItemAnswer): AnswerValue | undefined {
  if (a.valueCoding) {
    const c = a.valueCoding;
    const opt = info?.options.find((o) => o.coding?.code === c.code && (!o.coding?.system || !c.system || o.coding.system === c.system));
    return opt ? opt.key : { ...c };
  }
  if (a.valueQuantity && typeof a.valueQuantity.value === 'number') {
    const q = a.valueQuantity;
    return { value: q.value!, ...(q.unit ? { unit: q.unit } : {}), ...(q.system ? { system: q.system } : {}), ...(q.code ? { code: q.code } : {}) };
  }
  if (a.valueAttachment) return { ...a.valueAttachment };
  if (info && (info.type === 'choice' || info.type === 'open-choice')) {
    const prim = a.valueString ?? a.valueInteger ?? a.valueDate ?? a.valueTime;
    if (prim !== undefined) {
      const opt = info.options.find((o) => o.valueString === prim || o.valueInteger === prim || o.valueDate === prim || o.valueTime === prim);
      return opt ? opt.key : prim;
    }
  }
  for (const v of [a.valueBoolean, a.valueDecimal, a.valueInteger, a.valueDate, a.valueDateTime, a.valueTime, a.valueString, a.valueUri]) {
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * The reverse: a QuestionnaireResponse → answer data keyed by linkId (for prefill and read-only display).
 * Coded answers that match an option become the option key; other codings stay Codings.
 */
export function responseToAnswers(questionnaire: unknown, response: unknown, options: { limits?: Partial<InputLimits> } = {}): Result<{ answers: AnswerData; issues: MappingIssue[] }> {
  return guard(() => {
    const qr = readQuestionnaire(questionnaire, options.limits);
    if (!qr.ok) return qr;
    const read = readJsonInput(response, resolveLimits(options.limits));
    if (!read.ok) return read;
    if (read.value.resourceType !== 'QuestionnaireResponse') return fail('not-a-questionnaire-response');
    const r = read.value as unknown as QuestionnaireResponse;
    const { index } = indexQuestionnaire(qr.value);
    const issues: MappingIssue[] = [];
    const walk = (items: QuestionnaireResponseItem[] | undefined, scope: AnswerData) => {
      for (const it of items ?? []) {
        if (!it || typeof it.linkId !== 'string') continue;
        const info = index.get(it.linkId);
        if (!info) {
          issues.push({ linkId: it.linkId, severity: 'warning', reason: 'no such item in the Questionnaire: answers ignored' });
          continue;
        }
        if (info.type === 'group') {
          if (info.repeats) {
            const arr = (Array.isArray(scope[it.linkId]) ? scope[it.linkId] : (scope[it.linkId] = [])) as AnswerData[];
            const inst: AnswerData = {};
            arr.push(inst);
            walk(it.item, inst);
          } else walk(it.item, scope);
          continue;
        }
        const values: AnswerValue[] = [];
        for (const a of it.answer ?? []) {
          const v = fromAnswer(info, a);
          if (v !== undefined) values.push(v);
          else issues.push({ linkId: it.linkId, severity: 'warning', reason: 'answer type not read (valueReference?)' });
          if (a.item) walk(a.item, scope);
        }
        if (it.item) walk(it.item, scope);
        if (values.length > 0) scope[it.linkId] = info.repeats ? values : values[0];
      }
    };
    const answers: AnswerData = {};
    walk(r.item, answers);
    return ok({ answers, issues });
  });
}
