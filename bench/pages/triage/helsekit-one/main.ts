// The budget's case: lit, xstate, the element and ONE protocol. The host sets `protocols`, so the element never
// requests its default list. The protocol JSON is imported by path, since @helsekit/protocols has no entry per
// protocol (importing it from the package index would bring every protocol into this chunk).
import '../start';
import '@helsekit/triage/define';
import type { Protocol } from '@helsekit/core/triage';
import feverAdult from '../../../../packages/protocols/src/fever-adult.json';
import { untilRedFlagsRendered } from '../until-red-flags';
import { markRedFlagsPainted } from '../painted';

const el = document.createElement('hk-triage');
el.protocols = [feverAdult as unknown as Protocol];
el.setAttribute('protocol-id', 'fever-adult');
document.getElementById('root')!.append(el);
await untilRedFlagsRendered(el);
await markRedFlagsPainted();
