/**
 * Pure triage rules: answers in, disposition and reason out. No DOM, no machine, no clock.
 *
 * "Vet ikke" semantics (the safety rule, docs/protocols.md): a dont-know answer is read as every concrete answer
 * the question allows (yes and no; each option; each numeric band the protocol's thresholds cut), and the
 * decision is the MOST urgent of all those readings, and of the literal reading. So "vet ikke" can never give a
 * less urgent disposition than any concrete answer would, including the benign one. The same goes for which
 * questions are asked: a question is asked if any reading of an earlier "vet ikke" enables it.
 * On the red-flag screen this means "vet ikke" counts as "yes".
 */
import { compileProtocol, isPlausible } from './compile.js';
import {
  DONT_KNOW,
  type TriageAnswer,
  type Answers,
  type Condition,
  type ConditionGroup,
  type ConditionNode,
  type Disposition,
  type OutcomeRule,
  type Protocol,
  type Question,
  type RedFlag,
  type YesNoDontKnow,
} from './protocol.types.js';

/** Most urgent first. `admin-service` is not an urgency level: it ranks last so any clinical rule outranks it. */
export const URGENCY_ORDER: readonly Disposition[] = [
  'call-113',
  'call-116117',
  'gp-same-day',
  'gp-appointment',
  'e-consultation',
  'self-care',
  'admin-service',
];

/** 0 is the most urgent. */
export function urgencyRank(disposition: Disposition): number {
  return URGENCY_ORDER.indexOf(disposition);
}

/** True when `a` is strictly more urgent than `b`. */
export function isMoreUrgent(a: Disposition, b: Disposition): boolean {
  return urgencyRank(a) < urgencyRank(b);
}

export function mostUrgent(dispositions: Iterable<Disposition>): Disposition | undefined {
  let best: Disposition | undefined;
  for (const d of dispositions) if (best === undefined || isMoreUrgent(d, best)) best = d;
  return best;
}

export function isDontKnow(value: TriageAnswer | undefined): boolean {
  return value === DONT_KNOW;
}

/**
 * The red-flag screen: the general 113 list first (those that fit the protocol's audience, or the person when the
 * machine narrowed the protocol to them: `protocolForPerson`), then the protocol's own.
 */
export function allRedFlags(protocol: Protocol): readonly RedFlag[] {
  return compileProtocol(protocol).redFlags;
}

export function isConditionGroup(node: ConditionNode): node is ConditionGroup {
  return 'all' in node || 'any' in node;
}

/** Every atomic condition in a tree, in document order. */
export function conditionsOf(node: ConditionNode | undefined): Condition[] {
  if (!node) return [];
  if (!isConditionGroup(node)) return [node];
  let list = conditionLists.get(node);
  if (!list) {
    const children = 'all' in node ? node.all : node.any;
    list = children.flatMap((child) => conditionsOf(child));
    conditionLists.set(node, list);
  }
  return list;
}
// Groups are asked for their conditions on every decision; protocols are immutable once in use.
const conditionLists = new WeakMap<ConditionGroup, Condition[]>();

/** Literal evaluation of one condition. Every operator except `answered` is false for an unanswered question. */
export function matchCondition(condition: Condition, answers: Answers): boolean {
  const answer = answers[condition.question];
  const { operator, value } = condition;
  if (operator === 'answered') {
    const answered = answer !== undefined;
    return value === false ? !answered : answered;
  }
  if (answer === undefined) return false;
  switch (operator) {
    case 'eq':
      return !Array.isArray(answer) && answer === value;
    case 'ne':
      return !Array.isArray(answer) && answer !== value;
    case 'gt':
      return typeof answer === 'number' && typeof value === 'number' && answer > value;
    case 'ge':
      return typeof answer === 'number' && typeof value === 'number' && answer >= value;
    case 'lt':
      return typeof answer === 'number' && typeof value === 'number' && answer < value;
    case 'le':
      return typeof answer === 'number' && typeof value === 'number' && answer <= value;
    case 'in':
      return !Array.isArray(answer) && Array.isArray(value) && (value as ReadonlyArray<string | number>).includes(answer);
    case 'includes':
      return Array.isArray(answer) && typeof value === 'string' && answer.includes(value);
    default:
      return false;
  }
}

