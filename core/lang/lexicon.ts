/**
 * A bilingual lexicon as shipped in lang/<code>.json (built by scripts/build-lexicons.ts):
 * word key (stem.ts) -> English comparison keys (normalize.ts), every sense, first senses first.
 * The data is passed in: the extension fetches only the page language's file, the command line
 * reads it from disk.
 */
import { stemKey, type LexiconLanguage } from './stem';

export const LEXICON_FORMAT = 1;

export interface LexiconData {
  format: typeof LEXICON_FORMAT;
  lang: LexiconLanguage;
  /** Where the words come from. */
  source: string;
  /** SPDX licence expression of the data. */
  license: string;
  /** Word key -> English keys separated by spaces. */
  entries: Record<string, string>;
}

export class Lexicon {
  readonly lang: LexiconLanguage;
  private readonly entries: Map<string, string[] | string>;

  constructor(data: LexiconData) {
    if (data.format !== LEXICON_FORMAT) throw new Error(`lexicon format ${String(data.format)} is not supported`);
    this.lang = data.lang;
    // Split lazily: a page uses a few hundred of the words.
    this.entries = new Map(Object.entries(data.entries));
  }

  /** English keys of a word key, or undefined. */
  byKey(key: string): string[] | undefined {
    const v = this.entries.get(key);
    if (v === undefined || Array.isArray(v)) return v;
    const keys = v.split(' ');
    this.entries.set(key, keys);
    return keys;
  }

  /** English keys of a word as written (any inflection the stemmer folds). */
  lookup(word: string): string[] | undefined {
    return this.byKey(stemKey(this.lang, word));
  }

  has(word: string): boolean {
    return this.entries.has(stemKey(this.lang, word));
  }
}
