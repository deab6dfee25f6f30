import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { GENERAL_RED_FLAGS } from './general-red-flags.js';
import type { TriageAnswer, Answers, Condition, Disposition } from './protocol.types.js';
import { fixtureProtocol } from './triage.fixtures.js';
import {
  allRedFlags,
  answerDomain,
  decide,
  decideLiteral,
  enabledQuestions,
  matchCondition,
  evaluateConditions,
  isMoreUrgent,
  isQuestionEnabled,
  isValidAnswer,
  MAX_READINGS,
  mostUrgentReachable,
  numericRepresentatives,
  pruneAnswers,
  URGENCY_ORDER,
  urgencyRank,
  type RedFlagAnswers,
} from './triage.rules.js';

const protocol = fixtureProtocol();
const q = (id: string) => protocol.questions.find((x) => x.id === id)!;
const allNo: RedFlagAnswers = Object.fromEntries(allRedFlags(protocol).map((f) => [f.id, 'no' as const]));

describe('urgency order', () => {
  it('is call-113 > call-116117 > gp-same-day > gp-appointment > e-consultation > self-care > admin-service', () => {
    assert.deepEqual(URGENCY_ORDER, ['call-113', 'call-116117', 'gp-same-day', 'gp-appointment', 'e-consultation', 'self-care', 'admin-service']);
    for (let i = 0; i < URGENCY_ORDER.length - 1; i++) {
      assert.ok(isMoreUrgent(URGENCY_ORDER[i]!, URGENCY_ORDER[i + 1]!));
      assert.ok(!isMoreUrgent(URGENCY_ORDER[i + 1]!, URGENCY_ORDER[i]!));
      assert.ok(!isMoreUrgent(URGENCY_ORDER[i]!, URGENCY_ORDER[i]!));
    }
  });
});

describe('matchCondition', () => {
  const cases: Array<[Condition, TriageAnswer | undefined, boolean]> = [
    [{ question: 'x', operator: 'eq', value: 'yes' }, 'yes', true],
    [{ question: 'x', operator: 'eq', value: 'yes' }, 'no', false],
    [{ question: 'x', operator: 'eq', value: 'yes' }, 'dontknow', false],
    [{ question: 'x', operator: 'eq', value: 'yes' }, undefined, false],
    [{ question: 'x', operator: 'ne', value: 'yes' }, 'no', true],
    [{ question: 'x', operator: 'ne', value: 'yes' }, 'yes', false],
    [{ question: 'x', operator: 'ne', value: 'yes' }, undefined, false],
    [{ question: 'x', operator: 'eq', value: 38 }, 38, true],
    [{ question: 'x', operator: 'gt', value: 38 }, 38, false],
    [{ question: 'x', operator: 'gt', value: 38 }, 38.1, true],
    [{ question: 'x', operator: 'ge', value: 38 }, 38, true],
    [{ question: 'x', operator: 'ge', value: 38 }, 37.9, false],
    [{ question: 'x', operator: 'lt', value: 38 }, 37.9, true],
    [{ question: 'x', operator: 'lt', value: 38 }, 38, false],
    [{ question: 'x', operator: 'le', value: 38 }, 38, true],
    [{ question: 'x', operator: 'le', value: 38 }, 38.1, false],
    [{ question: 'x', operator: 'gt', value: 38 }, 'dontknow', false],
    [{ question: 'x', operator: 'lt', value: 38 }, undefined, false],
    [{ question: 'x', operator: 'gt', value: 38 }, '39', false],
    [{ question: 'x', operator: 'in', value: ['a', 'b'] }, 'b', true],
    [{ question: 'x', operator: 'in', value: ['a', 'b'] }, 'c', false],
    [{ question: 'x', operator: 'in', value: [1, 2] }, 2, true],
    [{ question: 'x', operator: 'in', value: ['a'] }, undefined, false],
    [{ question: 'x', operator: 'includes', value: 'rash' }, ['cough', 'rash'], true],
    [{ question: 'x', operator: 'includes', value: 'rash' }, ['cough'], false],
    [{ question: 'x', operator: 'includes', value: 'rash' }, [], false],
    [{ question: 'x', operator: 'includes', value: 'rash' }, 'rash', false],
    [{ question: 'x', operator: 'eq', value: 'rash' }, ['rash'], false],
    [{ question: 'x', operator: 'answered' }, 'no', true],
    [{ question: 'x', operator: 'answered' }, [], true],
    [{ question: 'x', operator: 'answered' }, undefined, false],
    [{ question: 'x', operator: 'answered', value: false }, undefined, true],
    [{ question: 'x', operator: 'answered', value: false }, 0, false],
  ];
  for (const [condition, answer, expected] of cases) {
    it(`${condition.operator} ${JSON.stringify(condition.value)} on ${JSON.stringify(answer)} → ${expected}`, () => {
      const answers: Answers = answer === undefined ? {} : { x: answer };
      assert.equal(matchCondition(condition, answers), expected);
    });
  }

  it('combines with all / any and nests', () => {
    const yes = { question: 'a', operator: 'eq', value: 'yes' } as const;
    const no = { question: 'b', operator: 'eq', value: 'yes' } as const;
    const answers = { a: 'yes', b: 'no' };
    assert.equal(evaluateConditions({ all: [yes, no] }, answers), false);
    assert.equal(evaluateConditions({ any: [yes, no] }, answers), true);
    assert.equal(evaluateConditions({ all: [yes, { any: [no, yes] }] }, answers), true);
    assert.equal(evaluateConditions({ any: [no, { all: [yes, no] }] }, answers), false);
    assert.equal(evaluateConditions({ all: [] }, answers), true);
    assert.equal(evaluateConditions({ any: [] }, answers), false);
  });
});

