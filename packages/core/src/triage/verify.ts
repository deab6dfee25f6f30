/**
 * The protocol verifier: structure (the same shape as protocol.schema.json, checked by hand so core needs no
 * schema library), references, and an enumeration of every answer path proving that
 * - every path ends in a disposition that has advice and a safety net (no dead ends);
 * - red flags come first: the red-flag screen is separate by construction, and no always-asked question may
 *   act as a hidden 113 red flag (one answer alone always giving call-113);
 * - "vet ikke" never gives a less urgent disposition: the engine reads it as the worst answer (checked on every
 *   path), and the protocol as written must not route it below the benign answer either;
 * - no rule and no disposition with advice is unreachable;
 * - every text has nb, nn and en (se may be missing only when `translations.se` is not `complete`);
 * - clinical sense: a value outside a number's plausible range never ends in self-care (every measurement has a
 *   plausible range); a protocol for adults and children has child wording for everything a child's parent reads;
 *   the shared risk modifiers and plausibility floors are walked like the protocol's own rules (`compileProtocol`).
 *
 * Numbers are enumerated per band: the thresholds the protocol's own conditions use cut each numeric question
 * into bands, and one value per band stands for all (`numericRepresentatives`).
 */
import { compileProtocol, RISK_QUESTION_ID } from './compile.js';
import { GENERAL_RED_FLAGS } from './general-red-flags.js';
import {
  ADMIN_TARGETS,
  AGE_BANDS,
  CHILD_AGE_BANDS,
  PERSON_QUESTION_IDS,
  RISK_MODIFIER_IDS,
  DISPOSITIONS,
  DONT_KNOW,
  OPERATORS,
  QUESTION_KINDS,
  type TriageAnswer,
  type Condition,
  type ConditionNode,
  type Disposition,
  type Protocol,
  type Question,
} from './protocol.types.js';
import {
  allowsDontKnow,
  allRedFlags,
  answerDomain,
  decide,
  decideLiteral,
  isConditionGroup,
  isMoreUrgent,
  isQuestionEnabled,
  matchingRules,
  pruneAnswers,
  readingDomain,
  urgencyRank,
} from './triage.rules.js';
import { isPlausible } from './compile.js';

export type VerifyIssueCode =
  | 'schema'
  | 'missing-language'
  | 'duplicate-id'
  | 'unknown-question'
  | 'forward-reference'
  | 'unknown-option'
  | 'bad-operator'
  | 'red-flag-in-condition'
  | 'dead-end'
  | 'red-flag-after-question'
  | 'dont-know-lowers-urgency'
  | 'unreachable-rule'
  | 'unreachable-disposition'
  | 'shadowed-rule'
  | 'too-many-paths'
  | 'implausible-self-care'
  | 'missing-child-wording'
  | 'reserved-id';

/** One answer on a path: a red flag or a question id and the answer given. */
export interface PathStep {
  id: string;
  answer: TriageAnswer;
}

export interface VerifyIssue {
  code: VerifyIssueCode;
  message: string;
  /** JSON pointer into the protocol, where it applies. */
  at?: string;
  /** The answers that show the problem, in the order asked. */
  path?: PathStep[];
}

export interface VerifyReport {
  ok: boolean;
  protocolId: string | null;
  errors: VerifyIssue[];
  warnings: VerifyIssue[];
  counts: {
    /** Complete answer paths enumerated (red-flag exits included). */
    paths: number;
    questions: number;
    /** General and protocol red flags. */
    redFlags: number;
    rules: number;
    /** Distinct dispositions some path reaches. */
    dispositionsReached: number;
    /** Which: the vignette suite needs a case for each. */
    reached?: Disposition[];
  };
  /** The first error's path, if it has one. */
  counterexample: PathStep[] | null;
}

export interface VerifyOptions {
  /** Stop enumerating beyond this many paths (default 200 000) with a `too-many-paths` error. */
  maxPaths?: number;
}

export const DEFAULT_MAX_PATHS = 200_000;

// ---------------------------------------------------------------------------------------------------------------
// Structure

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: Json): v is string => typeof v === 'string' && v.trim() !== '';
const ID = /^[a-z0-9][a-z0-9-]*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Ids the compiled protocol uses for the who-for answers and the shared risk question. */
const RESERVED_QUESTION_IDS: readonly string[] = [...PERSON_QUESTION_IDS, RISK_QUESTION_ID];
/** A floor (risk modifier, plausible range) raises urgency: self-care is no floor. */
const TRIAGE_FLOORS = ['call-113', 'call-116117', 'gp-same-day', 'gp-appointment', 'e-consultation'] as const;
/** Deepest nesting of `all`/`any` groups the verifier reads. */
const MAX_CONDITION_DEPTH = 32;

class StructureChecker {
  readonly issues: VerifyIssue[] = [];
  constructor(private readonly seComplete: boolean) {}

