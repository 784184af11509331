/**
 * Per-language word keys: the same function turns a dictionary headword (at build time) and a
 * page word (at check time) into the key the lexicon is looked up by, so inflected forms meet.
 * German, Portuguese and Norwegian use the Snowball stemmers; Bulgarian, which Snowball lacks,
 * gets a light suffix stripper (definite articles, plural, adjective and verb endings).
 */
import { newStemmer, type Stemmer } from 'snowball-stemmers';

/** The page languages with a lexicon (ISO 639-1). */
export const LEXICON_LANGUAGES = ['de', 'pt', 'no', 'bg'] as const;
export type LexiconLanguage = (typeof LEXICON_LANGUAGES)[number];

export function isLexiconLanguage(lang: string): lang is LexiconLanguage {
  return (LEXICON_LANGUAGES as readonly string[]).includes(lang);
}

const SNOWBALL: Record<Exclude<LexiconLanguage, 'bg'>, string> = {
  de: 'german',
  pt: 'portuguese',
  no: 'norwegian',
};

const stemmers = new Map<string, Stemmer>();
function snowball(lang: Exclude<LexiconLanguage, 'bg'>): Stemmer {
  let s = stemmers.get(lang);
  if (!s) stemmers.set(lang, (s = newStemmer(SNOWBALL[lang])));
  return s;
}

const MARKS_RE = /\p{M}/gu;

/** Lower case, NFKC, soft hyphens and stress marks removed (Bulgarian dictionaries mark stress). */
export function lower(word: string): string {
  return word
    .normalize('NFKC')
    .replace(/[\u00AD\u200B-\u200D\u2060]/g, '')
    .toLowerCase()
    .replace(/[’ʼ‘`´]/g, "'")
    .normalize('NFD')
    .replace(/[\u0300\u0301]/g, '')
    .normalize('NFC');
}

/** Diacritics off (after stemming: the stemmers' rules need them). Й stays й. */
function unmark(word: string): string {
  return word.normalize('NFD').replace(MARKS_RE, '').normalize('NFC');
}

// Longest first. Definite articles, then one inflectional ending (noun plural, adjective,
// verb person and tense). Applied alike to dictionary and page words, so over-stripping only
// merges a few words, which the matcher's alignment sorts out.
const BG_ARTICLES = ['ията', 'ият', 'ът', 'ят', 'та', 'то', 'те'];
const BG_ENDINGS = [
  'ищата',
  'овете',
  'ища',
  'ове',
  'еве',
  'ния',
  'ние',
  'ски',
  'ска',
  'ско',
  'ия',
  'ии',
  'ите',
  'ете',
  'ате',
  'ахме',
  'аме',
  'ем',
  'им',
  'ат',
  'ят',
  'ах',
  'ал',
  'ала',
  'али',
  'ало',
  'ен',
  'на',
  'но',
  'ни',
  'и',
  'а',
  'я',
  'о',
  'е',
  'ъ',
  'й',
].sort((x, y) => y.length - x.length);

function stemBulgarian(w: string): string {
  let s = w;
  for (const a of BG_ARTICLES) {
    if (s.endsWith(a) && s.length - a.length >= 3) {
      s = s.slice(0, -a.length);
      break;
    }
  }
  for (const e of BG_ENDINGS) {
    if (s.endsWith(e) && s.length - e.length >= 3) {
      s = s.slice(0, -e.length);
      break;
    }
  }
  return s;
}

const keyCache = new Map<string, string>();
/** Entries kept in the key cache before it is emptied (compound splitting asks many times). */
const KEY_CACHE_SIZE = 100_000;

/** The lexicon key of a word in a language. */
export function stemKey(lang: LexiconLanguage, word: string): string {
  const id = `${lang}:${word}`;
  let key = keyCache.get(id);
  if (key === undefined) {
    const w = lower(word);
    key = lang === 'bg' ? stemBulgarian(w) : unmark(snowball(lang).stem(w));
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    keyCache.set(id, key);
  }
  return key;
}

// Bulgarian Cyrillic to Latin (the official Streamlined System of 2009), for names:
// Столтенберг -> Stoltenberg. Russian/Ukrainian letters are added for names quoted in Bulgarian.
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
  ы: 'y',
  э: 'e',
  ё: 'yo',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};

/** Latin spelling of a Cyrillic word, keeping an initial capital; other scripts pass through. */
export function transliterate(word: string): string {
  let out = '';
  for (const ch of word) {
    const low = ch.toLowerCase();
    const t = CYRILLIC[low];
    if (t === undefined) out += ch;
    else out += ch === low ? t : t.charAt(0).toUpperCase() + t.slice(1);
  }
  return out;
}
