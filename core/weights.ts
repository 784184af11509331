/**
 * How much a token counts in an alignment: rare words near 1, common ones less, names half,
 * stop words little. The matcher weighs by the rarity of a word in the whole corpus
 * (matcher.ts `weigh`); `sentenceWeigher` weighs within one text's sentences, for what is
 * decided inside one article (its pull quotes) without building an index.
 */
import type { Token } from './normalize';

/** Weight of a stop word against the rarest content word (1). */
export const STOP_WEIGHT = 0.05;
/** Weight of a capitalised word (a name or title) against a common word of the same rarity. */
export const NAME_WEIGHT = 0.5;

/** A content word's weight from its rarity (IDF) and the rarest possible one's. */
export function termWeight(idf: number, maxIdf: number, name: boolean): number {
  const w = 0.35 + 0.65 * Math.min(1, idf / maxIdf);
  // Names and titles say who spoke, not what was said: two sentences sharing only
  // "NATO Secretary General Jens Stoltenberg" are not the same statement.
  return name ? w * NAME_WEIGHT : w;
}

/**
 * The weigher of a matcher built over these sentences alone: a word's rarity is the share of
 * the sentences holding it (each sentence counted once), as the index counts it.
 */
export function sentenceWeigher(sentences: readonly Token[][]): (t: Token) => number {
  const df = new Map<string, number>();
  for (const tokens of sentences) {
    for (const key of new Set(tokens.filter((t) => !t.stop).map((t) => t.key))) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const n = sentences.length;
  const maxIdf = Math.log(1 + n);
  return (t) => {
    if (t.stop) return STOP_WEIGHT;
    const d = df.get(t.key);
    return termWeight(d ? Math.log(1 + n / d) : maxIdf, maxIdf, t.name);
  };
}
