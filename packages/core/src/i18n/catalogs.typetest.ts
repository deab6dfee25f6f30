// Compile-time test, checked by `npm run typecheck`: a catalog that misses a key must not compile.
// If the compiler accepted these lines, the unused @ts-expect-error would fail the typecheck.
import type { CommonMessages, TriageMessages } from './messages.js';
import { common } from './catalogs/nb/common.js';
import { triage } from './catalogs/nb/triage.js';

const { dontKnow: _dropped, ...withoutDontKnow } = common;

// @ts-expect-error a catalog without `dontKnow` is not a CommonMessages
export const missingKey: CommonMessages = withoutDontKnow;

// @ts-expect-error an interpolating message must stay a function
export const wrongShape: CommonMessages = { ...common, stepOf: 'Steg' };

// @ts-expect-error a part's key does not belong in another part's catalog
export const wrongPart: TriageMessages = { ...triage, yes: 'Ja' };
