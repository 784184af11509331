/**
 * Numbers: digits and number words become one canonical key, so "twenty-three" = "23",
 * "2,000" = "2000", "2.10" = "2.1", "50 billion" = "€50bn" = "50000000000". Currency signs and
 * names become a word of their own ("€" = "euros" = `eur`), so "€40bn" and "40 billion euros"
 * differ in word order only, never in number. The pronoun "one" ("the one who", "no one") is no
 * number.
 */
import { wordTable } from '../word-table';
import { STOPWORDS } from './lexicon';
import { makeToken, type RawToken, type Rule, type Token } from './token';

// Hand-written: English number words are a closed list, and the packages that parse them
// (words-to-numbers and the like) keep no offsets and accept free text we do not want read.
const UNITS: Record<string, number> = wordTable({
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
});
const SCALES: Record<string, number> = wordTable({
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
});
/** Scale abbreviations written after a number: "40bn", "40 bn", "€5m", "$3k". */
const SCALE_ABBREVIATIONS: Record<string, number> = wordTable({
  bn: 1_000_000_000,
  mn: 1_000_000,
  tn: 1_000_000_000_000,
  trn: 1_000_000_000_000,
});
/** One-letter abbreviations are read as scales only after a currency sign ("5m" may be metres). */
const MONEY_SCALE_LETTERS: Record<string, number> = wordTable({ k: 1_000, m: 1_000_000, b: 1_000_000_000 });

const ORDINAL_WORDS: Record<string, number> = wordTable({
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
});

/** Currency signs and names, by ISO code. "pound" alone is a weight too, so only "£" and sterling. */
const CURRENCY: Record<string, string> = wordTable({
  '€': 'eur',
  euro: 'eur',
  euros: 'eur',
  eur: 'eur',
  $: 'usd',
  dollar: 'usd',
  dollars: 'usd',
  usd: 'usd',
  '£': 'gbp',
  sterling: 'gbp',
  gbp: 'gbp',
  '¥': 'jpy',
  yen: 'jpy',
});

/** Words before "one" that make it a pronoun: "no one", "the one", "every one". */
const PRONOUN_ONE_BEFORE = new Set(['no', 'the', 'any', 'every', 'each', 'some', 'this', 'that', 'which', 'such']);

export function isDigits(s: string): boolean {
  return /^\d+(?:[.,]\d+)*$/.test(s);
}

/**
 * "2,000" -> "2000"; "1.000.000" -> "1000000"; "2,1" -> "2.1"; and the same value always the same
 * way: "2.10" -> "2.1", "3.0" -> "3".
 */
export function canonicalNumber(s: string): string {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) return trimDecimals(s.replace(/,/g, ''));
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(s)) return s.replace(/\./g, '');
  return trimDecimals(s.replace(',', '.'));
}

function trimDecimals(s: string): string {
  return /^\d+\.\d+$/.test(s) ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function scaled(value: number, scale: number): string {
  return String(+(value * scale).toPrecision(12));
}

/** The scale written right after a number at `j`, and whether it was found. */
function scaleAfter(raw: RawToken[], j: number, money: boolean): number | undefined {
  const next = raw[j + 1];
  if (!next || !next.joined) return undefined;
  const adjacent = next.start === raw[j]!.end;
  return (
    SCALES[next.folded] ??
    SCALE_ABBREVIATIONS[next.folded] ??
    (money && adjacent ? MONEY_SCALE_LETTERS[next.folded] : undefined)
  );
}

/** Whether "one" at `i` is a number: before a content word, a scale, or "of/in" + number. */
function oneIsNumber(raw: RawToken[], i: number): boolean {
  const before = raw[i - 1]?.folded;
  if (before && PRONOUN_ONE_BEFORE.has(before)) return false;
  const next = raw[i + 1];
  if (!next || !next.joined) return false;
  if (SCALES[next.folded] !== undefined) return true;
  if ((next.folded === 'of' || next.folded === 'in') && isDigits(raw[i + 2]?.folded ?? '')) return true;
  if ((next.folded === 'of' || next.folded === 'in') && raw[i + 2]?.folded === 'the') {
    return isDigits(raw[i + 3]?.folded ?? '') || UNITS[raw[i + 3]?.folded ?? ''] !== undefined;
  }
  return /^\p{L}+$/u.test(next.folded) && !STOPWORDS.has(next.folded) && UNITS[next.folded] === undefined;
}

/** A number at `i`: its key and the last raw token it spans. */
export function readNumber(raw: RawToken[], i: number): { key: string; last: number } | undefined {
  const first = raw[i]!.folded;
  if (isDigits(first)) {
    const key = canonicalNumber(first);
    const money = CURRENCY[raw[i - 1]?.folded ?? ''] !== undefined && raw[i - 1]!.end >= raw[i]!.start - 1;
    const scale = scaleAfter(raw, i, money);
    if (scale && Number.isFinite(Number(key))) return { key: scaled(Number(key), scale), last: i + 1 };
    return { key, last: i };
  }
  const ord = ORDINAL_WORDS[first];
  // "second" is also the unit of time and the verb: only "second" next to a noun is rank 2.
  if (ord !== undefined && first !== 'second') return { key: `${ord}th`, last: i };
  const ordinalDigits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(first);
  if (ordinalDigits) return { key: `${Number(ordinalDigits[1])}th`, last: i };

  // Number words: the hyphen of "twenty-three" splits it into "twenty" and "three", which this
  // loop joins again; "two hundred and five" too.
  if (UNITS[first] === undefined) return undefined;
  if (first === 'one' && !oneIsNumber(raw, i)) return undefined;
  let total = 0;
  let current = 0;
  let j = i;
  for (; j < raw.length; j++) {
    if (j > i && !raw[j]!.joined) break;
    const w = raw[j]!.folded;
    if (UNITS[w] !== undefined) current += UNITS[w]!;
    else if (SCALES[w] !== undefined) {
      const s = SCALES[w]!;
      if (s === 100) current *= s;
      else {
        total += current * s;
        current = 0;
      }
    } else if (w === 'and' && UNITS[raw[j + 1]?.folded ?? ''] !== undefined && SCALES[raw[j - 1]?.folded ?? '']) {
      // "two hundred and five"
    } else break;
  }
  return { key: String(total + current), last: j - 1 };
}

/** Numbers, and "out of" after a number read as "of" ("23 out of 32" = "23 of 32"). */
export const numberRule: Rule = (raw, i) => {
  const run = readNumber(raw, i);
  if (!run) return undefined;
  const tokens: Token[] = [makeToken(run.key, 'number', raw[i]!, raw[run.last])];
  let next = run.last + 1;
  if (raw[next]?.folded === 'out' && raw[next + 1]?.folded === 'of') {
    tokens.push(makeToken('of', 'word', raw[next]!, raw[next + 1]));
    next += 2;
  }
  return { tokens, next };
};

/** A currency sign or name: one word per currency. */
export const currencyRule: Rule = (raw, i) => {
  const code = CURRENCY[raw[i]!.folded];
  return code ? { tokens: [makeToken(code, 'word', raw[i]!)], next: i + 1 } : undefined;
};
