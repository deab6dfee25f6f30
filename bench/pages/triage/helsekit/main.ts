// <hk-triage protocol-id="fever-adult"> as a host writes it: the element, lit, xstate, and the default protocols
// (which the element loads on demand, in their own chunk). The mark waits for the element's :state(redFlags),
// its render, and a paint.
import '../start';
import '@helsekit/triage/define';
import { untilRedFlagsRendered } from '../until-red-flags';
import { markRedFlagsPainted } from '../painted';

const el = document.createElement('hk-triage');
el.setAttribute('protocol-id', 'fever-adult');
document.getElementById('root')!.append(el);
void untilRedFlagsRendered(el).then(markRedFlagsPainted);
