/**
 * Validation of a date typed as day, month and year (the GOV.UK pattern: three labelled boxes, which
 * screen readers and cheap phones handle better than a date picker). Dates are calendar dates in
 * ISO form, `YYYY-MM-DD`, with no time zone: a birth date or a symptom start is not an instant.
 */
export type DateError =
  | { code: 'required' }
  | { code: 'invalid' }
  | { code: 'tooEarly'; min: string }
  | { code: 'tooLate'; max: string };

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface DateRules {
  required?: boolean;
  /** ISO `YYYY-MM-DD`, inclusive. */
  min?: string;
  /** ISO `YYYY-MM-DD`, inclusive. */
  max?: string;
}

export interface DateResult {
  value: string | null;
  error: DateError | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `iso` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function partsFromIso(iso: string | null | undefined): DateParts {
  const m = iso ? ISO_DATE.exec(iso) : null;
  if (!m) return { day: '', month: '', year: '' };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! };
}

export function validateDate(parts: DateParts, rules: DateRules = {}): DateResult {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { value: null, error: rules.required ? { code: 'required' } : null };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { value: null, error: { code: 'invalid' } };
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isIsoDate(iso)) return { value: null, error: { code: 'invalid' } };
  // ISO dates of the same length compare correctly as strings.
  if (rules.min && iso < rules.min) return { value: iso, error: { code: 'tooEarly', min: rules.min } };
  if (rules.max && iso > rules.max) return { value: iso, error: { code: 'tooLate', max: rules.max } };
  return { value: iso, error: null };
}
