import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createActor } from 'xstate';
import {
  AGE_BANDS,
  ADULT_AGE_BANDS,
  CHILD_AGE_BANDS,
  DONT_KNOW,
  GENERAL_RED_FLAGS,
  SEXES,
  asksPregnancy,
  fitsAudience,
  formatReport,
  toTriageBundle,
  triageMachine,
  verifyProtocol,
  type AgeBand,
  type Protocol,
  type TriagePerson,
} from '@helsekit/core/triage';
import { protocolById, protocols } from './index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const vignettes = fileURLToPath(new URL('../vignettes/', import.meta.url));

describe('shipped protocols', () => {
  it('index exports every JSON file in src (scripts/protocols-index.mjs writes it)', () => {
    const files = readdirSync(here).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    assert.deepEqual(protocols.map((p) => p.id).sort(), files);
    assert.equal(protocolById('other')?.id, 'other');
  });

  it('at least 40 protocols, "Noe annet" last', () => {
    assert.ok(protocols.length >= 40, `${protocols.length} protocols`);
    assert.equal(protocols.at(-1)!.id, 'other');
  });

  for (const protocol of protocols) {
    it(`${protocol.id} passes the verifier, clinical checks included`, () => {
      const report = verifyProtocol(protocol);
      assert.equal(report.ok, true, formatReport(report));
      assert.deepEqual(report.warnings, [], formatReport(report));
    });

    it(`${protocol.id} is a draft with public sources, no reviewer yet, and no licensed system named`, () => {
      assert.equal(protocol.status, 'draft');
      assert.equal(protocol.clinicalReviewer, null);
      assert.equal(protocol.reviewDate, null);
      assert.notEqual(protocol.translations.se, 'complete');
      assert.ok(protocol.sources.length >= 2);
      assert.ok(protocol.sources.every((s) => s.url.startsWith('https://')));
      assert.ok(protocol.sources.some((s) => /helsenorge|helsedirektoratet/.test(s.url)));
      for (const banned of [/manchester/i, /retts/i, /norsk indeks/i, /nhs pathways/i]) {
        assert.doesNotMatch(JSON.stringify(protocol), banned);
      }
    });

    it(`${protocol.id} has everyday search words in every language, and vignettes`, () => {
      for (const lang of ['nb', 'nn', 'en', 'se'] as const) assert.ok(protocol.synonyms[lang].length > 0, lang);
      assert.ok(protocol.searchTests.find.length >= 3, 'at least three queries that must find it');
      const file = `${vignettes}${protocol.id}.json`;
      assert.ok(existsSync(file), `no vignettes/${protocol.id}.json`);
      const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: unknown[] };
      assert.ok(cases.length >= 5, `${cases.length} vignettes`);
    });
  }
});

/** Every kind of person the who-for screen can make. */
function everyPerson(): TriagePerson[] {
  const out: TriagePerson[] = [];
  for (const ageBand of AGE_BANDS) {
    for (const sex of SEXES) {
      const pregnancies = asksPregnancy({ ageBand, sex }) ? (['yes', 'no', DONT_KNOW] as const) : [undefined];
      for (const pregnant of pregnancies) out.push({ who: 'other', ageBand, sex, ...(pregnant ? { pregnant } : {}) });
    }
  }
  return out;
}