  error(code: VerifyIssueCode, at: string, message: string): void {
    // One problem per place: a missing field is not also reported as "must be a string".
    if (this.issues.some((i) => i.at === at)) return;
    this.issues.push({ code, at, message });
  }

  object(v: Json, at: string, required: readonly string[], optional: readonly string[] = []): v is Record<string, Json> {
    if (!isObject(v)) {
      this.error('schema', at, 'must be an object');
      return false;
    }
    for (const key of required) if (!(key in v)) this.error('schema', `${at}/${key}`, 'is required');
    const allowed = new Set([...required, ...optional]);
    for (const key of Object.keys(v)) if (!allowed.has(key)) this.error('schema', `${at}/${key}`, 'is not allowed');
    return true;
  }

  string(v: Json, at: string, pattern?: RegExp): v is string {
    if (!isNonEmptyString(v)) {
      this.error('schema', at, 'must be a non-empty string');
      return false;
    }
    if (pattern && !pattern.test(v)) {
      this.error('schema', at, `must match ${pattern}`);
      return false;
    }
    return true;
  }

  number(v: Json, at: string): v is number {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.error('schema', at, 'must be a number');
      return false;
    }
    return true;
  }

  oneOf<T extends string>(v: Json, at: string, values: readonly T[]): v is T {
    if (!values.includes(v as T)) {
      this.error('schema', at, `must be one of ${values.join(', ')}`);
      return false;
    }
    return true;
  }

  array(v: Json, at: string, minItems = 0): v is Json[] {
    if (!Array.isArray(v)) {
      this.error('schema', at, 'must be an array');
      return false;
    }
    if (v.length < minItems) this.error('schema', at, `must have at least ${minItems} item(s)`);
    return true;
  }

  text(v: Json, at: string): void {
    if (!isObject(v)) {
      this.error('schema', at, 'must be a localized text {nb, nn, en, se?}');
      return;
    }
    for (const lang of ['nb', 'nn', 'en'] as const) {
      if (!isNonEmptyString(v[lang])) this.error('missing-language', `${at}/${lang}`, `"${lang}" text is missing`);
    }
    if ('se' in v && !isNonEmptyString(v.se)) this.error('schema', `${at}/se`, 'must be a non-empty string when present');
    if (this.seComplete && !('se' in v)) {
      this.error('missing-language', `${at}/se`, '"se" text is missing but translations.se is "complete"');
    }
    for (const key of Object.keys(v)) if (!['nb', 'nn', 'en', 'se'].includes(key)) this.error('schema', `${at}/${key}`, 'is not allowed');
  }

  condition(v: Json, at: string, depth = 0): void {
    if (!isObject(v)) {
      this.error('schema', at, 'must be a condition or a group');
      return;
    }
    if ('all' in v || 'any' in v) {
      const key = 'all' in v ? 'all' : 'any';
      // Bounded, so a hostile protocol (10 000 nested groups, or a group that contains itself) cannot overflow the stack.
      if (depth >= MAX_CONDITION_DEPTH) {
        this.error('schema', at, `condition groups nest deeper than ${MAX_CONDITION_DEPTH}`);
        return;
      }
      if (this.object(v, at, [key]) && this.array(v[key], `${at}/${key}`, 1)) {
        (v[key] as Json[]).forEach((child, i) => this.condition(child, `${at}/${key}/${i}`, depth + 1));
      }
      return;
    }
    if (!this.object(v, at, ['question', 'operator'], ['value'])) return;
    this.string(v.question, `${at}/question`);
    if (!this.oneOf(v.operator, `${at}/operator`, OPERATORS)) return;
    const value = v.value;
    const scalar = (x: Json) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x));
    if (v.operator === 'answered') {
      if (value !== undefined && typeof value !== 'boolean') this.error('schema', `${at}/value`, 'must be a boolean for "answered"');
    } else if (v.operator === 'in') {
      if (!Array.isArray(value) || value.length === 0 || !value.every(scalar)) this.error('schema', `${at}/value`, 'must be a non-empty list for "in"');
    } else if (['gt', 'ge', 'lt', 'le'].includes(v.operator)) {
      this.number(value, `${at}/value`);
    } else if (!scalar(value)) {
      this.error('schema', `${at}/value`, 'must be a string or a number');
    }
  }

  group(v: Json, at: string): void {
    if (!isObject(v) || !('all' in v || 'any' in v)) {
      this.error('schema', at, 'must be a group {all: [...]} or {any: [...]}');
      return;
    }
    this.condition(v, at);
  }
}

