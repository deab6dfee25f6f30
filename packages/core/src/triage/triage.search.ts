/**
 * Reason search: which protocols a free-text query ("jeg har vondt i magen", "diare", "oaivebávččas") is about.
 * Pure and synchronous, no DOM: the reason screen calls it on every keystroke.
 *
 * A protocol is found by its phrases, its title and its `synonyms` in every content language (or the ones in
 * `options.languages`). The query and every phrase are normalised (`normalizeSearchText`) and split into words; a
 * phrase matches when
 * - every word of the phrase is matched by some word of the query ("jeg har vondt i magen" finds "vondt i magen"),
 *   stop words ("i", "på", "the") on either side being optional; or
 * - the query is matched, in order, by the start of the phrase and its last word is the start (three letters or
 *   more) of the phrase word there, an unfinished one when the query is a single word: "vond" finds "vondt i
 *   magen" while typing and "vondt i magen" finds "vondt i magen gravid", but the whole word "stikk" does not find
 *   "stikk i brystet".
 *
 * A query word matches a phrase word when the two are equal, plainly or folded (`foldSearchText`: "diare" is
 * "diaré", "ore" is "øre"); when they are a typo apart (Damerau-Levenshtein distance 1 when both have five letters
 * or more, 2 when both have nine or more: "hodepien", "feberr"; a doubled or undoubled letter is free: "kollik"); when the query word is a compound or an inflected
 * form that starts with the phrase word, of four letters or more, or three when that word is a whole one-word
 * synonym ("magesmerter" finds "mage", "hoster" finds "hoste"); when the phrase word is the query word plus a
 * Norwegian inflection ending ("hodet" for "hode"); or, for the last word typed (three letters or more), when the
 * phrase word starts with it. Nothing else: a phrase word in the middle or at the end of a query word never
 * matches ("omgangssyke" does not find "syk", "bistikk" does not find "stikk"), nor does a query word inside a
 * phrase word. Two neighbouring query words also count as one written together ("mage smerter" finds
 * "magesmerter"), since people split compounds.
 *
 * Score, best first: the whole phrase exactly (the query's words, stop words aside, are the phrase's) > every word
 * of the phrase exactly, with more in the query > with typos, compounds or folded letters... > only as the start
 * while typing. Within a level, a phrase that covers more of the query's words ranks higher, and a title slightly
 * above a synonym. Each protocol is returned once, with its best score; ties keep the input order.
 */
import type { ContentLanguage, Protocol } from './protocol.types.js';
import { CONTENT_LANGUAGES } from './protocol.types.js';

/** What the search reads of a protocol: its title and its search words. */
export type SearchableProtocol = Pick<Protocol, 'title' | 'synonyms'>;

export interface SearchOptions {
  /** The languages whose titles and synonyms are searched; all content languages by default. */
  languages?: readonly ContentLanguage[];
}

export interface SearchHit<P extends SearchableProtocol = Protocol> {
  protocol: P;
  /** Higher is better; only the order means something. */
  score: number;
}

/**
 * Words dropped from the query (and optional in a phrase): pronouns, auxiliaries, articles and prepositions in
 * bokmål, nynorsk, English and Northern Sami. Short on purpose; never negations ("vil ikke leve").
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  // bokmål and nynorsk
  'jeg', 'eg', 'meg', 'har', 'hev', 'hadde', 'i', 'på', 'og', 'en', 'et', 'ei', 'eit', 'det', 'den', 'som', 'med',
  'er', 'var', 'min', 'mitt', 'mi', 'mine', 'barnet', 'å', 'av', 'til', 'for', 'fra', 'frå', 'hos', 'veldig', 'litt',
  // English
  'the', 'my', 'a', 'an', 'have', 'has', 'had', 'got', 'of', 'and', 'is', 'am', 'in', 'with', 'me', 'it', 'on', 'very',
  // Northern Sami: "I", "my", "I have", "is/are", "and", "that"
  'mun', 'mu', 'mus', 'lea', 'leat', 'ja', 'dat',
]);

/** Endings that make a Norwegian inflected form of a word: "hode" → "hodet", "hoste" → "hoster", "mage" → "magen". */
const INFLECTION_ENDINGS: ReadonlySet<string> = new Set(['e', 'n', 't', 'r', 'a', 'en', 'et', 'er', 'ar']);

