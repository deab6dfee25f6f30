import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createActor } from 'xstate';
import {
  allRedFlags,
  decide,
  formatReport,
  triageMachine,
  verifyProtocol,
  type TriageAnswer,
  type Disposition,
  type Protocol,
  type RedFlagAnswers,
} from '@helsekit/core/triage';
import { chestPain, feverAdult, prescriptionRenewal, protocolById, protocols } from './index.js';

const here = fileURLToPath(new URL('.', import.meta.url));

describe('shipped protocols', () => {
  it('index exports every JSON file in src', () => {
    const files = readdirSync(here).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    assert.deepEqual(protocols.map((p) => p.id).sort(), files);
    assert.equal(protocolById('chest-pain'), chestPain);
  });

  for (const protocol of protocols) {
    it(`${protocol.id} passes the verifier`, () => {
      const report = verifyProtocol(protocol);
      assert.equal(report.ok, true, formatReport(report));
      assert.deepEqual(report.warnings, [], formatReport(report));
    });

    it(`${protocol.id} is a draft with sources, no reviewer yet, and Sami marked as fallback`, () => {
      assert.equal(protocol.status, 'draft');
      assert.equal(protocol.clinicalReviewer, null);
      assert.equal(protocol.reviewDate, null);
      assert.equal(protocol.translations.se, 'fallback');
      assert.ok(protocol.sources.length >= 2);
      assert.ok(protocol.sources.every((s) => s.url.startsWith('https://')));
      assert.ok(protocol.sources.some((s) => /helsenorge|helsedirektoratet/.test(s.url)));
      for (const banned of [/manchester/i, /retts/i, /norsk indeks/i, /nhs pathways/i]) {
        assert.doesNotMatch(JSON.stringify(protocol), banned);
      }
    });
  }
});

type Row = { name: string; red?: Record<string, 'yes' | 'dontknow'>; answers?: Record<string, TriageAnswer>; expect: Disposition };

function table(protocol: Protocol, base: Record<string, TriageAnswer>, rows: Row[]) {
  const allNo: RedFlagAnswers = Object.fromEntries(allRedFlags(protocol).map((f) => [f.id, 'no' as const]));
  describe(`${protocol.id}: typical cases`, () => {
    for (const row of rows) {
      it(`${row.name} → ${row.expect}`, () => {
        const decision = decide(protocol, { ...allNo, ...row.red }, { ...base, ...row.answers });
        assert.equal(decision.disposition, row.expect, JSON.stringify(decision.reason));
      });
    }
    it('reaches every disposition it has advice for', () => {
      const reached = new Set(rows.map((r) => r.expect));
      for (const d of Object.keys(protocol.dispositions)) assert.ok(reached.has(d as Disposition), `no table row for ${d}`);
    });
  });
}

