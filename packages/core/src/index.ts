// The root entry holds what every layer above needs: the UI catalogs, formatting and input validation.
// Each domain has its own entry, so a page pays only for what it imports and names never clash:
//   @helsekit/core/triage        protocols, rules, the triage machine, verifier, FHIR Bundle
//   @helsekit/core/fhir          Questionnaire → form, QuestionnaireResponse, extraction, SDC expressions
//   @helsekit/core/survey        survey-core as an actor (loads survey-core on demand)
//   @helsekit/core/form          the health form's flow: drafts, reuse of earlier answers, consent, submit
//   @helsekit/core/store         the store port: memory, browser vault, FHIR REST
//   @helsekit/core/measurements  vital signs, plans, NEWS2, worklist, dashboard machines
//   @helsekit/core/scoring       PHQ-9, GAD-7 and friends
export * from './i18n/index.js';
export * from './validation/index.js';
