import type { Attachment, Coding, QuestionnaireItemEnableWhen } from 'fhir/r4';
import { HkFhirError } from './errors.js';
import type { ItemInfo } from './item-index.js';

/** A quantity answer in answer data: a number alone is also accepted for `quantity` items. */
export interface AnswerQuantity {
  value: number;
  unit?: string;
  system?: string;
  code?: string;
}

/**
 * One answer value in answer data:
 * boolean; number (decimal, integer, quantity, or an integer option); string (text types, dates as ISO strings,
 * the option key of a choice, or the free text of an open-choice); a Coding; a quantity; an Attachment.
 */
export type AnswerValue = boolean | number | string | Coding | AnswerQuantity | Attachment;

/**
 * Answers keyed by linkId. Non-repeating groups do not nest (their children sit in the same object, as linkIds
 * are unique); a repeating question holds an array of values; a repeating group holds an array of AnswerData,
 * one per instance.
 */
export interface AnswerData {
  [linkId: string]: AnswerValue | AnswerValue[] | AnswerData[] | null | undefined;
}

/** Where an item instance sits: one entry per enclosing repeating group, outermost first. */
export type InstancePath = ReadonlyArray<{ group: string; index: number }>;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isEmptyAnswer(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** The values of a question in one scope, as a list (repeats or not). */
export function valuesOf(scope: AnswerData, linkId: string): AnswerValue[] {
  const raw = scope[linkId];
  if (isEmptyAnswer(raw)) return [];
  const list = (Array.isArray(raw) ? raw : [raw]) as unknown[];
  return list.filter((v) => !isEmptyAnswer(v)) as AnswerValue[];
}

export type Comparable =
  | { kind: 'coding'; system?: string; code: string }
  | { kind: 'number'; value: number; unit?: string }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean };

/** Normalize an answer value of `info` to something enableWhen can compare. */
export function comparableAnswer(info: ItemInfo, v: AnswerValue): Comparable | undefined {
  if (info.type === 'choice' || info.type === 'open-choice') {
    if (typeof v === 'string' || typeof v === 'number') {
      const opt = info.options.find((o) => o.key === v);
      if (opt?.coding?.code) return { kind: 'coding', system: opt.coding.system, code: opt.coding.code };
      if (opt?.valueInteger !== undefined) return { kind: 'number', value: opt.valueInteger };
      if (typeof v === 'number') return { kind: 'number', value: v };
      return { kind: 'string', value: v };
    }
    if (isPlainObject(v) && typeof v.code === 'string') return { kind: 'coding', system: v.system as string | undefined, code: v.code };
    return undefined;
  }
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (isPlainObject(v) && typeof v.value === 'number') return { kind: 'number', value: v.value, unit: (v.code ?? v.unit) as string | undefined };
  return undefined;
}

/** The expected value of an enableWhen, or undefined for answer types we do not compare (answerReference). */
export function comparableExpected(c: QuestionnaireItemEnableWhen): Comparable | undefined {
  if (c.answerCoding?.code) return { kind: 'coding', system: c.answerCoding.system, code: c.answerCoding.code };
  if (typeof c.answerBoolean === 'boolean') return { kind: 'boolean', value: c.answerBoolean };
  if (typeof c.answerDecimal === 'number') return { kind: 'number', value: c.answerDecimal };
  if (typeof c.answerInteger === 'number') return { kind: 'number', value: c.answerInteger };
  if (c.answerQuantity && typeof c.answerQuantity.value === 'number') return { kind: 'number', value: c.answerQuantity.value, unit: c.answerQuantity.code ?? c.answerQuantity.unit };
  for (const s of [c.answerDate, c.answerDateTime, c.answerTime, c.answerString]) if (typeof s === 'string') return { kind: 'string', value: s };
  return undefined;
}

function equal(a: Comparable, b: Comparable): boolean {
  if (a.kind === 'coding' && b.kind === 'coding') return a.code === b.code && (!a.system || !b.system || a.system === b.system);
  // a valueString option compared with answerCoding (or the reverse): compare the code text
  if (a.kind === 'coding' && b.kind === 'string') return a.code === b.value;
  if (a.kind === 'string' && b.kind === 'coding') return a.value === b.code;
  if (a.kind === 'number' && b.kind === 'number') return a.value === b.value && (!a.unit || !b.unit || a.unit === b.unit);
  if (a.kind === 'string' && b.kind === 'string') return a.value === b.value;
  if (a.kind === 'boolean' && b.kind === 'boolean') return a.value === b.value;
  return false;
}

function order(a: Comparable, b: Comparable): number | undefined {
  if (a.kind === 'number' && b.kind === 'number') return a.value - b.value;
  if (a.kind === 'string' && b.kind === 'string') return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  return undefined;
}

