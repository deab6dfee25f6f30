// What a person sees when a part of the widget loaded on demand does not come. Its own file, so its own page:
// the blocked request and the module that failed stay with this page (web-test-runner.config.mjs, hk-block-urls).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { HkTriageErrorEvent } from '@helsekit/triage';
import { expectAccessible } from '@helsekit/base/testing/index';
import { click, fixtureProtocol, text, triage, until } from './helpers.js';

describe('<hk-triage> when a screen cannot be downloaded', () => {
  after(() => executeServerCommand('hk-block-urls', { urls: [] }));

  it('ends in the message that names whom to ring, and sends hk-error load-failed', async () => {
    await executeServerCommand('hk-block-urls', { urls: ['*question.screen*'] });
    const el = await triage({ protocols: [fixtureProtocol()], protocolId: 'fixture' });
    const errors: string[] = [];
    el.addEventListener('hk-error', (e) => errors.push((e as HkTriageErrorEvent).detail.reason));
    expect(el.matches(':state(redFlags)'), 'the red-flag screen does not need it').to.be.true;
    await click(el, 'none-button');
    await until(() => el.matches(':state(error)'), 'the error state');
    expect(text(el, 'heading')).to.equal(
      'Spørsmålene kunne ikke vises. Ring legekontoret. Haster det, ring legevakten på 116117. Ved fare for liv, ring 113.',
    );
    expect(errors).to.deep.equal(['load-failed']);
    await expectAccessible(el);
  });
});
