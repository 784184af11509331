/**
 * Gloss: a sentence in a page language -> tokens carrying English comparison keys, in the form
 * the matcher's own tokens use (core/normalize.ts), with the original offsets.
 *
 * Word by word, every sense of a word kept (the corpus side decides which one is meant):
 * - numbers as normalize.ts keys them: decimal commas (2,5 -> 2.5), thousands points
 *   (1.000 -> 1000), number words (zwei, dois, to, две), scales (50 Milliarden), percent
 *   (Prozent, por cento, prosent, процента -> %);
 * - dates: "1. Oktober", "1º de outubro", "1. oktober", "5 ноември" -> date:10-1;
 * - negations (nicht, kein, não, nunca, ikke, ingen, не, никога) -> "not";
 * - stop words of the language: kept as stop tokens;
 * - words of the lexicon -> the English keys of their senses; German compounds the lexicon
 *   lacks, split (compound.ts); hyphenated words looked up whole, else by parts;
 * - anything else (names above all) passes through, Cyrillic transliterated, as an English
 *   key would be formed from it (Столтенберг -> stoltenberg), with a genitive -s dropped as an
 *   alternative (NATOs -> nato).
 */
import { foldCharacters, isStopword, tokenize, type TokenKind } from '../normalize';
import { splitCompound } from './compound';
import type { Lexicon } from './lexicon';
import { lower, transliterate, type LexiconLanguage } from './stem';
import { WORDS } from './words';

export interface GlossToken {
  /** English comparison keys, alternatives (the senses of the word). */
  keys: string[];
  kind: TokenKind;
  start: number;
  end: number;
  /** The word as written (Latin script: transliterated). */
  latin: string;
  /** Began with a capital letter. */
  capital: boolean;
  /** Not in the lexicon and not a function word: a name, or a word the lexicon lacks. */
  unknown: boolean;
  stop: boolean;
  negation: boolean;
}

// Words (hyphens inside), numbers with separators, day numbers with an ordinal mark, and %.
const WORD_RE = /\p{N}+(?:[.,]\p{N}+)*(?:\.(?!\p{N})|º|°|ª)?|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|%/gu;

/** Number key as normalize.ts writes it: "1.000" -> "1000", "2,5" -> "2.5". */
function numberKey(s: string): string {
  if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) return s.replace(/\./g, '');
  if (/^\d{1,3}(?: \d{3})+$/.test(s)) return s.replace(/ /g, '');
  return s.replace(',', '.');
}

// "Second" and "first" as the ordinals of the world wars, in the forms stop-word lists hold.
const SECOND = new Set(['zweite', 'zweiten', 'zweiter', 'segunda', 'segundo', 'andre', 'annen', 'vtorata', 'vtora']);
const FIRST = new Set(['erste', 'ersten', 'erster', 'primeira', 'primeiro', 'første', 'parvata', 'parva']);

/** Senses per part joined into one English word. */
const COMPOUND_SENSES = 4;

interface Raw {
  text: string;
  start: number;
  end: number;
}