/** Literal evaluation of a condition tree. An empty `all` is true, an empty `any` false. */
export function evaluateConditions(node: ConditionNode, answers: Answers): boolean {
  if (!isConditionGroup(node)) return matchCondition(node, answers);
  return 'all' in node
    ? node.all.every((child) => evaluateConditions(child, answers))
    : node.any.some((child) => evaluateConditions(child, answers));
}

// ---------------------------------------------------------------------------------------------------------------
// Answer domains: the concrete answers a question allows, cut into the bands the protocol's conditions can tell
// apart. Used for "vet ikke" readings here and for path enumeration in the verifier.

// Protocols are treated as immutable once in use: the conditions per question are indexed once per protocol
// object, because the verifier and "vet ikke" readings ask for answer domains many thousand times.
const conditionIndex = new WeakMap<Protocol, Map<string, Condition[]>>();

function allConditionsOnQuestion(protocol: Protocol, questionId: string): Condition[] {
  let index = conditionIndex.get(protocol);
  if (!index) {
    index = new Map();
    const trees: ConditionNode[] = [
      ...protocol.rules.map((rule) => rule.when),
      ...protocol.questions.flatMap((q) => (q.enableWhen ? [q.enableWhen] : [])),
    ];
    for (const c of trees.flatMap((tree) => conditionsOf(tree))) {
      const list = index.get(c.question) ?? [];
      list.push(c);
      index.set(c.question, list);
    }
    conditionIndex.set(protocol, index);
  }
  return index.get(questionId) ?? [];
}

function decimalsOf(question: Question): number {
  if (question.kind === 'number') return question.decimals ?? 1;
  return 0;
}

/** Numeric thresholds used in conditions on a question, sorted, unique. */
export function numericThresholds(protocol: Protocol, questionId: string): number[] {
  const values = new Set<number>();
  for (const c of allConditionsOnQuestion(protocol, questionId)) {
    if (typeof c.value === 'number') values.add(c.value);
    if (Array.isArray(c.value)) for (const v of c.value) if (typeof v === 'number') values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

/**
 * One representative per band: min, max, every threshold inside [min, max], and a value strictly between each
 * neighbouring pair when the question's precision allows one. Every value in a band satisfies the same
 * conditions, so these stand for all numbers the person could type.
 */
export function numericRepresentatives(protocol: Protocol, question: Question): number[] {
  if (question.kind !== 'number' && question.kind !== 'duration' && question.kind !== 'age') return [];
  const step = 10 ** -decimalsOf(question);
  const round = (v: number) => Math.round(v / step) * step;
  const fix = (v: number) => Number(v.toFixed(decimalsOf(question)));
  const points = [question.min, ...numericThresholds(protocol, question.id), question.max]
    .filter((v) => v >= question.min && v <= question.max)
    .map(fix);
  const sorted = [...new Set(points)].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    out.push(a);
    const b = sorted[i + 1];
    if (b === undefined) continue;
    let mid = fix(round((a + b) / 2));
    if (!(mid > a && mid < b)) mid = fix(a + step);
    if (mid > a && mid < b) out.push(mid);
  }
  return out;
}

function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [[]];
  for (const item of items) {
    const n = out.length;
    for (let i = 0; i < n; i++) out.push([...out[i]!, item]);
  }
  return out;
}

/**
 * The concrete answers a question allows, one per band the protocol can tell apart; with `includeDontKnow`,
 * also "vet ikke" where the question offers it.
 */
export function answerDomain(protocol: Protocol, question: Question, includeDontKnow = false): TriageAnswer[] {
  // Asked for on every path the verifier walks and every "vet ikke" reading: computed once per question.
  let byQuestion = domainCache.get(protocol);
  if (!byQuestion) domainCache.set(protocol, (byQuestion = new WeakMap()));
  let pair = byQuestion.get(question);
  if (!pair) byQuestion.set(question, (pair = [computeDomain(protocol, question, false), computeDomain(protocol, question, true)]));
  return pair[includeDontKnow ? 1 : 0];
}
const domainCache = new WeakMap<Protocol, WeakMap<Question, [TriageAnswer[], TriageAnswer[]]>>();