function checkStructure(json: Json): VerifyIssue[] {
  const translations = isObject(json) && isObject(json.translations) ? json.translations : {};
  const c = new StructureChecker(translations.se === 'complete');
  const required = [
    'id', 'version', 'title', 'audience', 'sources', 'authors', 'clinicalReviewer', 'reviewDate', 'status',
    'translations', 'synonyms', 'searchTests', 'redFlags', 'questions', 'rules', 'defaultDisposition', 'dispositions',
  ];
  if (!c.object(json, '', required, ['$schema', 'riskModifiers'])) return c.issues;
  const p = json;
  c.string(p.id, '/id', ID);
  c.string(p.version, '/version', SEMVER);
  c.text(p.title, '/title');
  if (c.object(p.audience, '/audience', ['ages'], ['sex', 'pregnant'])) {
    const a = p.audience as Record<string, Json>;
    if (c.array(a.ages, '/audience/ages', 1)) (a.ages as Json[]).forEach((band, i) => c.oneOf(band, `/audience/ages/${i}`, AGE_BANDS));
    if (a.sex !== undefined) c.oneOf(a.sex, '/audience/sex', ['female', 'male'] as const);
    if (a.pregnant !== undefined && typeof a.pregnant !== 'boolean') c.error('schema', '/audience/pregnant', 'must be a boolean');
  }
  if (c.object(p.searchTests, '/searchTests', ['find', 'notFind'])) {
    const st = p.searchTests as Record<string, Json>;
    if (c.array(st.find, '/searchTests/find', 1)) (st.find as Json[]).forEach((q, i) => c.string(q, `/searchTests/find/${i}`));
    if (c.array(st.notFind, '/searchTests/notFind')) (st.notFind as Json[]).forEach((q, i) => c.string(q, `/searchTests/notFind/${i}`));
  }
  if (p.riskModifiers !== undefined && c.object(p.riskModifiers, '/riskModifiers', [], RISK_MODIFIER_IDS)) {
    for (const [id, floor] of Object.entries(p.riskModifiers as Record<string, Json>)) {
      c.oneOf(floor, `/riskModifiers/${id}`, TRIAGE_FLOORS);
    }
  }
  if (c.array(p.sources, '/sources', 1)) {
    p.sources.forEach((s, i) => {
      if (c.object(s, `/sources/${i}`, ['title', 'url'])) {
        c.string(s.title, `/sources/${i}/title`);
        c.string(s.url, `/sources/${i}/url`, /^https:\/\//);
      }
    });
  }
  if (c.array(p.authors, '/authors', 1)) p.authors.forEach((a, i) => c.string(a, `/authors/${i}`));
  if (p.clinicalReviewer !== null) c.string(p.clinicalReviewer, '/clinicalReviewer');
  if (p.reviewDate !== null) c.string(p.reviewDate, '/reviewDate', ISO_DATE);
  c.oneOf(p.status, '/status', ['draft', 'approved'] as const);
  if (p.status === 'approved' && (p.clinicalReviewer === null || p.reviewDate === null)) {
    c.error('schema', '/status', 'an approved protocol needs clinicalReviewer and reviewDate');
  }
  if (c.object(p.translations, '/translations', ['se'])) c.oneOf(translations.se, '/translations/se', ['complete', 'partial', 'fallback'] as const);
  if (c.object(p.synonyms, '/synonyms', ['nb', 'nn', 'en', 'se'])) {
    const s = p.synonyms as Record<string, Json>;
    for (const lang of ['nb', 'nn', 'en', 'se']) {
      if (!(lang in s)) continue;
      if (c.array(s[lang], `/synonyms/${lang}`, 1)) (s[lang] as Json[]).forEach((w, i) => c.string(w, `/synonyms/${lang}/${i}`));
    }
  }
  if (c.array(p.redFlags, '/redFlags')) {
    p.redFlags.forEach((f, i) => {
      const at = `/redFlags/${i}`;
      if (!c.object(f, at, ['id', 'text', 'disposition', 'whatToDoNow'], ['textChild', 'ages'])) return;
      if (c.string(f.id, `${at}/id`, ID) && (f.id as string).startsWith('general-')) {
        c.error('reserved-id', `${at}/id`, '"general-" ids belong to the general red flags');
      }
      c.text(f.text, `${at}/text`);
      if (f.textChild !== undefined) c.text(f.textChild, `${at}/textChild`);
      if (f.ages !== undefined && c.array(f.ages, `${at}/ages`, 1)) (f.ages as Json[]).forEach((band, j) => c.oneOf(band, `${at}/ages/${j}`, AGE_BANDS));
      c.oneOf(f.disposition, `${at}/disposition`, ['call-113', 'call-116117'] as const);
      c.text(f.whatToDoNow, `${at}/whatToDoNow`);
    });
  }
  if (c.array(p.questions, '/questions')) {
    p.questions.forEach((q, i) => {
      const at = `/questions/${i}`;
      if (!isObject(q)) return c.error('schema', at, 'must be an object');
      const common = ['id', 'kind', 'text'];
      const commonOptional = ['help', 'textChild', 'enableWhen', 'keyFinding'];
      const byKind: Record<string, [string[], string[]]> = {
        'yes-no-dontknow': [[], []],
        'single-choice': [['options'], ['allowDontKnow']],
        'multi-choice': [['options'], []],
        number: [['unit', 'unitLabel', 'min', 'max', 'plausible'], ['decimals', 'allowDontKnow']],
        duration: [['unit', 'min', 'max'], ['allowDontKnow', 'plausible']],
        age: [['min', 'max'], ['allowDontKnow']],
      };
      if (!c.oneOf(q.kind, `${at}/kind`, QUESTION_KINDS)) return;
      const [req, opt] = byKind[q.kind as string]!;
      if (!c.object(q, at, [...common, ...req], [...commonOptional, ...opt])) return;
      if (c.string(q.id, `${at}/id`, ID) && RESERVED_QUESTION_IDS.includes(q.id as string)) {
        c.error('reserved-id', `${at}/id`, `"${q.id}" is reserved for the who-for answers and the risk question`);
      }
      c.text(q.text, `${at}/text`);
      if (q.textChild !== undefined) c.text(q.textChild, `${at}/textChild`);
      if (q.help !== undefined) c.text(q.help, `${at}/help`);
      if (q.plausible !== undefined && c.object(q.plausible, `${at}/plausible`, ['floor', 'reason'], ['min', 'max'])) {
        const pr = q.plausible as Record<string, Json>;
        if (pr.min === undefined && pr.max === undefined) c.error('schema', `${at}/plausible`, 'needs min, max or both');
        if (pr.min !== undefined) c.number(pr.min, `${at}/plausible/min`);
        if (pr.max !== undefined) c.number(pr.max, `${at}/plausible/max`);
        c.oneOf(pr.floor, `${at}/plausible/floor`, TRIAGE_FLOORS);
        c.text(pr.reason, `${at}/plausible/reason`);
      }
      if (q.enableWhen !== undefined) c.group(q.enableWhen, `${at}/enableWhen`);
      for (const flag of ['keyFinding', 'allowDontKnow']) {
        if (q[flag] !== undefined && typeof q[flag] !== 'boolean') c.error('schema', `${at}/${flag}`, 'must be a boolean');
      }
      if (q.kind === 'single-choice' || q.kind === 'multi-choice') {
        if (c.array(q.options, `${at}/options`, q.kind === 'single-choice' ? 2 : 1)) {
          const seen = new Set<string>();
          (q.options as Json[]).forEach((o, j) => {
            if (!c.object(o, `${at}/options/${j}`, ['value', 'label'], ['exclusive'])) return;
            if (c.string(o.value, `${at}/options/${j}/value`, ID)) {
              if (o.value === DONT_KNOW) c.error('schema', `${at}/options/${j}/value`, '"dontknow" is reserved: use allowDontKnow');
              if (seen.has(o.value as string)) c.error('duplicate-id', `${at}/options/${j}/value`, `option "${o.value}" twice`);
              seen.add(o.value as string);
            }
            c.text(o.label, `${at}/options/${j}/label`);
            if (o.exclusive !== undefined && (typeof o.exclusive !== 'boolean' || q.kind !== 'multi-choice')) {
              c.error('schema', `${at}/options/${j}/exclusive`, 'is a boolean, for multi-choice only');
            }
          });
        }
      }
      if (q.kind === 'number' || q.kind === 'duration' || q.kind === 'age') {
        if (c.number(q.min, `${at}/min`) && c.number(q.max, `${at}/max`) && (q.min as number) >= (q.max as number)) {
          c.error('schema', `${at}/max`, 'must be greater than min');
        }
      }
      if (q.kind === 'number') {
        c.string(q.unit, `${at}/unit`);
        c.text(q.unitLabel, `${at}/unitLabel`);
        if (q.decimals !== undefined && !(Number.isInteger(q.decimals) && (q.decimals as number) >= 0 && (q.decimals as number) <= 3)) {
          c.error('schema', `${at}/decimals`, 'must be an integer 0–3');
        }
      }
      if (q.kind === 'duration') c.oneOf(q.unit, `${at}/unit`, ['hours', 'days', 'weeks'] as const);
    });
  }
  if (c.array(p.rules, '/rules')) {
    p.rules.forEach((r, i) => {
      const at = `/rules/${i}`;
      if (!c.object(r, at, ['id', 'when', 'disposition', 'priority', 'reason'])) return;
      c.string(r.id, `${at}/id`, ID);
      c.group(r.when, `${at}/when`);
      c.oneOf(r.disposition, `${at}/disposition`, DISPOSITIONS);
      c.number(r.priority, `${at}/priority`);
      c.text(r.reason, `${at}/reason`);
    });
  }
  c.oneOf(p.defaultDisposition, '/defaultDisposition', DISPOSITIONS);
  if (c.object(p.dispositions, '/dispositions', [], DISPOSITIONS)) {
    for (const [d, content] of Object.entries(p.dispositions as Record<string, Json>)) {
      const at = `/dispositions/${d}`;
      if (!c.object(content, at, ['advice', 'safetyNet'], ['consultationType', 'target'])) continue;
      c.text(content.advice, `${at}/advice`);
      c.text(content.safetyNet, `${at}/safetyNet`);
      if (content.consultationType !== undefined) c.oneOf(content.consultationType, `${at}/consultationType`, ['in-person', 'phone', 'video', 'text'] as const);
      if (d === 'admin-service') c.oneOf(content.target, `${at}/target`, ADMIN_TARGETS);
      else if (content.target !== undefined) c.error('schema', `${at}/target`, 'only admin-service has a target');
    }
  }
  return c.issues;
}

// ---------------------------------------------------------------------------------------------------------------
// References

function checkReferences(protocol: Protocol): VerifyIssue[] {
  const issues: VerifyIssue[] = [];
  const generalIds = new Set(GENERAL_RED_FLAGS.map((f) => f.id));
  const redFlagIds = new Set<string>();
  // The compiled protocol: its red flags start with the general ones, its questions with the who-for answers.
  // Pointers are into the protocol as written, so those compiled parts are not counted.
  const redFlagAt = (i: number) => `/redFlags/${i - protocol.redFlags.filter((f) => generalIds.has(f.id)).length}`;
  const questionAt = (i: number) => sourceQuestionAt(protocol, i);
  protocol.redFlags.forEach((f, i) => {
    if (redFlagIds.has(f.id)) issues.push({ code: 'duplicate-id', at: `${redFlagAt(i)}/id`, message: `red flag id "${f.id}" is used twice (general red flags included)` });
    redFlagIds.add(f.id);
  });
  const questionIndex = new Map<string, number>();
  protocol.questions.forEach((q, i) => {
    if (questionIndex.has(q.id) || redFlagIds.has(q.id)) {
      issues.push({ code: 'duplicate-id', at: `${questionAt(i)}/id`, message: `id "${q.id}" is used twice` });
    }
    if (!questionIndex.has(q.id)) questionIndex.set(q.id, i);
  });
  const ruleIds = new Set<string>();
  protocol.rules.forEach((r, i) => {
    if (ruleIds.has(r.id)) issues.push({ code: 'duplicate-id', at: `/rules/${i}/id`, message: `rule id "${r.id}" is used twice` });
    ruleIds.add(r.id);
  });

  const checkCondition = (condition: Condition, at: string, before: number | null) => {
    if (redFlagIds.has(condition.question) || generalIds.has(condition.question)) {
      issues.push({ code: 'red-flag-in-condition', at, message: `"${condition.question}" is a red flag: a "yes" ends triage, so conditions never see it` });
      return;
    }
    const index = questionIndex.get(condition.question);
    if (index === undefined) {
      issues.push({ code: 'unknown-question', at, message: `no question "${condition.question}"` });
      return;
    }
    if (before !== null && index >= before) {
      issues.push({ code: 'forward-reference', at, message: `enableWhen may only refer to earlier questions; "${condition.question}" is not earlier` });
    }
    const question = protocol.questions[index]!;
    const problem = operatorProblem(question, condition);
    if (problem) issues.push({ code: problem.code, at, message: problem.message });
  };
  const walk = (node: ConditionNode, at: string, before: number | null) => {
    if (isConditionGroup(node)) {
      const key = 'all' in node ? 'all' : 'any';
      ('all' in node ? node.all : node.any).forEach((child, i) => walk(child, `${at}/${key}/${i}`, before));
    } else checkCondition(node, at, before);
  };
  protocol.questions.forEach((q, i) => q.enableWhen && walk(q.enableWhen, `${questionAt(i)}/enableWhen`, i));
  protocol.rules.forEach((r, i) => walk(r.when, `/rules/${i}/when`, null));
  return issues;
}

/** The JSON pointer of a compiled protocol's question in the protocol as written (the who-for and risk questions come first). */
function sourceQuestionAt(protocol: Protocol, index: number): string {
  return `/questions/${index - protocol.questions.filter((q) => q.origin !== undefined).length}`;
}

function operatorProblem(question: Question, condition: Condition): { code: VerifyIssueCode; message: string } | null {
  const { operator, value } = condition;
  if (operator === 'answered') return null;
  const values = operator === 'in' && Array.isArray(value) ? (value as ReadonlyArray<string | number>) : [value];
  const dk = allowsDontKnow(question);
  const bad = (message: string) => ({ code: 'bad-operator' as const, message: `${question.id} (${question.kind}): ${message}` });
  switch (question.kind) {
    case 'yes-no-dontknow':
    case 'single-choice': {
      if (!['eq', 'ne', 'in'].includes(operator)) return bad(`use eq, ne, in or answered, not ${operator}`);
      const allowed =
        question.kind === 'yes-no-dontknow' ? ['yes', 'no', DONT_KNOW] : [...question.options.map((o) => o.value), ...(dk ? [DONT_KNOW] : [])];
      const unknown = values.find((v) => !allowed.includes(v as string));
      return unknown === undefined ? null : { code: 'unknown-option', message: `${question.id} has no answer "${String(unknown)}"` };
    }
    case 'multi-choice': {
      if (operator !== 'includes') return bad(`use includes or answered, not ${operator}`);
      return question.options.some((o) => o.value === value) ? null : { code: 'unknown-option', message: `${question.id} has no option "${String(value)}"` };
    }
    default: {
      if (operator === 'includes') return bad('includes is for multi-choice');
      const unknown = values.find((v) => !(typeof v === 'number' || (dk && v === DONT_KNOW && (operator === 'eq' || operator === 'ne' || operator === 'in'))));
      return unknown === undefined ? null : bad(`compares numbers, not ${JSON.stringify(unknown)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Enumeration

class TooManyPaths extends Error {}

/** Rules `compileProtocol` adds for risk modifiers and plausible ranges. */
const isFloorRule = (id: string) => id.startsWith('risk-') || id.startsWith('implausible-');

/**
 * Child wording: in a protocol for adults and children, everything a parent reads about the child (questions and
 * red flags that are asked for children) needs `textChild`. A child-only protocol is written about "barnet".
 */
function checkChildWording(protocol: Protocol): VerifyIssue[] {
  const ages = protocol.audience.ages;
  const childBands = ages.filter((band) => CHILD_AGE_BANDS.includes(band));
  if (childBands.length === 0 || childBands.length === ages.length) return [];
  const issues: VerifyIssue[] = [];
  protocol.redFlags.forEach((f, i) => {
    const forChildren = !f.ages || f.ages.some((band) => childBands.includes(band));
    if (forChildren && !f.textChild) {
      issues.push({ code: 'missing-child-wording', at: `/redFlags/${i}`, message: `red flag ${f.id} is asked for children too, but has no textChild` });
    }
  });
  protocol.questions.forEach((q, i) => {
    if (!q.textChild) issues.push({ code: 'missing-child-wording', at: `/questions/${i}`, message: `question ${q.id} is asked for children too, but has no textChild` });
  });
  return issues;
}

function enumerate(protocol: Protocol, maxPaths: number) {
  const errors: VerifyIssue[] = [];
  const reached = new Set<Disposition>();
  const matched = new Set<string>();
  const decided = new Set<string>();
  // "question=answer" for always-asked questions → whether every path with that answer was call-113.
  const alwaysCall113 = new Map<string, { question: string; answer: TriageAnswer; all: boolean; path: PathStep[] }>();
  let paths = 0;
  const seenError = new Set<string>();
  const report = (issue: VerifyIssue, key: string) => {
    if (seenError.has(key)) return;
    seenError.add(key);
    errors.push(issue);
  };
  const count = () => {
    paths++;
    if (paths > maxPaths) throw new TooManyPaths();
  };

  // Red-flag screen: each "yes" (or "vet ikke") ends triage on the spot.
  const flags = allRedFlags(protocol);
  const allNo: Record<string, 'no'> = {};
  for (const f of flags) allNo[f.id] = 'no';
  flags.forEach((flag, i) => {
    for (const answer of ['yes', DONT_KNOW] as const) {
      count();
      const path = [...flags.slice(0, i).map((f) => ({ id: f.id, answer: 'no' as TriageAnswer })), { id: flag.id, answer }];
      const decision = decide(protocol, { ...allNo, [flag.id]: answer }, {});
      reached.add(decision.disposition);
      if (decision.disposition !== flag.disposition) {
        report({ code: 'dead-end', message: `red flag "${flag.id}" did not end triage in ${flag.disposition}`, path }, `rf-${flag.id}`);
      }
      if (!protocol.dispositions[decision.disposition]) {
        report(
          { code: 'dead-end', message: `red flag "${flag.id}" leads to ${decision.disposition}, which has no advice or safety net`, at: '/dispositions', path },
          `dead-${decision.disposition}`,
        );
      }
    }
  });
  const redPrefix: PathStep[] = flags.map((f) => ({ id: f.id, answer: 'no' }));

  // Many paths share the answer sets that "vet ikke" readings compare against: decide each set once per run.
  const engineCache = new Map<string, ReturnType<typeof decide>>();
  const literalCache = new Map<string, ReturnType<typeof decideLiteral>>();
  const cached = <T>(cache: Map<string, T>, answers: Record<string, TriageAnswer>, compute: () => T): T => {
    const key = JSON.stringify(answers);
    let value = cache.get(key);
    if (value === undefined) {
      value = compute();
      if (cache.size < 1_000_000) cache.set(key, value);
    }
    return value;
  };
  const questionById = new Map(protocol.questions.map((q) => [q.id, q]));
  const engineOf = (answers: Record<string, TriageAnswer>) => cached(engineCache, answers, () => decide(protocol, allNo, answers));
  const literalOf = (answers: Record<string, TriageAnswer>) => cached(literalCache, answers, () => decideLiteral(protocol, answers));

  const terminal = (answers: Record<string, TriageAnswer>, path: PathStep[]) => {
    count();
    const decision = engineOf(answers);
    reached.add(decision.disposition);
    if (decision.reason.kind === 'rule') decided.add(decision.reason.ruleId);
    const literal = literalOf(answers);
    for (const rule of matchingRules(protocol, pruneAnswers(protocol, answers))) matched.add(rule.id);
    if (literal.rule) matched.add(literal.rule.id);
    // Built only when a problem is reported: most paths have none.
    let fullPath: PathStep[] | undefined;
    const full = () => (fullPath ??= [...redPrefix, ...path]);
    if (!protocol.dispositions[decision.disposition]) {
      report(
        { code: 'dead-end', message: `this path ends in ${decision.disposition}, which has no advice or safety net`, at: '/dispositions', path: full() },
        `dead-${decision.disposition}`,
      );
    }
    // "Vet ikke" answers: compare with each concrete answer in their place.
    for (const [id, value] of Object.entries(answers)) {
      if (value !== DONT_KNOW) continue;
      const question = questionById.get(id)!;
      let benign: Disposition | undefined;
      for (const concrete of readingDomain(protocol, question)) {
        const alternative = pruneAnswers(protocol, { ...answers, [id]: concrete });
        const engine = engineOf(alternative);
        if (isMoreUrgent(engine.disposition, decision.disposition)) {
          report(
            {
              code: 'dont-know-lowers-urgency',
              message: `"vet ikke" on ${id} gives ${decision.disposition}, but ${JSON.stringify(concrete)} gives ${engine.disposition}`,
              path: full(),
            },
            `dk-engine-${id}`,
          );
        }
        const lit = literalOf(alternative).disposition;
        if (benign === undefined || urgencyRank(lit) > urgencyRank(benign)) benign = lit;
      }
      if (benign !== undefined && isMoreUrgent(benign, literal.disposition)) {
        report(
          {
            code: 'dont-know-lowers-urgency',
            message:
              `as written, "vet ikke" on ${id} leads to ${literal.disposition}` +
              (literal.rule ? ` (rule ${literal.rule.id})` : ' (the default)') +
              `, less urgent than the benign answer (${benign}); the engine escalates it, but the protocol must say so`,
            path: full(),
          },
          `dk-literal-${id}`,
        );
      }
    }
    // Clinical sense: a measured value outside its plausible range never ends in self-care.
    if (decision.disposition === 'self-care') {
      for (const step of path) {
        const question = questionById.get(step.id)!;
        if (typeof step.answer === 'number' && !isPlausible(question, step.answer)) {
          report(
            { code: 'implausible-self-care', message: `${step.id} = ${step.answer} is outside its plausible range, yet the path ends in self-care`, path: full() },
            `implausible-${step.id}`,
          );
        }
      }
    }
    // Hidden red flags: an always-asked question whose one concrete answer always gives call-113.
    for (const step of path) {
      const question = questionById.get(step.id)!;
      if (question.enableWhen || question.origin || step.answer === DONT_KNOW) continue;
      const key = `${step.id}=${JSON.stringify(step.answer)}`;
      const entry = alwaysCall113.get(key);
      const is113 = decision.disposition === 'call-113';
      if (entry) entry.all &&= is113;
      else alwaysCall113.set(key, { question: step.id, answer: step.answer, all: is113, path: full() });
    }
  };

  const walk = (index: number, answers: Record<string, TriageAnswer>, path: PathStep[]) => {
    if (index === protocol.questions.length) return terminal(answers, path);
    const question = protocol.questions[index]!;
    if (!isQuestionEnabled(protocol, question, answers)) return walk(index + 1, answers, path);
    const domain = answerDomain(protocol, question, true);
    if (domain.length === 0) {
      count();
      report({ code: 'dead-end', message: `question ${question.id} has no possible answer`, path: [...redPrefix, ...path] }, `empty-${question.id}`);
      return;
    }
    for (const answer of domain) {
      walk(index + 1, { ...answers, [question.id]: answer }, [...path, { id: question.id, answer }]);
    }
  };

  try {
    walk(0, {}, []);
  } catch (e) {
    if (!(e instanceof TooManyPaths)) throw e;
    errors.push({
      code: 'too-many-paths',
      message: `more than ${maxPaths} answer paths: split the protocol, gate questions with enableWhen or use fewer thresholds`,
    });
    return { errors, warnings: [], paths, reached };
  }

  const warnings: VerifyIssue[] = [];
  for (const entry of alwaysCall113.values()) {
    if (entry.all) {
      errors.push({
        code: 'red-flag-after-question',
        message: `answering ${JSON.stringify(entry.answer)} to ${entry.question} always gives call-113: it is a red flag and belongs on the red-flag screen`,
        at: sourceQuestionAt(protocol, protocol.questions.findIndex((q) => q.id === entry.question)),
        path: entry.path,
      });
    }
  }
  protocol.rules.forEach((rule, i) => {
    if (!matched.has(rule.id) && !decided.has(rule.id)) {
      errors.push({ code: 'unreachable-rule', at: `/rules/${i}`, message: `rule ${rule.id} matches no answer path` });
    } else if (!decided.has(rule.id) && !isFloorRule(rule.id)) {
      // A floor that never decides is fine: the protocol already ends at least as urgent wherever it applies.
      warnings.push({ code: 'shadowed-rule', at: `/rules/${i}`, message: `rule ${rule.id} matches, but a more urgent rule always decides` });
    }
  });
  for (const d of Object.keys(protocol.dispositions) as Disposition[]) {
    if (!reached.has(d)) errors.push({ code: 'unreachable-disposition', at: `/dispositions/${d}`, message: `no path reaches ${d}, yet it has advice` });
  }
  return { errors, warnings, paths, reached };
}

/** Verifies a protocol (parsed JSON). Never throws for bad input: problems come back as errors. */
export function verifyProtocol(json: unknown, options: VerifyOptions = {}): VerifyReport {
  const protocolId = isObject(json) && typeof json.id === 'string' ? json.id : null;
  const structure = checkStructure(json);
  const counts = { paths: 0, questions: 0, redFlags: 0, rules: 0, dispositionsReached: 0 };
  const finish = (errors: VerifyIssue[], warnings: VerifyIssue[]): VerifyReport => ({
    ok: errors.length === 0,
    protocolId,
    errors,
    warnings,
    counts,
    counterexample: errors.find((e) => e.path)?.path ?? null,
  });
  if (structure.length > 0) return finish(structure, []);
  const source = json as Protocol;
  const protocol = compileProtocol(source);
  counts.questions = protocol.questions.length;
  counts.redFlags = allRedFlags(protocol).length;
  counts.rules = protocol.rules.length;
  const references = [...checkReferences(protocol), ...checkChildWording(source)];
  if (references.length > 0) return finish(references, []);
  const result = enumerate(protocol, options.maxPaths ?? DEFAULT_MAX_PATHS);
  counts.paths = result.paths;
  counts.dispositionsReached = result.reached.size;
  (counts as VerifyReport['counts']).reached = [...result.reached];
  return finish(result.errors, result.warnings);
}

/** A report as plain lines, for the CLI and test failure messages. */
export function formatReport(report: VerifyReport, name = report.protocolId ?? '(protocol)'): string {
  const lines = [
    `${report.ok ? 'ok  ' : 'FAIL'} ${name}: ${report.counts.paths} paths, ${report.counts.questions} questions, ` +
      `${report.counts.redFlags} red flags, ${report.counts.rules} rules, ${report.counts.dispositionsReached} dispositions reached`,
  ];
  for (const e of report.errors) {
    lines.push(`  error ${e.code}${e.at !== undefined ? ` at ${e.at || '/'}` : ''}: ${e.message}`);
    if (e.path) lines.push(`    path: ${e.path.filter((s) => s.answer !== 'no' || !s.id.startsWith('general-')).map((s) => `${s.id}=${JSON.stringify(s.answer)}`).join(', ') || '(all red flags "no")'}`);
  }
  for (const w of report.warnings) lines.push(`  warning ${w.code}${w.at ? ` at ${w.at}` : ''}: ${w.message}`);
  return lines.join('\n');
}

/**
 * The command line's work, without the file system: `read` returns a file's text (the `helsekit verify`
 * bin passes `readFileSync`). Prints counts, errors with their counterexample paths, and warnings per
 * protocol. Returns the exit code: 0 all verified, 1 any failed, 2 usage.
 */
export function runVerifyCli(
  files: readonly string[],
  read: (file: string) => string,
  out: (line: string) => void = console.log,
): number {
  if (files.length === 0) {
    out('usage: helsekit verify <protocol.json>...');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(read(file));
    } catch (e) {
      out(`FAIL ${file}: cannot read JSON (${(e as Error).message})`);
      failed++;
      continue;
    }
    const report = verifyProtocol(json);
    out(formatReport(report, file));
    if (!report.ok) failed++;
  }
  out(`${files.length - failed} of ${files.length} protocol(s) verified`);
  return failed > 0 ? 1 : 0;
}
