/** Character folding shared by every rule: what two spellings of one word have in common. */

export const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060]/g;
const MARKS_RE = /\p{M}/gu;

/**
 * Memo for per-word work (folding, stemming): words repeat across sentences, and this is the
 * hot path of indexing and checking. Bounded: cleared when full.
 */
export function memo<T>(fn: (w: string) => T, size = 100_000): (w: string) => T {
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
export const foldCharacters = memo((s: string): string =>
  s
    .normalize('NFKC')
    .replace(INVISIBLE_RE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .replace(/[’ʼ‘`´]/g, "'"),
);
