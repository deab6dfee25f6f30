import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { ContentLanguage } from './protocol.types.js';
import { foldSearchText, normalizeSearchText, searchProtocols, type SearchableProtocol } from './triage.search.js';

type Fixture = SearchableProtocol & { id: string };

const fixture = (
  id: string,
  title: { nb: string; nn?: string; en?: string; se?: string },
  synonyms: { nb?: string[]; nn?: string[]; en?: string[]; se?: string[] },
): Fixture => ({
  id,
  title: { nb: title.nb, nn: title.nn ?? title.nb, en: title.en ?? title.nb, ...(title.se ? { se: title.se } : {}) },
  synonyms: { nb: synonyms.nb ?? [], nn: synonyms.nn ?? [], en: synonyms.en ?? [], se: synonyms.se ?? [] },
});

const belly = fixture(
  'belly',
  { nb: 'Vondt i magen', en: 'Stomach ache', se: 'Čoavjebávččas' },
  {
    nb: ['vondt i magen', 'mage', 'diaré', 'oppkast', 'omgangssyke'],
    nn: ['vondt i magen', 'omgangssjuke', 'spy'],
    en: ['stomach ache', 'diarrhoea', 'vomiting'],
    se: ['čoavjebávččas'],
  },
);
const fever = fixture(
  'fever',
  { nb: 'Feber hos voksne', nn: 'Feber hos vaksne', en: 'Fever in adults' },
  { nb: ['feber', 'høy temp', 'syk'], nn: ['feber', 'høg temp', 'sjuk'], en: ['fever', 'high temperature'] },
);
const chest = fixture(
  'chest',
  { nb: 'Smerter i brystet', en: 'Chest pain' },
  { nb: ['brystsmerter', 'vondt i brystet', 'stikk i brystet'], nn: ['vondt i brystet'], en: ['chest pain'] },
);
const headache = fixture(
  'headache',
  { nb: 'Hodepine', nn: 'Hovudpine', en: 'Headache', se: 'Oaivebávččas' },
  {
    nb: ['hodepine', 'vondt i hodet', 'migrene'],
    nn: ['hovudpine', 'vondt i hovudet'],
    en: ['headache', 'migraine'],
    se: ['oaivebávččas'],
  },
);
const ear = fixture(
  'ear',
  { nb: 'Vondt i øret hos barn', nn: 'Vondt i øyret hos born', en: 'Earache in children' },
  { nb: ['øre', 'ørebetennelse', 'vondt i øret'], nn: ['øyre', 'vondt i øyret'], en: ['earache'] },
);
const sting = fixture('sting', { nb: 'Insektstikk', en: 'Insect sting' }, { nb: ['bistikk', 'vepsestikk'], en: ['bee sting'] });
const throat = fixture('throat', { nb: 'Sår hals', en: 'Sore throat' }, { nb: ['sår hals', 'halsbetennelse'], en: ['sore throat'] });
const prescription = fixture('prescription', { nb: 'Fornye resept', en: 'Renew a prescription' }, { nb: ['e-resept'], en: ['prescription'] });

const ALL: readonly Fixture[] = [belly, fever, chest, headache, ear, sting, throat, prescription];

const ids = (query: string, protocols: readonly Fixture[] = ALL, languages?: readonly ContentLanguage[]): string[] =>
  searchProtocols(protocols, query, languages ? { languages } : {}).map((h) => h.protocol.id);

/** [query, the protocol it must find first (or null: nothing), protocols it must not find] */
type Row = [query: string, first: string | null, not?: string[]];

function table(rows: readonly Row[]): void {
  for (const [query, first, not = []] of rows) {
    it(`${JSON.stringify(query)} → ${first ?? 'nothing'}${not.length ? `, not ${not.join(', ')}` : ''}`, () => {
      const found = ids(query);
      if (first === null) assert.deepEqual(found, []);
      else assert.equal(found[0], first, `found ${JSON.stringify(found)}`);
      for (const id of not) assert.ok(!found.includes(id), `${id} found in ${JSON.stringify(found)}`);
    });
  }
}

