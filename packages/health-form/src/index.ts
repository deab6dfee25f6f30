export { HkHealthForm, DRAFT_PAGE_EXTENSION, validFnr } from './health-form.element.js';
export * from './health-form.events.js';
export { healthFormStyles } from './health-form.styles.js';
export type { PrefillMark } from './questions.js';
