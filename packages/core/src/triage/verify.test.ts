import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { LocalizedText, Protocol } from './protocol.types.js';
import { fixtureProtocol } from './triage.fixtures.js';
import { formatReport, runVerifyCli, verifyProtocol, type VerifyIssueCode } from './verify.js';

const readText = (file: string) => readFileSync(file, 'utf8');

const t = (s: string): LocalizedText => ({ nb: s, nn: s, en: s });

function broken(change: (p: Protocol) => void): Protocol {
  const p = fixtureProtocol();
  change(p);
  return p;
}

function codes(p: unknown): VerifyIssueCode[] {
  return verifyProtocol(p).errors.map((e) => e.code);
}

describe('verifyProtocol: a good protocol', () => {
  it('passes and reports counts', () => {
    const report = verifyProtocol(fixtureProtocol());
    assert.equal(report.ok, true, formatReport(report));
    assert.deepEqual(report.errors, []);
    assert.equal(report.counts.questions, 6);
    // The fixture's seven, and the floor of its plausible temperature range.
    assert.equal(report.counts.rules, 8);
    // The general red flags for adults (not the one for small children only), and the fixture's two.
    assert.equal(report.counts.redFlags, 18);
    assert.equal(report.counts.dispositionsReached, 6);
    assert.ok(report.counts.paths > 1000);
    assert.equal(report.counterexample, null);
  });
});