/** Letters `foldSearchText` replaces beyond stripping accents: æ ø å and the Sami letters without a decomposition. */
const FOLD: Readonly<Record<string, string>> = { æ: 'ae', ø: 'o', å: 'a', đ: 'd', ŋ: 'n', ŧ: 't', ß: 'ss', œ: 'oe' };

/**
 * Lower-case (locale-independent), NFC, every run of characters other than letters and digits one space, trimmed.
 * æ ø å, é and the Sami letters (á č đ ŋ š ŧ ž) stay as they are.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The normalised text as people type it without special letters: æ → ae, ø → o, å → a (also "aa" → a), accents
 * dropped (é → e, á → a, č → c, š → s, ž → z), đ → d, ŋ → n, ŧ → t.
 */
export function foldSearchText(text: string): string {
  const folded = normalizeSearchText(text)
    .replace(/[æøåđŋŧßœ]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/aa/g, 'a');
  return folded.normalize('NFC');
}

interface Word {
  plain: string;
  folded: string;
  /** Letters (code points) of the plain form. */
  length: number;
  chars: string[];
  foldedChars: string[];
  /** Folded, double letters single: "kollik" and "kolikk" are both "kolik". */
  squashed: string[];
  stop: boolean;
}

function toWord(plain: string, stop = STOP_WORDS.has(plain)): Word {
  const folded = foldSearchText(plain);
  const chars = [...plain];
  const foldedChars = folded === plain ? chars : [...folded];
  const squashed = foldedChars.filter((c, i) => c !== foldedChars[i - 1]);
  return { plain, folded, length: chars.length, chars, foldedChars, squashed, stop };
}

const words = (text: string): Word[] => {
  const normalized = normalizeSearchText(text);
  return normalized === '' ? [] : normalized.split(' ').map((w) => toWord(w));
};

/** Restricted Damerau-Levenshtein (optimal string alignment) distance of two words' letters, stopping early above `max`. */
function editDistance(s: readonly string[], t: readonly string[], max: number): number {
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[t.length]!;
}

/** How well a query word matches a phrase word. */
const EXACT = 3;
const FUZZY = 2;
const TYPING = 1;
const NONE = 0;
type Quality = typeof EXACT | typeof FUZZY | typeof TYPING | typeof NONE;

const startsWith = (q: Word, p: Word): boolean => q.plain.startsWith(p.plain) || q.folded.startsWith(p.folded);

/**
 * @param typing the query word is the last one typed, so it may be the unfinished start of the phrase word
 * @param singleWordPhrase the phrase word is a whole one-word synonym or title (compounds of three-letter words)
 */
function matchWord(q: Word & { known?: boolean }, p: Word, typing: boolean, singleWordPhrase: boolean): Quality {
  if (q.plain === p.plain || q.folded === p.folded) return EXACT;
  const max = q.known ? 0 : q.length >= 9 && p.length >= 9 ? 2 : q.length >= 5 && p.length >= 5 ? 1 : 0;
  // A typo keeps the first letter: long compounds that share their second part ("menssmerter", "leddsmerter") are
  // different words, not a typo apart.
  const sameStart = q.chars[0] === p.chars[0] || q.foldedChars[0] === p.foldedChars[0];
  if (max > 0 && sameStart && Math.abs(q.length - p.length) <= max + 1) {
    if (editDistance(q.chars, p.chars, max) <= max) return FUZZY;
    if ((q.folded !== q.plain || p.folded !== p.plain) && editDistance(q.foldedChars, p.foldedChars, max) <= max) return FUZZY;
    // A letter doubled or not doubled, the commonest Norwegian misspelling, costs nothing: "kollik" / "kolikk".
    if (editDistance(q.squashed, p.squashed, max) <= max) return FUZZY;
  }
  // A compound or inflected form of the phrase word: "magesmerter" / "mage", "hoster" / "hoste".
  if (q.length > p.length && p.length >= (singleWordPhrase ? 3 : 4) && startsWith(q, p)) return FUZZY;
  // The phrase word inflected: "hodet" / "hode".
  if (q.length >= 3 && p.length > q.length && startsWith(p, q)) {
    const ending = p.plain.startsWith(q.plain) ? p.plain.slice(q.plain.length) : p.folded.slice(q.folded.length);
    if (INFLECTION_ENDINGS.has(ending)) return FUZZY;
    if (typing && !q.known) return TYPING;
  }
  return NONE;
}

