/**
 * German compounds: a word the lexicon lacks is read as modifier + head ("Kernaufgabe" =
 * Kern + Aufgabe, "Bruttoinlandsprodukts" = Bruttoinland(s) + Produkt), the head the longest
 * known ending, the modifier known itself (after dropping a linking s, n, en or es) or split
 * once more. The build uses the same rule to leave out compounds it would recover.
 */

/** Shortest part of a compound, in letters. */
const MIN_PART = 3;
const LINKS = ['', 's', 'es', 'n', 'en', 'e'];

/**
 * Parts of a compound word (lower case) whose keys `known` accepts, modifier first; undefined
 * when no split works. `known` gets the surface part and says whether the lexicon has it.
 */
export function splitCompound(word: string, known: (part: string) => boolean, depth = 2): string[] | undefined {
  if (depth === 0 || word.length < 2 * MIN_PART) return undefined;
  // Of the splits that work, the one whose shortest part is longest: "Mitglied|staaten", not
  // "Mit|gliedstaaten"; two parts before three.
  let best: string[] | undefined;
  let bestRank = -1;
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const head = word.slice(i);
    if (!known(head)) continue;
    const mod = word.slice(0, i);
    for (const link of LINKS) {
      if (link && !mod.endsWith(link)) continue;
      const m = link ? mod.slice(0, -link.length) : mod;
      if (m.length < MIN_PART) continue;
      const parts = known(m) ? [m, head] : splitCompound(m, known, depth - 1)?.concat(head);
      if (!parts) continue;
      const rank = Math.min(...parts.map((p) => p.length)) - (parts.length - 2) * 10;
      if (rank > bestRank) {
        best = parts;
        bestRank = rank;
      }
    }
  }
  return best;
}