describe('verifyProtocol: broken protocols fail', () => {
  it('dead end: a path reaches a disposition without advice', () => {
    const p = broken((x) => delete x.dispositions['e-consultation']);
    const report = verifyProtocol(p);
    assert.equal(report.ok, false);
    const error = report.errors.find((e) => e.code === 'dead-end');
    assert.ok(error, formatReport(report));
    assert.ok(report.counterexample?.some((s) => s.id === 'where' && s.answer === 'abroad'), JSON.stringify(report.counterexample));
  });

  it('dead end: a red flag whose disposition has no advice', () => {
    const p = broken((x) => delete x.dispositions['call-116117'] && x.rules.splice(0, 1));
    const report = verifyProtocol(p);
    const error = report.errors.find((e) => e.code === 'dead-end');
    assert.ok(error);
    assert.deepEqual(error.path?.at(-1), { id: 'rf-breathing', answer: 'yes' });
  });

  it('"vet ikke" routed lower than the benign answer', () => {
    const p = broken((x) => {
      x.questions.push({ id: 'pain', kind: 'yes-no-dontknow', text: t('Pain?') });
      x.rules.push(
        { id: 'pain-yes', when: { all: [{ question: 'pain', operator: 'eq', value: 'yes' }] }, disposition: 'gp-same-day', priority: 0, reason: t('pain') },
        { id: 'pain-unknown', when: { all: [{ question: 'pain', operator: 'eq', value: 'dontknow' }] }, disposition: 'self-care', priority: 9, reason: t('?') },
      );
      // Without the fixture's own self-care rule, "no" falls to the default (gp-appointment).
      x.rules = x.rules.filter((r) => r.id !== 'mild');
    });
    const report = verifyProtocol(p);
    const error = report.errors.find((e) => e.code === 'dont-know-lowers-urgency');
    assert.ok(error, formatReport(report));
    assert.match(error.message, /pain-unknown/);
    assert.ok(error.path?.some((s) => s.id === 'pain' && s.answer === 'dontknow'));
  });

  it('"vet ikke" falling to a default below both answers', () => {
    const p = broken((x) => {
      x.questions.push({ id: 'pain', kind: 'yes-no-dontknow', text: t('Pain?') });
      x.rules.push(
        { id: 'pain-yes', when: { all: [{ question: 'pain', operator: 'eq', value: 'yes' }] }, disposition: 'call-116117', priority: 0, reason: t('pain') },
        { id: 'pain-no', when: { all: [{ question: 'pain', operator: 'eq', value: 'no' }] }, disposition: 'gp-same-day', priority: 0, reason: t('no pain') },
      );
      x.defaultDisposition = 'self-care';
    });
    assert.ok(codes(p).includes('dont-know-lowers-urgency'));
  });

  it('a red flag hidden after a question', () => {
    const p = broken((x) => {
      x.questions.push({ id: 'unconscious', kind: 'yes-no-dontknow', text: t('Unconscious?') });
      x.rules.push({ id: 'unconscious', when: { all: [{ question: 'unconscious', operator: 'eq', value: 'yes' }] }, disposition: 'call-113', priority: 0, reason: t('!') });
    });
    const report = verifyProtocol(p);
    const error = report.errors.find((e) => e.code === 'red-flag-after-question');
    assert.ok(error, formatReport(report));
    assert.match(error.message, /unconscious/);
  });

  it('a missing language', () => {
    const p = broken((x) => delete (x.questions[0]!.text as Partial<LocalizedText>).nn);
    const report = verifyProtocol(p);
    assert.deepEqual(report.errors.map((e) => [e.code, e.at]), [['missing-language', '/questions/0/text/nn']]);
  });

  it('a missing Sami text when the protocol says its Sami is complete', () => {
    const p = broken((x) => (x.translations.se = 'complete'));
    assert.ok(codes(p).every((c) => c === 'missing-language'));
    assert.ok(codes(p).length > 10);
  });

  it('an unknown question reference', () => {
    const p = broken((x) => x.rules.push({ id: 'ghost', when: { all: [{ question: 'ghost', operator: 'eq', value: 'yes' }] }, disposition: 'self-care', priority: 0, reason: t('x') }));
    const report = verifyProtocol(p);
    assert.deepEqual(report.errors.map((e) => [e.code, e.at]), [['unknown-question', '/rules/7/when/all/0']]);
  });

  it('an unreachable rule', () => {
    const p = broken((x) => x.rules.push({ id: 'never', when: { all: [{ question: 'temp', operator: 'gt', value: 45 }] }, disposition: 'call-116117', priority: 0, reason: t('x') }));
    const report = verifyProtocol(p);
    assert.deepEqual(report.errors.map((e) => e.code), ['unreachable-rule']);
    assert.match(report.errors[0]!.message, /never/);
  });

  it('a rule that can never hold because its conditions contradict', () => {
    const p = broken((x) =>
      x.rules.push({
        id: 'contradiction',
        when: { all: [{ question: 'has-fever', operator: 'eq', value: 'no' }, { question: 'temp', operator: 'ge', value: 38 }] },
        disposition: 'gp-same-day',
        priority: 0,
        reason: t('x'),
      }),
    );
    assert.deepEqual(codes(p), ['unreachable-rule']);
  });

  it('advice for a disposition no path reaches', () => {
    const p = broken((x) => (x.dispositions['admin-service'] = { advice: t('a'), safetyNet: t('s'), target: 'sick-note' }));
    assert.deepEqual(codes(p), ['unreachable-disposition']);
  });

  it('an enableWhen that looks forward', () => {
    const p = broken((x) => (x.questions[0]!.enableWhen = { all: [{ question: 'days', operator: 'gt', value: 1 }] }));
    assert.ok(codes(p).includes('forward-reference'));
  });

  it('an option that does not exist, and an operator that does not fit', () => {
    assert.deepEqual(codes(broken((x) => (x.rules[4]!.when = { all: [{ question: 'where', operator: 'eq', value: 'mars' }] }))), ['unknown-option']);
    assert.deepEqual(codes(broken((x) => (x.rules[4]!.when = { all: [{ question: 'where', operator: 'gt', value: 3 }] }))), ['bad-operator']);
    assert.deepEqual(codes(broken((x) => (x.rules[4]!.when = { all: [{ question: 'symptoms', operator: 'eq', value: 'rash' }] }))), ['bad-operator']);
    assert.deepEqual(codes(broken((x) => (x.rules[4]!.when = { all: [{ question: 'age', operator: 'eq', value: 'dontknow' }] }))), ['bad-operator']);
  });

  it('a condition on a red flag', () => {
    assert.deepEqual(codes(broken((x) => (x.rules[4]!.when = { all: [{ question: 'rf-bleeding', operator: 'eq', value: 'yes' }] }))), ['red-flag-in-condition']);
  });

  it('duplicate ids; a "general-" red flag id is reserved for the general red flags', () => {
    assert.deepEqual(codes(broken((x) => x.redFlags.push({ ...x.redFlags[0]! }))), ['duplicate-id']);
    assert.deepEqual(codes(broken((x) => x.questions.push({ ...x.questions[0]! }))), ['duplicate-id']);
    const p = broken((x) => x.redFlags.push({ ...x.redFlags[0]!, id: 'general-speech' }));
    assert.deepEqual(verifyProtocol(p).errors.map((e) => [e.code, e.at]), [['reserved-id', '/redFlags/2/id']]);
    assert.deepEqual(codes(broken((x) => (x.redFlags[1]!.id = 'general-x'))), ['reserved-id']);
  });

  it('a question id reserved for the who-for answers or the risk question', () => {
    for (const id of ['age-band', 'sex', 'pregnant', 'risk-factors']) {
      const report = verifyProtocol(broken((x) => (x.questions[0]!.id = id)));
      assert.deepEqual(report.errors.map((e) => [e.code, e.at]), [['reserved-id', '/questions/0/id']], id);
    }
  });

  it('a number question without a plausible range, or with one that allows self-care', () => {
    const without = verifyProtocol(broken((x) => delete (x.questions[1] as Partial<Protocol['questions'][number]> & { plausible?: unknown }).plausible));
    assert.deepEqual(without.errors.map((e) => [e.code, e.at]), [['schema', '/questions/1/plausible']]);
    const selfCare = broken((x) => Object.assign(x.questions[1]!, { plausible: { min: 35.5, floor: 'self-care', reason: t('?') } }));
    assert.deepEqual(verifyProtocol(selfCare).errors.map((e) => [e.code, e.at]), [['schema', '/questions/1/plausible/floor']]);
    const empty = broken((x) => Object.assign(x.questions[1]!, { plausible: { floor: 'gp-same-day', reason: t('?') } }));
    assert.deepEqual(verifyProtocol(empty).errors.map((e) => [e.code, e.at]), [['schema', '/questions/1/plausible']]);
    // On a duration it is optional, and checked when given.
    const duration = broken((x) => Object.assign(x.questions[2]!, { plausible: { max: 14, floor: 'gp-appointment', reason: t('long') } }));
    assert.equal(verifyProtocol(duration).ok, true, formatReport(verifyProtocol(duration)));
  });

  it('the compiled plausible floor keeps an implausible value out of self-care, whatever the rules say', () => {
    // As written, a temperature under 36 would be self-care; the range's floor (under 35.5 → gp-same-day) overrides it.
    const p = broken((x) => {
      x.rules.push({ id: 'cold-is-fine', when: { all: [{ question: 'temp', operator: 'lt', value: 36 }] }, disposition: 'self-care', priority: 9, reason: t('cold') });
    });
    const report = verifyProtocol(p);
    assert.ok(!report.errors.some((e) => e.code === 'implausible-self-care'), formatReport(report));
    assert.ok(report.ok, formatReport(report));
  });

  it('a protocol for adults and children needs child wording on what children are asked', () => {
    const mixed = broken((x) => (x.audience = { ages: ['5-12-years', '18-64-years'] }));
    const report = verifyProtocol(mixed);
    assert.ok(report.errors.every((e) => e.code === 'missing-child-wording'), formatReport(report));
    assert.deepEqual(report.errors.map((e) => e.at), ['/redFlags/0', '/redFlags/1', ...mixed.questions.map((_, i) => `/questions/${i}`)]);
    // With child wording, or a red flag asked of adults only, there is nothing to report.
    const worded = broken((x) => {
      x.audience = { ages: ['5-12-years', '18-64-years'] };
      x.redFlags[0]!.textChild = t('Is the child bleeding heavily?');
      x.redFlags[1]!.ages = ['18-64-years'];
      for (const q of x.questions) q.textChild = t(`${q.id} (child)`);
    });
    assert.ok(!codes(worded).includes('missing-child-wording'), formatReport(verifyProtocol(worded)));
    // A protocol only for children is written about the child throughout.
    assert.ok(!codes(broken((x) => (x.audience = { ages: ['5-12-years'] }))).includes('missing-child-wording'));
  });

  it('the audience, search tests, Sami synonyms and risk modifiers are checked', () => {
    const at = (p: Protocol) => verifyProtocol(p).errors.map((e) => [e.code, e.at]);
    assert.deepEqual(at(broken((x) => (x.audience = { ages: [] }))), [['schema', '/audience/ages']]);
    assert.deepEqual(at(broken((x) => (x.audience = { ages: ['adult' as never] }))), [['schema', '/audience/ages/0']]);
    assert.deepEqual(at(broken((x) => (x.audience = { ages: ['18-64-years'], sex: 'other' as never }))), [['schema', '/audience/sex']]);
    assert.deepEqual(at(broken((x) => delete (x.synonyms as Partial<Protocol['synonyms']>).se)), [['schema', '/synonyms/se']]);
    assert.deepEqual(at(broken((x) => (x.searchTests = { find: [], notFind: [] }))), [['schema', '/searchTests/find']]);
    assert.deepEqual(at(broken((x) => (x.riskModifiers = { smoking: 'gp-same-day' } as never))), [['schema', '/riskModifiers/smoking']]);
    assert.deepEqual(at(broken((x) => (x.riskModifiers = { diabetes: 'self-care' as never }))), [['schema', '/riskModifiers/diabetes']]);
  });

  it('points into the protocol as written, not into the compiled one with the general red flags and risk question', () => {
    const p = broken((x) => {
      x.riskModifiers = { immunosuppression: 'gp-same-day', 'age-65-plus': 'gp-same-day' };
      x.questions[0]!.enableWhen = { all: [{ question: 'days', operator: 'gt', value: 1 }] };
    });
    assert.deepEqual(verifyProtocol(p).errors.map((e) => [e.code, e.at]), [['forward-reference', '/questions/0/enableWhen/all/0']]);
    const twice = broken((x) => x.redFlags.push({ ...x.redFlags[0]! }));
    assert.deepEqual(verifyProtocol(twice).errors.map((e) => [e.code, e.at]), [['duplicate-id', '/redFlags/2/id']]);
    const hidden = broken((x) => {
      x.riskModifiers = { diabetes: 'gp-appointment' };
      x.questions.push({ id: 'unconscious', kind: 'yes-no-dontknow', text: t('Unconscious?') });
      x.rules.push({ id: 'unconscious', when: { all: [{ question: 'unconscious', operator: 'eq', value: 'yes' }] }, disposition: 'call-113', priority: 0, reason: t('!') });
    });
    const error = verifyProtocol(hidden).errors.find((e) => e.code === 'red-flag-after-question');
    assert.equal(error?.at, '/questions/6');
  });

  it('walks the risk question and the who-for answers like any question', () => {
    const p = broken((x) => (x.riskModifiers = { immunosuppression: 'gp-same-day', 'age-65-plus': 'gp-same-day' }));
    const report = verifyProtocol(p);
    assert.equal(report.ok, true, formatReport(report));
    // age-band and risk-factors, then the fixture's six; the two floors and the plausible one.
    assert.equal(report.counts.questions, 8);
    assert.equal(report.counts.rules, 10);
    assert.ok(report.counts.paths > verifyProtocol(fixtureProtocol()).counts.paths);
  });

  it('schema errors: not an object, missing fields, wrong enums, free-form expressions', () => {
    assert.deepEqual(codes(null), ['schema']);
    assert.deepEqual(codes('{}'), ['schema']);
    const p = broken((x) => {
      (x as unknown as Record<string, unknown>).defaultDisposition = 'call-999';
      (x.rules[0] as unknown as Record<string, unknown>).when = 'temp >= 40';
      delete (x as Partial<Protocol>).sources;
    });
    const report = verifyProtocol(p);
    assert.deepEqual(report.errors.map((e) => e.at).sort(), ['/defaultDisposition', '/rules/0/when', '/sources'].sort());
    assert.ok(report.errors.every((e) => e.code === 'schema'));
  });

  it('an approved protocol needs a reviewer and a review date', () => {
    assert.deepEqual(codes(broken((x) => (x.status = 'approved'))), ['schema']);
    assert.deepEqual(codes(broken((x) => Object.assign(x, { status: 'approved', clinicalReviewer: 'Dr. A', reviewDate: '2026-11-01' }))), []);
  });

  it('caps the enumeration with a clear error', () => {
    const report = verifyProtocol(fixtureProtocol(), { maxPaths: 100 });
    assert.deepEqual(report.errors.map((e) => e.code), ['too-many-paths']);
    assert.match(report.errors[0]!.message, /more than 100 answer paths/);
  });

  it('warns about rules that match but never decide', () => {
    const p = broken((x) =>
      x.rules.push({ id: 'shadow', when: { all: [{ question: 'temp', operator: 'ge', value: 41 }] }, disposition: 'gp-same-day', priority: 0, reason: t('x') }),
    );
    const report = verifyProtocol(p);
    assert.equal(report.ok, true);
    assert.deepEqual(report.warnings.map((w) => w.code), ['shadowed-rule']);
  });
});

describe('verify CLI', () => {
  it('prints counts and exits 0 for good protocols, 1 with a counterexample for broken ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-verify-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify(fixtureProtocol()));
    writeFileSync(bad, JSON.stringify(broken((x) => delete x.dispositions['e-consultation'])));
    const lines: string[] = [];
    assert.equal(runVerifyCli([good], readText, (l) => lines.push(l)), 0);
    assert.match(lines[0]!, /^ok {3}.*good\.json: \d+ paths, 6 questions, 18 red flags, 8 rules/);
    lines.length = 0;
    assert.equal(runVerifyCli([good, bad], readText, (l) => lines.push(l)), 1);
    const out = lines.join('\n');
    assert.match(out, /FAIL .*bad\.json/);
    assert.match(out, /error dead-end/);
    assert.match(out, /path: .*where="abroad"/);
    assert.match(out, /1 of 2 protocol\(s\) verified/);
    assert.equal(runVerifyCli([join(dir, 'missing.json')], readText, () => {}), 1);
    assert.equal(runVerifyCli([], readText, () => {}), 2);
  });
});