interface QueryWord extends Word {
  /** Indexes of the query's content words this stands for (two for a joined pair, none for a stop word). */
  covers: number[];
  typing: boolean;
  /**
   * The word is itself a search word of some protocol: the person typed a real word, so it is not read as a typo of
   * another ("hoste" is not "hofte") nor as the unfinished start of a longer one ("blod" is not "blodtrykk").
   */
  known: boolean;
}

interface Query {
  /** Content words, in order. */
  content: Word[];
  /** Content words, stop words and neighbouring content words joined. */
  candidates: QueryWord[];
  /** The last word is a content word, so it may be unfinished ("vondt i mag"; not "migr i"). */
  typing: boolean;
}

function parseQuery(text: string, vocabulary: ReadonlySet<string>): Query | null {
  const all = words(text);
  const known = (w: Word) => vocabulary.has(w.plain) || vocabulary.has(w.folded);
  const content = all.filter((w) => !w.stop);
  if (content.length === 0) return null;
  const lastIsContent = all.at(-1)?.stop === false;
  const candidates: QueryWord[] = [];
  content.forEach((w, i) => {
    candidates.push({ ...w, covers: [i], typing: lastIsContent && i === content.length - 1, known: known(w) });
    const next = content[i + 1];
    if (next) {
      const joined = toWord(w.plain + next.plain, false);
      candidates.push({ ...joined, covers: [i, i + 1], typing: lastIsContent && i + 1 === content.length - 1, known: known(joined) });
    }
  });
  for (const w of all) if (w.stop) candidates.push({ ...w, covers: [], typing: false, known: true });
  return { content, candidates, typing: lastIsContent };
}

interface Phrase {
  /** Words that must match (stop words only when the phrase has nothing else). */
  required: Word[];
  title: boolean;
}

function phrasesOf(protocol: SearchableProtocol, languages: readonly ContentLanguage[]): Phrase[] {
  const texts: Array<{ text: string; title: boolean }> = [];
  for (const lang of languages) {
    const title = protocol.title[lang];
    if (typeof title === 'string') texts.push({ text: title, title: true });
    for (const s of protocol.synonyms?.[lang] ?? []) if (typeof s === 'string') texts.push({ text: s, title: false });
  }
  const phrases: Phrase[] = [];
  for (const { text, title } of texts) for (const required of phraseWords(text)) phrases.push({ required, title });
  return phrases;
}

/** The required words of a search text and its variants, memoised by text (the same few hundred on every keystroke). */
const phraseCache = new Map<string, Word[][]>();

function phraseWords(text: string): Word[][] {
  const cached = phraseCache.get(text);
  if (cached) return cached;
  // "e-resept" is also "eresept".
  const variants = /\p{L}-\p{L}/u.test(text) ? [text, text.replace(/(?<=\p{L})-(?=\p{L})/gu, '')] : [text];
  const result: Word[][] = [];
  for (const variant of variants) {
    const all = words(variant);
    if (all.length === 0) continue;
    const content = all.filter((w) => !w.stop);
    result.push(content.length > 0 ? content : all);
  }
  if (phraseCache.size >= 20_000) phraseCache.clear();
  phraseCache.set(text, result);
  return result;
}

