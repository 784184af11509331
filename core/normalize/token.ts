/** Tokens: what a text becomes for comparison, each with the span of the text it came from. */
import { foldCharacters, INVISIBLE_RE } from './fold';
import { STOPWORDS, TITLES } from './lexicon';

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

/** A word of the text before any rule: folded, with its span. */
export interface RawToken {
  folded: string;
  /** Only spaces or a hyphen separate this token from the previous one. */
  joined: boolean;
  start: number;
  end: number;
  capital: boolean;
}

// Words, numbers (with thousands separators or decimals), abbreviations like U.S., %, and
// currency signs. Soft hyphens and zero-width characters may sit inside a word; apostrophes
// join contractions.
const TOKEN_RE =
  /(?:\p{L}\.){2,}|\p{N}{1,2}(?:st|nd|rd|th)(?![\p{L}\p{N}])|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\u00AD\u200B-\u200D\u2060]+(?:['’ʼ][\p{L}\p{M}]+)*|%|[€$£¥]/gu;

export function rawTokens(text: string): RawToken[] {
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

/** A token made of the raw tokens `from` .. `to`. */
export function makeToken(key: string, kind: TokenKind, from: RawToken, to: RawToken = from, negation = false): Token {
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
 * One normalisation rule: given the raw tokens and a position, the tokens it reads there and the
 * position after them, or undefined when it does not apply. `tokenize` tries the rules in order.
 */
export type Rule = (raw: RawToken[], i: number, text: string) => { tokens: Token[]; next: number } | undefined;
