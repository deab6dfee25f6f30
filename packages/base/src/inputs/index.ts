export * from './choice-group.element.js';
export * from './yes-no.element.js';
export * from './number-input.element.js';
export * from './date-input.element.js';
export * from './field.js';
export * from './error-text.js';
