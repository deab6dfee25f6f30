import type { Attachment, Coding } from 'fhir/r4';
import { isPlainObject, type AnswerData, type AnswerQuantity, type AnswerValue } from './answers.js';
import { isArrayValued, type ItemInfo } from './item-index.js';

/** survey-core data: keyed by element names, repeating groups and repeated primitives as arrays of objects. */
export type SurveyData = Record<string, unknown>;

interface SurveyFile {
  name?: string;
  type?: string;
  content?: string;
}

/** A repeating question without options: survey-core holds it as a list of `{ value }` rows. */
export const isRepeatedPrimitive = (info: ItemInfo) =>
  info.repeats && info.type !== 'group' && info.type !== 'choice' && info.type !== 'open-choice' && info.type !== 'attachment' && info.options.length === 0;

const byNameCache = new WeakMap<Map<string, ItemInfo>, Map<string, ItemInfo>>();

/** The index by element name (made once per index: it is converted on every answer). */
function byName(index: Map<string, ItemInfo>): Map<string, ItemInfo> {
  let m = byNameCache.get(index);
  if (!m) {
    m = new Map();
    for (const info of index.values()) m.set(info.name, info);
    byNameCache.set(index, m);
  }
  return m;
}

function fileToAttachment(f: unknown): Attachment | undefined {
  if (!isPlainObject(f)) return undefined;
  const file = f as SurveyFile & Attachment;
  if (typeof file.content === 'string') {
    const m = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(file.content);
    const att: Attachment = {};
    if (file.type || m?.[1]) att.contentType = file.type || m?.[1];
    if (file.name) att.title = file.name;
    if (m?.[2]) att.data = m[3];
    else att.url = file.content;
    return att;
  }
  if (file.contentType || file.data || file.url) return file as Attachment;
  return undefined;
}

function attachmentToFile(a: AnswerValue): SurveyFile | undefined {
  if (!isPlainObject(a)) return undefined;
  const att = a as Attachment;
  const content = att.data ? `data:${att.contentType ?? 'application/octet-stream'};base64,${att.data}` : att.url;
  return { name: att.title ?? 'file', type: att.contentType, content };
}

function fromSurveyValue(info: ItemInfo, v: unknown): AnswerValue | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (info.type === 'quantity' && typeof v === 'number') {
    const q: AnswerQuantity = { value: v };
    if (info.unit) {
      q.unit = info.unit.display ?? info.unit.code;
      if (info.unit.system) q.system = info.unit.system;
      if (info.unit.code) q.code = info.unit.code;
    }
    return q;
  }
  if ((info.type === 'decimal' || info.type === 'integer' || info.type === 'quantity') && typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) {
    return fromSurveyValue(info, Number(v));
  }
  if (info.type === 'attachment') return fileToAttachment(v);
  return v as AnswerValue;
}

/** survey-core data (keyed by element name) → answer data keyed by linkId. Unknown keys are left out. */
export function surveyDataToAnswers(data: SurveyData, index: Map<string, ItemInfo>): AnswerData {
  const names = byName(index);
  const convert = (scope: Record<string, unknown>): AnswerData => {
    const out: AnswerData = {};
    for (const [key, raw] of Object.entries(scope)) {
      const info = names.get(key);
      if (!info || raw === undefined || raw === null) continue;
      if (info.type === 'group' && info.repeats) {
        if (Array.isArray(raw)) out[info.linkId] = raw.filter(isPlainObject).map((inst) => convert(inst));
      } else if (isRepeatedPrimitive(info)) {
        if (Array.isArray(raw)) {
          out[info.linkId] = raw
            .map((row) => (isPlainObject(row) ? fromSurveyValue(info, row.value) : fromSurveyValue(info, row)))
            .filter((v): v is AnswerValue => v !== undefined);
        }
      } else if (Array.isArray(raw)) {
        const values = raw.map((v) => fromSurveyValue(info, v)).filter((v): v is AnswerValue => v !== undefined);
        out[info.linkId] = info.repeats ? values : values[0];
      } else {
        const v = fromSurveyValue(info, raw);
        if (v !== undefined) out[info.linkId] = v;
      }
    }
    return out;
  };
  return convert(data);
}

function toSurveyValue(info: ItemInfo, v: AnswerValue): unknown {
  if (info.type === 'attachment') return attachmentToFile(v);
  if (info.type === 'quantity' && isPlainObject(v) && typeof v.value === 'number') return v.value;
  if ((info.type === 'choice' || info.type === 'open-choice') && isPlainObject(v) && typeof (v as Coding).code === 'string') {
    const c = v as Coding;
    const opt = info.options.find((o) => o.coding?.code === c.code && (!o.coding?.system || !c.system || o.coding.system === c.system));
    return opt ? opt.key : (c.display ?? c.code);
  }
  return v;
}

/** Answer data keyed by linkId → survey-core data keyed by element name (for prefill). */
export function answersToSurveyData(answers: AnswerData, index: Map<string, ItemInfo>): SurveyData {
  const convert = (scope: AnswerData): SurveyData => {
    const out: SurveyData = {};
    for (const [linkId, raw] of Object.entries(scope)) {
      const info = index.get(linkId);
      if (!info || raw === undefined || raw === null) continue;
      if (info.type === 'group' && info.repeats) {
        if (Array.isArray(raw)) out[info.name] = (raw as unknown[]).filter(isPlainObject).map((inst) => convert(inst as AnswerData));
        continue;
      }
      const list = (Array.isArray(raw) ? raw : [raw]) as AnswerValue[];
      const values = list.map((v) => toSurveyValue(info, v)).filter((v) => v !== undefined);
      if (isRepeatedPrimitive(info)) out[info.name] = values.map((value) => ({ value }));
      else if (info.type === 'attachment') out[info.name] = values;
      else out[info.name] = info.repeats || isArrayValued(info) ? (info.repeats ? values : values.slice(0, 1)) : values[0];
    }
    return out;
  };
  return convert(answers);
}