/**
 * One enableWhen condition against the (enabled) answers of its question.
 * Semantics (R4/SDC): `exists` compares presence; `=` and the orderings are true when ANY answer satisfies them;
 * `!=` is true when NO answer equals the value (so also when the question is unanswered).
 */
export function evaluateCondition(c: QuestionnaireItemEnableWhen, answers: Comparable[]): boolean {
  if (c.operator === 'exists') return (answers.length > 0) === (c.answerBoolean === true);
  const expected = comparableExpected(c);
  if (!expected) return false;
  switch (c.operator) {
    case '=':
      return answers.some((a) => equal(a, expected));
    case '!=':
      return !answers.some((a) => equal(a, expected));
    case '>':
    case '<':
    case '>=':
    case '<=': {
      return answers.some((a) => {
        const d = order(a, expected);
        if (d === undefined) return false;
        return c.operator === '>' ? d > 0 : c.operator === '<' ? d < 0 : c.operator === '>=' ? d >= 0 : d <= 0;
      });
    }
    default:
      return false;
  }
}

/**
 * Evaluates enableWhen over answer data, following SDC: an item is enabled when its parent is enabled and its
 * conditions hold (any/all per enableBehavior), where a disabled question counts as unanswered. Inside a repeating
 * group, a question of the same instance is used; a question in a repeating group the item is not inside counts
 * with the answers of every instance.
 */
export class EnableWhenEvaluator {
  private readonly memo = new Map<string, boolean>();
  private readonly visiting = new Set<string>();

  /**
   * @param overrides enablement decided elsewhere, by linkId (SDC enableWhenExpression results): `false` disables
   *   the item (and so its descendants) whatever its enableWhen says.
   */
  constructor(
    private readonly index: Map<string, ItemInfo>,
    private readonly answers: AnswerData,
    private readonly overrides?: ReadonlyMap<string, boolean>,
  ) {}

  /** Throws HkFhirError('enable-when-cycle') when enablement depends on itself (callers catch it). */
  isEnabled(linkId: string, path: InstancePath = []): boolean {
    const info = this.index.get(linkId);
    if (!info) return false;
    const own = path.slice(0, info.repeatingGroups.length);
    const key = `${linkId}@${own.map((p) => `${p.group}#${p.index}`).join('/')}`;
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached;
    if (this.visiting.has(key)) throw new HkFhirError('enable-when-cycle', { linkId });
    this.visiting.add(key);
    try {
      let enabled = info.parentLinkId ? this.isEnabled(info.parentLinkId, own) : true;
      if (this.overrides?.get(linkId) === false) enabled = false;
      const conditions = info.item.enableWhen ?? [];
      if (enabled && conditions.length > 0) {
        const results = conditions.map((c) => evaluateCondition(c, this.enabledAnswers(c.question, own)));
        enabled = info.item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
      }
      this.memo.set(key, enabled);
      return enabled;
    } finally {
      this.visiting.delete(key);
    }
  }

  /** Comparable answers of `linkId` as seen from `path`, leaving out instances where it is disabled. */
  enabledAnswers(linkId: string, path: InstancePath): Comparable[] {
    const target = this.index.get(linkId);
    if (!target) return [];
    const out: Comparable[] = [];
    for (const { scope, path: targetPath } of scopesFor(target, this.answers, path)) {
      const values = valuesOf(scope, linkId);
      if (values.length === 0 || !this.isEnabled(linkId, targetPath)) continue;
      for (const v of values) {
        const c = comparableAnswer(target, v);
        if (c) out.push(c);
      }
    }
    return out;
  }
}

/** The answer-data scopes holding `target` as seen from `path` (one per matching repeating-group instance). */
export function scopesFor(target: ItemInfo, answers: AnswerData, path: InstancePath): Array<{ scope: AnswerData; path: InstancePath }> {
  let scopes: Array<{ scope: AnswerData; path: InstancePath }> = [{ scope: answers, path: [] }];
  target.repeatingGroups.forEach((group, i) => {
    const next: typeof scopes = [];
    const at = path[i];
    for (const s of scopes) {
      const arr = s.scope[group];
      if (!Array.isArray(arr)) continue;
      if (at && at.group === group) {
        const inst = arr[at.index];
        if (isPlainObject(inst)) next.push({ scope: inst as AnswerData, path: [...s.path, { group, index: at.index }] });
      } else {
        arr.forEach((inst, index) => {
          if (isPlainObject(inst)) next.push({ scope: inst as AnswerData, path: [...s.path, { group, index }] });
        });
      }
    }
    scopes = next;
  });
  return scopes;
}
