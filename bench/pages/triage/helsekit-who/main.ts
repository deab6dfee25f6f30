// The first screen most pages show: the who-for screen of <hk-triage> with one protocol set by the host (no person
// known). The mark waits for :state(choosingPerson), its render, and a paint.
import '../start';
import '@helsekit/triage/define';
import type { Protocol } from '@helsekit/core/triage';
import feverAdult from '../../../../packages/protocols/src/fever-adult.json';
import { untilStateRendered } from '../until-red-flags';
import { markRedFlagsPainted } from '../painted';

const el = document.createElement('hk-triage');
el.protocols = [feverAdult as unknown as Protocol];
el.setAttribute('protocol-id', 'fever-adult');
document.getElementById('root')!.append(el);
void untilStateRendered(el, 'choosingPerson', 'form.person input').then(markRedFlagsPainted);