function computeDomain(protocol: Protocol, question: Question, includeDontKnow: boolean): TriageAnswer[] {
  const dk: TriageAnswer[] = includeDontKnow && allowsDontKnow(question) ? [DONT_KNOW] : [];
  switch (question.kind) {
    case 'yes-no-dontknow':
      return ['yes', 'no', ...dk];
    case 'single-choice': {
      // Options no condition names behave alike (every eq, ne and in is false, resp. true, for all of them): one
      // stands for them all, as one number stands for its band. The age bands a protocol never reads collapse so.
      const referenced = new Set(
        allConditionsOnQuestion(protocol, question.id).flatMap((c) => (Array.isArray(c.value) ? c.value : [c.value])),
      );
      const named = question.options.filter((o) => referenced.has(o.value)).map((o) => o.value);
      const other = question.options.find((o) => !referenced.has(o.value));
      return [...named, ...(other ? [other.value] : []), ...dk];
    }
    case 'multi-choice': {
      if (question.origin === 'risk') return riskDomain(protocol, question);
      // Only options some condition looks at can change anything; the rest are one band.
      const referenced = new Set(
        allConditionsOnQuestion(protocol, question.id).flatMap((c) => (typeof c.value === 'string' ? [c.value] : [])),
      );
      const relevant = question.options.filter((o) => referenced.has(o.value));
      const plain = relevant.filter((o) => !o.exclusive).map((o) => o.value);
      const exclusive = relevant.filter((o) => o.exclusive).map((o) => [o.value]);
      return [...subsets(plain), ...exclusive];
    }
    default:
      return [...numericRepresentatives(protocol, question), ...dk];
  }
}

/**
 * The shared risk question: each factor only raises the floor to its disposition, so factors with the same floor
 * are interchangeable. One representative per floor stands for them all (and keeps the path count small).
 */
function riskDomain(protocol: Protocol, question: Question & { kind: 'multi-choice' }): TriageAnswer[] {
  const byFloor = new Map<Disposition, string>();
  for (const option of question.options) {
    if (option.exclusive) continue;
    const rule = protocol.rules.find((r) => r.id === `risk-${option.value}`);
    if (rule && !byFloor.has(rule.disposition)) byFloor.set(rule.disposition, option.value);
  }
  const exclusive = question.options.filter((o) => o.exclusive).map((o) => [o.value]);
  return [...subsets([...byFloor.values()]).filter((s) => s.length > 0), ...exclusive];
}

/**
 * The concrete answers a "vet ikke" may stand for: every band, except measured values (`number`) outside the
 * question's plausible range: not knowing one's temperature is not a measured 34 °C. A duration keeps every band,
 * since not knowing how long may well mean a long time.
 */
export function readingDomain(protocol: Protocol, question: Question): TriageAnswer[] {
  let byQuestion = readingCache.get(protocol);
  if (!byQuestion) readingCache.set(protocol, (byQuestion = new WeakMap()));
  let domain = byQuestion.get(question);
  if (!domain) {
    const all = answerDomain(protocol, question);
    domain = question.kind === 'number' ? all.filter((v) => typeof v !== 'number' || isPlausible(question, v)) : all;
    byQuestion.set(question, domain);
  }
  return domain;
}
const readingCache = new WeakMap<Protocol, WeakMap<Question, TriageAnswer[]>>();

export function allowsDontKnow(question: Question): boolean {
  if (question.kind === 'yes-no-dontknow') return true;
  if (question.kind === 'multi-choice') return false;
  return question.allowDontKnow === true;
}

