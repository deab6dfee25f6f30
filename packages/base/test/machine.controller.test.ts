import { expect } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { assign, emit, setup } from 'xstate';
import { HkElement, HkEvent, MachineController } from '@helsekit/base';
import { fixtureInLang } from '@helsekit/base/testing/index';

const counter = setup({
  types: {
    context: {} as { count: number },
    events: {} as { type: 'COUNT.INCREMENT' } | { type: 'COUNT.FINISH' },
    emitted: {} as { type: 'count.finished'; count: number } | { type: 'count.internal' },
  },
}).createMachine({
  id: 'counter',
  context: { count: 0 },
  initial: 'counting',
  states: {
    counting: {
      on: {
        'COUNT.INCREMENT': { actions: [assign({ count: ({ context }) => context.count + 1 }), emit({ type: 'count.internal' })] },
        'COUNT.FINISH': { target: 'finished', actions: emit(({ context }) => ({ type: 'count.finished' as const, count: context.count })) },
      },
    },
    finished: { type: 'final' },
  },
});

class CountFinishedEvent extends HkEvent<{ count: number }> {
  constructor(count: number) {
    super('hk-count-finished', { count });
  }
}

class TestCounter extends HkElement {
  machine = new MachineController(this, counter, {
    events: { 'count.finished': (e) => new CountFinishedEvent(e.count) },
  });

  override render() {
    return html`<p>${this.machine.snapshot.context.count}</p>`;
  }
}
customElements.define('test-counter', TestCounter);

describe('MachineController', () => {
  it('renders from the snapshot and mirrors the state as a custom state', async () => {
    const el = await fixtureInLang<TestCounter>(html`<test-counter></test-counter>`);
    expect(el.matches(':state(counting)')).to.be.true;
    el.machine.send({ type: 'COUNT.INCREMENT' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('1');
    el.machine.send({ type: 'COUNT.FINISH' });
    await el.updateComplete;
    expect(el.matches(':state(finished)')).to.be.true;
    expect(el.matches(':state(counting)')).to.be.false;
  });

  it('keeps its state when the element is moved in the DOM, and stops the old actor', async () => {
    const el = await fixtureInLang<TestCounter>(html`<test-counter></test-counter>`);
    el.machine.send({ type: 'COUNT.INCREMENT' });
    el.machine.send({ type: 'COUNT.INCREMENT' });
    const before = el.machine.actor;
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(el);
    await el.updateComplete;
    expect(before.getSnapshot().status).to.equal('stopped');
    expect(el.machine.actor).not.to.equal(before);
    expect(el.machine.snapshot.context.count).to.equal(2);
    expect(el.shadowRoot!.textContent).to.contain('2');
    elsewhere.remove();
  });

  it('stops the actor when the element is removed', async () => {
    const el = await fixtureInLang<TestCounter>(html`<test-counter></test-counter>`);
    const actor = el.machine.actor;
    el.remove();
    expect(actor.getSnapshot().status).to.equal('stopped');
  });

  it('turns emitted machine events into typed, composed DOM events, and only the mapped ones', async () => {
    const wrapper = await fixtureInLang<HTMLElement>(html`<div><test-counter></test-counter></div>`);
    const el = wrapper.querySelector('test-counter') as TestCounter;
    const received: Event[] = [];
    wrapper.addEventListener('hk-count-finished', (e) => received.push(e));
    el.machine.send({ type: 'COUNT.INCREMENT' });
    el.machine.send({ type: 'COUNT.FINISH' });
    expect(received).to.have.length(1);
    const event = received[0] as CountFinishedEvent;
    expect(event).to.be.instanceOf(CountFinishedEvent);
    expect(event.detail).to.deep.equal({ count: 1 });
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('resumes from a persisted snapshot, as after a reload', async () => {
    const first = await fixtureInLang<TestCounter>(html`<test-counter></test-counter>`);
    first.machine.send({ type: 'COUNT.INCREMENT' });
    const saved = JSON.parse(JSON.stringify(first.machine.persist()));
    const second = await fixtureInLang<TestCounter>(html`<test-counter></test-counter>`);
    second.machine.restore(saved);
    await second.updateComplete;
    expect(second.machine.snapshot.context.count).to.equal(1);
    expect(second.matches(':state(counting)')).to.be.true;
  });

  it('works on a plain LitElement host without custom states', async () => {
    class PlainHost extends LitElement {
      machine = new MachineController(this, counter);
      override render() {
        return html`${this.machine.snapshot.value}`;
      }
    }
    customElements.define('test-plain-host', PlainHost);
    const el = await fixtureInLang<PlainHost>(html`<test-plain-host></test-plain-host>`);
    expect(el.shadowRoot!.textContent).to.contain('counting');
  });

  describe('with a preview', () => {
    let built = 0;
    class PreviewCounter extends HkElement {
      machine = new MachineController(
        this,
        () => {
          built += 1;
          return counter;
        },
        {
          // What a fresh counter's persisted snapshot is, without XState.
          preview: () => ({ status: 'active', value: 'counting', context: { count: 0 }, historyValue: {}, children: {} }),
          events: { 'count.finished': (e) => new CountFinishedEvent(e.count) },
        },
      );
      override render() {
        return html`<p>${this.machine.snapshot.context.count}</p>`;
      }
    }
    customElements.define('test-preview-counter', PreviewCounter);

    it('renders the preview before the machine is built, and builds it on the first event', async () => {
      built = 0;
      const el = await fixtureInLang<PreviewCounter>(html`<test-preview-counter></test-preview-counter>`);
      expect(el.shadowRoot!.textContent).to.contain('0');
      expect(el.matches(':state(counting)')).to.be.true;
      expect(built).to.equal(0);
      expect(el.machine.persist()).to.deep.include({ value: 'counting', context: { count: 0 } });
      const received: Event[] = [];
      el.addEventListener('hk-count-finished', (e) => received.push(e));
      el.machine.send({ type: 'COUNT.INCREMENT' });
      el.machine.send({ type: 'COUNT.FINISH' });
      expect(built).to.equal(1);
      expect(received.map((e) => (e as CountFinishedEvent).detail)).to.deep.equal([{ count: 1 }]);
      await el.updateComplete;
      expect(el.matches(':state(finished)')).to.be.true;
    });

    it('builds the actor from the preview when the browser is idle', async () => {
      built = 0;
      const el = await fixtureInLang<PreviewCounter>(html`<test-preview-counter></test-preview-counter>`);
      expect(built).to.equal(0);
      await new Promise<void>((resolve) => requestIdleCallback(() => setTimeout(resolve)));
      expect(built).to.equal(1);
      expect(el.machine.actor.getSnapshot().status).to.equal('active');
      expect(el.machine.snapshot.context.count).to.equal(0);
    });

    it('shows the preview again on restore(undefined), and resumes a stored snapshot at once', async () => {
      built = 0;
      const el = await fixtureInLang<PreviewCounter>(html`<test-preview-counter></test-preview-counter>`);
      el.machine.send({ type: 'COUNT.INCREMENT' });
      el.machine.restore(undefined);
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('0');
      el.machine.restore({ status: 'active', value: 'counting', context: { count: 5 }, historyValue: {}, children: {} });
      await el.updateComplete;
      expect(el.machine.actor.getSnapshot().context.count).to.equal(5);
      expect(el.shadowRoot!.textContent).to.contain('5');
    });
  });
});
