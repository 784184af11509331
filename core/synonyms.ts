/**
 * English synonyms for matching: two different comparison keys that can say the same thing
 * ("keep"/"continue", "supply"/"provide", "withdraw"/"retreat"). The table (lang/en-synonyms.json)
 * is built from WordNet, checked against Aiksaurus, by scripts/build-synonyms.ts; see there for
 * which senses count. The alignment takes a table as an option (align.ts
 * SimilarityOptions.synonyms), and the check passes this one (matcher.ts directMatches; see the
 * measurements in ARCHITECTURE.md, "Synonyms").
 */

export const SYNONYMS_FORMAT = 1;

/** The shipped format of lang/en-synonyms.json. */
export interface SynonymData {
  format: number;
  source: string;
  license: string;
  /** Comparison key -> the keys of its synonyms (both directions are listed). */
  synonyms: Record<string, string[]>;
}

export class SynonymTable {
  private readonly map: Map<string, ReadonlySet<string>>;

  constructor(data: SynonymData) {
    if (data.format !== SYNONYMS_FORMAT)
      throw new Error(`synonym table format ${data.format}, expected ${SYNONYMS_FORMAT}`);
    this.map = new Map(Object.entries(data.synonyms).map(([k, v]) => [k, new Set(v)]));
  }

  /** Whether two different keys are synonyms. */
  has(a: string, b: string): boolean {
    return a !== b && (this.map.get(a)?.has(b) ?? false);
  }

  /** Keys with synonyms. */
  get size(): number {
    return this.map.size;
  }
}
