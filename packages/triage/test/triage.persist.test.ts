import { expect, fixtureCleanup } from '@open-wc/testing';
import type { HkTriage } from '@helsekit/triage';
import { settled } from '@helsekit/base/testing/index';
import type { Protocol } from '@helsekit/core/triage';
import { ADULT, answer, answerAll, answerPerson, chooseReason, click, field, FIXTURE_PATHS, fixtureProtocol, part, testProtocols, triage as triageWith } from './helpers.js';

// About keeping the flow, not the shipped clinical content: the test protocols (helpers.ts).
const triage = (attrs: Parameters<typeof triageWith>[0] = {}) => triageWith({ protocols: testProtocols(), ...attrs });

const KEY = 'hk-triage:persist-test';

describe('<hk-triage> persistence', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  afterEach(() => {
    sessionStorage.clear();
  });

  it('persist="session": a reload resumes on the same question with the answers', async () => {
    let el: HkTriage = await triage({ persist: 'session', persistKey: 'persist-test' });
    await chooseReason(el, 'Fixture (nb)');
    await click(el, 'none-button');
    await answerAll(el, [['has-fever', 'yes']]);
    await answer(el, '38,7', false);
    expect(sessionStorage.getItem(KEY)).to.be.a('string');
    // The stored snapshot carries the chosen protocol and the answers, not the whole protocol list.
    expect(JSON.parse(sessionStorage.getItem(KEY)!).context.protocols).to.deep.equal([]);
    // A reload: the element goes away, a new one with the same key comes.
    fixtureCleanup();
    el = await triage({ persist: 'session', persistKey: 'persist-test' });
    expect(el.matches(':state(questions)')).to.be.true;
    expect(part(el, 'question')!.dataset['question']).to.equal('temp');
    expect(field(el).value).to.equal(38.7);
    await click(el, 'back-button');
    expect(field(el).value).to.equal('yes');
  });

  it('a different persist-key does not resume', async () => {
    const el = await triage({ persist: 'session', persistKey: 'persist-test' });
    await chooseReason(el, 'Short (nb)');
    await click(el, 'none-button');
    fixtureCleanup();
    const other = await triage({ persist: 'session', persistKey: 'another' });
    expect(other.matches(':state(choosingReason)')).to.be.true;
  });

  it('is cleared on restart and when finished', async () => {
    const el = await triage({ persist: 'session', persistKey: 'persist-test', protocolId: 'short' });
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    await click(el, 'none-button');
    expect(sessionStorage.getItem(KEY)).to.be.a('string');
    el.restart();
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    await settled(el);
    await click(el, 'none-button');
    await answerAll(el, [['cough', 'yes'], ['where', 'home']]);
    expect(sessionStorage.getItem(KEY)).to.be.a('string');
    await click(el, 'finish-button');
    expect(el.matches(':state(done)')).to.be.true;
    expect(sessionStorage.getItem(KEY)).to.equal(null);
  });

  it('persist="none" (the default) writes nothing to sessionStorage or localStorage', async () => {
    const el = await triage();
    await chooseReason(el, 'Fixture (nb)');
    await click(el, 'none-button');
    await answerAll(el, FIXTURE_PATHS.selfCare);
    expect(el.matches(':state(outcome)')).to.be.true;
    expect(sessionStorage.length).to.equal(0);
    expect(localStorage.length).to.equal(0);
  });

  it('does not store an untouched red-flag screen, also when the protocol reads the who-for answers', async () => {
    // A protocol whose rules read the age band starts with that answer filled in from the person: not progress.
    const aged: Protocol = { ...fixtureProtocol(), id: 'aged', riskModifiers: { 'age-65-plus': 'gp-same-day' } };
    const el = await triage({ persist: 'session', persistKey: 'persist-test', protocols: [aged], protocolId: 'aged', person: { ...ADULT, ageBand: '65-plus-years' } });
    // The flow's actor starts when the browser is idle, and stores its first snapshot then.
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    await settled(el);
    expect(el.matches(':state(redFlags)')).to.be.true;
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    await click(el, 'none-button');
    expect(sessionStorage.getItem(KEY)).to.be.a('string');
  });

  it('resumes with the who-for answers the person gave, without asking again', async () => {
    let el: HkTriage = await triage({ persist: 'session', persistKey: 'persist-test', person: null });
    await answerPerson(el, ['En annen (for eksempel et barn eller en forelder)', '18–64 år', 'Mann / gutt']);
    await chooseReason(el, 'Short (nb)');
    await click(el, 'none-button');
    await answer(el, 'no');
    expect(sessionStorage.getItem(KEY)).to.be.a('string');
    fixtureCleanup();
    el = await triage({ persist: 'session', persistKey: 'persist-test', person: null });
    expect(el.matches(':state(questions)')).to.be.true;
    expect(part(el, 'question')!.dataset['question']).to.equal('where');
    expect(JSON.parse(sessionStorage.getItem(KEY)!).context.person).to.deep.include({ who: 'other', ageBand: '18-64-years', sex: 'male' });
  });

  it('ignores a corrupt stored entry and starts afresh', async () => {
    sessionStorage.setItem(KEY, '{"value":"questions","context":null}');
    const el = await triage({ persist: 'session', persistKey: 'persist-test' });
    expect(el.matches(':state(choosingReason)')).to.be.true;
    expect(sessionStorage.getItem(KEY)).to.equal(null);
  });
});
