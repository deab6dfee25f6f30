import type { Expression, Extension, Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4';
import type { AnswerData } from './answers.js';
import { fail, guard, ok, toHkFhirError, type Result } from './errors.js';
import { readJsonInput, resolveLimits, type InputLimits } from './input.js';
import { EXT, indexOnce, type ItemInfo } from './item-index.js';
import type { MappingIssue } from './questionnaire-to-survey.js';
import { buildIndexedResponse } from './questionnaire-response.js';

type FhirpathModule = typeof import('fhirpath');
type FhirpathModel = Parameters<FhirpathModule['evaluate']>[3];

export type ExpressionKind = 'variable' | 'calculated' | 'enableWhen' | 'initial';

export interface ExpressionDef {
  /** `kind:linkId` for item expressions, `variable:name@linkId` (or `@` for the Questionnaire). */
  id: string;
  kind: ExpressionKind;
  /** The item the expression sits on (undefined for Questionnaire-level variables). */
  linkId?: string;
  /** Variable name (for kind 'variable'). */
  name?: string;
  expression: string;
  /** linkIds the expression reads (a change to one of them or a descendant re-evaluates it), or 'all'. */
  dependsOn: ReadonlySet<string> | 'all';
  /** Variables (`%name`) it reads, resolved to their definition ids. */
  variables: readonly string[];
}

/** Names fhirpath or SDC provide that are not answers. */
const BUILTIN_VARIABLES = new Set(['resource', 'rootResource', 'context', 'questionnaire', 'qitem', 'ucum', 'sct', 'loinc', 'factory', 'terminologies', 'server', 'us-zip', 'vs', 'ext']);

/**
 * Dependencies of an expression, by reading its text: every `linkId = 'x'` (or `"x"`, `~`) names an item it reads;
 * every `%name` names a variable. An expression that reads answers without naming a linkId (for example
 * `%resource.repeat(item).answer.value.sum()` or a relative `answer.value`) depends on everything: we cannot tell
 * what it reads, so any change re-evaluates it.
 */
export function parseDependencies(expression: string): { linkIds: Set<string>; variables: Set<string>; all: boolean } {
  const linkIds = new Set<string>();
  const variables = new Set<string>();
  const linkRe = /linkId\s*(?:=|~)\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;
  for (const m of expression.matchAll(linkRe)) linkIds.add((m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'));
  for (const m of expression.matchAll(/%([A-Za-z_][A-Za-z0-9_]*)/g)) if (!BUILTIN_VARIABLES.has(m[1]!)) variables.add(m[1]!);
  const readsAnswers = /%resource|%rootResource|%context|\banswer\b|\bitem\b/.test(expression);
  return { linkIds, variables, all: readsAnswers && linkIds.size === 0 };
}

function expressionOf(e: Extension): Expression | undefined {
  const x = e.valueExpression;
  return x && typeof x.expression === 'string' ? x : undefined;
}

/** Collect the SDC expressions of a Questionnaire with their dependencies. */
export function collectExpressions(q: Questionnaire, index: Map<string, ItemInfo>): { defs: ExpressionDef[]; issues: MappingIssue[] } {
  const issues: MappingIssue[] = [];
  type Raw = { kind: ExpressionKind; linkId?: string; name?: string; expression: string; scope: string[] };
  const raws: Raw[] = [];
  const take = (el: { extension?: Extension[] }, info: ItemInfo | undefined) => {
    for (const e of el.extension ?? []) {
      const kind: ExpressionKind | undefined =
        e.url === EXT.variable ? 'variable' : e.url === EXT.calculatedExpression ? 'calculated' : e.url === EXT.enableWhenExpression ? 'enableWhen' : e.url === EXT.initialExpression ? 'initial' : undefined;
      if (!kind) continue;
      const x = expressionOf(e);
      const linkId = info?.linkId ?? '';
      if (!x) {
        issues.push({ linkId, severity: 'warning', reason: `${kind} expression without valueExpression.expression` });
        continue;
      }
      if (x.language && x.language !== 'text/fhirpath') {
        issues.push({ linkId, severity: 'warning', reason: `${kind} expression in ${x.language} is not supported (only text/fhirpath)` });
        continue;
      }
      if (kind === 'variable' && !x.name) {
        issues.push({ linkId, severity: 'warning', reason: 'variable without a name' });
        continue;
      }
      if (/\b(weight|ordinal)\(\)/.test(x.expression!)) {
        issues.push({ linkId, severity: 'warning', reason: `${kind} expression uses weight()/ordinal(), which fhirpath runs asynchronously: not supported by the synchronous engine, the expression reports an error` });
      }
      if (info && info.repeatingGroups.length > 0) issues.push({ linkId, severity: 'warning', reason: `${kind} expression inside a repeating group: evaluated once, in the first instance` });
      raws.push({ kind, linkId: info?.linkId, name: x.name, expression: x.expression!, scope: info ? [...info.ancestors, info.linkId] : [] });
    }
  };
  take(q, undefined);
  for (const info of index.values()) take(info.item, info);

  const variableId = (name: string, scope: string[]): string | undefined => {
    // nearest definition: the item itself, then its ancestors, then the Questionnaire
    for (let i = scope.length; i >= 0; i--) {
      const at = i === 0 ? undefined : scope[i - 1];
      const found = raws.find((r) => r.kind === 'variable' && r.name === name && r.linkId === at);
      if (found) return `variable:${name}@${at ?? ''}`;
    }
    return undefined;
  };
  const defs = raws.map((r): ExpressionDef => {
    const d = parseDependencies(r.expression);
    const vars: string[] = [];
    for (const v of d.variables) {
      const id = variableId(v, r.scope);
      if (id) vars.push(id);
      else issues.push({ linkId: r.linkId ?? '', severity: 'info', reason: `%${v} is not a variable of this Questionnaire (launch context?): evaluated as empty` });
    }
    if (d.all) issues.push({ linkId: r.linkId ?? '', severity: 'info', reason: `expression reads answers without naming linkIds: re-evaluated on every change (${r.kind})` });
    const id = r.kind === 'variable' ? `variable:${r.name}@${r.linkId ?? ''}` : `${r.kind}:${r.linkId}`;
    return { id, kind: r.kind, linkId: r.linkId, name: r.name, expression: r.expression, dependsOn: d.all ? 'all' : d.linkIds, variables: vars };
  });
  return { defs, issues };
}

export function hasSdcExpressions(q: Questionnaire): boolean {
  const urls: string[] = [EXT.variable, EXT.calculatedExpression, EXT.enableWhenExpression, EXT.initialExpression];
  const stack: Array<{ extension?: Extension[]; item?: QuestionnaireItem[] }> = [q];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.extension?.some((e) => urls.includes(e?.url))) return true;
    for (const i of el.item ?? []) if (i) stack.push(i);
  }
  return false;
}

export interface ExpressionResults {
  /** calculatedExpression values per linkId (only those evaluated in this pass). */
  calculated: Map<string, unknown[]>;
  /** enableWhenExpression results per linkId (only those evaluated in this pass). */
  enabled: Map<string, boolean>;
  /** initialExpression values (evaluateAll only). */
  initial: Map<string, unknown[]>;
  /** Ids of the expressions evaluated in this pass, in order. */
  evaluated: string[];
  errors: Array<{ id: string; message: string }>;
}

export interface ExpressionEngine {
  readonly definitions: readonly ExpressionDef[];
  readonly issues: readonly MappingIssue[];
  /** How often each expression has been evaluated, by id. */
  readonly evaluationCounts: ReadonlyMap<string, number>;
  /** Evaluate everything (at start): initial, variables, calculated, enableWhen. */
  evaluateAll(answers: AnswerData): ExpressionResults;
  /** After `changed` linkIds changed: evaluate only what depends on them (and on what that changes, in order). */
  update(changed: Iterable<string>, answers: AnswerData): ExpressionResults;
}

export interface ExpressionEngineOptions {
  limits?: Partial<InputLimits>;
  /** Loads fhirpath; default a dynamic import. Called only when the Questionnaire has SDC expressions. */
  loadFhirpath?: () => Promise<{ fhirpath: FhirpathModule; model: FhirpathModel }>;
}

const defaultLoad = async () => {
  const [fp, { questionnaireModel }] = await Promise.all([import('fhirpath'), import('./fhirpath-model.js')]);
  const fhirpath = ((fp as unknown as { default?: FhirpathModule }).default ?? fp) as FhirpathModule;
  return { fhirpath, model: questionnaireModel() };
};

/** Order definitions so that each comes after what it reads (variables, calculated items). Cycles: kept in place. */
function topoOrder(defs: ExpressionDef[], index: Map<string, ItemInfo>): { order: ExpressionDef[]; cyclic: string[] } {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const calculatedBy = new Map(defs.filter((d) => d.kind === 'calculated').map((d) => [d.linkId!, d.id]));
  const reads = (d: ExpressionDef): string[] => {
    const out = [...d.variables];
    if (d.dependsOn === 'all') {
      for (const id of calculatedBy.values()) if (id !== d.id) out.push(id);
    } else {
      for (const [linkId, id] of calculatedBy) {
        if (id === d.id) continue;
        const info = index.get(linkId);
        if (d.dependsOn.has(linkId) || info?.ancestors.some((a) => d.dependsOn !== 'all' && d.dependsOn.has(a))) out.push(id);
      }
    }
    return out.filter((id) => byId.has(id));
  };
  const order: ExpressionDef[] = [];
  const state = new Map<string, 1 | 2>();
  const cyclic: string[] = [];
  const visit = (d: ExpressionDef) => {
    const stack: Array<{ d: ExpressionDef; next: string[]; i: number }> = [{ d, next: reads(d), i: 0 }];
    state.set(d.id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.next.length) {
        state.set(top.d.id, 2);
        order.push(top.d);
        stack.pop();
        continue;
      }
      const n = byId.get(top.next[top.i++]!)!;
      const s = state.get(n.id);
      if (s === 1) cyclic.push(n.id);
      else if (s === undefined) {
        state.set(n.id, 1);
        stack.push({ d: n, next: reads(n), i: 0 });
      }
    }
  };
  for (const d of defs) if (!state.has(d.id)) visit(d);
  return { order, cyclic };
}

