export { surveyMachine } from './survey.machine.js';
export { surveyActor, surveyLocale, prepareSurveyCore, createHeadlessModel } from './survey.actor.js';
export { registerSurveyLocales, surveyStringsNb, surveyStringsNn, surveyStringsSe, type SurveyStrings } from './survey.locales.js';
export type { SurveyInput, SurveyEvent, SurveyActorEvent, SurveyEmitted, SurveyContext, FieldError, SurveyCoreModule } from './survey.types.js';
export { hasSurveyLogic, skipLogicPasses } from './survey.static.js';
