import type { QuestionnaireResponse } from 'fhir/r4';
import type { AnswerData, AnswerValue } from '../fhir/answers.js';
import type { HkFhirErrorCode } from '../fhir/errors.js';
import type { MappingIssue } from '../fhir/questionnaire-to-survey.js';
import type { ResponseOptions } from '../fhir/questionnaire-response.js';

export type SurveyCoreModule = typeof import('survey-core');

export interface SurveyInput {
  /** FHIR R4 Questionnaire or SurveyJS JSON (object or JSON text). */
  questionnaire: unknown;
  /** nb | nn | se | en (BCP 47 tags like nb-NO are mapped). Default nb. */
  locale?: string;
  /** Prefill, keyed by linkId. */
  answers?: AnswerData;
  /** Options for the QuestionnaireResponse built on completion (subject, author, source, ...). */
  response?: Omit<ResponseOptions, 'status'>;
  /** Loads survey-core; default `import('survey-core')`. Tests may inject. */
  loadSurveyCore?: () => Promise<SurveyCoreModule>;
}

export interface FieldError {
  linkId: string;
  message: string;
}

/** Events the machine accepts from its element. */
export type SurveyEvent =
  | { type: 'SET.VALUE'; linkId: string; value: AnswerValue | AnswerValue[] | AnswerData[] | null }
  | { type: 'PAGE.NEXT' }
  | { type: 'PAGE.PREV' }
  | { type: 'COMPLETE' }
  | { type: 'LOCALE.SET'; locale: string };

/** Events the survey-core actor sends back to the machine. */
export type SurveyActorEvent =
  | { type: 'SURVEY.READY'; pageIndex: number; pageCount: number; issues: MappingIssue[]; answers: AnswerData }
  | { type: 'SURVEY.CHANGED'; linkId: string; answers: AnswerData }
  | { type: 'SURVEY.PAGE'; pageIndex: number; pageCount: number }
  | { type: 'SURVEY.INVALID'; errors: FieldError[] }
  | { type: 'SURVEY.COMPLETED'; answers: AnswerData; response?: QuestionnaireResponse; responseIssues: MappingIssue[] }
  | { type: 'SURVEY.FAILED'; code: HkFhirErrorCode; message: string };

/** Emitted events (lower.dotted); each maps to one DOM event in the element package. */
export type SurveyEmitted =
  | { type: 'survey.loaded'; pageCount: number; issueCount: number }
  | { type: 'survey.value.changed'; linkId: string }
  | { type: 'survey.page.changed'; pageIndex: number; pageCount: number }
  | { type: 'survey.validation.failed'; errors: FieldError[] }
  | { type: 'survey.completed'; answers: AnswerData; response?: QuestionnaireResponse }
  | { type: 'survey.failed'; code: HkFhirErrorCode; message: string };

export interface SurveyContext {
  input: SurveyInput;
  locale: string;
  pageIndex: number;
  pageCount: number;
  answers: AnswerData;
  errors: FieldError[];
  issues: MappingIssue[];
  response?: QuestionnaireResponse;
  failure?: { code: HkFhirErrorCode; message: string };
}
