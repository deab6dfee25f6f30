import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isIsoDate, parseLocaleNumber, partsFromIso, validateDate, validateNumber } from './index.js';

describe('parseLocaleNumber', () => {
  const cases: Array<[string, number | null]> = [
    ['37,5', 37.5],
    ['37.5', 37.5],
    [' 120 ', 120],
    ['1 200', 1200],
    ['1\u00a0200,5', 1200.5],
    ['-3', -3],
    ['−3', -3],
    ['0', 0],
    ['', null],
    ['37,5,1', null],
    ['1.200,5', null],
    ['abc', null],
    ['12a', null],
    ['1e3', null],
    ['Infinity', null],
    [',5', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} as ${expected}`, () => assert.equal(parseLocaleNumber(text), expected));
  }
});

describe('validateNumber', () => {
  const rules = { min: 34, max: 43, decimals: 1, required: true };
  it('accepts the limits themselves', () => {
    assert.deepEqual(validateNumber('34', rules), { value: 34, error: null });
    assert.deepEqual(validateNumber('43,0', rules), { value: 43, error: null });
  });
  it('reports just outside the limits with the limit', () => {
    assert.deepEqual(validateNumber('33,9', rules), { value: 33.9, error: { code: 'tooLow', min: 34 } });
    assert.deepEqual(validateNumber('43,1', rules), { value: 43.1, error: { code: 'tooHigh', max: 43 } });
  });
  it('treats too many decimals as a typo, not something to round', () => {
    assert.deepEqual(validateNumber('37,55', rules).error, { code: 'invalid' });
  });
  it('requires an answer only when told to', () => {
    assert.deepEqual(validateNumber('  ', rules).error, { code: 'required' });
    assert.deepEqual(validateNumber('', {}), { value: null, error: null });
  });
});

describe('validateDate', () => {
  it('accepts a real date and writes it as ISO', () => {
    assert.deepEqual(validateDate({ day: '7', month: '5', year: '2026' }), { value: '2026-05-07', error: null });
  });
  it('rejects dates that do not exist', () => {
    assert.equal(validateDate({ day: '29', month: '2', year: '2025' }).error?.code, 'invalid');
    assert.equal(validateDate({ day: '31', month: '4', year: '2026' }).error?.code, 'invalid');
    assert.equal(validateDate({ day: '0', month: '1', year: '2026' }).error?.code, 'invalid');
    assert.equal(validateDate({ day: '1', month: '13', year: '2026' }).error?.code, 'invalid');
    assert.equal(validateDate({ day: '29', month: '2', year: '2024' }).error, null);
  });
  it('rejects a partly filled date and two-digit years', () => {
    assert.equal(validateDate({ day: '7', month: '', year: '2026' }).error?.code, 'invalid');
    assert.equal(validateDate({ day: '7', month: '5', year: '26' }).error?.code, 'invalid');
  });
  it('checks inclusive limits', () => {
    const rules = { min: '2026-01-01', max: '2026-12-31' };
    assert.equal(validateDate({ day: '1', month: '1', year: '2026' }, rules).error, null);
    assert.deepEqual(validateDate({ day: '31', month: '12', year: '2025' }, rules).error, { code: 'tooEarly', min: '2026-01-01' });
    assert.deepEqual(validateDate({ day: '1', month: '1', year: '2027' }, rules).error, { code: 'tooLate', max: '2026-12-31' });
  });
  it('requires an answer only when told to', () => {
    assert.equal(validateDate({ day: '', month: '', year: '' }, { required: true }).error?.code, 'required');
    assert.deepEqual(validateDate({ day: '', month: '', year: '' }), { value: null, error: null });
  });
  it('splits and checks ISO dates', () => {
    assert.deepEqual(partsFromIso('2026-05-07'), { day: '7', month: '5', year: '2026' });
    assert.deepEqual(partsFromIso('nonsense'), { day: '', month: '', year: '' });
    assert.equal(isIsoDate('2026-02-30'), false);
  });
});
