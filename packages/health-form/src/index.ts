export { HkHealthForm } from './health-form.element.js';
export * from './health-form.events.js';
export { healthFormStyles } from './health-form.styles.js';
export type { PrefillMark } from './questions.js';