describe('normalizeSearchText and foldSearchText', () => {
  const rows: Array<[input: string, normalized: string, folded: string]> = [
    ['Jeg HAR vondt i «magen»!', 'jeg har vondt i magen', 'jeg har vondt i magen'],
    ['DIARÉ', 'diaré', 'diare'],
    ['diare\u0301', 'diaré', 'diare'], // decomposed é → NFC
    ['Øre, ØRE; øre', 'øre øre øre', 'ore ore ore'],
    ['Blærebetennelse', 'blærebetennelse', 'blaerebetennelse'],
    ['Gåsehud Saar', 'gåsehud saar', 'gasehud sar'],
    ['Oaivebávččas', 'oaivebávččas', 'oaivebavccas'],
    ['ĐŊŠŦŽ đŋšŧž', 'đŋšŧž đŋšŧž', 'dnstz dnstz'],
    ['e-resept 2x/dag', 'e resept 2x dag', 'e resept 2x dag'],
    ['  \t\n', '', ''],
    ['ISTANBUL İ', 'istanbul i̇', 'istanbul i'], // locale-independent lower case
  ];
  for (const [input, normalized, folded] of rows) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(normalized)} / ${JSON.stringify(folded)}`, () => {
      assert.equal(normalizeSearchText(input), normalized);
      assert.equal(foldSearchText(input), folded);
    });
  }
});

describe('searchProtocols', () => {
  describe('empty and stop-word-only queries find nothing', () => {
    table([
      ['', null],
      ['   ', null],
      ['!!! ?', null],
      ['jeg har', null],
      ['i', null],
      ['eg har det', null],
      ['I have a', null],
      ['the', null],
      ['mun lea', null],
      ['barnet', null],
    ]);
  });

  describe('whole words, plain and folded', () => {
    table([
      ['feber', 'fever'],
      ['Feber', 'fever'],
      ['diaré', 'belly'],
      ['diare', 'belly'],
      ['oppkast', 'belly'],
      ['omgangssyke', 'belly', ['fever']],
      ['øre', 'ear'],
      ['ore', 'ear'],
      ['Ørebetennelse', 'ear'],
      ['orebetennelse', 'ear'],
      ['bistikk', 'sting', ['chest']],
      ['Insektstikk', 'sting', ['chest']],
      ['e-resept', 'prescription'],
      ['eresept', 'prescription'],
      ['e resept', 'prescription'],
    ]);
  });

  describe('a phrase whose every word is in the query; stop words optional', () => {
    table([
      ['jeg har vondt i magen', 'belly', ['chest', 'headache', 'ear']],
      ['vondt i magen', 'belly'],
      ['magen vondt', 'belly'],
      ['vondt magen', 'belly'],
      ['I have a headache', 'headache'],
      ['my stomach ache', 'belly'],
      ['sår hals', 'throat'],
      ['har hatt vondt i brystet i to dager', 'chest', ['belly']],
      // Two complaints: both found.
      ['jeg har vondt i magen og feber', 'belly'],
    ]);
    it('"jeg har vondt i magen og feber" finds both', () => {
      assert.deepEqual(ids('jeg har vondt i magen og feber').sort(), ['belly', 'fever']);
    });
  });

  describe('typos: distance 1 from five letters, 2 from nine', () => {
    table([
      ['hodepien', 'headache'], // transposition
      ['feberr', 'fever'], // insertion
      ['migrne', 'headache'], // deletion
      ['oppkats', 'belly'],
      ['ørebetenelse', 'ear'],
      ['ørrebetenelse', 'ear'], // two, in a long word
      ['omgangsyke', 'belly', ['fever']],
      ['hdoepien', null], // two in an eight-letter word
      ['mgae', null], // one in a four-letter word
      ['febre', 'fever'], // a transposition is one edit
      ['fevr', null], // "fever" is five letters, "fevr" four
      ['magesmertre', 'belly'],
      ['oppkasst', 'belly'], // a doubled letter is free…
      ['opkast', 'belly'],
      ['migrrenne', 'headache'], // …and so is a second one
      ['hoddepien', 'headache'], // plus one typo
      ['hdoeppien', null], // but not two
    ]);
  });

  describe('compounds start with the phrase word', () => {
    table([
      ['mageknip', 'belly'], // "mage", four letters
      ['magesmerter', 'belly'],
      ['øresus', 'ear'], // "øre", three letters: allowed as a whole one-word synonym
      ['oresus', 'ear'],
      ['feberfantasier', 'fever'],
      ['sårbare halser', null, ['throat']], // "sår" is three letters inside a phrase: no compound ("hals" is)
    ]);
  });

  describe('inflected forms', () => {
    table([
      ['hode vondt', 'headache'], // "hodet"
      ['vondt i hode', 'headache'],
      ['ørene', 'ear'], // "øre" + "ne": a compound of a one-word synonym
      ['migr feber', 'fever', ['headache']], // "migrene" is not "migr" inflected
    ]);
  });

  describe('neighbouring words written apart', () => {
    table([
      ['hode pine', 'headache'],
      ['bi stikk', 'sting', ['chest']],
    ]);
  });

  describe('prefix while typing', () => {
    table([
      ['vond', 'belly'],
      ['hodep', 'headache'],
      ['migr', 'headache'],
      ['vondt i mag', 'belly', ['chest', 'headache']],
      ['vondt i bry', 'chest', ['belly']],
      ['insekt', 'sting'],
      ['ho', null], // fewer than three letters
      ['vondt i m', null],
    ]);
    it('"vond" finds every "vondt i …" phrase', () => {
      assert.deepEqual(ids('vond').sort(), ['belly', 'chest', 'ear', 'headache']);
    });
    it('a query of two words or more may be the whole start of a longer phrase', () => {
      const pregnant = fixture('pregnant', { nb: 'Gravid' }, { nb: ['vondt i magen gravid'] });
      assert.deepEqual(ids('vondt i magen', [pregnant, belly]), ['belly', 'pregnant']);
      assert.deepEqual(ids('vondt i magen gr', [pregnant, belly]), ['belly']);
      assert.deepEqual(ids('vondt i magen gra', [pregnant, belly]), ['belly', 'pregnant']);
      assert.deepEqual(ids('vondt i magen gravid', [belly, pregnant]), ['pregnant', 'belly']);
      assert.deepEqual(ids('magen vondt', [pregnant]), []); // in order only
    });
    it('only the last word typed may be unfinished', () => {
      assert.ok(!ids('migr feber').includes('headache'));
      assert.deepEqual(ids('migr feber'), ['fever']);
    });
    it('the last word is no longer typed when stop words follow', () => {
      assert.ok(ids('migr').includes('headache'));
      assert.deepEqual(ids('migr i'), []);
    });
  });

  describe('never a phrase word in the middle or at the end of a query word, nor a query word inside a phrase word', () => {
    table([
      ['omgangssyke', 'belly', ['fever']], // "syk"
      ['bistikk', 'sting', ['chest']], // "stikk"
      ['stikk', null], // inside "bistikk", and only the first word of "stikk i brystet"
      ['smerter', null], // inside "brystsmerter", first word of the title "Smerter i brystet"
      ['vondt', null], // a whole word that only starts phrases
      ['syke', 'fever', ['belly']],
      ['pine', null], // end of "hodepine"
      ['tennelse', null], // end of "ørebetennelse"
      ['kast', null], // end of "oppkast"
      ['agen', null], // inside "magen"
    ]);
  });

  describe('nynorsk', () => {
    table([
      ['eg har vondt i hovudet', 'headache'],
      ['hovudpine', 'headache'],
      ['hovudpien', 'headache'],
      ['omgangssjuke', 'belly', ['fever']],
      ['høg temp', 'fever'],
      ['vondt i øyret', 'ear'],
      ['øyre', 'ear'],
      ['oyre', 'ear'],
      ['sjuk', 'fever'],
    ]);
  });

  describe('Northern Sami', () => {
    table([
      ['oaivebávččas', 'headache'],
      ['Oaivebávččas', 'headache'],
      ['oaivebavccas', 'headache'],
      ['oaivebávčas', 'headache'],
      ['mus lea oaivebávččas', 'headache'],
      ['čoavjebávččas', 'belly', ['headache']],
      ['coavjebavccas', 'belly', ['headache']],
      ['bávččas', null], // end of a compound
    ]);
  });

  describe('options.languages', () => {
    it('limits the synonym and title languages', () => {
      assert.deepEqual(ids('oaivebávččas', ALL, ['nb', 'nn', 'en']), []);
      assert.deepEqual(ids('oaivebávččas', ALL, ['se']), ['headache']);
      assert.deepEqual(ids('headache', ALL, ['nb']), []);
      assert.deepEqual(ids('headache', ALL, ['en']), ['headache']);
      assert.deepEqual(ids('hovudpine', ALL, ['nb']), []); // two edits from "hodepine", in eight letters
    });
    it('defaults to every language', () => {
      assert.deepEqual(ids('hovudet vondt'), ['headache']);
      assert.deepEqual(ids('hovudet vondt', ALL, ['nb', 'en']), []);
    });
  });

  describe('real words are not typos of other words', () => {
    const cough = fixture('cough', { nb: 'Hoste' }, { nb: ['hoste'] });
    const hip = fixture('hip', { nb: 'Hofte' }, { nb: ['hofte'] });
    const pressure = fixture('pressure', { nb: 'Blodtrykk' }, { nb: ['blodtrykk'] });
    const bleeding = fixture('bleeding', { nb: 'Oppkast' }, { nb: ['kaster opp blod'] });
    const joints = fixture('joints', { nb: 'Ledd' }, { nb: ['leddsmerter'] });
    it('"hoste" finds cough and not hip, "hofte" the other way round', () => {
      assert.deepEqual(ids('hoste', [hip, cough]), ['cough']);
      assert.deepEqual(ids('hofte', [cough, hip]), ['hip']);
      assert.deepEqual(ids('hostr', [hip, cough]), ['cough']); // not a word: a typo of the nearest
    });
    it('"blod" as a search word is not the start of "blodtrykk"', () => {
      assert.deepEqual(ids('kaster opp blod', [pressure, bleeding]), ['bleeding']);
    });
    it('a typo keeps the first letter: "menssmerter" is not "leddsmerter"', () => {
      assert.deepEqual(ids('menssmerter', [joints]), []);
      assert.deepEqual(ids('leddsmeter', [joints]), ['joints']);
    });
  });

  describe('scores', () => {
    const exact = fixture('exact', { nb: 'A' }, { nb: ['kramper'] });
    const fuzzy = fixture('fuzzy', { nb: 'B' }, { nb: ['krampe'] }); // "kramper" is "krampe" + "r"
    const typing = fixture('typing', { nb: 'C' }, { nb: ['kramperier'] }); // only its start
    const titled = fixture('titled', { nb: 'Kramper' }, { nb: [] });
    const longer = fixture('longer', { nb: 'D' }, { nb: ['kramper i magen'] });

    it('exact whole phrase > all its words exactly > with typos or compounds > prefix while typing', () => {
      assert.deepEqual(ids('kramper', [typing, fuzzy]), ['fuzzy', 'typing']);
      // A word that is itself a search word is what the person meant: not a typo, not the start of a longer word.
      assert.deepEqual(ids('kramper', [typing, fuzzy, exact]), ['exact', 'fuzzy']);
      assert.deepEqual(ids('kramper i magen', [exact, longer]), ['longer', 'exact']);
      const fuzzyLonger = fixture('fuzzyLonger', { nb: 'E' }, { nb: ['krampe i magen'] });
      assert.deepEqual(ids('kramper i magen', [fuzzyLonger, exact]), ['exact', 'fuzzyLonger']);
      // Within a level, the phrase that covers more of the query.
      assert.deepEqual(ids('kramprr i magen', [exact, longer]), ['longer', 'exact']);
      const [a, b] = searchProtocols([fuzzy, typing], 'kramper');
      assert.ok(a!.score > b!.score);
    });
    it('a title slightly above a synonym', () => {
      assert.deepEqual(ids('kramper', [exact, titled]), ['titled', 'exact']);
      const [t, s] = searchProtocols([exact, titled], 'kramper');
      assert.ok(t!.score > s!.score && t!.score - s!.score < 10);
      assert.ok(searchProtocols([titled], 'kramper')[0]!.score > searchProtocols([fuzzy], 'kramper')[0]!.score);
    });
    it('each protocol once, with its best score', () => {
      const hits = searchProtocols([belly], 'vondt i magen');
      assert.equal(hits.length, 1);
      assert.equal(hits[0]!.score, searchProtocols([fixture('x', { nb: 'Vondt i magen' }, {})], 'vondt i magen')[0]!.score);
    });
    it('ties keep the input order', () => {
      const one = fixture('one', { nb: 'X' }, { nb: ['svimmel'] });
      const two = fixture('two', { nb: 'Y' }, { nb: ['svimmel'] });
      assert.deepEqual(ids('svimmel', [one, two]), ['one', 'two']);
      assert.deepEqual(ids('svimmel', [two, one]), ['two', 'one']);
      assert.deepEqual(ids('svim', [one, belly, two]), ['one', 'two']);
    });
    it('best first, scores positive', () => {
      const hits = searchProtocols(ALL, 'vond');
      assert.ok(hits.every((h, i) => h.score > 0 && (i === 0 || hits[i - 1]!.score >= h.score)));
    });
    it('returns the protocol objects it was given', () => {
      assert.equal(searchProtocols(ALL, 'feber')[0]!.protocol, fever);
    });
  });
});
