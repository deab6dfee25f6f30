/**
 * Typed errors for the FHIR questionnaire core.
 *
 * Error style (one for the whole module): every public function returns a {@link Result}. Nothing is thrown
 * past the public API; an unexpected exception inside is caught and returned as `{ ok: false, error }` with
 * code `internal`. Problems that do not stop the work (an extension we cannot map, a rendering-xhtml text shown
 * as plain text) are not errors: they come back as `issues` next to the value.
 */

export type HkFhirErrorCode =
  | 'malformed-json'
  | 'not-a-questionnaire'
  | 'not-a-questionnaire-response'
  | 'invalid-surveyjs'
  | 'enable-when-cycle'
  | 'unknown-item-type'
  | 'missing-link-id'
  | 'duplicate-link-id'
  | 'too-large'
  | 'too-deep'
  | 'invalid-answer'
  | 'expression-failed'
  | 'survey-load-failed'
  | 'internal';

const messages: Record<HkFhirErrorCode, string> = {
  'malformed-json': 'The document is not valid JSON.',
  'not-a-questionnaire': 'The document is not a FHIR R4 Questionnaire or a SurveyJS form.',
  'not-a-questionnaire-response': 'The document is not a FHIR R4 QuestionnaireResponse.',
  'invalid-surveyjs': 'The SurveyJS form definition is not valid.',
  'enable-when-cycle': 'The enableWhen conditions depend on each other in a cycle.',
  'unknown-item-type': 'The questionnaire has an item of an unknown type.',
  'missing-link-id': 'The questionnaire has an item without a linkId.',
  'duplicate-link-id': 'The questionnaire uses the same linkId for two items.',
  'too-large': 'The document is larger than the allowed limit.',
  'too-deep': 'The document is nested deeper than the allowed limit.',
  'invalid-answer': 'An answer does not fit the type of its question.',
  'expression-failed': 'A FHIRPath expression could not be evaluated.',
  'survey-load-failed': 'The form engine could not be loaded.',
  'internal': 'An unexpected error occurred while reading the form.',
};

/** Message key for the UI: `fhirError.<code>`; the English text is the default rendering. */
export type HkFhirMessageKey = `fhirError.${HkFhirErrorCode}`;

export class HkFhirError extends Error {
  override readonly name = 'HkFhirError';
  readonly code: HkFhirErrorCode;
  readonly messageKey: HkFhirMessageKey;
  /** Non-sensitive context: a linkId, a path, a limit. Never answer values. */
  readonly details: Readonly<Record<string, string | number>>;

  constructor(code: HkFhirErrorCode, details: Record<string, string | number> = {}, message?: string) {
    super(message ?? messages[code]);
    this.code = code;
    this.messageKey = `fhirError.${code}`;
    this.details = details;
  }
}

export type Result<T, E = HkFhirError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = (
  code: HkFhirErrorCode,
  details?: Record<string, string | number>,
  message?: string,
): { ok: false; error: HkFhirError } => ({ ok: false, error: new HkFhirError(code, details, message) });

/** Turn anything caught into a HkFhirError (keeps an HkFhirError as it is). */
export function toHkFhirError(e: unknown): HkFhirError {
  if (e instanceof HkFhirError) return e;
  return new HkFhirError('internal', {}, `${messages.internal} (${e instanceof Error ? e.message : String(e)})`);
}

/** Run `fn`, returning its Result; anything thrown becomes `{ ok: false }`. */
export function guard<T>(fn: () => Result<T>): Result<T> {
  try {
    return fn();
  } catch (e) {
    return { ok: false, error: toHkFhirError(e) };
  }
}

/** The UI catalog key (i18n `Messages`, "forms" block) to show a person for an error code. */
export function formMessageKey(code: HkFhirErrorCode): 'formTooLarge' | 'formEngineUnavailable' | 'formInvalid' | 'formLoadFailed' {
  switch (code) {
    case 'too-large':
    case 'too-deep':
      return 'formTooLarge';
    case 'survey-load-failed':
      return 'formEngineUnavailable';
    case 'malformed-json':
    case 'not-a-questionnaire':
    case 'invalid-surveyjs':
    case 'enable-when-cycle':
    case 'unknown-item-type':
    case 'missing-link-id':
    case 'duplicate-link-id':
      return 'formInvalid';
    default:
      return 'formLoadFailed';
  }
}
