// Test helpers for helsekit's own browser tests (not part of the published package).
import './lit-warnings.js';

export * from './a11y.js';
export * from './keyboard.js';
export * from './fixture.js';
export * from './text-spacing.js';
