/**
 * `compileProtocol`: a protocol as written (JSON) into the protocol the engine runs. Everything the shared layers
 * add becomes plain protocol data, so the rules, the "vet ikke" readings and the verifier need no special cases:
 *
 * - the general red flags that fit the audience come first in `redFlags`;
 * - the who-for facts become questions with `origin: "person"` (`age-band`, `sex`, `pregnant`), answered from the
 *   who-for screen and never shown, when a condition or a risk modifier reads them;
 * - the asked risk modifiers become one multi-choice question, `risk-factors`, and every declared modifier a rule
 *   at its floor;
 * - every `plausible` range becomes a rule at its floor for values outside it.
 *
 * The result is marked `compiled` and compiling it again returns it unchanged (a persisted snapshot holds one).
 */
import { GENERAL_RED_FLAGS } from './general-red-flags.js';
import { AGE_BAND_LABELS, SEX_LABELS } from './person.js';
import {
  AGE_BANDS,
  DONT_KNOW,
  SEXES,
  type AgeBand,
  type Condition,
  type ConditionNode,
  type LocalizedText,
  type MultiChoiceQuestion,
  type OutcomeRule,
  type PersonQuestionId,
  type Protocol,
  type Question,
  type RedFlag,
  type RiskModifierId,
  type TriageDisposition,
} from './protocol.types.js';
import { AGE_MODIFIER_BANDS, riskModifier } from './risk-modifiers.js';

export const RISK_QUESTION_ID = 'risk-factors';
/** The exclusive options of the risk question: "Ingen av disse" and "Vet ikke" (read as every listed factor). */
export const RISK_NONE = 'none';
export const RISK_UNSURE = 'unsure';
/** Compiled rules rank below every protocol rule of the same disposition: the protocol's own reason is plainer. */
const FLOOR_PRIORITY = -100;

const compiled = new WeakMap<Protocol, Protocol>();

export function isCompiled(protocol: Protocol): boolean {
  return protocol.compiled === true;
}

/** Whether a red flag is asked for any of these age bands. */
export function redFlagFits(flag: Pick<RedFlag, 'ages'>, ages: readonly AgeBand[]): boolean {
  return !flag.ages || flag.ages.some((band) => ages.includes(band));
}

function conditionsIn(node: ConditionNode | undefined, out: Condition[] = []): Condition[] {
  if (!node) return out;
  if ('all' in node) for (const child of node.all) conditionsIn(child, out);
  else if ('any' in node) for (const child of node.any) conditionsIn(child, out);
  else out.push(node);
  return out;
}

function personQuestion(id: PersonQuestionId, protocol: Protocol): Question {
  const ages = AGE_BANDS.filter((band) => protocol.audience.ages.includes(band));
  const text: Record<PersonQuestionId, LocalizedText> = {
    'age-band': { nb: 'Alder', nn: 'Alder', en: 'Age', se: 'Agi' },
    sex: { nb: 'Kjønn', nn: 'Kjønn', en: 'Sex', se: 'Sohkabealli' },
    pregnant: { nb: 'Gravid', nn: 'Gravid', en: 'Pregnant', se: 'Áhpehis' },
  };
  if (id === 'pregnant') return { id, kind: 'yes-no-dontknow', text: text[id], origin: 'person' };
  const values: readonly string[] = id === 'age-band' ? ages : protocol.audience.sex ? [protocol.audience.sex, 'other'] : SEXES;
  const labels = (id === 'age-band' ? AGE_BAND_LABELS : SEX_LABELS) as Record<string, LocalizedText>;
  return { id, kind: 'single-choice', text: text[id], options: values.map((value) => ({ value, label: labels[value]! })), origin: 'person' };
}

function riskQuestion(asked: RiskModifierId[]): MultiChoiceQuestion {
  return {
    id: RISK_QUESTION_ID,
    kind: 'multi-choice',
    origin: 'risk',
    keyFinding: true,
    text: {
      nb: 'Gjelder noe av dette deg?',
      nn: 'Gjeld noko av dette deg?',
      en: 'Does any of this apply to you?',
      se: 'Guoská go juoga dás dutnje?',
    },
    textChild: {
      nb: 'Gjelder noe av dette barnet?',
      nn: 'Gjeld noko av dette barnet?',
      en: 'Does any of this apply to the child?',
      se: 'Guoská go juoga dás mánnái?',
    },
    options: [
      ...asked.map((id) => ({ value: id, label: riskModifier(id).label })),
      { value: RISK_NONE, label: { nb: 'Ingen av disse', nn: 'Ingen av desse', en: 'None of these', se: 'Ii mihkkege dáin' }, exclusive: true },
      { value: RISK_UNSURE, label: { nb: 'Vet ikke', nn: 'Veit ikkje', en: "Don't know", se: 'In dieđe' }, exclusive: true },
    ],
  };
}

