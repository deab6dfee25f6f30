// <hk-triage protocol-id="fever-adult"> as a host writes it: the element, lit, xstate, and the default protocols
// (which the element loads on demand, in their own chunk). The mark waits for the element's :state(redFlags),
// its render, and a paint.
import '../start';
import '@helsekit/triage/define';
import { untilRedFlagsRendered } from '../until-red-flags';
import { markRedFlagsPainted } from '../painted';

const el = document.createElement('hk-triage');
el.setAttribute('protocol-id', 'fever-adult');
// A host that knows the person (a logged-in page) skips the who-for screen: this page measures the red-flag screen.
el.person = { who: 'self', ageBand: '18-64-years', sex: 'female', pregnant: 'no' };
document.getElementById('root')!.append(el);
void untilRedFlagsRendered(el).then(markRedFlagsPainted);
