import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthDateFromFodselsnummer, centuryYear, fodselsnummerCheckDigits, validateFodselsnummer } from './fodselsnummer.js';

/** An independent mod-11 (the published weights), so the table does not test the code with itself. */
function withCheck(nine: string): string | undefined {
  const mod = (digits: number[], weights: number[]) => {
    const r = 11 - (weights.reduce((s, w, i) => s + w * digits[i]!, 0) % 11);
    return r === 11 ? 0 : r;
  };
  const d = nine.split('').map(Number);
  const k1 = mod(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (k1 === 10) return undefined;
  const k2 = mod([...d, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  if (k2 === 10) return undefined;
  return `${nine}${k1}${k2}`;
}

describe('fødselsnummer', () => {
  it('check digits match the published weights', () => {
    for (const nine of ['010180999', '010180123', '410180123', '311299495', '290200500', '150765005', '010101001']) {
      assert.equal(`${nine}${fodselsnummerCheckDigits(nine)}`, withCheck(nine), nine);
    }
    assert.equal(fodselsnummerCheckDigits('290201500'), undefined, 'a remainder of 10 has no valid number');
    assert.equal(withCheck('290201500'), undefined);
    assert.equal(fodselsnummerCheckDigits('12345'), undefined);
  });

  const table: Array<[string, string, ReturnType<typeof validateFodselsnummer>]> = [
    ['fødselsnummer, 1900s', '01018099957', { valid: true, value: '01018099957', kind: 'fodselsnummer', dNumber: false, birthDate: '1980-01-01', sex: 'male' }],
    ['fødselsnummer, even individual digit is female', withCheck('010180124')!, { valid: true, value: withCheck('010180124')!, kind: 'fodselsnummer', dNumber: false, birthDate: '1980-01-01', sex: 'female' }],
    ['spaces are ignored', '010180 99957', { valid: true, value: '01018099957', kind: 'fodselsnummer', dNumber: false, birthDate: '1980-01-01', sex: 'male' }],
    ['D-nummer (+4 on the first digit)', '41018012365', { valid: true, value: '41018012365', kind: 'd-nummer', dNumber: true, birthDate: '1980-01-01', sex: 'male' }],
    ['D-nummer, day 31', withCheck('711299123')!, { valid: true, value: withCheck('711299123')!, kind: 'd-nummer', dNumber: true, birthDate: '1999-12-31', sex: 'male' }],
    ['2000s (individual 500–999, year 00–39)', '29020050088', { valid: true, value: '29020050088', kind: 'fodselsnummer', dNumber: false, birthDate: '2000-02-29', sex: 'female' }],
    ['1854–1899 (individual 500–749, year 54–99)', withCheck('010160600')!, { valid: true, value: withCheck('010160600')!, kind: 'fodselsnummer', dNumber: false, birthDate: '1860-01-01', sex: 'female' }],
    ['1940–1999 (individual 900–999)', withCheck('010150950')!, { valid: true, value: withCheck('010150950')!, kind: 'fodselsnummer', dNumber: false, birthDate: '1950-01-01', sex: 'female' }],
    ['too short', '0101809995', { valid: false, error: 'format' }],
    ['letters', '0101809995A', { valid: false, error: 'format' }],
    ['twelve digits', '010180999570', { valid: false, error: 'format' }],
    ['empty', '', { valid: false, error: 'format' }],
    ['wrong first check digit', '01018099967', { valid: false, error: 'checksum' }],
    ['wrong second check digit', '01018099958', { valid: false, error: 'checksum' }],
    ['day 32', withCheck('320180123')!, { valid: false, error: 'date', kind: 'fodselsnummer' }],
    ['month 13', withCheck('011380124')!, { valid: false, error: 'date', kind: 'fodselsnummer' }],
    ['29 February in a common year', withCheck('290299123')!, { valid: false, error: 'date', kind: 'fodselsnummer' }],
    ['D-nummer day 72 (32)', withCheck('720180123')!, { valid: false, error: 'date', kind: 'd-nummer' }],
    ['unused century (individual 500–749, year 40–53)', withCheck('010145600')!, { valid: false, error: 'date', kind: 'fodselsnummer' }],
    ['H-nummer (+4 on the month) is not accepted by default', '01508012302', { valid: false, error: 'not-allowed', kind: 'h-nummer' }],
    ['synthetic test number (+8 on the month) is not accepted by default', '01908012395', { valid: false, error: 'not-allowed', kind: 'synthetic' }],
    ['synthetic with an impossible month (93)', withCheck('019380123')!, { valid: false, error: 'date', kind: 'synthetic' }],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => assert.deepEqual(validateFodselsnummer(input), expected));
  }

  it('H-nummer and synthetic numbers only with their options', () => {
    assert.deepEqual(validateFodselsnummer('01508012302', { allowHNumber: true }), { valid: true, value: '01508012302', kind: 'h-nummer', dNumber: false, birthDate: '1980-10-01', sex: 'male' });
    assert.equal(validateFodselsnummer('01508012302', { allowSynthetic: true }).valid, false);
    assert.deepEqual(validateFodselsnummer('01908012395', { allowSynthetic: true }), { valid: true, value: '01908012395', kind: 'synthetic', dNumber: false, birthDate: '1980-10-01', sex: 'male' });
    assert.equal(validateFodselsnummer('01908012395', { allowHNumber: true }).valid, false);
    const dSynthetic = withCheck('418180123')!;
    assert.deepEqual(validateFodselsnummer(dSynthetic, { allowSynthetic: true }), { valid: true, value: dSynthetic, kind: 'synthetic', dNumber: true, birthDate: '1980-01-01', sex: 'male' });
  });

  it('century rules', () => {
    assert.equal(centuryYear(0, 0), 1900);
    assert.equal(centuryYear(99, 499), 1999);
    assert.equal(centuryYear(54, 500), 1854);
    assert.equal(centuryYear(99, 749), 1899);
    assert.equal(centuryYear(0, 500), 2000);
    assert.equal(centuryYear(39, 999), 2039);
    assert.equal(centuryYear(40, 900), 1940);
    assert.equal(centuryYear(40, 500), undefined);
    assert.equal(centuryYear(53, 749), undefined);
    assert.equal(centuryYear(40, 899), undefined);
  });

  it('birth date extraction', () => {
    assert.equal(birthDateFromFodselsnummer('01018099957'), '1980-01-01');
    assert.equal(birthDateFromFodselsnummer('41018012365'), '1980-01-01');
    assert.equal(birthDateFromFodselsnummer('01908012395'), undefined);
    assert.equal(birthDateFromFodselsnummer('01908012395', { allowSynthetic: true }), '1980-10-01');
    assert.equal(birthDateFromFodselsnummer('01018099958'), undefined);
  });

  it('every single-digit typo of a valid number is caught', () => {
    const valid = '01018099957';
    for (let i = 0; i < 11; i++) {
      for (let d = 0; d <= 9; d++) {
        const typo = `${valid.slice(0, i)}${d}${valid.slice(i + 1)}`;
        if (typo === valid) continue;
        assert.equal(validateFodselsnummer(typo, { allowHNumber: true, allowSynthetic: true }).valid, false, typo);
      }
    }
  });
});
