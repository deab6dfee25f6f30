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
    assert.equal(report.counts.rules, 7);
    assert.equal(report.counts.redFlags, 9);
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

  it('duplicate ids, including a clash with the general red flags', () => {
    const p = broken((x) => x.redFlags.push({ ...x.redFlags[0]!, id: 'general-speech' }));
    assert.deepEqual(codes(p), ['duplicate-id']);
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
    assert.match(lines[0]!, /^ok {3}.*good\.json: \d+ paths, 6 questions, 9 red flags, 7 rules/);
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
