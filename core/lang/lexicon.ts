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
  private readonly entries: Record<string, string>;
  /** Entries split so far: a page uses a few hundred of the words, so nothing is copied up front. */
  private readonly split = new Map<string, string[]>();

  constructor(data: LexiconData) {
    if (data.format !== LEXICON_FORMAT) throw new Error(`lexicon format ${String(data.format)} is not supported`);
    this.lang = data.lang;
    this.entries = data.entries;
  }

  /** English keys of a word key, or undefined. */
  byKey(key: string): string[] | undefined {
    let keys = this.split.get(key);
    if (keys) return keys;
    if (!Object.hasOwn(this.entries, key)) return undefined;
    keys = this.entries[key]!.split(' ');
    this.split.set(key, keys);
    return keys;
  }

  /** English keys of a word as written (any inflection the stemmer folds). */
  lookup(word: string): string[] | undefined {
    return this.byKey(stemKey(this.lang, word));
  }

  has(word: string): boolean {
    return Object.hasOwn(this.entries, stemKey(this.lang, word));
  }
}
