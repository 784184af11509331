/**
 * Free-text search of the corpus for short queries a person types ("rutte october",
 * "breakthroughs"). fuse.js fits here: queries are a few words, typos should still find, and
 * the corpus sentences are searched as a list. Whole-sentence matching of page text does not
 * use it (see matcher.ts): fuse.js splits long patterns into 32-character chunks and, with its
 * default location settings, ignores text beyond about 60 characters.
 */
import Fuse from 'fuse.js';
import type { CorpusData, SentenceKind } from './types';

export interface SearchHit {
  article: string;
  outlet: string;
  date: string;
  kind: SentenceKind;
  text: string;
  start: number;
  end: number;
  /** 0 (perfect) .. 1 (no match), fuse.js's own score. */
  score: number;
}

/** Longest query accepted: the search box is for words, not for pasted paragraphs. */
export const MAX_QUERY_LENGTH = 200;

export class CorpusSearch {
  private readonly fuse: Fuse<Omit<SearchHit, 'score'>>;

  constructor(data: CorpusData) {
    const docs = data.articles.flatMap((a) =>
      a.sentences.map((s) => ({
        article: a.id,
        outlet: a.meta.outlet,
        date: a.meta.date,
        kind: s.kind,
        text: a.text.slice(s.start, s.end),
        start: s.start,
        end: s.end,
      })),
    );
    this.fuse = new Fuse(docs, {
      keys: ['text'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.35,
      minMatchCharLength: 2,
      // Extended search: every word of the query must match somewhere in the sentence.
      useExtendedSearch: true,
    });
  }

  search(query: string, limit = 20): SearchHit[] {
    const words = query.trim().slice(0, MAX_QUERY_LENGTH).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    // Each word is a fuzzy term; quoting characters fuse.js treats as operators are stripped.
    const pattern = words
      .map((w) => w.replace(/^[!'=^]+|[$]+$/g, ''))
      .filter(Boolean)
      .join(' ');
    if (!pattern) return [];
    return this.fuse.search(pattern, { limit }).map((r) => ({ ...r.item, score: r.score ?? 0 }));
  }
}
