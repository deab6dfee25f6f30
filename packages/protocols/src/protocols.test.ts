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
import {
  abdominalPain,
  anxietyLowMood,
  backPain,
  chestPain,
  coughBreathing,
  dizziness,
  earPainChild,
  feverAdult,
  feverChildUnder5,
  headache,
  injuryWound,
  pregnancyBleedingPain,
  prescriptionRenewal,
  protocolById,
  protocols,
  rashSkin,
  sickNote,
  soreThroat,
  urinarySymptomsWoman,
} from './index.js';

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

// Helsedirektoratet (113 / 116117 guidance), helsenorge.no fever in children, NHS fever in children, NICE NG143.
table(feverChildUnder5, { 'age-group': 'over-6-months', measured: 'yes', temperature: 38.6, 'fever-days': 1, drinking: 'yes', worried: 'no' }, [
  { name: 'ordinary fever over 6 months, drinking, parent not worried (NHS: most fevers can be managed at home)', expect: 'self-care' },
  { name: 'not measured, otherwise well', answers: { measured: 'no', temperature: 41 }, expect: 'self-care' },
  { name: 'rash that does not fade under a glass (NHS meningitis/sepsis)', red: { 'child-rash': 'yes' }, expect: 'call-113' },
  { name: 'grunting, chest sucking in, blue lips (NHS fever in children; NICE NG143 red)', red: { 'child-breathing-severe': 'yes' }, expect: 'call-113' },
  { name: 'floppy, hardly responding, weak high-pitched cry (NICE NG143 red)', red: { 'child-unresponsive': 'yes' }, expect: 'call-113' },
  { name: 'first seizure (NHS fever in children)', red: { 'child-seizure': 'yes' }, expect: 'call-113' },
  { name: 'unsure about stiff neck or bulging fontanelle ("vet ikke" counts as yes; NICE NG143)', red: { 'child-stiff-neck': 'dontknow' }, expect: 'call-113' },
  { name: 'hard to wake (general 113 list)', red: { 'general-consciousness': 'yes' }, expect: 'call-113' },
  { name: 'breathing faster or harder (Helsedirektoratet: moderate breathing difficulty → legevakt)', red: { 'child-breathing-moderate': 'yes' }, expect: 'call-116117' },
  { name: 'limp, will not play (Helsedirektoratet: limp or affected child → legevakt)', red: { 'child-limp': 'yes' }, expect: 'call-116117' },
  { name: 'no wet nappies, no tears (NHS: signs of dehydration)', red: { 'child-dehydrated': 'yes' }, expect: 'call-116117' },
  { name: 'serious worsening (Helsedirektoratet: legevakt)', red: { 'child-rapid-worsening': 'yes' }, expect: 'call-116117' },
  { name: 'baby under 3 months with fever (helsenorge.no: must contact a doctor; NICE NG143)', answers: { 'age-group': 'under-3-months' }, expect: 'call-116117' },
  { name: 'baby under 3 months, not measured', answers: { 'age-group': 'under-3-months', measured: 'no' }, expect: 'call-116117' },
  { name: 'high fever 40.1 °C (Helsedirektoratet: high fever especially in children → legevakt)', answers: { temperature: 40.1 }, expect: 'call-116117' },
  { name: '39.9 °C, well, drinking', answers: { temperature: 39.9 }, expect: 'self-care' },
  { name: 'baby 3–6 months (NICE NG143: higher risk under 6 months)', answers: { 'age-group': '3-6-months' }, expect: 'gp-same-day' },
  { name: 'fever for 3 days (helsenorge.no / NHS: fever that lasts)', answers: { 'fever-days': 3 }, expect: 'gp-same-day' },
  { name: 'fever days unknown', answers: { 'fever-days': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'drinking less than usual (helsenorge.no: drinking, wet nappies)', answers: { drinking: 'no' }, expect: 'gp-same-day' },
  { name: 'unsure about drinking', answers: { drinking: 'dontknow' }, expect: 'gp-same-day' },
  { name: 'parent worried (NHS: trust your instincts)', answers: { worried: 'yes' }, expect: 'gp-same-day' },
  { name: 'parent unsure whether worried', answers: { worried: 'dontknow' }, expect: 'gp-same-day' },
]);

// Helsedirektoratet (113 / 116117), NHS cough, shortness of breath and pneumonia, NICE NG120.
table(coughBreathing, { 'cough-weeks': 1, 'blood-streaks': 'no', fever: 'no', 'pain-breathing': 'no', 'risk-group': 'no', 'weight-loss': 'no' }, [
  { name: 'ordinary cough for a week (NHS: most coughs clear up within 3 weeks)', expect: 'self-care' },
  { name: 'fever alone with a cough', answers: { fever: 'yes' }, expect: 'self-care' },
  { name: 'cannot finish sentences, blue lips (NHS shortness of breath)', red: { 'cough-breathing-severe': 'yes' }, expect: 'call-113' },
  { name: 'sudden breathlessness with chest pain (NHS shortness of breath)', red: { 'cough-sudden-breathless': 'yes' }, expect: 'call-113' },
  { name: 'coughing up a lot of blood (NHS cough)', red: { 'cough-much-blood': 'dontknow' }, expect: 'call-113' },
  { name: 'chest pain over 5 minutes (general 113 list)', red: { 'general-chest-pain-5min': 'yes' }, expect: 'call-113' },
  { name: 'harder to breathe at rest (Helsedirektoratet: moderate breathing difficulty → legevakt)', red: { 'cough-breathing-moderate': 'yes' }, expect: 'call-116117' },
  { name: 'weak and unwell (Helsedirektoratet: affected adult → legevakt)', red: { 'cough-limp': 'yes' }, expect: 'call-116117' },
  { name: 'streaks of blood (NHS cough: coughing up blood → GP)', answers: { 'blood-streaks': 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about blood', answers: { 'blood-streaks': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'fever and pain when breathing (NHS pneumonia)', answers: { fever: 'yes', 'pain-breathing': 'yes' }, expect: 'gp-same-day' },
  { name: 'pain when breathing, unsure about fever', answers: { fever: 'dontknow', 'pain-breathing': 'yes' }, expect: 'gp-same-day' },
  { name: 'fever, unsure about pain when breathing', answers: { fever: 'yes', 'pain-breathing': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'lung disease or weakened immune system (NHS cough: long-term condition)', answers: { 'risk-group': 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about risk group', answers: { 'risk-group': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'cough for 3 weeks (NHS cough)', answers: { 'cough-weeks': 3 }, expect: 'gp-appointment' },
  { name: 'cough duration unknown', answers: { 'cough-weeks': 'dontknow' }, expect: 'gp-appointment' },
  { name: 'cough with unexplained weight loss (NHS cough)', answers: { 'weight-loss': 'yes' }, expect: 'gp-appointment' },
  { name: 'unsure about weight loss', answers: { 'weight-loss': 'dontknow' }, expect: 'gp-appointment' },
]);

// Helsedirektoratet (113 / 116117), NHS sore throat, tonsillitis and quinsy, NICE NG84.
table(soreThroat, { 'throat-days': 2, fever: 'no', 'white-spots': 'no', 'weak-immune': 'no' }, [
  { name: 'sore throat for 2 days (NHS: usually better within a week)', expect: 'self-care' },
  { name: 'fever without patches on the tonsils', answers: { fever: 'yes' }, expect: 'self-care' },
  { name: 'difficulty breathing, high-pitched breathing (NHS sore throat)', red: { 'throat-breathing': 'yes' }, expect: 'call-113' },
  { name: 'cannot swallow saliva, drooling (NHS sore throat)', red: { 'throat-cannot-swallow': 'yes' }, expect: 'call-113' },
  { name: 'cannot open mouth or one-sided swelling (NHS quinsy)', red: { 'throat-one-sided-swelling': 'yes' }, expect: 'call-116117' },
  { name: 'weak and unwell (Helsedirektoratet: affected adult → legevakt)', red: { 'throat-limp': 'yes' }, expect: 'call-116117' },
  { name: 'fever and white patches (NICE NG84 FeverPAIN/Centor features; NHS tonsillitis)', answers: { fever: 'yes', 'white-spots': 'yes' }, expect: 'gp-same-day' },
  { name: 'fever, unsure about patches', answers: { fever: 'yes', 'white-spots': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'patches, unsure about fever', answers: { fever: 'dontknow', 'white-spots': 'yes' }, expect: 'gp-same-day' },
  { name: 'weakened immune system (NHS sore throat)', answers: { 'weak-immune': 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about the immune system', answers: { 'weak-immune': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'sore throat for a week (NHS: not better after a week → GP)', answers: { 'throat-days': 7 }, expect: 'gp-appointment' },
  { name: 'duration unknown', answers: { 'throat-days': 'dontknow' }, expect: 'gp-appointment' },
]);

// Helsedirektoratet (113 / 116117), NHS ear infections and mastoiditis, NICE NG91.
table(earPainChild, { 'age-group': 'over-2-years', 'high-fever': 'no', discharge: 'no', 'ear-days': 1 }, [
  { name: 'earache for a day in a child over 2 (NHS / NICE NG91: usually better within 3 days)', expect: 'self-care' },
  { name: 'stiff neck or non-blanching rash (NHS meningitis signs)', red: { 'ear-meningitis-signs': 'yes' }, expect: 'call-113' },
  { name: 'hard to wake (general 113 list)', red: { 'general-consciousness': 'dontknow' }, expect: 'call-113' },
  { name: 'swelling behind the ear (NHS mastoiditis)', red: { 'ear-swelling-behind': 'yes' }, expect: 'call-116117' },
  { name: 'floppy and unwell child (Helsedirektoratet: limp child → legevakt)', red: { 'ear-limp': 'yes' }, expect: 'call-116117' },
  { name: 'baby under 6 months (our conservative choice)', answers: { 'age-group': 'under-6-months' }, expect: 'gp-same-day' },
  { name: 'fever 39 °C or more (NHS ear infections: very high temperature)', answers: { 'high-fever': 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about the fever', answers: { 'high-fever': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'fluid or pus from the ear (NHS ear infections; NICE NG91 otorrhoea)', answers: { discharge: 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about discharge', answers: { discharge: 'dontknow' }, expect: 'gp-same-day' },
  { name: 'earache for 3 days (NHS: not better after 3 days)', answers: { 'ear-days': 3 }, expect: 'gp-appointment' },
  { name: 'duration unknown', answers: { 'ear-days': 'dontknow' }, expect: 'gp-appointment' },
]);

// Helsedirektoratet (113 / 116117), NHS UTI, kidney infection and sepsis, NICE NG109 and NG112.
table(urinarySymptomsWoman, { pregnant: 'no', 'kidney-signs': 'no', blood: 'no', recurrent: 'no', discharge: 'no', severity: 'bothersome' }, [
  { name: 'typical cystitis, bothersome (NICE NG109: antibiotic may be offered)', expect: 'e-consultation' },
  { name: 'mild cystitis, can wait (NICE NG109: no or back-up antibiotic, self-care)', answers: { severity: 'mild' }, expect: 'self-care' },
  { name: 'blotchy skin, very fast breathing (NHS sepsis)', red: { 'uti-sepsis-signs': 'yes' }, expect: 'call-113' },
  { name: 'weak and unwell (Helsedirektoratet: affected adult → legevakt)', red: { 'uti-limp': 'yes' }, expect: 'call-116117' },
  { name: 'no urine for a day (NHS UTI)', red: { 'uti-no-urine': 'dontknow' }, expect: 'call-116117' },
  { name: 'pregnant (NHS UTI: pregnant → GP urgently)', answers: { pregnant: 'yes' }, expect: 'gp-same-day' },
  { name: 'could be pregnant, unsure', answers: { pregnant: 'dontknow', severity: 'mild' }, expect: 'gp-same-day' },
  { name: 'fever, chills or pain in the side (NHS kidney infection)', answers: { 'kidney-signs': 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about fever or side pain', answers: { 'kidney-signs': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'blood in the urine (NHS UTI)', answers: { blood: 'yes' }, expect: 'gp-same-day' },
  { name: 'recurrent infections (NICE NG112)', answers: { recurrent: 'yes' }, expect: 'gp-appointment' },
  { name: 'unsure about recurrence, mild', answers: { recurrent: 'dontknow', severity: 'mild' }, expect: 'gp-appointment' },
  { name: 'vaginal discharge or itching (NICE NG109: consider other causes)', answers: { discharge: 'yes' }, expect: 'gp-appointment' },
  { name: 'mild but recurrent', answers: { recurrent: 'yes', severity: 'mild' }, expect: 'gp-appointment' },
]);

// Helsedirektoratet (113 / 116117), NHS stomach ache, appendicitis, ectopic pregnancy, diarrhoea and vomiting.
table(abdominalPain, { 'lower-right': 'no', fever: 'no', vomiting: 'no', 'pain-days': 1, 'weight-loss': 'no' }, [
  { name: 'stomach ache for a day, nothing else (NHS stomach ache: often goes away)', expect: 'self-care' },
  { name: 'sudden, very bad pain or pale and clammy (NHS stomach ache)', red: { 'abd-severe-sudden': 'yes' }, expect: 'call-113' },
  { name: 'vomiting blood or black poo (NHS stomach ache)', red: { 'abd-blood': 'yes' }, expect: 'call-116117' },
  { name: 'tummy hurts to touch, hard as a board (NHS stomach ache)', red: { 'abd-rigid': 'yes' }, expect: 'call-116117' },
  { name: 'no wind or poo and vomiting (NHS stomach ache)', red: { 'abd-blocked': 'dontknow' }, expect: 'call-116117' },
  { name: 'could be pregnant with one-sided pain (NHS ectopic; Helsedirektoratet: pregnancy complications → legevakt)', red: { 'abd-pregnancy': 'yes' }, expect: 'call-116117' },
  { name: 'pain moved to lower right and worsening (NHS appendicitis)', answers: { 'lower-right': 'yes' }, expect: 'call-116117' },
  { name: 'unsure whether the pain moved', answers: { 'lower-right': 'dontknow' }, expect: 'call-116117' },
  { name: 'pain with fever (our choice, NHS stomach ache)', answers: { fever: 'yes' }, expect: 'gp-same-day' },
  { name: 'cannot keep drinks down (NHS diarrhoea and vomiting)', answers: { vomiting: 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about keeping drinks down', answers: { vomiting: 'dontknow' }, expect: 'gp-same-day' },
  { name: 'pain for a week', answers: { 'pain-days': 7 }, expect: 'gp-appointment' },
  { name: 'duration unknown', answers: { 'pain-days': 'dontknow' }, expect: 'gp-appointment' },
  { name: 'unexplained weight loss (NHS stomach ache)', answers: { 'weight-loss': 'yes' }, expect: 'gp-appointment' },
]);

// Helsedirektoratet (113 / 116117), NHS headaches, subarachnoid haemorrhage and meningitis, NICE CG150.
table(headache, { pattern: 'usual', 'headache-days': 1, 'cough-trigger': 'no', 'weak-immune': 'no', 'painkiller-overuse': 'no' }, [
  { name: 'usual headache for a day (NHS headaches: self-care)', expect: 'self-care' },
  { name: 'new headache for a day', answers: { pattern: 'new' }, expect: 'self-care' },
  { name: 'sudden worst-ever headache (NHS subarachnoid haemorrhage)', red: { 'head-thunderclap': 'yes' }, expect: 'call-113' },
  { name: 'fever with stiff neck or rash (NHS meningitis)', red: { 'head-fever-neck': 'dontknow' }, expect: 'call-113' },
  { name: 'new speech trouble (general 113 list)', red: { 'general-speech': 'yes' }, expect: 'call-113' },
  { name: 'headache after hitting the head (NHS headaches / head injury)', red: { 'head-injury': 'yes' }, expect: 'call-116117' },
  { name: 'over 50, tender temple, jaw pain when chewing (NHS headaches)', red: { 'head-temple-vision': 'yes' }, expect: 'call-116117' },
  { name: 'rapidly worsening (Helsedirektoratet: serious worsening → legevakt)', red: { 'head-rapid-worsening': 'yes' }, expect: 'call-116117' },
  { name: 'worse on coughing or straining, wakes at night (NICE CG150)', answers: { 'cough-trigger': 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about coughing or straining', answers: { 'cough-trigger': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'cancer, HIV or weakened immune system (NICE CG150)', answers: { 'weak-immune': 'yes' }, expect: 'gp-same-day' },
  { name: 'new kind of headache for 3 days (our choice)', answers: { pattern: 'new', 'headache-days': 3 }, expect: 'gp-appointment' },
  { name: 'unsure if the headache is new, 3 days', answers: { pattern: 'dontknow', 'headache-days': 3 }, expect: 'gp-appointment' },
  { name: 'new kind, duration unknown', answers: { pattern: 'new', 'headache-days': 'dontknow' }, expect: 'gp-appointment' },
  { name: 'painkillers 10 days a month or more (NICE CG150: medication overuse)', answers: { 'painkiller-overuse': 'yes' }, expect: 'gp-appointment' },
]);

// Helsedirektoratet (113 / 116117), NHS back pain, cauda equina and sciatica, NICE NG59.
table(backPain, { 'back-weeks': 1, cancer: 'no', 'leg-numb': 'no', 'daily-life': 'no' }, [
  { name: 'back pain for a week, nothing else (NHS back pain / NICE NG59: keep active)', expect: 'self-care' },
  { name: 'sudden tearing pain in back or with chest pain (NHS back pain)', red: { 'back-tearing': 'yes' }, expect: 'call-113' },
  { name: 'saddle numbness or bladder trouble (NHS cauda equina)', red: { 'back-cauda-equina': 'yes' }, expect: 'call-116117' },
  { name: 'unsure about saddle numbness', red: { 'back-cauda-equina': 'dontknow' }, expect: 'call-116117' },
  { name: 'weak legs (NHS back pain)', red: { 'back-legs-weak': 'yes' }, expect: 'call-116117' },
  { name: 'back pain with fever, feeling ill (NHS back pain)', red: { 'back-fever': 'yes' }, expect: 'call-116117' },
  { name: 'after a fall or accident (Helsedirektoratet: suspected fracture → legevakt)', red: { 'back-injury': 'yes' }, expect: 'call-116117' },
  { name: 'history of cancer or weight loss (NICE NG59: consider serious causes)', answers: { cancer: 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about cancer or weight loss', answers: { cancer: 'dontknow' }, expect: 'gp-same-day' },
  { name: 'back pain for 6 weeks (NHS: not improving after a few weeks)', answers: { 'back-weeks': 6 }, expect: 'gp-appointment' },
  { name: 'duration unknown', answers: { 'back-weeks': 'dontknow' }, expect: 'gp-appointment' },
  { name: 'pain down the leg with numbness (NHS sciatica)', answers: { 'leg-numb': 'yes' }, expect: 'gp-appointment' },
  { name: 'stops everyday activities (NHS back pain)', answers: { 'daily-life': 'yes' }, expect: 'gp-appointment' },
]);

// Helsedirektoratet (113 / 116117), NHS anaphylaxis, sepsis, cellulitis, shingles and hives.
table(rashSkin, { 'near-eye': 'no', 'shingles-band': 'no', 'red-hot-area': 'no', 'weak-immune': 'no', 'rash-days': 2 }, [
  { name: 'itchy rash for 2 days (NHS hives: self-care, pharmacy)', expect: 'self-care' },
  { name: 'swollen lips or tongue, hard to breathe (NHS anaphylaxis)', red: { 'rash-allergy-severe': 'yes' }, expect: 'call-113' },
  { name: 'non-blanching rash and feeling ill (NHS sepsis/meningitis)', red: { 'rash-non-blanching': 'dontknow' }, expect: 'call-113' },
  { name: 'large blisters, skin peeling (NHS: serious skin reaction → urgent)', red: { 'rash-blisters-peeling': 'yes' }, expect: 'call-116117' },
  { name: 'red hot area spreading fast with fever (NHS cellulitis)', red: { 'rash-spreading-fever': 'yes' }, expect: 'call-116117' },
  { name: 'rash near the eye (NHS shingles)', answers: { 'near-eye': 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about the eye area', answers: { 'near-eye': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'painful band of blisters on one side (NHS shingles: treatment within 3 days)', answers: { 'shingles-band': 'yes' }, expect: 'gp-same-day' },
  { name: 'red, hot, swollen area (NHS cellulitis)', answers: { 'red-hot-area': 'yes' }, expect: 'gp-same-day' },
  { name: 'weakened immune system', answers: { 'weak-immune': 'yes' }, expect: 'gp-same-day' },
  { name: 'rash for a week (our choice: e-consultation with photo)', answers: { 'rash-days': 7 }, expect: 'e-consultation' },
  { name: 'duration unknown', answers: { 'rash-days': 'dontknow' }, expect: 'e-consultation' },
]);

// Helsedirektoratet (113; 116117: cuts that need stitches, suspected fracture), NHS cuts, bites, tetanus, NICE NG232.
table(injuryWound, { bite: 'no', infected: 'no', dirty: 'no', tetanus: 'within-10-years' }, [
  { name: 'small clean cut (NHS cuts and grazes: clean and cover)', expect: 'self-care' },
  { name: 'dirty wound, tetanus within 10 years', answers: { dirty: 'yes' }, expect: 'self-care' },
  { name: 'heavy bleeding that does not stop with pressure (NHS cuts and grazes)', red: { 'injury-heavy-bleeding': 'yes' }, expect: 'call-113' },
  { name: 'hit head and passed out or vomited (NICE NG232)', red: { 'injury-head': 'yes' }, expect: 'call-116117' },
  { name: 'misshapen limb or cannot bear weight (Helsedirektoratet: suspected fracture → legevakt)', red: { 'injury-fracture': 'yes' }, expect: 'call-116117' },
  { name: 'deep or gaping wound (Helsedirektoratet: cuts that need stitches → legevakt)', red: { 'injury-needs-stitches': 'yes' }, expect: 'call-116117' },
  { name: 'unsure whether it needs stitches', red: { 'injury-needs-stitches': 'dontknow' }, expect: 'call-116117' },
  { name: 'numbness beyond the wound (NHS cuts and grazes)', red: { 'injury-numb': 'yes' }, expect: 'call-116117' },
  { name: 'something stuck in the wound (NHS cuts and grazes)', red: { 'injury-foreign-body': 'yes' }, expect: 'call-116117' },
  { name: 'animal or human bite (NHS bites)', answers: { bite: 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure whether it is a bite', answers: { bite: 'dontknow' }, expect: 'gp-same-day' },
  { name: 'signs of infection (NHS cuts and grazes)', answers: { infected: 'yes' }, expect: 'gp-same-day' },
  { name: 'dirty wound, last tetanus over 10 years ago (NHS tetanus)', answers: { dirty: 'yes', tetanus: 'over-10-years' }, expect: 'gp-same-day' },
  { name: 'dirty wound, tetanus status unknown', answers: { dirty: 'yes', tetanus: 'dontknow' }, expect: 'gp-same-day' },
  { name: 'unsure if dirty, tetanus status unknown', answers: { dirty: 'dontknow', tetanus: 'dontknow' }, expect: 'gp-same-day' },
]);

// Helsedirektoratet (113: sudden unexplained unsteadiness; 116117), NHS dizziness, vertigo, fainting, stroke, NICE CG109.
table(dizziness, { fainted: 'no', 'head-movement': 'no', 'new-medicine': 'no', 'dizzy-days': 1 }, [
  { name: 'brief dizziness, nothing else (NHS dizziness: often goes away)', expect: 'self-care' },
  { name: 'sudden unexplained unsteadiness (general 113 list)', red: { 'general-unsteady': 'yes' }, expect: 'call-113' },
  { name: 'double vision, sudden headache, one-sided numbness (NHS dizziness / stroke)', red: { 'dizzy-stroke-signs': 'yes' }, expect: 'call-113' },
  { name: 'palpitations or breathlessness (NHS dizziness)', red: { 'dizzy-heart': 'dontknow' }, expect: 'call-113' },
  { name: 'fainted during exercise or injured in the fall (NHS fainting)', red: { 'dizzy-faint-exercise': 'yes' }, expect: 'call-116117' },
  { name: 'sudden hearing loss in one ear (NHS dizziness)', red: { 'dizzy-hearing-loss': 'yes' }, expect: 'call-116117' },
  { name: 'fainted (NICE CG109: assess every blackout)', answers: { fainted: 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure whether fainted', answers: { fainted: 'dontknow' }, expect: 'gp-same-day' },
  { name: 'short spells when moving the head (NHS vertigo: BPPV)', answers: { 'head-movement': 'yes' }, expect: 'gp-appointment' },
  { name: 'dizzy for a week (NHS dizziness: keeps coming back)', answers: { 'dizzy-days': 7 }, expect: 'gp-appointment' },
  { name: 'duration unknown', answers: { 'dizzy-days': 'dontknow' }, expect: 'gp-appointment' },
  { name: 'new medicine or dose (NHS dizziness: side effect)', answers: { 'new-medicine': 'yes' }, expect: 'e-consultation' },
  { name: 'unsure about a new medicine', answers: { 'new-medicine': 'dontknow' }, expect: 'e-consultation' },
]);

// helsenorge.no (suicidal thoughts: 113, legevakt 116117, fastlege; helplines), Helsedirektoratet (serious mental illness → legevakt),
// NHS urgent mental health help, depression and anxiety, NICE NG222 and CG113.
table(anxietyLowMood, { 'self-harm': 'no', 'not-coping': 'no', 'mood-weeks': 1, 'daily-life': 'no' }, [
  { name: 'low mood for a week, coping (conservative: talk to the GP, never self-care only)', expect: 'e-consultation' },
  { name: 'harmed self or in danger now (helsenorge.no: life-threatening → 113)', red: { 'mood-danger-now': 'yes' }, expect: 'call-113' },
  { name: 'unsure whether in danger now', red: { 'mood-danger-now': 'dontknow' }, expect: 'call-113' },
  { name: 'suicidal thoughts (helsenorge.no: cannot wait → legevakt 116117)', red: { 'mood-suicidal-thoughts': 'yes' }, expect: 'call-116117' },
  { name: 'unsure about suicidal thoughts', red: { 'mood-suicidal-thoughts': 'dontknow' }, expect: 'call-116117' },
  { name: 'hearing voices, feeling persecuted (Helsedirektoratet: serious mental illness → legevakt)', red: { 'mood-serious-illness': 'yes' }, expect: 'call-116117' },
  { name: 'recent self-harm (NHS urgent mental health help)', answers: { 'self-harm': 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about self-harm', answers: { 'self-harm': 'dontknow' }, expect: 'gp-same-day' },
  { name: 'cannot eat, sleep or look after self (NHS urgent mental health help)', answers: { 'not-coping': 'yes' }, expect: 'gp-same-day' },
  { name: 'felt like this for 2 weeks (NHS depression: most days for more than 2 weeks)', answers: { 'mood-weeks': 2 }, expect: 'gp-appointment' },
  { name: 'duration unknown', answers: { 'mood-weeks': 'dontknow' }, expect: 'gp-appointment' },
  { name: 'affects work, school or being with others (NHS GAD)', answers: { 'daily-life': 'yes' }, expect: 'gp-appointment' },
]);

// Helsedirektoratet (113; 116117: suspected pregnancy complications), Helse Førde (bleeding before/after 22 weeks),
// NHS vaginal bleeding in pregnancy, ectopic pregnancy, miscarriage, pre-eclampsia, baby's movements.
table(pregnancyBleedingPain, { weeks: 'under-22', bleeding: 'no', pain: 'no', fever: 'no' }, [
  { name: 'no bleeding, pain or fever now (conservative: midwife or GP)', expect: 'gp-appointment' },
  { name: 'heavy bleeding, soaking a pad an hour (NHS vaginal bleeding in pregnancy)', red: { 'preg-heavy-bleeding': 'yes' }, expect: 'call-113' },
  { name: 'severe pain or shoulder-tip pain (NHS ectopic pregnancy)', red: { 'preg-severe-pain': 'yes' }, expect: 'call-113' },
  { name: 'seizure in pregnancy (NHS pre-eclampsia)', red: { 'preg-seizure': 'dontknow' }, expect: 'call-113' },
  { name: 'severe headache, vision problems, pain under the ribs (NHS pre-eclampsia)', red: { 'preg-preeclampsia': 'yes' }, expect: 'call-116117' },
  { name: 'baby moving less after 24 weeks (NHS baby movements)', red: { 'preg-movements': 'yes' }, expect: 'call-116117' },
  { name: 'waters broken before 37 weeks (Helsedirektoratet: pregnancy complications → legevakt)', red: { 'preg-waters': 'yes' }, expect: 'call-116117' },
  { name: 'bleeding at 22 weeks or more (Helse Førde: contact the maternity unit)', answers: { weeks: '22-or-more', bleeding: 'yes' }, expect: 'call-116117' },
  { name: 'bleeding, weeks unknown', answers: { weeks: 'dontknow', bleeding: 'yes' }, expect: 'call-116117' },
  { name: 'pain at 22 weeks or more (our choice)', answers: { weeks: '22-or-more', pain: 'yes' }, expect: 'call-116117' },
  { name: 'bleeding with pain early in pregnancy (NHS ectopic pregnancy / miscarriage)', answers: { bleeding: 'yes', pain: 'yes' }, expect: 'call-116117' },
  { name: 'bleeding early, unsure about pain', answers: { bleeding: 'yes', pain: 'dontknow' }, expect: 'call-116117' },
  { name: 'bleeding under 22 weeks, no pain (Helse Førde: doctor or legevakt; NHS: same day)', answers: { bleeding: 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about bleeding, early, no pain', answers: { bleeding: 'dontknow' }, expect: 'gp-same-day' },
  { name: 'pain under 22 weeks, no bleeding (NHS: stomach pain in pregnancy)', answers: { pain: 'yes' }, expect: 'gp-same-day' },
  { name: 'fever in pregnancy (our choice)', answers: { fever: 'yes' }, expect: 'gp-same-day' },
  { name: 'unsure about fever', answers: { fever: 'dontknow' }, expect: 'gp-same-day' },
]);

// Helsedirektoratet / NAV (e-konsultasjon og sykmelding; egenmelding); the general 113 list applies here too.
table(sickNote, { worse: 'no', kind: 'extend', 'self-cert': 'no' }, [
  { name: 'extend a sick note, not worse (Helsedirektoratet: known patient, extension)', expect: 'admin-service' },
  { name: 'new facial paralysis while asking for a sick note (general 113 list)', red: { 'general-paralysis': 'yes' }, expect: 'call-113' },
  { name: 'worse or new problems', answers: { worse: 'yes' }, expect: 'gp-appointment' },
  { name: 'unsure whether worse', answers: { worse: 'dontknow' }, expect: 'gp-appointment' },
  { name: 'new sick note, no self-certification days left (NAV: sick note from a doctor)', answers: { kind: 'new' }, expect: 'gp-appointment' },
  { name: 'new, unsure about self-certification days', answers: { kind: 'new', 'self-cert': 'dontknow' }, expect: 'gp-appointment' },
  { name: 'new, self-certification days left (NAV: egenmelding)', answers: { kind: 'new', 'self-cert': 'yes' }, expect: 'self-care' },
  { name: 'self-certification days left but worse', answers: { kind: 'new', 'self-cert': 'yes', worse: 'yes' }, expect: 'gp-appointment' },
]);

describe('content checks on the new protocols', () => {
  it('anxiety-low-mood names 113, 116117 and the helplines wherever it routes a person on, in every language', () => {
    const numbers = ['113', '116117', '116 123', '22 40 00 40'];
    const flag = anxietyLowMood.redFlags.find((f) => f.id === 'mood-suicidal-thoughts')!;
    assert.equal(flag.disposition, 'call-116117');
    for (const lang of ['nb', 'nn', 'en'] as const) {
      for (const n of numbers) assert.ok(flag.whatToDoNow[lang].includes(n), `${lang} missing ${n}`);
      for (const [d, content] of Object.entries(anxietyLowMood.dispositions)) {
        for (const n of ['116 123', '22 40 00 40']) assert.ok(content!.safetyNet[lang].includes(n), `${d} ${lang} safety net missing ${n}`);
      }
    }
    assert.equal(anxietyLowMood.dispositions['self-care'], undefined, 'mental health is never routed to self-care only');
  });

  it('sick-note routes to the sick-note service', () => {
    assert.equal(sickNote.dispositions['admin-service']?.target, 'sick-note');
  });

  it('audiences: children, pregnancy', () => {
    assert.deepEqual(feverChildUnder5.audience, { kind: 'child', minAgeYears: 0, maxAgeYears: 5 });
    assert.equal(earPainChild.audience.kind, 'child');
    assert.deepEqual(pregnancyBleedingPain.audience, { kind: 'pregnant' });
  });

  it('every protocol has everyday synonyms in nb, nn and en', () => {
    for (const p of protocols) for (const lang of ['nb', 'nn', 'en'] as const) assert.ok(p.synonyms[lang].length >= 4, `${p.id} ${lang}`);
  });
});

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

  it('fever-child-under-5: a baby under 3 months is sent to legevakt after a whole walk', () => {
    const actor = createActor(triageMachine, { input: { protocols: [...protocols], protocolId: 'fever-child-under-5' } }).start();
    actor.send({ type: 'REDFLAGS.NONE' });
    const steps: Array<[string, TriageAnswer]> = [
      ['age-group', 'under-3-months'],
      ['measured', 'yes'],
      ['temperature', 38.1],
      ['fever-days', 0],
      ['drinking', 'yes'],
      ['worried', 'no'],
    ];
    for (const [questionId, value] of steps) {
      assert.equal(actor.getSnapshot().context.currentQuestionId, questionId);
      actor.send({ type: 'ANSWER.SET', questionId, value });
      actor.send({ type: 'STEP.NEXT' });
    }
    assert.equal(actor.getSnapshot().value, 'outcome');
    assert.equal(actor.getSnapshot().context.decision?.disposition, 'call-116117');
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