describe('the protocol set: whom it is offered to', () => {
  it('"Noe annet" is offered to everyone, and everyone is offered more than it', () => {
    const other = protocolById('other')!;
    for (const person of everyPerson()) {
      assert.ok(fitsAudience(other, person), JSON.stringify(person));
      const offered = protocols.filter((p) => p.id !== 'other' && fitsAudience(p, person));
      assert.ok(offered.length >= 3, `${JSON.stringify(person)}: ${offered.map((p) => p.id).join(', ')}`);
    }
  });

  it('a protocol written for adults is never offered to a child, and a child protocol never to an adult', () => {
    const only = (p: Protocol, bands: readonly AgeBand[]) => p.audience.ages.every((b) => bands.includes(b));
    for (const person of everyPerson()) {
      for (const p of protocols) {
        if (!fitsAudience(p, person)) continue;
        if (CHILD_AGE_BANDS.includes(person.ageBand)) assert.ok(!only(p, ADULT_AGE_BANDS), `${p.id} offered for ${person.ageBand}`);
        else assert.ok(!only(p, CHILD_AGE_BANDS), `${p.id} offered for ${person.ageBand}`);
      }
    }
  });

  it('the adult-only general red flags (nitroglycerin, chest discomfort) are never asked about a child', () => {
    const adultOnly = GENERAL_RED_FLAGS.filter((f) => f.ages?.every((b) => ADULT_AGE_BANDS.includes(b))).map((f) => f.id);
    assert.deepEqual(adultOnly.sort(), ['general-chest-discomfort', 'general-nitro']);
    for (const band of CHILD_AGE_BANDS) {
      const actor = createActor(triageMachine, { input: { protocols: [...protocols], person: { who: 'other', ageBand: band, sex: 'female' } } }).start();
      const reason = protocols.find((p) => p.id !== 'other' && fitsAudience(p, actor.getSnapshot().context.person))!;
      actor.send({ type: 'REASON.SELECT', protocolId: reason.id });
      const asked = actor.getSnapshot().context.protocol!.redFlags.map((f) => f.id);
      for (const id of adultOnly) assert.ok(!asked.includes(id), `${id} asked about a child of ${band} in ${reason.id}`);
    }
  });
});

describe('shipped protocols run in the machine', () => {
  const start = (person: TriagePerson) => {
    const actor = createActor(triageMachine, { input: { protocols: [...protocols] } }).start();
    actor.send({ type: 'PERSON.SET', person });
    return actor;
  };

  it('"Noe annet" for a child: the parent\'s own words go into the QuestionnaireResponse, as text, and the Bundle says a parent answered', () => {
    const actor = start({ who: 'other', ageBand: '5-12-years', sex: 'male' });
    const words = 'Hikker hele tiden <b>etter</b> middag';
    actor.send({ type: 'REASON.SELECT', protocolId: 'other', description: words });
    assert.equal(actor.getSnapshot().value, 'redFlags');
    actor.send({ type: 'REDFLAGS.NONE' });
    for (let i = 0; actor.getSnapshot().value === 'questions' && i < 20; i++) {
      const id = actor.getSnapshot().context.currentQuestionId!;
      const question = actor.getSnapshot().context.protocol!.questions.find((q) => q.id === id)!;
      const value = question.kind === 'multi-choice' ? [question.options.find((o) => o.exclusive)!.value] : DONT_KNOW;
      actor.send({ type: 'ANSWER.SET', questionId: id, value });
      actor.send({ type: 'STEP.NEXT' });
    }
    const snapshot = actor.getSnapshot();
    assert.equal(snapshot.value, 'outcome');
    // Every answer "vet ikke": never self-care.
    assert.notEqual(snapshot.context.decision!.disposition, 'self-care');
    const bundle = toTriageBundle(
      { protocol: snapshot.context.protocol!, redFlagAnswers: snapshot.context.redFlagAnswers, answers: snapshot.context.answers, decision: snapshot.context.decision!, person: snapshot.context.person, description: snapshot.context.description },
      { uuid: (() => { let n = 0; return () => `id-${n++}`; })() },
    );
    const qr = bundle.entry!.map((e) => e.resource!).find((r) => r.resourceType === 'QuestionnaireResponse')!;
    assert.equal(qr.resourceType === 'QuestionnaireResponse' && qr.item![0]!.answer![0]!.valueString, words);
    assert.equal(qr.resourceType === 'QuestionnaireResponse' && qr.source?.type, 'RelatedPerson');
  });

  it('a protocol the person does not fit is not offered, and REASON.SELECT for it is refused', () => {
    const actor = start({ who: 'self', ageBand: '18-64-years', sex: 'male' });
    actor.send({ type: 'REASON.SELECT', protocolId: 'fever-child-under-5' });
    assert.equal(actor.getSnapshot().value, 'choosingReason');
    actor.send({ type: 'REASON.SELECT', protocolId: 'vaginal-symptoms' });
    assert.equal(actor.getSnapshot().value, 'choosingReason');
    actor.send({ type: 'REASON.SELECT', protocolId: 'fever-adult' });
    assert.equal(actor.getSnapshot().value, 'redFlags');
  });
});
