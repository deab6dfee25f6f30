// Compile-time test, checked by `npm run typecheck`: a catalog that misses a key must not compile.
// If the compiler accepted these lines, the unused @ts-expect-error would fail the typecheck.
import type { Messages } from './messages.js';
import { nb } from './catalogs/nb.js';

const { dontKnow: _dropped, ...withoutDontKnow } = nb;

// @ts-expect-error a catalog without `dontKnow` is not a Messages
export const missingKey: Messages = withoutDontKnow;

// @ts-expect-error an interpolating message must stay a function
export const wrongShape: Messages = { ...nb, stepOf: 'Steg' };
