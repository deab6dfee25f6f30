export { HkFhirError, formMessageKey, type HkFhirErrorCode, type HkFhirMessageKey, type Result } from './errors.js';
export { defaultLimits, type InputLimits } from './input.js';
export {
  EXT,
  indexQuestionnaire,
  mapLanguageCode,
  type ItemInfo,
  type AnswerOptionInfo,
  type LocalizedText,
  type ContentLocale,
} from './item-index.js';
export type { AnswerData, AnswerValue, AnswerQuantity, InstancePath } from './answers.js';
export { EnableWhenEvaluator, evaluateCondition } from './answers.js';
export {
  questionnaireToSurvey,
  escapeHtml,
  surveyLiteral,
  CUSTOM_PROPERTIES,
  type SurveyJSON,
  type SurveyElementJSON,
  type MappingIssue,
  type ConversionResult,
  type ConvertOptions,
} from './questionnaire-to-survey.js';
export { surveyDataToAnswers, answersToSurveyData, type SurveyData } from './survey-data.js';
export {
  buildQuestionnaireResponse,
  responseToAnswers,
  toAnswer,
  type ResponseOptions,
  type ResponseResult,
} from './questionnaire-response.js';
export { extractObservations, type ExtractOptions } from './extract.js';
export {
  createExpressionEngine,
  collectExpressions,
  parseDependencies,
  hasSdcExpressions,
  type ExpressionDef,
  type ExpressionEngine,
  type ExpressionEngineOptions,
  type ExpressionKind,
  type ExpressionResults,
} from './expressions.js';
export { checkResponseStructure } from './validate-response.js';
