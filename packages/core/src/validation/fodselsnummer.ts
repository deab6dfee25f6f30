/**
 * Norwegian national identity numbers: fødselsnummer, D-nummer, and (only when allowed) H-nummer and synthetic
 * test numbers. Eleven digits `DDMMYY III KK`: birth date, individual number (its first digit and the year give
 * the century; its last digit the legal sex), and two mod-11 check digits.
 *
 * - D-nummer: 4 added to the first digit (day 41–71). Always accepted: people without a fødselsnummer have one.
 * - H-nummer: 4 added to the third digit (month 41–52), a help number used inside health services. Accepted only
 *   with `allowHNumber`.
 * - Synthetic test numbers (Skatteetaten's Tenor test data): 8 added to the third digit (month 81–92). Accepted
 *   only with `allowSynthetic`; never in production.
 *
 * Numbers issued from 2032 may have no check digits; this function does not accept those yet.
 */
export type FodselsnummerKind = 'fodselsnummer' | 'd-nummer' | 'h-nummer' | 'synthetic';

export type FodselsnummerError = 'format' | 'checksum' | 'date' | 'not-allowed';

export interface FodselsnummerOptions {
  /** Accept H-nummer (month + 40). Default false. */
  allowHNumber?: boolean;
  /** Accept synthetic test numbers (month + 80). Default false. */
  allowSynthetic?: boolean;
}

export type FodselsnummerResult =
  | {
      valid: true;
      /** The eleven digits, without spaces. */
      value: string;
      kind: FodselsnummerKind;
      /** Also true for a D-nummer with synthetic month. */
      dNumber: boolean;
      /** ISO `YYYY-MM-DD`. */
      birthDate: string;
      /** Legal sex from the ninth digit (odd: male). */
      sex: 'male' | 'female';
    }
  | { valid: false; error: FodselsnummerError; kind?: FodselsnummerKind };

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: readonly number[], weights: readonly number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return undefined;
  return k;
}

/** The two check digits for the first nine digits, or undefined when no valid number has those nine digits. */
export function fodselsnummerCheckDigits(nine: string): string | undefined {
  if (!/^\d{9}$/.test(nine)) return undefined;
  const d = [...nine].map(Number);
  const k1 = checkDigit(d, W1);
  if (k1 === undefined) return undefined;
  const k2 = checkDigit([...d, k1], W2);
  if (k2 === undefined) return undefined;
  return `${k1}${k2}`;
}

/** The full year from the two-digit year and the individual number, or undefined for an unused combination. */
export function centuryYear(yy: number, individual: number): number | undefined {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (yy <= 39) return 2000 + yy;
  if (individual >= 900) return 1900 + yy;
  return undefined;
}

function isDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Validate a fødselsnummer or D-nummer (spaces and one optional space in the middle are ignored). */
export function validateFodselsnummer(input: string, options: FodselsnummerOptions = {}): FodselsnummerResult {
  const value = input.replace(/[\s\u00a0]/g, '');
  if (!/^\d{11}$/.test(value)) return { valid: false, error: 'format' };
  const d = [...value].map(Number);
  if (fodselsnummerCheckDigits(value.slice(0, 9)) !== value.slice(9)) return { valid: false, error: 'checksum' };
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const individual = Number(value.slice(6, 9));
  const dNumber = day > 40;
  if (dNumber) day -= 40;
  let kind: FodselsnummerKind = dNumber ? 'd-nummer' : 'fodselsnummer';
  if (month > 80) {
    month -= 80;
    kind = 'synthetic';
  } else if (month > 40) {
    month -= 40;
    kind = 'h-nummer';
  }
  const year = centuryYear(yy, individual);
  if (year === undefined || !isDate(year, month, day)) return { valid: false, error: 'date', kind };
  if (kind === 'synthetic' && !options.allowSynthetic) return { valid: false, error: 'not-allowed', kind };
  if (kind === 'h-nummer' && !options.allowHNumber) return { valid: false, error: 'not-allowed', kind };
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { valid: true, value, kind, dNumber, birthDate, sex: d[8]! % 2 === 1 ? 'male' : 'female' };
}

/** The birth date (ISO) in a valid number, or undefined. */
export function birthDateFromFodselsnummer(input: string, options: FodselsnummerOptions = {}): string | undefined {
  const r = validateFodselsnummer(input, options);
  return r.valid ? r.birthDate : undefined;
}
