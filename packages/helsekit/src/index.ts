// Side-effect-free entry for bundler users: every class and type, no registration.
// For a plain <script type="module"> page, load `helsekit/auto` (dist/browser/helsekit.js) instead.
export * from '@helsekit/core';
export * from '@helsekit/base';