const LEVEL_WHOLE = 1000;
const LEVEL_ALL_EXACT = 800;
const LEVEL_FUZZY = 600;
const LEVEL_TYPING = 400;

/** Within a level: ten per query word the phrase covers, five for a title. */
function bonus(phrase: Phrase, covered: number): number {
  return Math.min(covered, 10) * 10 + (phrase.title ? 5 : 0);
}

function scorePhrase(phrase: Phrase, query: Query): number {
  const single = phrase.required.length === 1;

  // Every word of the phrase matched by some query word.
  let worst: Quality = EXACT;
  const covered = new Set<number>();
  for (const p of phrase.required) {
    let best: Quality = NONE;
    let by: QueryWord | undefined;
    for (const q of query.candidates) {
      const quality = matchWord(q, p, q.typing, single);
      if (quality > best || (quality === best && by !== undefined && q.covers.length > by.covers.length)) {
        best = quality;
        by = q;
      }
    }
    if (best === NONE) {
      worst = NONE;
      break;
    }
    if (best < worst) worst = best;
    for (const i of by!.covers) covered.add(i);
  }
  if (worst !== NONE && covered.size > 0) {
    const level =
      worst === EXACT ? (covered.size === query.content.length ? LEVEL_WHOLE : LEVEL_ALL_EXACT) : worst === FUZZY ? LEVEL_FUZZY : LEVEL_TYPING;
    return level + bonus(phrase, covered.size);
  }

  // The query, in order, as the start of the phrase, its last word unfinished (or, after two words or more, whole:
  // "vondt i magen" starts "vondt i magen gravid", but "stikk" alone does not find "stikk i brystet").
  const q = query.content;
  if (!query.typing || q.length >= phrase.required.length) return 0;
  const last = q.at(-1)!;
  const there = phrase.required[q.length - 1]!;
  if (last.length < 3 || !startsWith(there, last) || (last.length >= there.length && q.length === 1)) return 0;
  for (let i = 0; i < q.length - 1; i++) if (matchWord(q[i]!, phrase.required[i]!, false, false) === NONE) return 0;
  return LEVEL_TYPING + bonus(phrase, q.length);
}

/** Every word of every title and synonym searched (plain and folded), once per protocol list and languages. */
function vocabularyOf(protocols: readonly SearchableProtocol[], languages: readonly ContentLanguage[]): ReadonlySet<string> {
  const key = languages.join(',');
  let byLanguages = vocabularies.get(protocols);
  if (!byLanguages) vocabularies.set(protocols, (byLanguages = new Map()));
  let vocabulary = byLanguages.get(key);
  if (!vocabulary) {
    const set = new Set<string>();
    for (const protocol of protocols) {
      for (const phrase of phrasesOf(protocol, languages)) for (const w of phrase.required) set.add(w.plain).add(w.folded);
    }
    byLanguages.set(key, (vocabulary = set));
  }
  return vocabulary;
}
const vocabularies = new WeakMap<readonly SearchableProtocol[], Map<string, ReadonlySet<string>>>();

/**
 * The protocols the query finds, best first (ties in input order), each once with its best score. An empty query,
 * or one of stop words only, finds nothing.
 */
export function searchProtocols<P extends SearchableProtocol>(
  protocols: readonly P[],
  query: string,
  options: SearchOptions = {},
): Array<SearchHit<P>> {
  const languages = options.languages ?? CONTENT_LANGUAGES;
  const parsed = parseQuery(query, vocabularyOf(protocols, languages));
  if (parsed === null) return [];
  const hits: Array<SearchHit<P> & { index: number }> = [];
  protocols.forEach((protocol, index) => {
    let score = 0;
    for (const phrase of phrasesOf(protocol, languages)) score = Math.max(score, scorePhrase(phrase, parsed));
    if (score > 0) hits.push({ protocol, score, index });
  });
  hits.sort((a, b) => b.score - a.score || a.index - b.index);
  return hits.map(({ protocol, score }) => ({ protocol, score }));
}