/** Tokens of a sentence in `lang` with English keys. */
export function gloss(text: string, lexicon: Lexicon): GlossToken[] {
  const lang = lexicon.lang;
  const w = WORDS[lang];
  const raws: Raw[] = [...text.matchAll(WORD_RE)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const out: GlossToken[] = [];
  const push = (r: Raw, t: Partial<GlossToken> & { keys: string[] }, to: Raw = r) =>
    out.push({
      kind: 'word',
      latin: transliterate(r.text),
      capital: /^\p{Lu}/u.test(r.text),
      unknown: false,
      stop: false,
      negation: false,
      ...t,
      start: r.start,
      end: to.end,
    });
  const low = (k: number) => (raws[k] ? lower(raws[k].text) : '');

  for (let i = 0; i < raws.length; i++) {
    const r = raws[i]!;
    const word = lower(r.text);

    // Dates: a day number (with "." or "º"), perhaps "de", then a month.
    const day = /^(\d{1,2})(?:\.|º|°|ª)?$/.exec(r.text);
    if (day && Number(day[1]) >= 1 && Number(day[1]) <= 31) {
      const skip = low(i + 1) === 'de' ? 1 : 0;
      const month = w.months[low(i + 1 + skip).replace(/\.$/, '')];
      if (month) {
        push(r, { keys: [`date:${month}-${Number(day[1])}`], kind: 'date' }, raws[i + 1 + skip]);
        i += 1 + skip;
        continue;
      }
    }
    // Month then day ("Oktober 1" is rare, but headlines do it).
    const monthFirst = w.months[word];
    if (monthFirst && /^\d{1,2}\.?$/.test(raws[i + 1]?.text ?? '')) {
      const d = Number(raws[i + 1]!.text.replace('.', ''));
      if (d >= 1 && d <= 31) {
        push(r, { keys: [`date:${monthFirst}-${d}`], kind: 'date' }, raws[i + 1]);
        i++;
        continue;
      }
    }

    // Numbers: digits or number words, a scale word after them, then percent.
    let value: string | undefined;
    if (/^\p{N}/u.test(r.text)) value = numberKey(r.text.replace(/[.º°ª]$/, ''));
    else if (w.numbers[word] !== undefined) value = String(w.numbers[word]);
    if (value !== undefined) {
      let last = i;
      // Scale words, several in a row in Portuguese: "50 mil milhões" = 50 billion.
      while (w.scales[low(last + 1)] && Number.isFinite(Number(value))) {
        value = String(+(Number(value) * w.scales[low(last + 1)]!).toPrecision(12));
        last++;
      }
      push(r, { keys: [value], kind: 'number' }, raws[last]);
      i = last;
      continue;
    }
    if (r.text === '%' || w.percent.has(word)) {
      push(r, { keys: ['%'], kind: 'percent' });
      continue;
    }
    if (lang === 'pt' && word === 'por' && low(i + 1) === 'cento') {
      push(r, { keys: ['%'], kind: 'percent' }, raws[i + 1]);
      i++;
      continue;
    }

    if (w.negations.has(word)) {
      push(r, { keys: ['not'], negation: true });
      continue;
    }
    // A stop word of the list that the lexicon knows as a content word is one ("Jahr", "Mal",
    // "година": the `stopword` lists hold some nouns).
    if (w.stop.has(word) && !contentWord(r.text, i, lexicon)) {
      push(r, { keys: [word], stop: true });
      continue;
    }
    for (const t of lookupWord(r, lexicon)) out.push(t);
  }
  return unitedStates(worldWars(out));
}

/**
 * "Vereinigte Staaten", "Estados Unidos", "Forente stater", "Съединени щати": normalize.ts keys
 * "United States" as one token (usa), so the two glossed words are joined the same way.
 */
function unitedStates(tokens: GlossToken[]): GlossToken[] {
  const out: GlossToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    const pair = (x: GlossToken, y: GlossToken) => x.keys.includes('unit') && y.keys.includes('state');
    if (b && a.capital && b.capital && (pair(a, b) || pair(b, a))) {
      out.push({ ...a, keys: ['usa'], end: b.end, unknown: false });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * "Segunda Guerra Mundial", "Zweiter Weltkrieg", "Втората световна война": normalize.ts keys
 * the English phrase as one token (ww2), so the glossed words are joined the same way.
 */
function worldWars(tokens: GlossToken[]): GlossToken[] {
  const has = (t: GlossToken | undefined, ...keys: string[]) => !!t && keys.some((k) => t.keys.includes(k));
  const out: GlossToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    const word = first.latin.toLowerCase();
    const ordinal = has(first, 'second') || SECOND.has(word) ? 2 : has(first, 'first') || FIRST.has(word) ? 1 : 0;
    if (ordinal) {
      const content: number[] = [];
      for (let k = i + 1; k < tokens.length && content.length < 2; k++) if (!tokens[k]!.stop) content.push(k);
      const [b, c] = content.map((k) => tokens[k]);
      let last = -1;
      if (has(b, 'world', 'worldwid') && has(c, 'war')) last = content[1]!;
      else if (has(b, 'war') && has(c, 'world', 'worldwid')) last = content[1]!;
      else if (has(b, 'world') && has(b, 'war')) last = content[0]!;
      if (last >= 0) {
        out.push({ ...first, keys: [`ww${ordinal}`], end: tokens[last]!.end, unknown: false, stop: false });
        i = last;
        continue;
      }
    }
    out.push(first);
  }
  return out;
}

/**
 * A word of the stop list that is a content word here: in German a noun (capitalised, not
 * first in the sentence: "Jahr", "Mal", "Zeit"); in Bulgarian a word whose first sense is an
 * English content word ("година", "време"). The Portuguese and Norwegian lists hold function
 * words only.
 */
function contentWord(surface: string, index: number, lexicon: Lexicon): boolean {
  if (lexicon.lang === 'de') return index > 0 && /^\p{Lu}\p{Ll}/u.test(surface) && lexicon.has(surface);
  if (lexicon.lang !== 'bg' || surface.length < 4) return false;
  const first = lexicon.lookup(surface)?.[0];
  return first !== undefined && !isStopword(first);
}

/** A word (perhaps hyphenated or compound) as one or more tokens. */
function lookupWord(r: Raw, lexicon: Lexicon): GlossToken[] {
  const base = {
    kind: 'word' as const,
    start: r.start,
    end: r.end,
    latin: transliterate(r.text),
    capital: /^\p{Lu}/u.test(r.text),
    stop: false,
    negation: false,
  };
  const keys = senses(r.text, lexicon);
  // A word found only as a compound may be a name ("Stoltenberg" = stolt + en + berg): its own
  // spelling stays a key.
  if (keys) {
    // A word whose every sense is an English function word ("sa" = said) is one itself.
    if (keys.every((k) => isStopword(k))) return [{ ...base, keys, unknown: false, stop: true }];
    return [{ ...base, keys: lexicon.has(r.text) ? keys : [...keys, ...passThrough(base.latin)], unknown: false }];
  }
  // Hyphenated: each part on its own ("NATO-Generalsekretär", "terça-feira", "Trata-se").
  if (/[-]/.test(r.text)) {
    const out: GlossToken[] = [];
    let at = r.start;
    for (const part of r.text.split('-')) {
      if (part) {
        const sub = lookupWord({ text: part, start: at, end: at + part.length }, lexicon);
        const stops = WORDS[lexicon.lang].stop;
        for (const t of sub) out.push(stops.has(lower(part)) ? { ...t, stop: true } : t);
      }
      at += part.length + 1;
    }
    return out;
  }
  return [{ ...base, keys: passThrough(base.latin), unknown: true }];
}

/** English keys of a word: the lexicon, or for German the parts of a compound. */
function senses(word: string, lexicon: Lexicon): string[] | undefined {
  const found = lexicon.lookup(word);
  if (found) return found;
  const w = lower(word);
  // A genitive or plural -s the stemmer keeps ("NATOs", "Stoltenbergs").
  if (w.endsWith('s') && w.length > 4) {
    const bare = lexicon.lookup(w.slice(0, -1));
    if (bare) return bare;
  }
  if ((lexicon.lang === 'de' || lexicon.lang === 'no') && w.length >= 7) {
    const stop = WORDS[lexicon.lang].stop;
    const parts = splitCompound(w, (p) => !stop.has(p) && lexicon.has(p));
    if (parts) {
      const senses = parts.map((p) => lexicon.lookup(p) ?? []);
      const keys = new Set(senses.flat());
      // The English may be one word made of the parts in either order: gjennom + brudd ->
      // "breakthrough", Welt + Krieg -> "world war" is two words and already there.
      if (senses.length === 2) {
        for (const a of senses[0]!.slice(0, COMPOUND_SENSES)) {
          for (const b of senses[1]!.slice(0, COMPOUND_SENSES)) {
            if (/^[a-z]+$/.test(a + b)) {
              for (const joined of [a + b, b + a]) keys.add(tokenize(joined)[0]?.key ?? joined);
            }
          }
        }
      }
      return [...keys];
    }
  }
  return undefined;
}

/** Keys of a word the lexicon lacks, as the English tokeniser would key it. */
function passThrough(latin: string): string[] {
  const keys = new Set<string>();
  for (const form of [latin, latin.replace(/s$/, '')]) {
    const t = tokenize(form)[0];
    if (t) keys.add(t.key);
  }
  if (!keys.size) keys.add(foldCharacters(latin));
  return [...keys];
}

export type { LexiconLanguage };
