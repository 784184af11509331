/**
 * Names written several ways: World War II = Second World War = WWII; United States (of
 * America) = U.S. = US = USA (lower-case "us" is the pronoun); per cent = percent = % ; and one
 * key per country for its name and demonym (Russia = Russian).
 */
import { COUNTRY } from './lexicon';
import { makeToken, type Rule } from './token';

export const worldWarRule: Rule = (raw, i) => {
  const w = raw[i]!.folded;
  // Runs for every word of every text: the cheap test first, no closure made per call.
  if (w !== 'world' && w !== 'second' && w !== 'first' && !w.startsWith('ww')) return undefined;
  const next = raw[i + 1]?.folded;
  const after = raw[i + 2]?.folded;
  if (w === 'world' && next === 'war') {
    const n = after;
    const num = n === 'ii' || n === '2' || n === 'two' ? 2 : n === 'i' || n === '1' || n === 'one' ? 1 : 0;
    if (num) return { tokens: [makeToken(`ww${num}`, 'word', raw[i]!, raw[i + 2])], next: i + 3 };
  }
  if ((w === 'second' || w === 'first') && next === 'world' && after === 'war') {
    return { tokens: [makeToken(w === 'second' ? 'ww2' : 'ww1', 'word', raw[i]!, raw[i + 2])], next: i + 3 };
  }
  if (w === 'wwii' || w === 'ww2' || w === 'wwi' || w === 'ww1') {
    return { tokens: [makeToken(w.endsWith('ii') || w.endsWith('2') ? 'ww2' : 'ww1', 'word', raw[i]!)], next: i + 1 };
  }
  return undefined;
};

export const unitedStatesRule: Rule = (raw, i, text) => {
  const r = raw[i]!;
  const w = r.folded;
  if (w === 'united' && raw[i + 1]?.folded === 'states') {
    const end = raw[i + 2]?.folded === 'of' && raw[i + 3]?.folded === 'america' ? i + 3 : i + 1;
    return { tokens: [makeToken('usa', 'word', r, raw[end])], next: end + 1 };
  }
  if (w === 'u.s.' || w === 'u.s.a.' || w === 'usa' || (w === 'us' && text.slice(r.start, r.end) === 'US')) {
    return { tokens: [makeToken('usa', 'word', r)], next: i + 1 };
  }
  return undefined;
};

export const percentRule: Rule = (raw, i) => {
  const w = raw[i]!.folded;
  if (w === 'per' && raw[i + 1]?.folded === 'cent') {
    return { tokens: [makeToken('%', 'percent', raw[i]!, raw[i + 1])], next: i + 2 };
  }
  if (w === 'percent' || w === '%' || w === 'pct') return { tokens: [makeToken('%', 'percent', raw[i]!)], next: i + 1 };
  return undefined;
};

/** A capitalised country name or demonym (plural too: "Ukrainians"). "polish" the verb stays a verb. */
export function countryKey(plain: string, capital: boolean): string | undefined {
  return capital ? (COUNTRY.get(plain) ?? COUNTRY.get(plain.replace(/s$/, ''))) : undefined;
}
