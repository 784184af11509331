/**
 * Normalisation for comparison, never for display.
 *
 * A text becomes a list of tokens. Each token keeps the character span of the original text it
 * came from, so highlights, diffs and offsets always point at what the reader sees, while `key`
 * is what comparisons use. Keys fold away what does not change meaning:
 * Unicode compatibility forms (NFKC), case, diacritics, curly/straight quotes, dashes, soft
 * hyphens, spelling variants (defence/defense), number words (two = 2, percent = %),
 * date order (10 May = May 10) and a few phrase variants (World War II = Second World War,
 * United States = US = USA, 23 out of 32 = 23 of 32).
 */
import stem from 'wink-porter2-stemmer';
import { eng as englishStopwords } from 'stopword';
import countryNames from 'i18n-iso-countries/langs/en.json';
import nationalities from 'i18n-nationality/langs/en.json';

export type TokenKind = 'word' | 'number' | 'date' | 'percent';

export interface Token {
  /** Comparison key: what two tokens must share to count as the same word. */
  key: string;
  kind: TokenKind;
  /** The word folded but not stemmed ("airstrikes"), to recognise split compounds. */
  fold: string;
  /** Start offset (UTF-16 code units) in the original text, inclusive. */
  start: number;
  /** End offset in the original text, exclusive. */
  end: number;
  /** Original spelling began with a capital letter (used to spot names). */
  capital: boolean;
  /** A name or a title ("Stoltenberg", "NATO", "secretary general"): says who, not what. */
  name: boolean;
  /** A word of office ("secretary", "minister"): attribution only. */
  title: boolean;
  /** Function word: counts little for retrieval and scoring. */
  stop: boolean;
  /** A negation ("not", "no", "never", "n't", ...). */
  negation: boolean;
}

