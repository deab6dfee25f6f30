import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { catalogs, formatter, intlLocales, LOCALES, resolveLocale } from './index.js';

describe('resolveLocale', () => {
  const cases: Array<[string | null, string]> = [
    ['nb', 'nb-NO'],
    ['nb-NO', 'nb-NO'],
    ['no', 'nb-NO'],
    ['nn', 'nn-NO'],
    ['nn-NO', 'nn-NO'],
    ['en', 'en-GB'],
    ['en-US', 'en-GB'],
    ['se', 'se-NO'],
    ['se-NO', 'se-NO'],
    ['sme', 'se-NO'],
    ['de', 'nb-NO'],
    ['', 'nb-NO'],
    [null, 'nb-NO'],
  ];
  for (const [tag, expected] of cases) {
    it(`reads ${JSON.stringify(tag)} as ${expected}`, () => assert.equal(resolveLocale(tag), expected));
  }
});

describe('Intl fallback chains', () => {
  it('falls back from nynorsk and Northern Sami to bokmål, never to English', () => {
    assert.deepEqual(intlLocales('nn-NO'), ['nn-NO', 'nb-NO']);
    assert.deepEqual(intlLocales('se-NO'), ['nb-NO']);
  });

  for (const locale of ['nn-NO', 'se-NO', 'nb-NO'] as const) {
    it(`formats ${locale} dates and numbers in Norwegian style`, () => {
      const f = formatter(locale);
      assert.equal(f.date(new Date(2026, 4, 17)), '17.05.2026');
      assert.equal(f.number(37.5), '37,5');
      assert.doesNotMatch(f.date(new Date(2026, 4, 17), 'long'), /May/);
    });
  }

  it('formats English as British English', () => {
    const f = formatter('en-GB');
    assert.equal(f.date(new Date(2026, 4, 17)), '17/05/2026');
    assert.equal(f.number(37.5), '37.5');
  });
});

describe('catalogs', () => {
  it('has one catalog per shipped locale, each with the same keys', () => {
    const keys = Object.keys(catalogs['nb-NO']).sort();
    for (const locale of LOCALES) assert.deepEqual(Object.keys(catalogs[locale]).sort(), keys, locale);
  });

  it('has no empty texts and interpolates arguments', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(catalogs[locale])) {
        if (typeof value === 'string') assert.ok(value.trim().length > 0, `${locale}.${key}`);
      }
      assert.match(catalogs[locale].numberTooHigh('42', 'kg'), /42 kg/);
      assert.match(catalogs[locale].stepOf(2, 5), /2.*5/);
    }
  });

  it('writes nynorsk, not bokmål, where the two differ', () => {
    assert.equal(catalogs['nn-NO'].dontKnow, 'Veit ikkje');
    assert.notEqual(catalogs['nn-NO'].choiceRequired, catalogs['nb-NO'].choiceRequired);
  });
});