// Helsedirektoratet (113 / 116117 guidance), NHS fever in adults, sepsis, meningitis, UTI.
table(feverAdult, { measured: 'yes', temperature: 38.5, 'fever-days': 1, 'weak-immune': 'no', drinking: 'yes', symptoms: ['cough'] }, [
  { name: 'ordinary fever for a day, drinking well', expect: 'self-care' },
  { name: 'not measured, otherwise well', answers: { measured: 'no', temperature: 41 }, expect: 'self-care' },
  { name: 'new facial paralysis (general 113 list)', red: { 'general-paralysis': 'yes' }, expect: 'call-113' },
  { name: 'rash that does not fade under a glass (NHS sepsis/meningitis)', red: { 'fever-rash': 'yes' }, expect: 'call-113' },
  { name: 'blue lips or cannot finish sentences (NHS sepsis)', red: { 'fever-breathing-severe': 'yes' }, expect: 'call-113' },
  { name: 'stiff neck and light bothers (NHS meningitis)', red: { 'fever-stiff-neck': 'yes' }, expect: 'call-113' },
  { name: 'not sure about stiff neck ("vet ikke" counts as yes)', red: { 'fever-stiff-neck': 'dontknow' }, expect: 'call-113' },
  { name: 'moderate breathing difficulty (Helsedirektoratet: legevakt)', red: { 'fever-breathing-moderate': 'yes' }, expect: 'call-116117' },
  { name: 'limp and affected adult (Helsedirektoratet: legevakt)', red: { 'fever-limp': 'yes' }, expect: 'call-116117' },
  { name: 'serious worsening (Helsedirektoratet: legevakt)', red: { 'fever-rapid-worsening': 'yes' }, expect: 'call-116117' },
  { name: 'high fever 40.2 °C (Helsedirektoratet: high fever → legevakt)', answers: { temperature: 40.2 }, expect: 'call-116117' },
  { name: '39.9 °C for a day', answers: { temperature: 39.9 }, expect: 'self-care' },
  { name: 'fever for 3 days (NHS: not down after 3 days)', answers: { 'fever-days': 3 }, expect: 'gp-same-day' },
  { name: 'fever days unknown', answers: { 'fever-days': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'weakened immune system (NHS)', answers: { 'weak-immune': 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about the immune system', answers: { 'weak-immune': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'cannot drink enough', answers: { drinking: 'no' }, expect: 'gp-same-day' },
  { name: 'burning when peeing with fever (NHS UTI: kidney infection)', answers: { symptoms: ['urine', 'cough'] }, expect: 'gp-same-day' },
  { name: '40.5 °C and immunosuppressed: the more urgent wins', answers: { temperature: 40.5, 'weak-immune': 'yes' }, expect: 'call-116117' },
]);

// Helsedirektoratet 113 list (chest pain over 5 minutes ...), NHS chest pain, NICE CG95 timing.
table(chestPain, { 'last-pain': 'over-72h', 'heart-disease': 'no', exertion: 'no', injury: 'no' }, [
  { name: 'chest pain over 5 minutes (general 113 list)', red: { 'general-chest-pain-5min': 'yes' }, expect: 'call-113' },
  { name: 'nitroglycerin works less than usual (general 113 list)', red: { 'general-nitro': 'yes' }, expect: 'call-113' },
  { name: 'chest discomfort with malaise and nausea (general 113 list)', red: { 'general-chest-discomfort': 'yes' }, expect: 'call-113' },
  { name: 'pain spreading to arm or jaw (NHS)', red: { 'chest-pain-spreading': 'yes' }, expect: 'call-113' },
  { name: 'pain with cold sweat and nausea (NHS)', red: { 'chest-pain-with-sweating': 'dontknow' }, expect: 'call-113' },
  { name: 'moderate breathing difficulty (Helsedirektoratet: legevakt)', red: { 'chest-pain-breathing-moderate': 'yes' }, expect: 'call-116117' },
  { name: 'short pain now, no 113 signs', answers: { 'last-pain': 'now' }, expect: 'call-116117' },
  { name: 'pain within the last 12 hours (NICE CG95)', answers: { 'last-pain': 'under-12h' }, expect: 'call-116117' },
  { name: 'pain 12–72 hours ago (NICE CG95: same-day assessment)', answers: { 'last-pain': '12-72h' }, expect: 'gp-same-day' },
  { name: 'older pain that comes with exertion', answers: { exertion: 'yes' }, expect: 'gp-same-day' },
  { name: 'older pain, unsure if exertion brings it on', answers: { exertion: 'dontknow' }, expect: 'gp-same-day' },
  { name: 'older pain with known heart disease', answers: { 'heart-disease': 'yes' }, expect: 'gp-same-day' },
  { name: 'older pain, no heart signs, no injury', expect: 'gp-appointment' },
  { name: 'older pain after an injury, nothing pointing to the heart (NHS: strain)', answers: { injury: 'yes' }, expect: 'self-care' },
  { name: 'after an injury but unsure about heart disease', answers: { injury: 'yes', 'heart-disease': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'after an injury but unsure if exertion brings it on', answers: { injury: 'yes', exertion: 'dontknow' }, expect: 'gp-same-day' },
]);

// helsenorge.no prescriptions, NHS repeat prescriptions; the general 113 list applies here too.
table(prescriptionRenewal, { 'regular-medicine': 'yes', 'new-problems': 'no', 'habit-forming': 'no', 'last-review': 'within-12-months' }, [
  { name: 'regular medicine, no changes, reviewed this year', expect: 'admin-service' },
  { name: 'new speech trouble while asking for a prescription (general 113 list)', red: { 'general-speech': 'yes' }, expect: 'call-113' },
  { name: 'new problems or side effects', answers: { 'new-problems': 'yes' }, expect: 'gp-appointment' },
  { name: 'unsure about new problems', answers: { 'new-problems': 'dontknow' }, expect: 'gp-appointment' },
  { name: 'not reviewed for over a year', answers: { 'last-review': 'over-12-months' }, expect: 'gp-appointment' },
  { name: 'does not know when last reviewed', answers: { 'last-review': 'dontknow' }, expect: 'gp-appointment' },
  { name: 'a new medicine', answers: { 'regular-medicine': 'no' }, expect: 'e-consultation' },
  { name: 'habit-forming medicine', answers: { 'habit-forming': 'yes' }, expect: 'e-consultation' },
  { name: 'unsure if habit-forming', answers: { 'habit-forming': 'dontknow' }, expect: 'e-consultation' },
]);

describe('shipped protocols run in the machine', () => {
  it('fever-adult: a whole walk to self-care, with the Bundle', () => {
    const actor = createActor(triageMachine, { input: { protocols: [...protocols], protocolId: 'fever-adult' } }).start();
    const completed: unknown[] = [];
    actor.on('triage.completed', (e) => completed.push(e));
    const steps: Array<[string, TriageAnswer]> = [
      ['measured', 'yes'],
      ['temperature', 38.2],
      ['fever-days', 1],
      ['weak-immune', 'no'],
      ['drinking', 'yes'],
      ['symptoms', ['none']],
    ];
    actor.send({ type: 'REDFLAGS.NONE' });
    for (const [questionId, value] of steps) {
      assert.equal(actor.getSnapshot().context.currentQuestionId, questionId);
      actor.send({ type: 'ANSWER.SET', questionId, value });
      actor.send({ type: 'STEP.NEXT' });
    }
    assert.equal(actor.getSnapshot().value, 'outcome');
    assert.equal(actor.getSnapshot().context.decision?.disposition, 'self-care');
    assert.equal(completed.length, 1);
  });

  it('prescription-renewal: the admin route can be handed to the GP office', () => {
    const actor = createActor(triageMachine, { input: { protocols: [prescriptionRenewal] } }).start();
    actor.send({ type: 'REDFLAGS.NONE' });
    for (const [questionId, value] of [['regular-medicine', 'yes'], ['new-problems', 'no'], ['habit-forming', 'no'], ['last-review', 'within-12-months']] as const) {
      actor.send({ type: 'ANSWER.SET', questionId, value });
      actor.send({ type: 'STEP.NEXT' });
    }
    assert.equal(actor.getSnapshot().context.decision?.disposition, 'admin-service');
    actor.send({ type: 'SUBMIT' });
    assert.equal(actor.getSnapshot().value, 'handoff');
  });
});