// Words, numbers (with thousands separators or decimals), abbreviations like U.S., and %.
// Soft hyphens and zero-width characters may sit inside a word; apostrophes join contractions.
const TOKEN_RE =
  /(?:\p{L}\.){2,}|\p{N}{1,2}(?:st|nd|rd|th)(?![\p{L}\p{N}])|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\u00AD\u200B-\u200D\u2060]+(?:['’ʼ][\p{L}\p{M}]+)*|%/gu;

const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060]/g;
const MARKS_RE = /\p{M}/gu;

/**
 * Memo for per-word work (folding, stemming): words repeat across sentences, and this is the
 * hot path of indexing and checking. Bounded: cleared when full.
 */
function memo<T>(fn: (w: string) => T, size = 100_000): (w: string) => T {
  const cache = new Map<string, T>();
  return (w) => {
    let v = cache.get(w);
    if (v === undefined) {
      if (cache.size >= size) cache.clear();
      v = fn(w);
      cache.set(w, v);
    }
    return v;
  };
}

/** NFKC, lower case, no diacritics, no invisible characters, one apostrophe. */
export const foldCharacters = memo(foldUncached);

function foldUncached(s: string): string {
  return s
    .normalize('NFKC')
    .replace(INVISIBLE_RE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .replace(/[’ʼ‘`´]/g, "'");
}

// British and American spellings that news wires mix. Hand-written because no maintained npm
// package maps them in both directions without pulling in a dictionary of tens of thousands of
// words; the list covers the spellings common in news reporting.
const SPELLING: Record<string, string> = {
  defence: 'defense',
  defences: 'defenses',
  offence: 'offense',
  offences: 'offenses',
  licence: 'license',
  programme: 'program',
  programmes: 'programs',
  centre: 'center',
  centres: 'centers',
  metre: 'meter',
  metres: 'meters',
  kilometre: 'kilometer',
  kilometres: 'kilometers',
  theatre: 'theater',
  favour: 'favor',
  favourable: 'favorable',
  honour: 'honor',
  labour: 'labor',
  colour: 'color',
  neighbour: 'neighbor',
  neighbouring: 'neighboring',
  behaviour: 'behavior',
  endeavour: 'endeavor',
  rumour: 'rumor',
  armour: 'armor',
  armoured: 'armored',
  harbour: 'harbor',
  travelled: 'traveled',
  travelling: 'traveling',
  cancelled: 'canceled',
  analyse: 'analyze',
  analysed: 'analyzed',
  catalogue: 'catalog',
  dialogue: 'dialog',
  grey: 'gray',
  jewellery: 'jewelry',
  judgement: 'judgment',
  manoeuvre: 'maneuver',
  manoeuvres: 'maneuvers',
  sceptical: 'skeptical',
  tonne: 'ton',
  tonnes: 'tons',
  kyiv: 'kiev',
  airstrike: 'airstrikes',
  whilst: 'while',
  amongst: 'among',
  toward: 'towards',
  okay: 'ok',
};

/** The American spelling of a folded word, or the word itself. */
export function spellingVariant(w: string): string {
  const mapped = SPELLING[w];
  if (mapped) return mapped;
  // organisation/organization, mobilised/mobilized, ...: the -is-/-iz- family is regular only
  // before -ation, -ed, -ing and -es endings; bare "-ise" is too ambiguous (wise, promise).
  const m = /^(.{3,})is(ation|ations|ed|ing|es)$/.exec(w);
  if (m && !/(?:adv|prom|exerc|surpr|compr|revis|superv|televis|premis|franch)$/.test(m[1]!)) {
    return `${m[1]}iz${m[2]}`;
  }
  return w;
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const NEGATIONS = new Set([
  'not',
  "n't",
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'cannot',
  'without',
  'nowhere',
]);

// Contractions whose negation must survive tokenisation: "doesn't" -> "does" + "not".
const NEGATED_CONTRACTION_RE = /^(.+?)n't$/;
const IRREGULAR_NEGATED: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall' };

const STOPWORDS = new Set([
  ...englishStopwords,
  // Auxiliaries the list lacks ("does" also comes out of "doesn't").
  'does',
  'doing',
  'having',
  'also',
  'would',
  'could',
  'should',
  'will',
  'may',
  'might',
  'must',
  'said',
  'says',
  'say',
  'told',
  'added',
  'according',
  'however',
  'thus',
  'even',
  'then',
  'still',
  'now',
]);
// Negations are function words, but they carry meaning: never treat them as stop words.
for (const n of NEGATIONS) STOPWORDS.delete(n);

/** Words of office that come with a name in attributions ("the general secretary of NATO"). */
const TITLES = new Set([
  'secretary',
  'general',
  'president',
  'minister',
  'prime',
  'chancellor',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'ambassador',
  'envoy',
  'official',
  'officials',
  'commander',
  'chief',
  'leader',
]);

/** Whether a folded word is a function word that should weigh little. */
export function isStopword(key: string): boolean {
  return STOPWORDS.has(key);
}

interface RawToken {
  folded: string;
  /** Only spaces or a hyphen separate this token from the previous one. */
  joined: boolean;
  start: number;
  end: number;
  capital: boolean;
}

function rawTokens(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const surface = m[0];
    const first = surface.normalize('NFKC').replace(INVISIBLE_RE, '')[0] ?? '';
    const prevEnd = out.at(-1)?.end ?? 0;
    out.push({
      joined: /^[\s\-‐‑–]*$/.test(text.slice(prevEnd, start)),
      folded: foldCharacters(surface),
      start,
      end: start + surface.length,
      capital: first !== first.toLowerCase(),
    });
  }
  return out;
}

function isDigits(s: string): boolean {
  return /^\d+(?:[.,]\d+)*$/.test(s);
}

/** "2,000" -> "2000"; "2.1" -> "2.1"; "1.000.000" -> "1000000". */
function canonicalNumber(s: string): string {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) return s.replace(/,/g, '');
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(s)) return s.replace(/\./g, '');
  return s.replace(',', '.');
}

function ordinalValue(s: string): number | undefined {
  const m = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(s);
  return m ? Number(m[1]) : undefined;
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/**
 * One key per country for its one-word names and its demonym: Russia = Russian,
 * Ukraine = Ukrainian, America = American = US. Only capitalised words are looked up, so
 * "polish" the verb stays a verb.
 */
const COUNTRY: Map<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (name: string, code: string) => {
    const w = foldCharacters(name);
    if (/^[a-z]+$/.test(w) && w.length > 3) map.set(w, code === 'US' ? 'usa' : `country:${code.toLowerCase()}`);
  };
  for (const [code, names] of Object.entries(countryNames.countries as Record<string, string | string[]>)) {
    for (const name of Array.isArray(names) ? names : [names]) add(name, code);
  }
  for (const [code, name] of Object.entries(nationalities.nationalities as Record<string, string>)) add(name, code);
  map.set('america', 'usa');
  return map;
})();

function stemKey(w: string): string {
  // Porter2 stemming merges inflections (indication/indications, tried/trying).
  return /^[a-z]+$/.test(w) ? stem(w) : w;
}

function makeToken(key: string, kind: TokenKind, from: RawToken, to: RawToken = from, negation = false): Token {
  return {
    key,
    kind,
    fold: from === to ? from.folded : key,
    start: from.start,
    end: to.end,
    capital: from.capital,
    name: kind === 'word' && (from.capital || TITLES.has(from.folded)),
    title: kind === 'word' && TITLES.has(from.folded),
    stop: kind === 'word' && !negation && STOPWORDS.has(key),
    negation,
  };
}

/**
 * Tokens with comparison keys and original offsets. Several surface words may become one token
 * ("twenty three" -> 23, "May 10" -> date:5-10, "per cent" -> %), and one word may become two
 * ("doesn't" -> does + not).
 */
export function tokenize(text: string): Token[] {
  const raw = rawTokens(text);
  const out: Token[] = [];
  let i = 0;
  const at = (k: number) => raw[k]?.folded;

  while (i < raw.length) {
    const r = raw[i]!;
    const w = r.folded;

    // World War II / Second World War / WWII -> ww2 (and the first one).
    if (w === 'world' && at(i + 1) === 'war') {
      const n = at(i + 2);
      const num = n === 'ii' || n === '2' || n === 'two' ? 2 : n === 'i' || n === '1' || n === 'one' ? 1 : 0;
      if (num) {
        out.push(makeToken(`ww${num}`, 'word', r, raw[i + 2]));
        i += 3;
        continue;
      }
    }
    if ((w === 'second' || w === 'first') && at(i + 1) === 'world' && at(i + 2) === 'war') {
      out.push(makeToken(w === 'second' ? 'ww2' : 'ww1', 'word', r, raw[i + 2]));
      i += 3;
      continue;
    }
    if (w === 'wwii' || w === 'ww2' || w === 'wwi' || w === 'ww1') {
      out.push(makeToken(w.endsWith('ii') || w.endsWith('2') ? 'ww2' : 'ww1', 'word', r));
      i++;
      continue;
    }
    // United States (of America) / U.S. / US / USA -> usa. Lower-case "us" is the pronoun.
    if (w === 'united' && at(i + 1) === 'states') {
      let end = i + 1;
      if (at(i + 2) === 'of' && at(i + 3) === 'america') end = i + 3;
      out.push(makeToken('usa', 'word', r, raw[end]));
      i = end + 1;
      continue;
    }
    if (w === 'u.s.' || w === 'u.s.a.' || w === 'usa' || (w === 'us' && text.slice(r.start, r.end) === 'US')) {
      out.push(makeToken('usa', 'word', r));
      i++;
      continue;
    }
    if (w === 'per' && at(i + 1) === 'cent') {
      out.push(makeToken('%', 'percent', r, raw[i + 1]));
      i += 2;
      continue;
    }
    if (w === 'percent' || w === '%' || w === 'pct') {
      out.push(makeToken('%', 'percent', r));
      i++;
      continue;
    }

    // Dates: "10 May", "May 10", "10th of May", "May 10th". A month name counts as a month only
    // next to a day number, so the verb "may" stays a word.
    const dayBefore = dayNumber(w);
    if (dayBefore !== undefined) {
      const ofSkip = at(i + 1) === 'of' ? 1 : 0;
      const month = MONTHS[at(i + 1 + ofSkip) ?? ''];
      if (month) {
        const end = i + 1 + ofSkip;
        out.push(makeToken(`date:${month}-${dayBefore}`, 'date', r, raw[end]));
        i = end + 1;
        continue;
      }
    }
    const monthHere = MONTHS[w];
    if (monthHere && (w !== 'may' || r.capital)) {
      const day = dayNumber(at(i + 1) ?? '');
      if (day !== undefined) {
        out.push(makeToken(`date:${monthHere}-${day}`, 'date', r, raw[i + 1]));
        i += 2;
        continue;
      }
    }

    // Numbers: digits or number words, with scales ("50 billion", "two hundred and five").
    const numberRun = readNumber(raw, i);
    if (numberRun) {
      out.push(makeToken(numberRun.key, 'number', r, raw[numberRun.last]));
      i = numberRun.last + 1;
      // "23 out of 32" == "23 of 32" == "23 of the 32": "out of" is one token "of".
      if (at(i) === 'out' && at(i + 1) === 'of') {
        out.push(makeToken('of', 'word', raw[i]!, raw[i + 1]));
        i += 2;
      }
      continue;
    }

    // Contractions with a negation: doesn't -> does + not; can't -> can + not.
    const neg = NEGATED_CONTRACTION_RE.exec(w);
    if (neg || w === 'cannot') {
      // Two tokens from one word, each with its own part of the span ("does|n't", "can|not").
      const cut = r.end - 3;
      const base = neg ? (IRREGULAR_NEGATED[neg[1]!] ?? neg[1]!) : 'can';
      out.push(makeToken(stopOrStem(base), 'word', { ...r, end: cut }));
      out.push(makeToken('not', 'word', { ...r, start: cut, capital: false }, undefined, true));
      i++;
      continue;
    }

    // Possessive 's and plain words.
    const plain = w.replace(/'s$/, '').replace(/'/g, '').replace(/\.$/, '').replace(/\./g, '');
    if (!plain) {
      i++;
      continue;
    }
    const negation = NEGATIONS.has(plain);
    const country = r.capital ? (COUNTRY.get(plain) ?? COUNTRY.get(plain.replace(/s$/, ''))) : undefined;
    if (country) {
      out.push(makeToken(country, 'word', r));
      i++;
      continue;
    }
    const spelled = spellingVariant(plain);
    out.push(makeToken(negation ? 'not' : stopOrStem(spelled), 'word', r, r, negation));
    i++;
  }
  return out;
}

const stopOrStem = memo((w: string): string => (STOPWORDS.has(w) ? w : stemKey(w)));

function dayNumber(w: string): number | undefined {
  if (/^\d{1,2}$/.test(w)) {
    const n = Number(w);
    return n >= 1 && n <= 31 ? n : undefined;
  }
  const ord = ordinalValue(w);
  return ord !== undefined && ord >= 1 && ord <= 31 ? ord : undefined;
}

function readNumber(raw: RawToken[], i: number): { key: string; last: number } | undefined {
  const first = raw[i]!.folded;
  let value: number;
  let j = i;
  if (isDigits(first)) {
    const key = canonicalNumber(first);
    value = Number(key);
    // Scale words after digits: "50 billion" -> 50000000000
    const scale = SCALES[raw[i + 1]?.folded ?? ''];
    if (scale && Number.isFinite(value)) {
      return { key: String(+(value * scale).toPrecision(12)), last: i + 1 };
    }
    return { key, last: i };
  }
  const ord = ORDINAL_WORDS[first];
  if (ord !== undefined && raw[i]?.folded !== 'second') {
    return { key: `${ord}th`, last: i };
  }
  const ordinalDigits = ordinalValue(first);
  if (ordinalDigits !== undefined) return { key: `${ordinalDigits}th`, last: i };

  // Number words: "twenty-three" arrives as one raw token "twenty-three"? No: the hyphen splits
  // it into "twenty" and "three", which this loop joins again.
  if (UNITS[first] === undefined && SCALES[first] === undefined) return undefined;
  // "one" alone is too often a pronoun ("the one who"); only join it with a scale or unit noun.
  let total = 0;
  let current = 0;
  let consumed = false;
  while (j < raw.length) {
    if (j > i && !raw[j]!.joined) break;
    const w = raw[j]!.folded;
    if (UNITS[w] !== undefined) {
      current += UNITS[w]!;
      consumed = true;
    } else if (SCALES[w] !== undefined && consumed) {
      const s = SCALES[w]!;
      if (s === 100) current *= s;
      else {
        total += current * s;
        current = 0;
      }
    } else if (
      w === 'and' &&
      consumed &&
      UNITS[raw[j + 1]?.folded ?? ''] !== undefined &&
      SCALES[raw[j - 1]?.folded ?? ''] !== undefined
    ) {
      // "two hundred and five"
    } else break;
    j++;
  }
  if (!consumed) return undefined;
  value = total + current;
  return { key: String(value), last: j - 1 };
}

/** The whole text as one comparison string: equal strings mean "identical". */
export function comparisonString(text: string): string {
  return tokenize(text)
    .map((t) => t.key)
    .join(' ');
}