function floorRule(id: string, when: OutcomeRule['when'], disposition: TriageDisposition, reason: LocalizedText): OutcomeRule {
  return { id, when, disposition, priority: FLOOR_PRIORITY, reason };
}

export function compileProtocol(protocol: Protocol): Protocol {
  if (isCompiled(protocol)) return protocol;
  const cached = compiled.get(protocol);
  if (cached) return cached;

  const ages = protocol.audience.ages;
  const declared = Object.entries(protocol.riskModifiers ?? {}) as Array<[RiskModifierId, TriageDisposition]>;
  const rules: OutcomeRule[] = [];
  const asked: RiskModifierId[] = [];
  const usesPerson = new Set<PersonQuestionId>();

  for (const [id, floor] of declared) {
    const modifier = riskModifier(id);
    if (modifier.from === 'asked') {
      asked.push(id);
      rules.push(
        floorRule(
          `risk-${id}`,
          {
            any: [
              { question: RISK_QUESTION_ID, operator: 'includes', value: id },
              { question: RISK_QUESTION_ID, operator: 'includes', value: RISK_UNSURE },
            ],
          },
          floor,
          modifier.reason,
        ),
      );
      continue;
    }
    const band = AGE_MODIFIER_BANDS[id];
    if (band) {
      // A modifier for a band the protocol is not written for can never apply.
      if (!ages.includes(band)) continue;
      usesPerson.add('age-band');
      rules.push(floorRule(`risk-${id}`, { all: [{ question: 'age-band', operator: 'eq', value: band }] }, floor, modifier.reason));
    } else if (id === 'pregnancy') {
      // Also with `audience.pregnant: false`: that keeps out someone who is pregnant, not someone who does not know.
      usesPerson.add('pregnant');
      rules.push(floorRule(`risk-${id}`, { all: [{ question: 'pregnant', operator: 'in', value: ['yes', DONT_KNOW] }] }, floor, modifier.reason));
    }
  }

  for (const q of protocol.questions) {
    if ((q.kind !== 'number' && q.kind !== 'duration') || !q.plausible) continue;
    const { min, max, floor, reason } = q.plausible;
    const outside: Condition[] = [
      ...(min !== undefined ? [{ question: q.id, operator: 'lt' as const, value: min }] : []),
      ...(max !== undefined ? [{ question: q.id, operator: 'gt' as const, value: max }] : []),
    ];
    if (outside.length > 0) rules.push(floorRule(`implausible-${q.id}`, { any: outside }, floor, reason));
  }

  const referenced = [...protocol.rules.map((r) => r.when), ...protocol.questions.map((q) => q.enableWhen)].flatMap((node) => conditionsIn(node));
  for (const c of referenced) {
    if (c.question === 'age-band' || c.question === 'sex' || c.question === 'pregnant') usesPerson.add(c.question);
  }
  const person = (['age-band', 'sex', 'pregnant'] as const).filter((id) => usesPerson.has(id)).map((id) => personQuestion(id, protocol));

  const result: Protocol = {
    ...protocol,
    compiled: true,
    redFlags: [...GENERAL_RED_FLAGS.filter((f) => redFlagFits(f, ages)), ...protocol.redFlags],
    questions: [...person, ...(asked.length > 0 ? [riskQuestion(asked)] : []), ...protocol.questions],
    rules: [...protocol.rules, ...rules],
  };
  compiled.set(protocol, result);
  return result;
}

/** Whether a number is inside the question's plausible range (always, when it has none). */
export function isPlausible(question: Question, value: number): boolean {
  if ((question.kind !== 'number' && question.kind !== 'duration') || !question.plausible) return true;
  const { min, max } = question.plausible;
  return !(min !== undefined && value < min) && !(max !== undefined && value > max);
}

/**
 * The compiled protocol narrowed to one person: only the red flags asked for their age band. The machine runs
 * this one, so the screen, the decision and the Bundle agree on which red flags were asked.
 */
export function protocolForPerson(protocol: Protocol, person: { ageBand: AgeBand } | null): Protocol {
  const full = compileProtocol(protocol);
  if (!person) return full;
  return { ...full, redFlags: full.redFlags.filter((f) => redFlagFits(f, [person.ageBand])) };
}
