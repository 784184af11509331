/**
 * What a developer would reach for instead of the project's own index: MiniSearch as the
 * candidate retriever (its BM25 ranking over the same normalised keys), feeding the same
 * alignment, threshold and verdict as the matcher. For the scale benchmark only
 * (scripts/bench/run-scale.ts): no links, no groups.
 */
import MiniSearch from 'minisearch';
import { bestSimilarity, MIN_SHARED } from '../../core/align';
import { MATCH_THRESHOLD } from '../../core/matcher';
import { tokenize, type Token } from '../../core/normalize';
import type { CorpusArticle, Verdict } from '../../core/types';
import { compare, sameWords } from '../../core/verdict';

/** As in core/matcher.ts. */
const MAX_CANDIDATES = 12;
const STOP_WEIGHT = 0.05;
const NAME_WEIGHT = 0.5;
const VERBATIM_SCORE = 0.95;
const CHECK_EVIDENCE = { containmentDice: 0.4, windowCoverage: 0.5 };

interface Doc {
  id: number;
  text: string;
}

export interface FoundVersion {
  article: string;
  start: number;
  score: number;
  verdict: Verdict;
}

/** Content-word keys, as the matcher's index sees a text. */
const keys = (text: string) => tokenize(text).flatMap((t) => (t.stop ? [] : [t.key]));

const OPTIONS = {
  fields: ['text'],
  tokenize: keys,
  processTerm: (term: string) => term,
  searchOptions: { combineWith: 'OR' as const },
};

/** The stored form: MiniSearch's own JSON, the keys' document frequencies and the articles. */
export interface StoredMiniSearch {
  index: string;
  df: Array<[string, number]>;
  articles: CorpusArticle[];
}

export class MiniSearchEngine {
  /** Sentence number (MiniSearch's document id) -> article and sentence. */
  private readonly refs: Array<{ article: CorpusArticle; index: number }> = [];
  private readonly df: Map<string, number>;

  private constructor(
    private readonly search: MiniSearch<Doc>,
    df: Map<string, number>,
    articles: readonly CorpusArticle[],
  ) {
    this.df = df;
    for (const article of articles) article.sentences.forEach((_, index) => this.refs.push({ article, index }));
  }

  static build(articles: readonly CorpusArticle[]): MiniSearchEngine {
    const engine = new MiniSearchEngine(new MiniSearch<Doc>(OPTIONS), new Map(), []);
    engine.add(articles);
    return engine;
  }

  static load(stored: StoredMiniSearch): MiniSearchEngine {
    return new MiniSearchEngine(MiniSearch.loadJSON<Doc>(stored.index, OPTIONS), new Map(stored.df), stored.articles);
  }

  store(articles: CorpusArticle[]): StoredMiniSearch {
    return { index: JSON.stringify(this.search), df: [...this.df], articles };
  }

  /** Indexes the articles' sentences (MiniSearch tokenises them; the counts for the weights too). */
  add(articles: readonly CorpusArticle[]): void {
    const docs: Doc[] = [];
    for (const article of articles) {
      article.sentences.forEach((s, index) => {
        const text = article.text.slice(s.start, s.end);
        docs.push({ id: this.refs.length, text });
        this.refs.push({ article, index });
        for (const k of new Set(keys(text))) this.df.set(k, (this.df.get(k) ?? 0) + 1);
      });
    }
    this.search.addAll(docs);
  }

  /** The matcher's weight of a token, from these counts. */
  private readonly weigh = (t: Token): number => {
    if (t.stop) return STOP_WEIGHT;
    const n = this.refs.length;
    const maxIdf = Math.log(1 + n);
    const df = this.df.get(t.key);
    const idf = df ? Math.log(1 + n / df) : maxIdf;
    const w = 0.35 + 0.65 * Math.min(1, idf / maxIdf);
    return t.name ? w * NAME_WEIGHT : w;
  };

  /** MiniSearch's best MAX_CANDIDATES, aligned and judged as the matcher does. */
  versions(text: string): FoundVersion[] {
    const tokens = tokenize(text);
    const out: FoundVersion[] = [];
    for (const hit of this.search.search(text).slice(0, MAX_CANDIDATES)) {
      const { article, index } = this.refs[hit.id as number]!;
      const s = article.sentences[index]!;
      const target = { text: article.text.slice(s.start, s.end), tokens: tokenize(article.text.slice(s.start, s.end)) };
      const sim = bestSimilarity({ text, tokens }, target, this.weigh, CHECK_EVIDENCE);
      if (sim.shared >= MIN_SHARED && sameWords(tokens, target.tokens)) {
        sim.score = Math.max(sim.score, tokens.length === target.tokens.length ? 1 : VERBATIM_SCORE);
      }
      if (sim.score < MATCH_THRESHOLD) continue;
      const { verdict } = compare({ text, tokens }, target, sim.score);
      out.push({ article: article.id, start: s.start, score: sim.score, verdict });
    }
    return out;
  }
}
