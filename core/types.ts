/** Shared shapes of the corpus and of check results. */
import type { PackedSegments } from './index/segment';

/** What is known about a reference article (see corpus/metadata.ts). */
export interface ArticleMeta {
  /** The publication, as a reader would name it. */
  outlet: string;
  /** The article's own address, when known; a site's home page when only the site is known. */
  url?: string;
  /** True when `url` is the article itself (text fragments can land on its sentences). */
  urlIsArticle: boolean;
  /** Publication date as far as known: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** Language of the original text (BCP 47). */
  language: string;
  /** The corpus text is a translation of the original. */
  translated: boolean;
  /** Anything a reader should know about the source. */
  note?: string;
}

export type SentenceKind = 'headline' | 'pullquote' | 'body';

/** A sentence of a corpus article: offsets into the article's text. */
export interface CorpusSentence {
  start: number;
  end: number;
  kind: SentenceKind;
}

export interface CorpusArticle {
  id: string;
  meta: ArticleMeta;
  /** The article exactly as in corpus/, so offsets and the reader view agree. */
  text: string;
  sentences: CorpusSentence[];
  /** Character ranges dropped as boilerplate, with the rule that dropped each. */
  dropped: Array<{ start: number; end: number; rule: string }>;
}

/**
 * A corpus sentence named so that adding or removing other articles never changes the name:
 * its article and its position among that article's sentences.
 */
export interface SentenceRef {
  article: string;
  index: number;
}

/**
 * Two sentences of different articles that report the same statement, found when the corpus
 * was built or an article was added. `aSpan`/`bSpan` are the aligned character ranges inside
 * each sentence (relative to the article), so a page that matches only part of a long sentence
 * follows only the links of that part.
 */
export interface CorpusLink {
  a: SentenceRef;
  b: SentenceRef;
  aSpan: [number, number];
  bSpan: [number, number];
  score: number;
  /** Made by one transitive step (links.ts): a later article's links do not chain through it. */
  chained?: true;
}

/** A link of format 1: `a`/`b` were positions in the whole corpus's list of sentences. */
export interface CorpusLinkV1 {
  a: number;
  b: number;
  aSpan: [number, number];
  bSpan: [number, number];
  score: number;
}

/**
 * The generated index that the extension and the command load. Format 2 names linked sentences
 * by article (links stay right when articles are added or removed) and may carry each article's
 * retrieval data ready to use (core/index/segment.ts), so loading does not tokenise the corpus.
 */
export interface CorpusData {
  format: 2;
  articles: CorpusArticle[];
  links: CorpusLink[];
  /** The articles' segments, in the order of `articles`; made at load when absent. */
  segments?: PackedSegments;
}

/** An index file of format 1 (still read: its links are converted at load). */
export interface CorpusDataV1 {
  format: 1;
  articles: CorpusArticle[];
  links: CorpusLinkV1[];
}

/** Any index file this version reads. */
export type StoredCorpus = CorpusData | CorpusDataV1;

export type Verdict = 'identical' | 'reworded' | 'conflicting';

export type ReasonKind = 'number' | 'date' | 'name' | 'negation';

/** Why a version conflicts: what the page says and what the version says instead. */
export interface Reason {
  kind: ReasonKind;
  page: string;
  corpus: string;
}

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** One reference sentence that reports the same statement as a page sentence. */
export interface Version {
  article: string;
  outlet: string;
  date: string;
  language: string;
  translated: boolean;
  kind: SentenceKind;
  text: string;
  start: number;
  end: number;
  score: number;
  verdict: Verdict;
  reasons: Reason[];
  /** Page text against this version: delete = only on the page, insert = only in the version. */
  diff: DiffOp[];
  /** When both carry quotes: how the words around the quote differ (who said it, where). */
  attribution?: DiffOp[];
  /** Found through another version of the same statement rather than by direct wording. */
  via?: string;
  /**
   * Set when the page sentence is in another language than the version (core/lang/cross.ts):
   * the page's language (BCP 47). The score then measures the gloss, the verdict is never
   * `identical`, and `diff` is empty (a word diff between two languages means nothing).
   */
  pageLanguage?: string;
  /** The version was found through the page sentence's English gloss. */
  crossLanguage?: true;
}

export interface CheckedSentence {
  text: string;
  start: number;
  end: number;
  versions: Version[];
}

export interface CheckResult {
  sentences: CheckedSentence[];
}