describe('answer domains and bands', () => {
  it('cuts a number question at the thresholds the protocol uses', () => {
    assert.deepEqual(numericRepresentatives(protocol, q('temp')), [35, 36.8, 38.5, 39.3, 40, 41, 42]);
  });
  it('uses whole numbers for durations and ages', () => {
    assert.deepEqual(numericRepresentatives(protocol, q('days')), [0, 1, 2, 5, 7, 19, 30]);
    assert.deepEqual(numericRepresentatives(protocol, q('age')), [16, 48, 80, 95, 110]);
  });
  it('offers yes/no, options and "vet ikke" where allowed', () => {
    assert.deepEqual(answerDomain(protocol, q('has-fever')), ['yes', 'no']);
    assert.deepEqual(answerDomain(protocol, q('has-fever'), true), ['yes', 'no', 'dontknow']);
    assert.deepEqual(answerDomain(protocol, q('where'), true), ['home', 'abroad', 'dontknow']);
    assert.deepEqual(answerDomain(protocol, q('age'), true).includes('dontknow'), false);
  });
  it('enumerates a multi-choice over the options conditions look at', () => {
    assert.deepEqual(answerDomain(protocol, q('symptoms'), true), [[], ['rash']]);
  });
});

describe('isValidAnswer', () => {
  const cases: Array<[string, unknown, boolean]> = [
    ['has-fever', 'yes', true],
    ['has-fever', 'dontknow', true],
    ['has-fever', 'maybe', false],
    ['temp', 38.5, true],
    ['temp', 38.55, false],
    ['temp', 34.9, false],
    ['temp', 42.1, false],
    ['temp', Number.NaN, false],
    ['temp', 'dontknow', true],
    ['age', 'dontknow', false],
    ['age', 40.5, false],
    ['age', 40, true],
    ['days', 0, true],
    ['where', 'abroad', true],
    ['where', 'moon', false],
    ['symptoms', ['rash', 'cough'], true],
    ['symptoms', [], true],
    ['symptoms', ['none'], true],
    ['symptoms', ['none', 'rash'], false],
    ['symptoms', ['rash', 'rash'], false],
    ['symptoms', ['fever'], false],
    ['symptoms', 'dontknow', false],
  ];
  for (const [id, value, expected] of cases) {
    it(`${id} = ${JSON.stringify(value)} is ${expected ? 'valid' : 'refused'}`, () => assert.equal(isValidAnswer(q(id), value), expected));
  }
});

describe('enabled questions and pruning', () => {
  it('asks the temperature only after a fever "yes"', () => {
    assert.equal(isQuestionEnabled(protocol, q('temp'), {}), false);
    assert.equal(isQuestionEnabled(protocol, q('temp'), { 'has-fever': 'yes' }), true);
    assert.equal(isQuestionEnabled(protocol, q('temp'), { 'has-fever': 'no' }), false);
  });
  it('asks it after "vet ikke" too: one question too many is safe, one too few is not', () => {
    assert.equal(isQuestionEnabled(protocol, q('temp'), { 'has-fever': 'dontknow' }), true);
  });
  it('drops the answers of questions that are no longer asked', () => {
    assert.deepEqual(pruneAnswers(protocol, { 'has-fever': 'no', temp: 41, days: 2 }), { 'has-fever': 'no', days: 2 });
    assert.deepEqual(pruneAnswers(protocol, { 'has-fever': 'yes', temp: 41, ghost: 'x' }), { 'has-fever': 'yes', temp: 41 });
    assert.deepEqual(
      enabledQuestions(protocol, { 'has-fever': 'no' }).map((x) => x.id),
      ['has-fever', 'days', 'age', 'where', 'symptoms'],
    );
  });
});

