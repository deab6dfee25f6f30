export * from './i18n/index.js';
export * from './validation/index.js';
