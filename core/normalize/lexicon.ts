/**
 * Word lists and per-word keys: spelling variants, stop words, negations, words of office,
 * countries and demonyms, stems. Each list says why it is hand-written where it is.
 */
import { wordTable } from '../word-table';
import stem from 'wink-porter2-stemmer';
import { eng as englishStopwords } from 'stopword';
import countryNames from 'i18n-iso-countries/langs/en.json';
import nationalities from 'i18n-nationality/langs/en.json';
import { foldCharacters, memo } from './fold';

// British and American spellings that news wires mix. Hand-written because no maintained npm
// package maps them in both directions without pulling in a dictionary of tens of thousands of
// words; the list covers the spellings common in news reporting.
const SPELLING: Record<string, string> = wordTable({
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
});

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

export const NEGATIONS = new Set([
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
export const NEGATED_CONTRACTION_RE = /^(.+?)n't$/;
export const IRREGULAR_NEGATED: Record<string, string> = wordTable({ wo: 'will', ca: 'can', sha: 'shall' });

export const STOPWORDS = new Set([
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
export const TITLES = new Set([
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

/**
 * One key per country for its one-word names and its demonym: Russia = Russian,
 * Ukraine = Ukrainian, America = American = US. Only capitalised words are looked up, so
 * "polish" the verb stays a verb.
 */
export const COUNTRY: Map<string, string> = (() => {
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

/** A stop word stays as it is; any other word is stemmed. */
export const stopOrStem = memo((w: string): string => (STOPWORDS.has(w) ? w : stemKey(w)));
