import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileProtocol, protocolForPerson, RISK_QUESTION_ID } from './compile.js';
import { GENERAL_RED_FLAGS } from './general-red-flags.js';
import { fitsAudience, personAnswers, usesChildWording } from './person.js';
import type { TriageAnswer, Answers, Condition, Disposition, Protocol, TriagePerson } from './protocol.types.js';
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
  readingDomain,
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
    // Options a condition names first, then one option for all the others (they behave alike).
    assert.deepEqual(answerDomain(protocol, q('where'), true), ['abroad', 'home', 'dontknow']);
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
  const forBands = (ages: Protocol['audience']['ages']) => GENERAL_RED_FLAGS.filter((f) => !f.ages || f.ages.some((b) => ages.includes(b)));
  it('come first on every red-flag screen, those for the audience, and all lead to 113', () => {
    const flags = allRedFlags(protocol);
    const general = forBands(protocol.audience.ages);
    assert.deepEqual(flags.slice(0, general.length), general);
    assert.deepEqual(flags.slice(general.length).map((f) => f.id), ['rf-bleeding', 'rf-breathing']);
    assert.equal(GENERAL_RED_FLAGS.length, 17);
    for (const f of GENERAL_RED_FLAGS) assert.equal(f.disposition, 'call-113');
    for (const id of ['general-face-arm', 'general-chest-pain', 'general-unconscious', 'general-allergy']) assert.ok(flags.some((f) => f.id === id), id);
  });
  it('are filtered by age band: a small child is never asked about nitroglycerin, an adult never about a limp', () => {
    const child = compileProtocol({ ...fixtureProtocol(), audience: { ages: ['1-4-years'] } });
    const childIds = child.redFlags.map((f) => f.id);
    assert.ok(childIds.includes('general-child-limp'));
    assert.ok(!childIds.includes('general-nitro') && !childIds.includes('general-chest-pain'));
    const adultIds = allRedFlags(protocol).map((f) => f.id);
    assert.ok(adultIds.includes('general-nitro') && !adultIds.includes('general-child-limp'));
    // A protocol for both narrows to the person's band (the screen, the decision and the Bundle agree).
    const both = { ...fixtureProtocol(), audience: { ages: ['1-4-years' as const, '18-64-years' as const] } };
    const narrowed = protocolForPerson(both, { ageBand: '1-4-years' }).redFlags.map((f) => f.id);
    assert.deepEqual(narrowed, [...forBands(['1-4-years']).map((f) => f.id), 'rf-bleeding', 'rf-breathing']);
    assert.ok(allRedFlags(both).length > narrowed.length);
  });
  it('are written in every language, Northern Sami included, in adult and child wording', () => {
    for (const f of GENERAL_RED_FLAGS) {
      for (const text of [f.text, f.textChild!, f.whatToDoNow]) {
        assert.ok(text, `${f.id} textChild`);
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
    { name: 'general red flag dontknow → 113', red: { 'general-face-arm': 'dontknow' }, expect: 'call-113' },
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
    const decision = decide(swapped, { 'rf-breathing': 'yes', 'rf-bleeding': 'yes', 'general-chest-pain': 'yes' }, {});
    assert.deepEqual(decision, {
      disposition: 'call-113',
      reason: { kind: 'red-flag', redFlagIds: ['general-chest-pain', 'rf-bleeding', 'rf-breathing'], viaDontKnow: false },
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

describe('compileProtocol', () => {
  const rule = (id: string, when: Protocol['rules'][number]['when'], disposition: Disposition, priority = 0) => ({ id, when, disposition, priority, reason: protocol.title });

  it('adds the who-for answers as questions only when a condition or a risk modifier reads them', () => {
    assert.deepEqual(
      compileProtocol(fixtureProtocol()).questions.map((x) => x.id),
      fixtureProtocol().questions.map((x) => x.id),
    );
    const bySex = fixtureProtocol();
    bySex.rules.push(rule('men', { all: [{ question: 'sex', operator: 'eq', value: 'male' }] }, 'gp-appointment'));
    const compiled = compileProtocol(bySex);
    assert.deepEqual(compiled.questions.filter((x) => x.origin === 'person').map((x) => x.id), ['sex']);
    const old = fixtureProtocol();
    old.riskModifiers = { 'age-65-plus': 'gp-same-day' };
    const ageBand = compileProtocol(old).questions.find((x) => x.id === 'age-band');
    assert.equal(ageBand?.origin, 'person');
    // Only the bands the protocol is written for.
    assert.deepEqual(ageBand?.kind === 'single-choice' && ageBand.options.map((o) => o.value), ['18-64-years', '65-plus-years']);
    // A modifier for a band outside the audience can never apply: no rule, no question.
    const infants = fixtureProtocol();
    infants.riskModifiers = { 'infant-under-3-months': 'call-116117' };
    const none = compileProtocol(infants);
    assert.equal(none.questions.some((x) => x.origin === 'person'), false);
    assert.equal(none.rules.some((r) => r.id.startsWith('risk-')), false);
  });

  it('reads an age band as the person gives it: 65 or older raises the floor, 18–64 does not', () => {
    const old = fixtureProtocol();
    old.riskModifiers = { 'age-65-plus': 'gp-same-day' };
    const answers = (person: TriagePerson) => ({ ...benign, ...personAnswers(person) });
    const d65 = decide(old, allNo, answers({ who: 'self', ageBand: '65-plus-years' }));
    assert.deepEqual([d65.disposition, d65.reason.kind === 'rule' && d65.reason.ruleId], ['gp-same-day', 'risk-age-65-plus']);
    assert.equal(decide(old, allNo, answers({ who: 'self', ageBand: '18-64-years' })).disposition, 'self-care');
  });

  it('asks the declared risk factors in one question, with "none" and "vet ikke" standing alone', () => {
    const p = fixtureProtocol();
    p.riskModifiers = { immunosuppression: 'gp-same-day', diabetes: 'gp-appointment', 'age-65-plus': 'gp-same-day' };
    const risk = compileProtocol(p).questions.find((x) => x.id === RISK_QUESTION_ID);
    assert.equal(risk?.kind, 'multi-choice');
    assert.equal(risk?.origin, 'risk');
    assert.ok(risk?.textChild, 'child wording: "Gjelder noe av dette barnet?"');
    if (risk?.kind !== 'multi-choice') return;
    // Age comes from the who-for screen, never from this question.
    assert.deepEqual(risk.options.map((o) => [o.value, o.exclusive === true]), [
      ['immunosuppression', false],
      ['diabetes', false],
      ['none', true],
      ['unsure', true],
    ]);
    assert.equal(isValidAnswer(risk, ['none', 'diabetes']), false);
    assert.equal(isValidAnswer(risk, ['immunosuppression', 'diabetes']), true);
  });

  it('reads each factor at its floor, and "vet ikke" as every factor', () => {
    const p = fixtureProtocol();
    p.riskModifiers = { immunosuppression: 'gp-same-day', diabetes: 'gp-appointment' };
    const withRisk = (value: string[]) => decide(p, allNo, { ...benign, [RISK_QUESTION_ID]: value });
    assert.equal(withRisk(['none']).disposition, 'self-care');
    assert.equal(withRisk(['diabetes']).disposition, 'gp-appointment');
    assert.equal(withRisk(['immunosuppression']).disposition, 'gp-same-day');
    const unsure = withRisk(['unsure']);
    assert.deepEqual([unsure.disposition, unsure.reason.kind === 'rule' && unsure.reason.ruleId], ['gp-same-day', 'risk-immunosuppression']);
  });

  it('floors only raise: a more urgent outcome stands, and the protocol\'s own reason wins a tie', () => {
    const p = fixtureProtocol();
    p.riskModifiers = { immunosuppression: 'gp-same-day' };
    const risky = { [RISK_QUESTION_ID]: ['immunosuppression'] };
    assert.equal(decide(p, allNo, { ...benign, ...risky, 'has-fever': 'yes', temp: 41 }).disposition, 'call-116117');
    const tie = decide(p, allNo, { ...benign, ...risky, symptoms: ['rash'] });
    assert.deepEqual([tie.disposition, tie.reason.kind === 'rule' && tie.reason.ruleId], ['gp-same-day', 'rash']);
    // Without the factor, nothing changes.
    assert.equal(decide(p, allNo, { ...benign, [RISK_QUESTION_ID]: ['none'], symptoms: ['cough'] }).disposition, 'self-care');
    // A red flag still decides first.
    assert.equal(decide(p, { ...allNo, 'rf-bleeding': 'yes' }, { ...benign, ...risky }).disposition, 'call-113');
  });

  it('applies the pregnancy floor to "gravid" and "kanskje gravid", also where the audience excludes the pregnant', () => {
    const p = fixtureProtocol();
    p.riskModifiers = { pregnancy: 'gp-same-day' };
    const woman = (pregnant: 'yes' | 'no' | 'dontknow'): TriagePerson => ({ who: 'self', ageBand: '18-64-years', sex: 'female', pregnant });
    assert.equal(decide(p, allNo, { ...benign, ...personAnswers(woman('yes')) }).disposition, 'gp-same-day');
    assert.equal(decide(p, allNo, { ...benign, ...personAnswers(woman('dontknow')) }).disposition, 'gp-same-day');
    assert.equal(decide(p, allNo, { ...benign, ...personAnswers(woman('no')) }).disposition, 'self-care');
    assert.equal(decide(p, allNo, { ...benign, ...personAnswers({ who: 'self', ageBand: '18-64-years', sex: 'male' }) }).disposition, 'self-care');
    const notPregnant = { ...fixtureProtocol(), audience: { ages: ['18-64-years' as const], pregnant: false }, riskModifiers: { pregnancy: 'gp-same-day' as const } };
    // `pregnant: false` keeps out someone who is pregnant; someone who does not know still gets the floor.
    assert.equal(compileProtocol(notPregnant).rules.some((r) => r.id === 'risk-pregnancy'), true);
    assert.equal(decide(notPregnant, allNo, { ...benign, ...personAnswers(woman('dontknow')) }).disposition, 'gp-same-day');
  });

  it('reads "vet ikke" on a duration as any duration, also one past its plausible range', () => {
    const p = fixtureProtocol();
    const days = p.questions.find((q) => q.id === 'days')!;
    if (days.kind !== 'duration') throw new Error('fixture changed');
    days.plausible = { max: 14, floor: 'gp-appointment', reason: { nb: 'Lenge', nn: 'Lenge', en: 'Long' } };
    assert.equal(decide(p, allNo, { ...benign, days: 'dontknow' }).disposition === 'self-care', false);
  });

  describe('plausible ranges', () => {
    // Every typed temperature is self-care here, except what the plausible range catches.
    const lenient = () => {
      const p = fixtureProtocol();
      p.rules = [rule('fever', { all: [{ question: 'has-fever', operator: 'eq', value: 'yes' }] }, 'self-care')];
      p.defaultDisposition = 'self-care';
      return p;
    };
    const fever = (temp: TriageAnswer) => decide(lenient(), allNo, { 'has-fever': 'yes', temp });

    it('a value outside the range never ends in self-care, one inside it may', () => {
      assert.equal(fever(37).disposition, 'self-care');
      assert.equal(fever(35.5).disposition, 'self-care');
      assert.equal(fever(41.5).disposition, 'self-care');
      for (const temp of [35, 35.4, 41.6, 42]) {
        const d = fever(temp);
        assert.deepEqual([d.disposition, d.reason.kind === 'rule' && d.reason.ruleId], ['gp-same-day', 'implausible-temp'], String(temp));
      }
    });

    it('a "vet ikke" on that number is not read as an implausible value', () => {
      assert.equal(fever('dontknow').disposition, 'self-care');
      const compiled = compileProtocol(lenient());
      const temp = compiled.questions.find((x) => x.id === 'temp')!;
      const numbers = (values: TriageAnswer[]) => values.filter((v): v is number => typeof v === 'number');
      assert.ok(numbers(answerDomain(compiled, temp)).some((v) => v < 35.5 || v > 41.5));
      assert.ok(numbers(readingDomain(compiled, temp)).every((v) => v >= 35.5 && v <= 41.5));
      assert.ok(numbers(readingDomain(compiled, temp)).length > 0);
    });

    it('is an outcome rule the view can explain: the floor and the reason of the range', () => {
      const rules = compileProtocol(fixtureProtocol()).rules.filter((r) => r.id.startsWith('implausible-'));
      assert.deepEqual(rules.map((r) => [r.id, r.disposition, r.reason.en]), [['implausible-temp', 'gp-same-day', 'Implausible temperature']]);
    });
  });

  it('is idempotent: compiling a compiled protocol, or its JSON from a persisted snapshot, changes nothing', () => {
    const source = fixtureProtocol();
    source.riskModifiers = { immunosuppression: 'gp-same-day', 'age-65-plus': 'gp-same-day' };
    const once = compileProtocol(source);
    assert.equal(once.compiled, true);
    assert.equal(compileProtocol(once), once);
    assert.equal(compileProtocol(source), once, 'cached per source object');
    const revived = JSON.parse(JSON.stringify(once)) as Protocol;
    assert.deepEqual(compileProtocol(revived), once);
    // Nothing is added twice.
    assert.equal(new Set(once.redFlags.map((f) => f.id)).size, once.redFlags.length);
    assert.equal(new Set(once.questions.map((x) => x.id)).size, once.questions.length);
    assert.equal(new Set(once.rules.map((r) => r.id)).size, once.rules.length);
    // The source is left as written.
    assert.equal(source.redFlags.length, 2);
    assert.equal(source.compiled, undefined);
    assert.equal(decide(revived, allNo, { ...benign, [RISK_QUESTION_ID]: ['unsure'] }).disposition, 'gp-same-day');
  });
});

describe('who a protocol is for', () => {
  const person = (p: Partial<TriagePerson>): TriagePerson => ({ who: 'self', ageBand: '18-64-years', ...p });
  const forAudience = (audience: Protocol['audience']) => ({ audience });

  it('fits by age band; without a person every protocol is offered', () => {
    const adults = forAudience({ ages: ['18-64-years', '65-plus-years'] });
    assert.equal(fitsAudience(adults, person({})), true);
    assert.equal(fitsAudience(adults, person({ ageBand: '65-plus-years' })), true);
    assert.equal(fitsAudience(adults, person({ ageBand: '13-17-years' })), false);
    assert.equal(fitsAudience(adults, person({ ageBand: 'under-3-months', who: 'other' })), false);
    assert.equal(fitsAudience(adults, null), true);
  });

  it('fits by sex, and offers both to "annet" or no answer', () => {
    const women = forAudience({ ages: ['18-64-years'], sex: 'female' });
    assert.equal(fitsAudience(women, person({ sex: 'female' })), true);
    assert.equal(fitsAudience(women, person({ sex: 'male' })), false);
    assert.equal(fitsAudience(women, person({ sex: 'other' })), true);
    assert.equal(fitsAudience(women, person({})), true);
    const men = forAudience({ ages: ['18-64-years'], sex: 'male' });
    assert.equal(fitsAudience(men, person({ sex: 'other' })), true);
    assert.equal(fitsAudience(men, person({ sex: 'female' })), false);
  });

  it('fits by pregnancy: "vet ikke" counts as may be pregnant', () => {
    const pregnant = forAudience({ ages: ['18-64-years'], pregnant: true });
    assert.equal(fitsAudience(pregnant, person({ sex: 'female', pregnant: 'yes' })), true);
    assert.equal(fitsAudience(pregnant, person({ sex: 'female', pregnant: 'dontknow' })), true);
    assert.equal(fitsAudience(pregnant, person({ sex: 'female', pregnant: 'no' })), false);
    assert.equal(fitsAudience(pregnant, person({ sex: 'male' })), false);
    const notPregnant = forAudience({ ages: ['18-64-years'], pregnant: false });
    assert.equal(fitsAudience(notPregnant, person({ sex: 'female', pregnant: 'yes' })), false);
    assert.equal(fitsAudience(notPregnant, person({ sex: 'female', pregnant: 'dontknow' })), true);
    assert.equal(fitsAudience(notPregnant, person({ sex: 'female', pregnant: 'no' })), true);
  });

  it('words questions about "barnet" for a child answered by someone else, and for every child under 13', () => {
    assert.equal(usesChildWording(null), false);
    assert.equal(usesChildWording(person({ who: 'other' })), false, 'an adult answered for is "personen"');
    assert.equal(usesChildWording(person({ who: 'other', ageBand: '1-4-years' })), true);
    assert.equal(usesChildWording(person({ who: 'other', ageBand: '13-17-years' })), true);
    assert.equal(usesChildWording(person({ who: 'self', ageBand: '13-17-years' })), false, 'a teenager answering alone reads "du"');
    assert.equal(usesChildWording(person({ who: 'self', ageBand: '5-12-years' })), true);
  });

  it('gives the who-for answers under the reserved ids; pregnancy is "no" where it is not asked', () => {
    assert.deepEqual(personAnswers(person({ sex: 'female', pregnant: 'yes' })), { 'age-band': '18-64-years', sex: 'female', pregnant: 'yes' });
    assert.deepEqual(personAnswers(person({ sex: 'female' })), { 'age-band': '18-64-years', sex: 'female', pregnant: 'dontknow' });
    assert.deepEqual(personAnswers(person({ sex: 'male' })), { 'age-band': '18-64-years', sex: 'male', pregnant: 'no' });
    assert.deepEqual(personAnswers(person({ ageBand: '1-4-years' })), { 'age-band': '1-4-years', sex: 'other', pregnant: 'no' });
  });
});