function findResponseItem(items: QuestionnaireResponseItem[] | undefined, linkId: string): QuestionnaireResponseItem | undefined {
  const stack = [...(items ?? [])];
  while (stack.length) {
    const it = stack.shift()!;
    if (it.linkId === linkId) return it;
    stack.push(...(it.item ?? []));
    for (const a of it.answer ?? []) stack.push(...(a.item ?? []));
  }
  return undefined;
}

/**
 * Create the expression engine for a Questionnaire. fhirpath is imported (dynamically) only when the
 * Questionnaire has SDC expressions; otherwise the engine has no definitions and evaluates nothing. Never throws.
 */
export async function createExpressionEngine(questionnaire: unknown, options: ExpressionEngineOptions = {}): Promise<Result<ExpressionEngine>> {
  const read = guard(() => {
    const r = readJsonInput(questionnaire, resolveLimits(options.limits));
    if (!r.ok) return r;
    if (r.value.resourceType !== 'Questionnaire') return fail('not-a-questionnaire');
    return ok(r.value as unknown as Questionnaire);
  });
  if (!read.ok) return read;
  const q = read.value;
  try {
    const { index, cycle: enableWhenCycle } = indexOnce(q);
    const { defs, issues } = collectExpressions(q, index);
    let fp: { fhirpath: FhirpathModule; model: FhirpathModel } | undefined;
    if (defs.length > 0) {
      try {
        fp = await (options.loadFhirpath ?? defaultLoad)();
      } catch (e) {
        return fail('expression-failed', {}, `fhirpath could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const { order, cyclic } = topoOrder(defs, index);
    for (const id of new Set(cyclic)) issues.push({ linkId: '', severity: 'warning', reason: `expression ${id} is part of a dependency cycle: evaluated once per pass` });
    return ok(new Engine(q, index, order, issues, fp, enableWhenCycle !== undefined));
  } catch (e) {
    return { ok: false, error: toHkFhirError(e) };
  }
}

class Engine implements ExpressionEngine {
  readonly evaluationCounts = new Map<string, number>();
  private readonly variableValues = new Map<string, unknown[]>();
  /** Each expression parsed once (fhirpath's `evaluate` parses the text on every call), by definition id. */
  private readonly compiled = new Map<string, (resource: unknown, env: unknown) => unknown>();

  constructor(
    private readonly q: Questionnaire,
    private readonly index: Map<string, ItemInfo>,
    readonly definitions: readonly ExpressionDef[],
    readonly issues: readonly MappingIssue[],
    private readonly fp: { fhirpath: FhirpathModule; model: FhirpathModel } | undefined,
    /** The Questionnaire's enableWhen conditions form a cycle: no response can be built (expressions see none). */
    private readonly enableWhenCycle: boolean,
  ) {}

  evaluateAll(answers: AnswerData): ExpressionResults {
    return this.run(this.definitions, answers, true);
  }

  update(changed: Iterable<string>, answers: AnswerData): ExpressionResults {
    const dirty = new Set(changed);
    const dirtyVars = new Set<string>();
    const affected = (d: ExpressionDef) => {
      if (d.kind === 'initial') return false;
      if (d.variables.some((v) => dirtyVars.has(v))) return true;
      if (d.dependsOn === 'all') return dirty.size > 0;
      for (const linkId of dirty) {
        if (d.dependsOn.has(linkId)) return true;
        if (this.index.get(linkId)?.ancestors.some((a) => (d.dependsOn as ReadonlySet<string>).has(a))) return true;
      }
      return false;
    };
    return this.run(this.definitions, answers, false, affected, dirty, dirtyVars);
  }

  private run(
    defs: readonly ExpressionDef[],
    answers: AnswerData,
    all: boolean,
    affected?: (d: ExpressionDef) => boolean,
    dirty?: Set<string>,
    dirtyVars?: Set<string>,
  ): ExpressionResults {
    const results: ExpressionResults = { calculated: new Map(), enabled: new Map(), initial: new Map(), evaluated: [], errors: [] };
    if (!this.fp) return results;
    let working: AnswerData = answers;
    let response: QuestionnaireResponse | undefined;
    const responseNow = () => {
      if (!response) {
        // read and indexed once, when the engine was made: a pass costs building the response, not reading the form
        const built = this.enableWhenCycle ? undefined : buildIndexedResponse(this.q, this.index, working, { status: 'in-progress', authored: '1970-01-01', includeText: false });
        response = built?.ok ? built.value.response : { resourceType: 'QuestionnaireResponse', status: 'in-progress' };
      }
      return response;
    };
    for (const d of defs) {
      if (!all && !affected!(d)) continue;
      if (all && d.kind === 'initial' && Object.keys(answers).length > 0 && answers[d.linkId!] !== undefined) continue;
      const value = this.evaluate(d, responseNow(), results);
      if (value === undefined) continue;
      if (d.kind === 'variable') {
        const before = JSON.stringify(this.variableValues.get(d.id) ?? null);
        this.variableValues.set(d.id, value);
        if (before !== JSON.stringify(value)) dirtyVars?.add(d.id);
      } else if (d.kind === 'calculated') {
        results.calculated.set(d.linkId!, value);
        const before = JSON.stringify(working[d.linkId!] ?? null);
        const next = value.length === 0 ? undefined : this.index.get(d.linkId!)?.repeats ? value : value[0];
        if (before !== JSON.stringify(next ?? null)) {
          working = { ...working, [d.linkId!]: next as AnswerData[string] };
          response = undefined;
          dirty?.add(d.linkId!);
        }
      } else if (d.kind === 'enableWhen') {
        results.enabled.set(d.linkId!, value[0] === true);
      } else {
        results.initial.set(d.linkId!, value);
      }
    }
    return results;
  }

  private evaluate(d: ExpressionDef, response: QuestionnaireResponse, results: ExpressionResults): unknown[] | undefined {
    const { fhirpath, model } = this.fp!;
    this.evaluationCounts.set(d.id, (this.evaluationCounts.get(d.id) ?? 0) + 1);
    results.evaluated.push(d.id);
    const env: Record<string, unknown> = { resource: response, rootResource: response, questionnaire: this.q };
    if (d.linkId) env.qitem = this.index.get(d.linkId)?.item;
    for (const v of d.variables) env[v.slice('variable:'.length, v.indexOf('@'))] = this.variableValues.get(v) ?? [];
    try {
      const context = d.linkId ? (findResponseItem(response.item, d.linkId) ?? { linkId: d.linkId }) : response;
      env.context = context;
      let run = this.compiled.get(d.id);
      if (!run) {
        const path = d.linkId ? { base: 'QuestionnaireResponse.item', expression: d.expression } : d.expression;
        run = fhirpath.compile(path, model, { async: false } as never) as unknown as (resource: unknown, env: unknown) => unknown;
        this.compiled.set(d.id, run);
      }
      const out = run(context, env);
      const list = Array.isArray(out) ? out : [out];
      return fhirpath.resolveInternalTypes(list) as unknown[];
    } catch (e) {
      results.errors.push({ id: d.id, message: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  }
}
