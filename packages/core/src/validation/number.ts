/** Validation of a number typed by a person, in any of our locales. Pure; the element maps codes to words. */
export type NumberError =
  | { code: 'required' }
  | { code: 'invalid' }
  | { code: 'tooLow'; min: number }
  | { code: 'tooHigh'; max: number };

export interface NumberRules {
  required?: boolean;
  min?: number;
  max?: number;
  /** Most decimals allowed; more is invalid (a typo, not something to round away). */
  decimals?: number;
}

export interface NumberResult {
  value: number | null;
  error: NumberError | null;
}

// Digits with an optional sign, one decimal separator (comma or point) and thin, normal or
// no-break spaces as thousands separators. Everything else is a typo the person must see.
const NUMBER = /^([+\-−]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?$/;

/** Parses "37,5", "37.5", "1 200" and "−3" (minus sign). Returns null for anything else. */
export function parseLocaleNumber(text: string): number | null {
  const match = NUMBER.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction] = match;
  const value = Number(`${sign ? '-' : ''}${whole!.replace(/[ \u00a0\u202f]/g, '')}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? value : null;
}

export function validateNumber(text: string, rules: NumberRules = {}): NumberResult {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, error: rules.required ? { code: 'required' } : null };
  const value = parseLocaleNumber(trimmed);
  if (value === null) return { value: null, error: { code: 'invalid' } };
  const fraction = /[.,](\d+)$/.exec(trimmed)?.[1] ?? '';
  if (rules.decimals !== undefined && fraction.length > rules.decimals) return { value: null, error: { code: 'invalid' } };
  if (rules.min !== undefined && value < rules.min) return { value, error: { code: 'tooLow', min: rules.min } };
  if (rules.max !== undefined && value > rules.max) return { value, error: { code: 'tooHigh', max: rules.max } };
  return { value, error: null };
}