describe('the general red flags', () => {
  it('come first on every red-flag screen and all lead to 113', () => {
    const flags = allRedFlags(protocol);
    assert.deepEqual(flags.slice(0, GENERAL_RED_FLAGS.length), GENERAL_RED_FLAGS);
    assert.equal(GENERAL_RED_FLAGS.length, 7);
    for (const f of GENERAL_RED_FLAGS) assert.equal(f.disposition, 'call-113');
  });
  it('are written in every language, Northern Sami included', () => {
    for (const f of GENERAL_RED_FLAGS) {
      for (const text of [f.text, f.whatToDoNow]) {
        for (const lang of ['nb', 'nn', 'en', 'se'] as const) assert.ok(text[lang]?.trim(), `${f.id}.${lang}`);
      }
      assert.match(f.id, /^general-/);
    }
  });
});

// A full answer set on the benign side; rows override parts of it.
const benign: Record<string, TriageAnswer> = { 'has-fever': 'no', days: 1, age: 40, where: 'home', symptoms: [] };

describe('decide: table of typical cases', () => {
  const rows: Array<{ name: string; red?: Partial<Record<string, 'yes' | 'no' | 'dontknow'>>; answers?: Record<string, TriageAnswer>; expect: Disposition; rule?: string | null }> = [
    { name: 'all benign → self-care', expect: 'self-care', rule: 'mild' },
    { name: 'general red flag yes → 113', red: { 'general-speech': 'yes' }, expect: 'call-113' },
    { name: 'general red flag dontknow → 113', red: { 'general-paralysis': 'dontknow' }, expect: 'call-113' },
    { name: 'protocol 113 red flag', red: { 'rf-bleeding': 'yes' }, expect: 'call-113' },
    { name: 'protocol 116117 red flag', red: { 'rf-breathing': 'yes' }, expect: 'call-116117' },
    { name: '113 beats 116117 when both', red: { 'rf-breathing': 'yes', 'rf-bleeding': 'yes' }, expect: 'call-113' },
    { name: '116117 red flag "vet ikke"', red: { 'rf-breathing': 'dontknow' }, expect: 'call-116117' },
    { name: 'fever 41 → 116117', answers: { 'has-fever': 'yes', temp: 41 }, expect: 'call-116117', rule: 'temp-high' },
    { name: 'fever exactly 40 → 116117 (ge)', answers: { 'has-fever': 'yes', temp: 40 }, expect: 'call-116117', rule: 'temp-high' },
    { name: 'fever 39.9 → same day', answers: { 'has-fever': 'yes', temp: 39.9 }, expect: 'gp-same-day', rule: 'temp-mid' },
    { name: 'fever exactly 38.5 → same day', answers: { 'has-fever': 'yes', temp: 38.5 }, expect: 'gp-same-day', rule: 'temp-mid' },
    { name: 'fever 38.4 → default appointment', answers: { 'has-fever': 'yes', temp: 38.4 }, expect: 'gp-appointment', rule: null },
    { name: 'temperature "vet ikke" → worst band (116117)', answers: { 'has-fever': 'yes', temp: 'dontknow' }, expect: 'call-116117', rule: 'temp-high' },
    { name: 'days 8 → appointment', answers: { days: 8 }, expect: 'gp-appointment', rule: 'long' },
    { name: 'days 7 (not > 7), fever no → default', answers: { days: 7 }, expect: 'gp-appointment', rule: null },
    { name: 'days 2, fever no → self-care (le)', answers: { days: 2 }, expect: 'self-care', rule: 'mild' },
    { name: 'days 3 → default appointment', answers: { days: 3 }, expect: 'gp-appointment', rule: null },
    { name: 'days "vet ikke" → at least appointment', answers: { days: 'dontknow' }, expect: 'gp-appointment' },
    { name: '80 with fever 37 → same day', answers: { 'has-fever': 'yes', temp: 37, age: 80 }, expect: 'gp-same-day', rule: 'old-with-fever' },
    { name: '79 with fever 37 → default', answers: { 'has-fever': 'yes', temp: 37, age: 79 }, expect: 'gp-appointment', rule: null },
    { name: '80 without fever → self-care', answers: { age: 80 }, expect: 'self-care', rule: 'mild' },
    { name: 'abroad → e-consultation beats self-care', answers: { where: 'abroad' }, expect: 'e-consultation', rule: 'abroad' },
    { name: 'where "vet ikke" → e-consultation', answers: { where: 'dontknow' }, expect: 'e-consultation', rule: 'abroad' },
    { name: 'rash → same day', answers: { symptoms: ['cough', 'rash'] }, expect: 'gp-same-day', rule: 'rash' },
    { name: 'cough only → self-care', answers: { symptoms: ['cough'] }, expect: 'self-care', rule: 'mild' },
    { name: 'none → self-care', answers: { symptoms: ['none'] }, expect: 'self-care', rule: 'mild' },
    { name: 'fever "vet ikke", temperature 41 → 116117', answers: { 'has-fever': 'dontknow', temp: 41 }, expect: 'call-116117', rule: 'temp-high' },
    { name: 'fever "vet ikke", temperature 37 → not self-care', answers: { 'has-fever': 'dontknow', temp: 37 }, expect: 'gp-appointment' },
    { name: 'fever "vet ikke", 85 years → same day', answers: { 'has-fever': 'dontknow', temp: 37, age: 85 }, expect: 'gp-same-day', rule: 'old-with-fever' },
    { name: 'fever no drops a stale temperature of 41', answers: { 'has-fever': 'no', temp: 41 }, expect: 'self-care', rule: 'mild' },
    { name: 'most urgent of many matching rules wins', answers: { 'has-fever': 'yes', temp: 40.5, days: 9, where: 'abroad', symptoms: ['rash'] }, expect: 'call-116117', rule: 'temp-high' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const decision = decide(protocol, { ...allNo, ...row.red } as RedFlagAnswers, { ...benign, ...row.answers });
      assert.equal(decision.disposition, row.expect);
      if (row.red && Object.values(row.red).some((v) => v !== 'no')) assert.equal(decision.reason.kind, 'red-flag');
      if (row.rule !== undefined) {
        if (row.rule === null) assert.equal(decision.reason.kind, 'default');
        else assert.equal(decision.reason.kind === 'rule' && decision.reason.ruleId, row.rule);
      }
    });
  }

  it('says which answers were assumed for "vet ikke"', () => {
    const decision = decide(protocol, allNo, { ...benign, 'has-fever': 'yes', temp: 'dontknow' });
    assert.equal(decision.reason.kind, 'rule');
    if (decision.reason.kind !== 'rule') return;
    assert.deepEqual(decision.reason.questionIds, ['temp']);
    assert.ok((decision.reason.assumed.temp as number) >= 40);
  });

  it('keeps the plain reading as the reason when "vet ikke" changes nothing', () => {
    const decision = decide(protocol, allNo, { ...benign, 'has-fever': 'yes', temp: 41, where: 'dontknow' });
    assert.equal(decision.reason.kind === 'rule' && Object.keys(decision.reason.assumed).length, 0);
  });

  it('lists every deciding red flag and marks "vet ikke"', () => {
    const decision = decide(protocol, { ...allNo, 'general-speech': 'yes', 'rf-bleeding': 'dontknow' }, {});
    assert.deepEqual(decision.reason, { kind: 'red-flag', redFlagIds: ['general-speech', 'rf-bleeding'], viaDontKnow: true });
  });

  it('lists every positive red flag, the most urgent first, when their dispositions differ', () => {
    // A 116117 flag before a 113 flag on the screen: the reason still starts with the 113 one.
    const swapped = fixtureProtocol();
    swapped.redFlags.reverse();
    const decision = decide(swapped, { 'rf-breathing': 'yes', 'rf-bleeding': 'yes', 'general-chest-pain-5min': 'yes' }, {});
    assert.deepEqual(decision, {
      disposition: 'call-113',
      reason: { kind: 'red-flag', redFlagIds: ['general-chest-pain-5min', 'rf-bleeding', 'rf-breathing'], viaDontKnow: false },
    });
  });

  it('"vet ikke" on the red-flag screen still counts as "yes", alone or beside a "yes"', () => {
    assert.equal(decide(protocol, { ...allNo, 'rf-breathing': 'dontknow' }, {}).disposition, 'call-116117');
    // "Vet ikke" on the 113 flag lifts a 116117 "yes" to 113.
    assert.deepEqual(decide(protocol, { ...allNo, 'rf-bleeding': 'dontknow', 'rf-breathing': 'yes' }, {}), {
      disposition: 'call-113',
      reason: { kind: 'red-flag', redFlagIds: ['rf-bleeding', 'rf-breathing'], viaDontKnow: true },
    });
    // A "vet ikke" that does not decide is still listed and marked.
    assert.deepEqual(decide(protocol, { ...allNo, 'rf-bleeding': 'yes', 'rf-breathing': 'dontknow' }, {}).reason, {
      kind: 'red-flag',
      redFlagIds: ['rf-bleeding', 'rf-breathing'],
      viaDontKnow: true,
    });
  });

  it('falls back to the most urgent reachable disposition when "vet ikke" readings explode', () => {
    const many = fixtureProtocol();
    many.questions = Array.from({ length: 13 }, (_, i) => ({ id: `q${i}`, kind: 'yes-no-dontknow' as const, text: many.title }));
    many.rules = [{ id: 'r', when: { all: many.questions.map((x) => ({ question: x.id, operator: 'eq' as const, value: 'yes' })) }, disposition: 'gp-same-day', priority: 0, reason: many.title }];
    assert.ok(2 ** 13 > MAX_READINGS);
    const answers = Object.fromEntries(many.questions.map((x) => [x.id, 'dontknow']));
    const decision = decide(many, {}, answers);
    assert.equal(decision.reason.kind, 'too-many-unknowns');
    assert.equal(decision.disposition, mostUrgentReachable(many));
  });
});

