/**
 * Synthetic Norwegian national identity numbers (fødselsnummer), for demo data only.
 *
 * Layout: DDMMYY + individual number (3 digits) + two mod-11 check digits. The individual number encodes the
 * century (1900–1999: 000–499; 2000–2039: 500–999) and sex (its last digit: odd male, even female).
 * `synthetic: true` (the default) adds 80 to the month, the convention of Skatteetaten's test population
 * (Tenor), so a generated number can never be a real person's. Check digits are computed the same way.
 */
export const FNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.1';

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return undefined; // no valid check digit: that individual number is not used
  return k;
}

/** True when both mod-11 check digits are right (dates are not validated). */
export function hasValidFnrChecksum(fnr: string): boolean {
  if (!/^\d{11}$/.test(fnr)) return false;
  const d = [...fnr].map(Number);
  return checkDigit(d.slice(0, 9), W1) === d[9] && checkDigit(d.slice(0, 10), W2) === d[10];
}

/**
 * The first valid number for a birth date and sex, starting from individual number `start` (0–499 for the
 * 1900s, 500–999 for 2000–2039).
 */
export function fodselsnummer(
  birthDate: string,
  sex: 'male' | 'female',
  { synthetic = true, start }: { synthetic?: boolean; start?: number } = {},
): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  if (y < 1900 || y > 2039) throw new RangeError('Birth year must be 1900–2039');
  const low = y < 2000 ? 0 : 500;
  const date = `${String(d).padStart(2, '0')}${String(m + (synthetic ? 80 : 0)).padStart(2, '0')}${String(y % 100).padStart(2, '0')}`;
  for (let individual = Math.max(low, start ?? low); individual < low + 500; individual++) {
    if ((individual % 2 === 1) !== (sex === 'male')) continue;
    const nine = [...`${date}${String(individual).padStart(3, '0')}`].map(Number);
    const k1 = checkDigit(nine, W1);
    if (k1 === undefined) continue;
    const k2 = checkDigit([...nine, k1], W2);
    if (k2 === undefined) continue;
    return `${date}${String(individual).padStart(3, '0')}${k1}${k2}`;
  }
  throw new RangeError('No valid number for this date and sex');
}