/** Whether a value is an acceptable answer to a question (the machine refuses others). */
export function isValidAnswer(question: Question, value: unknown): value is TriageAnswer {
  if (value === DONT_KNOW) return allowsDontKnow(question);
  switch (question.kind) {
    case 'yes-no-dontknow':
      return value === 'yes' || value === 'no';
    case 'single-choice':
      return typeof value === 'string' && question.options.some((o) => o.value === value);
    case 'multi-choice': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return false;
      if (new Set(value).size !== value.length) return false;
      const options = value.map((v) => question.options.find((o) => o.value === v));
      if (options.some((o) => o === undefined)) return false;
      return !(value.length > 1 && options.some((o) => o!.exclusive));
    }
    default: {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (value < question.min || value > question.max) return false;
      const decimals = decimalsOf(question);
      return Number(value.toFixed(decimals)) === value;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Readings of "vet ikke" answers.

/** Upper bound on readings per decision; beyond it the decision is the most urgent the protocol can give. */
export const MAX_READINGS = 4096;

function* readings(
  protocol: Protocol,
  answers: Answers,
  questionIds: readonly string[],
): Generator<{ answers: Answers; assumed: Record<string, TriageAnswer> }> {
  const unknown = questionIds.filter((id) => isDontKnow(answers[id]));
  const domains = unknown.map((id) => {
    const q = protocol.questions.find((x) => x.id === id);
    return q ? readingDomain(protocol, q) : [];
  });
  const index = domains.map(() => 0);
  if (domains.some((d) => d.length === 0)) return;
  for (;;) {
    const assumed: Record<string, TriageAnswer> = {};
    unknown.forEach((id, i) => (assumed[id] = domains[i]![index[i]!]!));
    yield { answers: { ...answers, ...assumed }, assumed };
    let i = 0;
    while (i < index.length) {
      index[i]!++;
      if (index[i]! < domains[i]!.length) break;
      index[i] = 0;
      i++;
    }
    if (i === index.length) return;
  }
}

function readingCount(protocol: Protocol, answers: Answers, questionIds: readonly string[]): number {
  let n = 1;
  for (const id of questionIds) {
    if (!isDontKnow(answers[id])) continue;
    const q = protocol.questions.find((x) => x.id === id);
    n *= q ? Math.max(1, readingDomain(protocol, q).length) : 1;
  }
  return n;
}

/**
 * Whether a question is asked, given the answers so far. A "vet ikke" on a question the condition looks at
 * enables it if any reading would: asking one question too many is safe, skipping one is not.
 */
export function isQuestionEnabled(protocol: Protocol, question: Question, answers: Answers): boolean {
  if (!question.enableWhen) return true;
  if (evaluateConditions(question.enableWhen, answers)) return true;
  const refs = [...new Set(conditionsOf(question.enableWhen).map((c) => c.question))];
  if (!refs.some((id) => isDontKnow(answers[id]))) return false;
  for (const reading of readings(protocol, answers, refs)) {
    if (evaluateConditions(question.enableWhen, reading.answers)) return true;
  }
  return false;
}

/**
 * Drops answers to questions that are not enabled (in protocol order, so a dropped answer also disables what
 * depended on it). Answers to unknown question ids are dropped too.
 */
export function pruneAnswers(source: Protocol, answers: Answers): Record<string, TriageAnswer> {
  const protocol = compileProtocol(source);
  const kept: Record<string, TriageAnswer> = {};
  for (const q of protocol.questions) {
    const value = answers[q.id];
    if (value !== undefined && isQuestionEnabled(protocol, q, kept)) kept[q.id] = value;
  }
  return kept;
}

/** The questions asked, in order, given the answers so far. */
export function enabledQuestions(source: Protocol, answers: Answers): Question[] {
  const protocol = compileProtocol(source);
  const kept = pruneAnswers(protocol, answers);
  return protocol.questions.filter((q) => isQuestionEnabled(protocol, q, kept));
}

// ---------------------------------------------------------------------------------------------------------------
// The decision.

export type DecisionReason =
  | {
      kind: 'red-flag';
      /**
       * Every positive red flag (answered "yes" or "vet ikke"), the most urgent first, then in screen order. The
       * disposition is the most urgent of theirs; all of them are shown and reported, not only the deciding ones.
       */
      redFlagIds: string[];
      /** True when at least one of them was answered "vet ikke". */
      viaDontKnow: boolean;
    }
  | {
      kind: 'rule';
      ruleId: string;
      /** The questions the deciding rule looks at. */
      questionIds: string[];
      /** "Vet ikke" answers and the reading that gave this disposition; empty when none was needed. */
      assumed: Record<string, TriageAnswer>;
    }
  | { kind: 'default'; assumed: Record<string, TriageAnswer> }
  | {
      /** Too many "vet ikke" readings to try: the most urgent disposition the protocol can give. */
      kind: 'too-many-unknowns';
    };

export interface Decision {
  disposition: Disposition;
  reason: DecisionReason;
}

export type RedFlagAnswers = Readonly<Record<string, YesNoDontKnow>>;

/** Red flags answered "yes" or "vet ikke". */
export function positiveRedFlags(protocol: Protocol, redFlagAnswers: RedFlagAnswers): RedFlag[] {
  return allRedFlags(protocol).filter((f) => redFlagAnswers[f.id] === 'yes' || redFlagAnswers[f.id] === DONT_KNOW);
}

/**
 * The red-flag decision, or null when every red flag is "no" or unanswered: the most urgent disposition of the
 * positive red flags, with every positive red flag as the reason (several may be ticked on the one screen).
 */
export function decideRedFlags(protocol: Protocol, redFlagAnswers: RedFlagAnswers): Decision | null {
  const positive = positiveRedFlags(protocol, redFlagAnswers);
  const disposition = mostUrgent(positive.map((f) => f.disposition));
  if (!disposition) return null;
  // Array sort is stable: screen order is kept within each disposition.
  const ordered = [...positive].sort((a, b) => urgencyRank(a.disposition) - urgencyRank(b.disposition));
  return {
    disposition,
    reason: {
      kind: 'red-flag',
      redFlagIds: ordered.map((f) => f.id),
      viaDontKnow: ordered.some((f) => redFlagAnswers[f.id] === DONT_KNOW),
    },
  };
}

/** The rule that decides for concrete (or literal) answers: most urgent disposition, then highest priority, then first. */
export function matchingRules(protocol: Protocol, answers: Answers): OutcomeRule[] {
  return protocol.rules.filter((rule) => evaluateConditions(rule.when, answers));
}

export function decidingRule(rules: readonly OutcomeRule[]): OutcomeRule | undefined {
  let best: OutcomeRule | undefined;
  for (const rule of rules) {
    if (
      !best ||
      isMoreUrgent(rule.disposition, best.disposition) ||
      (rule.disposition === best.disposition && rule.priority > best.priority)
    ) {
      best = rule;
    }
  }
  return best;
}

/**
 * Literal decision: rules evaluated on the answers as given ("vet ikke" compared as the value `dontknow`),
 * after dropping answers to disabled questions. The verifier uses it to find rules that route "vet ikke" lower.
 */
export function decideLiteral(source: Protocol, answers: Answers): { disposition: Disposition; rule?: OutcomeRule } {
  const protocol = compileProtocol(source);
  const pruned = pruneAnswers(protocol, answers);
  const rule = decidingRule(matchingRules(protocol, literalEnabled(protocol, pruned)));
  return rule ? { disposition: rule.disposition, rule } : { disposition: protocol.defaultDisposition };
}

/** Answers whose questions are enabled under the literal reading (no "vet ikke" readings). */
function literalEnabled(protocol: Protocol, answers: Answers): Answers {
  const kept: Record<string, TriageAnswer> = {};
  for (const q of protocol.questions) {
    const value = answers[q.id];
    if (value !== undefined && (!q.enableWhen || evaluateConditions(q.enableWhen, kept))) kept[q.id] = value;
  }
  return kept;
}

function decideConcrete(protocol: Protocol, answers: Answers, assumed: Record<string, TriageAnswer>): Decision {
  const rule = decidingRule(matchingRules(protocol, literalEnabled(protocol, answers)));
  if (rule) {
    return {
      disposition: rule.disposition,
      reason: {
        kind: 'rule',
        ruleId: rule.id,
        questionIds: [...new Set(conditionsOf(rule.when).map((c) => c.question))],
        assumed,
      },
    };
  }
  return { disposition: protocol.defaultDisposition, reason: { kind: 'default', assumed } };
}

/**
 * The disposition for a finished triage and why. Red flags first (any "yes" or "vet ikke" decides); then the
 * most urgent of the literal reading and every reading of the "vet ikke" answers (see the file comment). Ties
 * keep the reading with the fewest assumptions, so the reason shown is the plainest one.
 */
export function decide(source: Protocol, redFlagAnswers: RedFlagAnswers, answers: Answers): Decision {
  const protocol = compileProtocol(source);
  const red = decideRedFlags(protocol, redFlagAnswers);
  if (red) return red;
  const pruned = pruneAnswers(protocol, answers);
  let best = decideConcrete(protocol, pruned, {});
  const unknownIds = Object.keys(pruned).filter((id) => isDontKnow(pruned[id]));
  if (unknownIds.length === 0) return best;
  if (readingCount(protocol, pruned, unknownIds) > MAX_READINGS) {
    return { disposition: mostUrgentReachable(protocol), reason: { kind: 'too-many-unknowns' } };
  }
  for (const reading of readings(protocol, pruned, unknownIds)) {
    // A reading can disable later questions; their answers do not count in that reading.
    const candidate = decideConcrete(protocol, pruneAnswers(protocol, reading.answers), reading.assumed);
    if (isMoreUrgent(candidate.disposition, best.disposition)) best = candidate;
  }
  return best;
}

/** The most urgent disposition any rule or the default can give (the fallback when readings explode). */
export function mostUrgentReachable(source: Protocol): Disposition {
  const protocol = compileProtocol(source);
  return mostUrgent([protocol.defaultDisposition, ...protocol.rules.map((r) => r.disposition)])!;
}
