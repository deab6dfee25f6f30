export * from './prom.rules.js';
export * from './prom.fhir.js';
