// The budget's case: lit, xstate, the element and ONE protocol. The host sets `protocols`, so the element loads
// nothing more. The protocol JSON is imported by path, statically, as a host bundling it would (importing it from
// the package index would bring every protocol into this chunk; `loadProtocol` would add a round trip).
import '../start';
import '@helsekit/triage/define';
import type { Protocol } from '@helsekit/core/triage';
import feverAdult from '../../../../packages/protocols/src/fever-adult.json';
import { untilRedFlagsRendered } from '../until-red-flags';
import { markRedFlagsPainted } from '../painted';

const el = document.createElement('hk-triage');
el.protocols = [feverAdult as unknown as Protocol];
el.setAttribute('protocol-id', 'fever-adult');
// A host that knows the person (a logged-in page) skips the who-for screen: this page measures the red-flag screen.
el.person = { who: 'self', ageBand: '18-64-years', sex: 'female', pregnant: 'no' };
document.getElementById('root')!.append(el);
void untilRedFlagsRendered(el).then(markRedFlagsPainted);
