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
 *
 * Each kind of rule has its own module under normalize/ with its own tests: numbers and
 * currencies, dates, entities (names written several ways), the lexicon (word lists, stems) and
 * folding. This module runs the rules in order over the raw words.
 */
import { countryKey, percentRule, unitedStatesRule, worldWarRule } from './normalize/entities';
import { dateRule } from './normalize/dates';
import { IRREGULAR_NEGATED, NEGATED_CONTRACTION_RE, NEGATIONS, spellingVariant, stopOrStem } from './normalize/lexicon';
import { currencyRule, numberRule } from './normalize/numbers';
import { makeToken, rawTokens, type RawToken, type Rule, type Token } from './normalize/token';

export { foldCharacters } from './normalize/fold';
export { isStopword, spellingVariant } from './normalize/lexicon';
export type { Token, TokenKind } from './normalize/token';

/** Contractions with a negation: "doesn't" -> does + not, "can't"/"cannot" -> can + not. */
const negatedContractionRule: Rule = (raw, i) => {
  const r = raw[i]!;
  const neg = NEGATED_CONTRACTION_RE.exec(r.folded);
  if (!neg && r.folded !== 'cannot') return undefined;
  // Two tokens from one word, each with its own part of the span ("does|n't", "can|not").
  const cut = r.end - 3;
  const base = neg ? (IRREGULAR_NEGATED[neg[1]!] ?? neg[1]!) : 'can';
  return {
    tokens: [
      makeToken(stopOrStem(base), 'word', { ...r, end: cut }),
      makeToken('not', 'word', { ...r, start: cut, capital: false }, undefined, true),
    ],
    next: i + 1,
  };
};

/** Any other word: possessive dropped, negations as "not", countries by code, spelling, stem. */
function plainWord(r: RawToken): Token | undefined {
  const plain = r.folded.replace(/'s$/, '').replace(/'/g, '').replace(/\.$/, '').replace(/\./g, '');
  if (!plain) return undefined;
  const country = countryKey(plain, r.capital);
  if (country) return makeToken(country, 'word', r);
  const negation = NEGATIONS.has(plain);
  return makeToken(negation ? 'not' : stopOrStem(spellingVariant(plain)), 'word', r, r, negation);
}

/** In order: multi-word names first, then dates (before numbers: "10 May"), numbers, words. */
const RULES: Rule[] = [
  worldWarRule,
  unitedStatesRule,
  percentRule,
  dateRule,
  numberRule,
  currencyRule,
  negatedContractionRule,
];

/**
 * Tokens with comparison keys and original offsets. Several surface words may become one token
 * ("twenty three" -> 23, "May 10" -> date:5-10, "per cent" -> %), and one word may become two
 * ("doesn't" -> does + not).
 */
export function tokenize(text: string): Token[] {
  const raw = rawTokens(text);
  const out: Token[] = [];
  let i = 0;
  outer: while (i < raw.length) {
    for (const rule of RULES) {
      const read = rule(raw, i, text);
      if (read) {
        out.push(...read.tokens);
        i = read.next;
        continue outer;
      }
    }
    const word = plainWord(raw[i]!);
    if (word) out.push(word);
    i++;
  }
  return out;
}

/** The whole text as one comparison string: equal strings mean "identical". */
export function comparisonString(text: string): string {
  return tokenize(text)
    .map((t) => t.key)
    .join(' ');
}