describe('"vet ikke" never lowers urgency (exhaustive over the fixture)', () => {
  const ids = ['has-fever', 'temp', 'days', 'age', 'where', 'symptoms'];
  const domains = ids.map((id) => answerDomain(protocol, q(id), true));
  function* all(i: number, acc: Record<string, TriageAnswer>): Generator<Record<string, TriageAnswer>> {
    if (i === ids.length) return yield acc;
    for (const v of domains[i]!) yield* all(i + 1, { ...acc, [ids[i]!]: v });
  }
  it('for every answer set, each "vet ikke" is at least as urgent as every concrete answer in its place', () => {
    let checked = 0;
    for (const answers of all(0, {})) {
      const withDk = decide(protocol, allNo, answers).disposition;
      for (const [id, value] of Object.entries(answers)) {
        if (value !== 'dontknow') continue;
        for (const concrete of answerDomain(protocol, q(id))) {
          const other = decide(protocol, allNo, { ...answers, [id]: concrete }).disposition;
          assert.ok(urgencyRank(withDk) <= urgencyRank(other), `${JSON.stringify(answers)}: ${withDk} vs ${id}=${JSON.stringify(concrete)} → ${other}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 1000, `checked ${checked}`);
  });

  it('holds for random numbers too, not only band representatives (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('yes', 'no', 'dontknow'),
        fc.oneof(fc.integer({ min: 350, max: 420 }).map((n) => n / 10), fc.constant('dontknow')),
        fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant('dontknow')),
        fc.integer({ min: 16, max: 110 }),
        fc.constantFrom('home', 'abroad', 'dontknow'),
        (fever, temp, days, age, where) => {
          const answers: Record<string, TriageAnswer> = { 'has-fever': fever, temp, days, age, where, symptoms: [] };
          const withDk = decide(protocol, allNo, answers).disposition;
          for (const [id, value] of Object.entries(answers)) {
            if (value !== 'dontknow') continue;
            const concretes = id === 'temp' ? [35, 38.5, 39.99, 40, 42] : id === 'days' ? [0, 2, 3, 7, 8, 30] : answerDomain(protocol, q(id));
            for (const c of concretes) {
              if (urgencyRank(withDk) > urgencyRank(decide(protocol, allNo, { ...answers, [id]: c }).disposition)) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the literal reading alone would lower it (why the readings exist)', () => {
    // Literally, "vet ikke" on the temperature matches no temperature rule and falls to the default.
    const answers = { ...benign, 'has-fever': 'yes', temp: 'dontknow' };
    assert.equal(decideLiteral(protocol, answers).disposition, 'gp-appointment');
    assert.equal(decide(protocol, allNo, answers).disposition, 'call-116117');
  });
});
