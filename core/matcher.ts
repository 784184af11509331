/**
 * The matching engine: which corpus sentences report the same statement as a page sentence.
 *
 * 1. Retrieve: an inverted index from content-word keys to the corpus sentences holding them
 *    gives candidates, ranked by the summed rarity (IDF) of the words they share with the page
 *    sentence. Only candidates sharing enough rare words are aligned.
 * 2. Score: each candidate is aligned word by word (align.ts) and scored 0..1; only confident
 *    matches are kept.
 * 3. Follow links: a page sentence that clearly is a corpus sentence also gets that sentence's
 *    versions in other articles, found when the corpus was built (links.ts), even where their
 *    wording is too far from the page's for a direct match.
 * 4. Judge: each version gets a verdict, reasons and a diff (verdict.ts).
 */
import {
  alignForScore,
  bestSimilarity,
  isEvidence,
  similarity,
  MIN_SHARED,
  type Similarity,
  type SimilarityOptions,
} from './align';
import enSynonyms from '../lang/en-synonyms.json';
import { Postings } from './index/postings';
import { buildSegment, NAME_FLAG, NUMBER_FLAG, unpackSegments, type ArticleSegment } from './index/segment';
import { linkArticles } from './links';
import { tokenize, type Token } from './normalize';
import { sentences } from './segment';
import { SynonymTable, type SynonymData } from './synonyms';
import { STOP_WEIGHT, termWeight } from './weights';
import type {
  CheckResult,
  CorpusArticle,
  CorpusLink,
  CorpusSentence,
  SentenceRef,
  StoredCorpus,
  Version,
} from './types';
import { compare, sameWords, type Comparison } from './verdict';

/**
 * A page sentence is reported by a corpus sentence from this score on. 0.48, not 0.45: the
 * highest false match on the 170 saved real pages scored 0.464 (two common words and a number:
 * "looking 10 years younger" / "look back on ten years"), while from 0.45 to 0.48 the
 * development claims (recall 0.974) and the English probes lose nothing; from 0.5 a probe is lost.
 */
export const MATCH_THRESHOLD = 0.48;
/** From this score on, a match is sure enough to bring in the matched sentence's links. */
export const ANCHOR_THRESHOLD = 0.8;
/** A linked version is shown from this confidence on (match score × link score). */
const MIN_LINKED_SCORE = 0.3;
/** Score of a verbatim match (the page's words inside a corpus sentence, or the reverse). */
const VERBATIM_SCORE = 0.95;
/** Candidates aligned per page sentence, best retrieval scores first. */
const MAX_CANDIDATES = 12;
/** A candidate must share at least this share of the page sentence's word rarity. */
const MIN_RETRIEVAL_SHARE = 0.2;
/** ... or this much summed IDF, whichever is less (long sentences hold several statements). */
const MIN_RETRIEVAL_IDF = 6;
/**
 * Candidates whose best possible score (see candidates) is below this are not aligned. Below
 * the match threshold, for the words a split compound or a clause window can add.
 */
const MIN_BOUND = 0.3;
/**
 * The evidence a page sentence needs beyond the alignment score (see SimilarityOptions). Three
 * shared words inside a long page sentence, or one clause that is a list of nouns ("artillery
 * shells, drones and vehicles" said of two different things), are not the same statement: a
 * shorter text counts as contained only when it is at least about a quarter of the longer one,
 * and a clause of one text matches only when it holds at least half of the other.
 */
const CHECK_EVIDENCE: SimilarityOptions = { containmentDice: 0.4, windowCoverage: 0.5 };
/**
 * English synonyms (lang/en-synonyms.json: WordNet, its rarer senses where Aiksaurus agrees)
 * count as much as the words they stand for in the overlap, never as shared words (align.ts):
 * "had earlier supplied Kyiv with cruise missiles with no strings attached" reports "had
 * previously sent cruise missiles to Kyiv without conditions". Full weight: at half or three
 * quarters, no table measured finds a probe more (see ARCHITECTURE.md, "Synonyms").
 */
const SYNONYM_WEIGHT = 1;
const CHECK_SYNONYMS: SimilarityOptions = {
  ...CHECK_EVIDENCE,
  synonyms: { table: new SynonymTable(enSynonyms as SynonymData), weight: SYNONYM_WEIGHT },
};
/**
 * A candidate scoring this or more, but under the threshold, is also tried joined with the
 * sentence before it and the one after it in its article (see spanMatch).
 */
const SPAN_FROM = 0.25;
/** Fewest distinct content words a candidate shares with the page sentence (fewer if it has fewer). */
const MIN_SHARED_TERMS = 2;
/** A word found in more than this share of the corpus sentences ... */
const COMMON_SHARE = 0.05;
/** ... (and in more than this many) only adds to candidates that rarer words found. */
const COMMON_MIN_DF = 200;

/** Tokens of this many corpus sentences are kept (the candidates of recent queries). */
const TOKEN_CACHE = 4096;

/**
 * A corpus sentence as the matcher sees it. Its text and tokens are made when asked for (tokens
 * through the matcher's small cache): the index itself keeps only typed arrays (core/index/).
 */
export class IndexedSentence {
  constructor(
    /** Position in `Matcher.sentences`; it changes when an article before it is removed. */
    public id: number,
    readonly article: CorpusArticle,
    readonly sentence: CorpusSentence,
    /** Position among its article's sentences (stable: links use it). */
    readonly index: number,
    private readonly tokensOf: (s: IndexedSentence) => Token[],
  ) {}

  /**
   * The near-identical sentences this one is grouped with (itself included; see groupKey), or
   * undefined when it has none. The array is shared by the group's members.
   */
  group: IndexedSentence[] | undefined = undefined;

  /** Set on two neighbouring sentences joined (see Matcher.spanMatch): the number of sentences. */
  parts: number | undefined = undefined;

  get text(): string {
    return this.article.text.slice(this.sentence.start, this.sentence.end);
  }

  get tokens(): Token[] {
    return this.tokensOf(this);
  }

  get ref(): SentenceRef {
    return { article: this.article.id, index: this.index };
  }
}

/** A link as the matcher keeps it: from one sentence to another, with the spans on each side. */
export interface SentenceLink {
  to: IndexedSentence;
  /** Span in the sentence the link is listed under. */
  aSpan: [number, number];
  /** Span in `to`. */
  bSpan: [number, number];
  score: number;
  chained?: true;
}

export interface Match {
  target: IndexedSentence;
  sim: Similarity;
}

/** Character span in its article of a token region of a corpus sentence. */
export function regionSpan(s: IndexedSentence, region: [number, number]): [number, number] {
  const from = s.tokens[region[0]];
  const to = s.tokens[region[1] - 1];
  if (!from || !to) return [s.sentence.start, s.sentence.end];
  return [s.sentence.start + from.start, s.sentence.start + to.end];
}

/**
 * The matcher over a corpus that can grow and shrink: `addArticle` / `importArticles` index new
 * articles and link them to the rest (links.ts, only the new articles' candidates), and
 * `removeArticle` takes one out with its links. Built from a stored index (CorpusData), it merges
 * the stored segments (or makes them, for an index without them) instead of keeping tokens.
 */
export class Matcher {
  readonly sentences: IndexedSentence[] = [];
  readonly articles = new Map<string, CorpusArticle>();
  private readonly index = new Postings();
  /** Each article's sentences, in order (a SentenceRef's `index` points here). */
  private readonly byArticle = new Map<string, IndexedSentence[]>();
  /** Links of each sentence, both directions. */
  private readonly links = new Map<IndexedSentence, SentenceLink[]>();
  /** Recently used tokens (a Map keeps insertion order: the first key is the oldest). */
  private readonly tokenCache = new Map<IndexedSentence, Token[]>();
  /** First sentence of each group signature, by hash (an array on a hash collision). */
  private readonly groupHeads = new Map<number, IndexedSentence | IndexedSentence[]>();
  private maxIdf = 0;
  /** IDF per term, and the generation it was computed in. */
  private termIdf = new Float64Array(0);
  private termIdfGen = new Uint32Array(0);
  /** Changes whenever the corpus does: cached sentence weights of an older one are stale. */
  private generation = 1;
  /**
   * Per sentence, all zero between queries (see candidates): its retrieval score, the summed
   * weight (as in align.ts) of the words it shares and how many it shares, side by side.
   */
  private acc = new Float64Array(0);
  /** Each sentence's total token weight, for the score bound in directMatches, and its generation. */
  private weightOf = new Float32Array(0);
  private weightGen = new Uint32Array(0);
  /** Two neighbouring sentences joined, by the first one (see span); emptied when the corpus changes. */
  private readonly spans = new Map<IndexedSentence, IndexedSentence | undefined>();
  /** Counts the calls of addLinks that added links (see revision). */
  private linkRevision = 0;
  /** Articles indexed but not linked yet (see indexUnlinked). */
  private readonly unlinked = new Set<string>();

  constructor(data: StoredCorpus) {
    const segments =
      data.format === 2 && data.segments
        ? unpackSegments(
            data.segments,
            data.articles.map((a) => a.id),
          )
        : undefined;
    this.indexArticles(data.articles, segments);
    const links =
      data.format === 1
        ? data.links.map((l) => ({ ...l, a: this.sentences[l.a]!.ref, b: this.sentences[l.b]!.ref }))
        : data.links;
    this.addLinks(links);
  }

  /**
   * Adds one article (its segment, when stored, saves tokenising it) and links it to the corpus.
   * Returns the links made, to be stored with it. An article of the same id is replaced.
   */
  addArticle(article: CorpusArticle, segment?: ArticleSegment): CorpusLink[] {
    return this.importArticles([article], segment && [segment]);
  }

  /** Adds several articles at once (one pass to index them), then links them to the corpus. */
  importArticles(articles: readonly CorpusArticle[], segments?: readonly ArticleSegment[]): CorpusLink[] {
    this.indexUnlinked(articles, segments);
    return this.linkPending(articles.map((a) => a.id));
  }

  /**
   * Indexes articles without linking them yet: they are matched directly at once, and their
   * versions in other articles are followed once `linkPending` has linked them. Indexing is
   * about a millisecond an article; linking one into 10,000 articles takes hundreds (links.ts), so
   * a large import is matchable as soon as it is stored, and linked in slices after.
   */
  indexUnlinked(articles: readonly CorpusArticle[], segments?: readonly ArticleSegment[]): void {
    for (const a of articles) if (this.articles.has(a.id)) this.removeArticle(a.id);
    this.indexArticles(articles, segments);
    for (const a of articles) this.unlinked.add(a.id);
  }

  /** Ids of the indexed articles not linked yet, in the order they were indexed. */
  get pending(): string[] {
    return [...this.unlinked];
  }

  /**
   * Links pending articles to the corpus (all of them, or those of `ids` still pending) and
   * returns the links made. What is found depends on the order, as it does when articles are
   * added one by one: a sentence's best candidates are among the articles indexed when it is
   * linked, and the transitive step goes through the best few versions known then. (60
   * generated articles linked into 200: 42,340 links at once, 52,124 in slices of five, 58,943
   * one by one; most of the difference is transitive links.)
   */
  linkPending(ids?: readonly string[]): CorpusLink[] {
    const now = new Set((ids ?? [...this.unlinked]).filter((id) => this.unlinked.has(id)));
    if (!now.size) return [];
    for (const id of now) this.unlinked.delete(id);
    const links = linkArticles(this, now);
    this.addLinks(links);
    return links;
  }

  /**
   * Puts back articles stored earlier with their segments and the links `addArticle` returned
   * for them: no tokenising and no linking (a browser's start-up with the user's own articles).
   */
  restoreArticles(
    articles: readonly CorpusArticle[],
    segments: readonly ArticleSegment[],
    links: readonly CorpusLink[],
  ): void {
    for (const a of articles) if (this.articles.has(a.id)) this.removeArticle(a.id);
    this.indexArticles(articles, segments);
    this.addLinks(links);
  }

  /** Takes an article out of the index, with its links. False when it is not there. */
  removeArticle(id: string): boolean {
    const own = this.byArticle.get(id);
    if (!own) return false;
    this.byArticle.delete(id);
    this.articles.delete(id);
    this.unlinked.delete(id);
    for (const s of own) {
      for (const l of this.links.get(s) ?? []) {
        const back = this.links.get(l.to);
        if (!back) continue;
        const kept = back.filter((x) => x.to !== s);
        if (kept.length) this.links.set(l.to, kept);
        else this.links.delete(l.to);
      }
      this.links.delete(s);
      this.tokenCache.delete(s);
      this.ungroup(s);
    }
    if (!own.length) return true;
    const from = own[0]!.id;
    const to = own.at(-1)!.id + 1;
    this.index.remove(from, to);
    this.sentences.splice(from, to - from);
    for (let i = from; i < this.sentences.length; i++) this.sentences[i]!.id = i;
    // Weights after the cut moved down with their sentences: recompute them all when asked.
    this.changed();
    return true;
  }

  /**
   * Changes whenever an article is added or removed, or links are added: a cache of anything
   * about the sentences (their numbers above all) or their links is stale once it differs.
   */
  get revision(): number {
    // Links added later (linkPending) change what the corpus says too: engine.data follows it.
    return this.generation + this.linkRevision;
  }

  /** The segment of an indexed article (to store it beside the article). */
  segmentOf(id: string): ArticleSegment | undefined {
    const own = this.byArticle.get(id);
    if (!own) return undefined;
    // From the index's own arrays, with a key table of the article's own keys.
    const local = new Map<number, number>();
    const terms: string[] = [];
    const length = new Uint16Array(own.length);
    const stops = new Uint16Array(own.length);
    const term: number[] = [];
    const flags: number[] = [];
    for (const [i, s] of own.entries()) {
      const t = this.index.tokensOf(s.id);
      length[i] = t.term.length;
      stops[i] = t.stops;
      for (let k = 0; k < t.term.length; k++) {
        const g = t.term[k]!;
        let l = local.get(g);
        if (l === undefined) {
          local.set(g, (l = terms.length));
          terms.push(this.index.keys[g]!);
        }
        term.push(l);
        flags.push(t.flags[k]!);
      }
    }
    return { article: id, terms, length, stops, term: Uint32Array.from(term), flags: Uint8Array.from(flags) };
  }

  /** Every link, each once, naming sentences by article (the form stored in CorpusData). */
  allLinks(): CorpusLink[] {
    const out: CorpusLink[] = [];
    for (const [from, list] of this.links) {
      for (const l of list) {
        if (from.id < l.to.id)
          out.push({
            a: from.ref,
            b: l.to.ref,
            aSpan: l.aSpan,
            bSpan: l.bSpan,
            score: l.score,
            ...(l.chained ? { chained: true as const } : {}),
          });
      }
    }
    return out;
  }

  /** The links of a sentence. */
  linksOf(s: IndexedSentence): readonly SentenceLink[] {
    return this.links.get(s) ?? [];
  }

  /** The sentence a reference names, if its article is indexed. */
  sentenceOf(ref: SentenceRef): IndexedSentence | undefined {
    return this.byArticle.get(ref.article)?.[ref.index];
  }

  /** The sentence of an article that starts at a character offset, as versions name it. */
  sentenceAt(article: string, start: number): IndexedSentence | undefined {
    const own = this.byArticle.get(article);
    if (!own) return undefined;
    // An article's sentences are in text order: a binary search on their starts.
    let lo = 0;
    let hi = own.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = own[mid]!.sentence.start;
      if (at === start) return own[mid];
      if (at < start) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Stores links (both directions); a link to an article not indexed is left out. */
  addLinks(links: readonly CorpusLink[]): void {
    if (links.length) this.linkRevision++;
    for (const l of links) {
      const a = this.sentenceOf(l.a);
      const b = this.sentenceOf(l.b);
      if (!a || !b) continue;
      const chained = l.chained ? { chained: true as const } : {};
      this.pushLink(a, { to: b, aSpan: l.aSpan, bSpan: l.bSpan, score: l.score, ...chained });
      this.pushLink(b, { to: a, aSpan: l.bSpan, bSpan: l.aSpan, score: l.score, ...chained });
    }
  }

  private pushLink(from: IndexedSentence, link: SentenceLink): void {
    let list = this.links.get(from);
    if (!list) this.links.set(from, (list = []));
    list.push(link);
  }

  private indexArticles(articles: readonly CorpusArticle[], segments?: readonly ArticleSegment[]): void {
    const made = segments ?? articles.map((a) => buildSegment(a));
    for (const [k, seg] of made.entries()) {
      if (seg.article !== articles[k]!.id || seg.length.length !== articles[k]!.sentences.length)
        throw new Error(`the segment given for article ${articles[k]!.id} does not fit it`);
    }
    this.index.add(made);
    for (const article of articles) {
      this.articles.set(article.id, article);
      const own = article.sentences.map(
        (sentence, index) =>
          new IndexedSentence(this.sentences.length + index, article, sentence, index, this.tokensOf),
      );
      this.sentences.push(...own);
      this.byArticle.set(article.id, own);
      for (const x of own) this.group(x);
    }
    const n = this.sentences.length;
    if (this.weightOf.length < n) {
      const room = Math.max(n, Math.ceil(this.weightOf.length * 1.5));
      this.acc = new Float64Array(3 * room);
      this.weightOf = new Float32Array(room);
      this.weightGen = new Uint32Array(room);
    }
    this.changed();
  }

  private changed(): void {
    this.generation++;
    this.spans.clear();
    this.maxIdf = Math.log(1 + this.sentences.length);
    if (this.termIdf.length < this.index.keys.length) {
      const room = Math.ceil(this.index.keys.length * 1.5);
      this.termIdf = new Float64Array(room);
      this.termIdfGen = new Uint32Array(room);
    }
  }

  /**
   * Near-identical sentences are those with the same content words in the same order and the
   * same number of stop words, numbers aside ("at 12 degrees" / "at 32 degrees"): a statement
   * that outlets copy, with its figures as each outlet gives them. A page sentence is aligned
   * with the best of a group only, and every member is listed with its own verdict.
   */
  private sameGroup(a: IndexedSentence, b: IndexedSentence): boolean {
    return this.index.sameContent(a.id, b.id, NUMBER_FLAG);
  }

  private groupHash(s: IndexedSentence): number {
    return this.index.contentHash(s.id, NUMBER_FLAG);
  }

  private group(s: IndexedSentence): void {
    // A sentence of fewer than three content words is too short to say it is the same statement.
    if (this.index.contentLength(s.id) < 3) return;
    const h = this.groupHash(s);
    const at = this.groupHeads.get(h);
    if (at === undefined) {
      this.groupHeads.set(h, s);
      return;
    }
    // Runs for every sentence at load (300,000 at 10,000 articles): no array made for the usual
    // case of one head per hash.
    let head: IndexedSentence | undefined;
    if (!Array.isArray(at)) head = this.sameGroup(at, s) ? at : undefined;
    else head = at.find((x) => this.sameGroup(x, s));
    if (head) {
      head.group ??= [head];
      head.group.push(s);
      s.group = head.group;
    } else this.groupHeads.set(h, Array.isArray(at) ? [...at, s] : [at, s]);
  }

  private ungroup(s: IndexedSentence): void {
    const members = s.group;
    if (members) {
      members.splice(members.indexOf(s), 1);
      s.group = undefined;
      if (members.length === 1) members[0]!.group = undefined;
    }
    if (this.index.contentLength(s.id) < 3) return;
    const h = this.groupHash(s);
    const at = this.groupHeads.get(h);
    if (at === undefined) return;
    const heads = Array.isArray(at) ? at : [at];
    const k = heads.indexOf(s);
    if (k < 0) return;
    // Another member heads the group now.
    const next = members?.[0];
    const rest = next ? heads.map((x) => (x === s ? next : x)) : heads.filter((x) => x !== s);
    if (!rest.length) this.groupHeads.delete(h);
    else this.groupHeads.set(h, rest.length === 1 ? rest[0]! : rest);
  }

  private readonly tokensOf = (s: IndexedSentence): Token[] => {
    const cached = this.tokenCache.get(s);
    if (cached) {
      // Most recently used last.
      this.tokenCache.delete(s);
      this.tokenCache.set(s, cached);
      return cached;
    }
    const tokens = tokenize(s.text);
    this.tokenCache.set(s, tokens);
    if (this.tokenCache.size > TOKEN_CACHE) this.tokenCache.delete(this.tokenCache.keys().next().value!);
    return tokens;
  };

  private idfOf(term: number | undefined): number {
    if (term === undefined) return this.maxIdf;
    if (this.termIdfGen[term] === this.generation) return this.termIdf[term]!;
    const df = this.index.df(term);
    const idf = df ? Math.log(1 + this.sentences.length / df) : this.maxIdf;
    this.termIdf[term] = idf;
    this.termIdfGen[term] = this.generation;
    return idf;
  }

  private weighTerm(idf: number, name: boolean): number {
    return termWeight(idf, this.maxIdf, name);
  }

  /** How much a token counts: rare words near 1, common ones less, stop words little. */
  readonly weigh = (t: Token): number => {
    if (t.stop) return STOP_WEIGHT;
    return this.weighTerm(this.idfOf(this.index.termId(t.key)), t.name);
  };

  /** A sentence's total token weight, from the index's arrays (no tokens needed). */
  private sentenceWeight(id: number): number {
    if (this.weightGen[id] === this.generation) return this.weightOf[id]!;
    const { term, flags, stops } = this.index.tokensOf(id);
    let w = stops * STOP_WEIGHT;
    for (let k = 0; k < term.length; k++) w += this.weighTerm(this.idfOf(term[k]), (flags[k]! & NAME_FLAG) !== 0);
    this.weightOf[id] = w;
    this.weightGen[id] = this.generation;
    return w;
  }

  /**
   * Corpus sentences that share enough rare words with the tokens, best first; with `grouped`,
   * the best member of each group of near-identical sentences only (see sameGroup).
   *
   * Term at a time, rarest word first, into a flat accumulator. Once the words left cannot
   * lift a sentence not seen yet to the minimum, common words only add to the sentences
   * already seen (looked up by binary search when that is cheaper than reading the posting
   * list): the same candidates as reading every list, at a fraction of the cost. (Max-score
   * pruning against the best MAX_CANDIDATES was tried: on the benchmark's 10,000 articles the
   * floor's upkeep cost more than it saved, 1.05-1.39 s against 0.82-0.91 s per 1,000 queries.)
   */
  candidates(tokens: Token[], exclude?: ReadonlySet<string>, minBound = 0, grouped = false): number[] {
    // Per distinct content word: its rarity, its postings, and its weight in the query.
    const weightOfKey = new Map<string, number>();
    let queryWeight = 0;
    let stopWeight = 0;
    for (const t of tokens) {
      const w = this.weigh(t);
      queryWeight += w;
      if (t.stop) stopWeight += w;
      else weightOfKey.set(t.key, (weightOfKey.get(t.key) ?? 0) + w);
    }
    const terms = [...weightOfKey]
      .map(([key, weight]) => {
        const term = this.index.termId(key);
        const list = term !== undefined && this.index.df(term) ? this.index.list(term) : undefined;
        return { idf: this.idfOf(term), list, weight };
      })
      .sort((x, y) => y.idf - x.idf);
    const total = terms.reduce((sum, t) => sum + t.idf, 0);
    const min = Math.min(total * MIN_RETRIEVAL_SHARE, MIN_RETRIEVAL_IDF);
    // Score, shared weight and shared words of sentence i at 3i, 3i + 1, 3i + 2: one cache
    // line per posting instead of three arrays' (the lists are read in random order).
    const acc = this.acc;
    const touched: number[] = [];
    // Only words the corpus has can lift a sentence: the others count for the share, not here.
    let remaining = terms.reduce((sum, t) => sum + (t.list ? t.idf : 0), 0);
    let left = terms.filter((t) => t.list).length;
    const needTerms = Math.min(MIN_SHARED_TERMS, terms.length);
    // A word in a large share of all sentences opens no candidates of its own.
    const common = Math.max(COMMON_MIN_DF, this.sentences.length * COMMON_SHARE);
    const reset = (id: number) => {
      acc[3 * id] = 0;
      acc[3 * id + 1] = 0;
      acc[3 * id + 2] = 0;
    };
    // The most the alignment score could be: every shared word and every stop word aligned,
    // over the shorter text (an upper bound of both Dice and containment). It only grows.
    const bound = (id: number) => (acc[3 * id + 1]! + stopWeight) / Math.min(queryWeight, this.sentenceWeight(id));
    const qualifies = (id: number) => acc[3 * id + 2]! >= needTerms && acc[3 * id]! >= min && bound(id) >= minBound;
    const excluded = (id: number) => exclude?.has(this.sentences[id]!.article.id) ?? false;
    /** What a sentence stands for in the ranking: its group when grouped. */
    const unit = (id: number): unknown => (grouped ? (this.sentences[id]!.group ?? id) : id);
    // Weight of the words left (the next one included), for the bound of a sentence not seen yet.
    let remainingWeight = terms.reduce((sum, t) => sum + (t.list ? t.weight : 0), 0);
    for (const { idf, list, weight } of terms) {
      // A sentence first seen now needs the words left to reach the minimum, and two of them.
      if (!list) continue;
      const canOpen = remaining >= min && left >= needTerms;
      // Its bound is at most (words left + stop words) / min(query, its own weight): when that
      // is under minBound against the query's weight, only a sentence light enough opens.
      const reach = remainingWeight + stopWeight;
      const maxWeight = reach >= minBound * queryWeight ? Infinity : reach / minBound;
      remaining -= idf;
      remainingWeight -= weight;
      left--;
      if (list.length > common && touched.length === 0) continue;
      // Indexed loops over the typed arrays: `for...of` goes through their iterator.
      if (canOpen && list.length <= common) {
        for (let k = 0, n = list.length; k < n; k++) {
          const id = list[k]!;
          if (acc[3 * id] === 0) {
            if (maxWeight !== Infinity && this.sentenceWeight(id) > maxWeight) continue;
            touched.push(id);
          }
          acc[3 * id]! += idf;
          acc[3 * id + 1]! += weight;
          acc[3 * id + 2]!++;
        }
      } else if (touched.length * Math.log2(list.length + 1) < list.length) {
        for (const id of touched) {
          if (contains(list, id)) {
            acc[3 * id]! += idf;
            acc[3 * id + 1]! += weight;
            acc[3 * id + 2]!++;
          }
        }
      } else {
        for (let k = 0, n = list.length; k < n; k++) {
          const id = list[k]!;
          if (acc[3 * id] !== 0) {
            acc[3 * id]! += idf;
            acc[3 * id + 1]! += weight;
            acc[3 * id + 2]!++;
          }
        }
      }
    }
    // The best MAX_CANDIDATES by score, kept in a small sorted list (no sort of every hit).
    // Of equal scores, the sentence whose own words the query covers most goes first (a copy of
    // the statement before a longer sentence that also holds it), then the lower number.
    const best: Array<{ id: number; w: number; cover: number }> = [];
    const before = (x: { id: number; w: number; cover: number }, y: { id: number; w: number; cover: number }) =>
      x.w > y.w || (x.w === y.w && (x.cover > y.cover || (x.cover === y.cover && x.id < y.id)));
    for (const id of touched) {
      const w = acc[3 * id]!;
      const last = best.length === MAX_CANDIDATES ? best[MAX_CANDIDATES - 1]! : undefined;
      // The cheap tests first: most sentences touched are out on their score.
      let entry: { id: number; w: number; cover: number } | undefined;
      if (!(last && w < last.w) && qualifies(id) && !excluded(id)) {
        entry = { id, w, cover: acc[3 * id + 1]! / this.sentenceWeight(id) };
        if (last && !before(entry, last)) entry = undefined;
      }
      reset(id);
      if (!entry) continue;
      if (grouped) {
        const u = unit(id);
        const same = best.findIndex((x) => unit(x.id) === u);
        if (same >= 0) {
          if (before(best[same]!, entry)) continue;
          best.splice(same, 1);
        }
      }
      let k = best.length;
      while (k > 0 && before(entry, best[k - 1]!)) k--;
      best.splice(k, 0, entry);
      if (best.length > MAX_CANDIDATES) best.pop();
    }
    return best.map((x) => x.id);
  }

  /** Direct matches of a tokenised text, best first. */
  directMatches(text: string, tokens: Token[]): Match[] {
    const out: Match[] = [];
    const page = { text, tokens };
    for (const id of this.candidates(tokens, undefined, MIN_BOUND, true)) {
      const target = this.sentences[id]!;
      const sim = bestSimilarity(page, target, this.weigh, CHECK_SYNONYMS);
      // Words found verbatim (after normalisation) inside a corpus sentence, or the other way
      // round: sure, however short, once they hold a few content words.
      if (sim.shared >= MIN_SHARED && sameWords(tokens, target.tokens)) {
        sim.score = Math.max(sim.score, tokens.length === target.tokens.length ? 1 : VERBATIM_SCORE);
      }
      if (sim.score >= MATCH_THRESHOLD) {
        out.push({ target, sim });
        // The sentences near-identical to it match as well: aligned once, each listed (and
        // judged on its own words by `versions`) with this alignment's score.
        for (const member of target.group ?? []) if (member !== target) out.push({ target: member, sim });
      } else if (sim.score >= SPAN_FROM) {
        const span = this.spanMatch(page, target);
        if (span) out.push(span);
      }
    }
    // A join and a direct match of one of its sentences: the better one stays.
    const kept: Match[] = [];
    for (const m of out.sort((x, y) => y.sim.score - x.sim.score)) {
      if (!kept.some((k) => overlapsSpan(k.target, m.target))) kept.push(m);
    }
    return kept;
  }

  /**
   * A page sentence that reports two neighbouring corpus sentences at once ("Russian troops
   * withdrew from Kyiv to regroup ... before shifting their focus to the east" against "...
   * movement of troops out of Kyiv, they are regrouping ..." and "And they shift their target to
   * the east"): the candidate joined with the sentence before or after it in its article, scored
   * as one text; tried for candidates that come close to the threshold alone (SPAN_FROM), and
   * reported when the join reaches it. A join and a match of one of its sentences: the better
   * one is shown (directMatches).
   */
  private spanMatch(page: { text: string; tokens: Token[] }, target: IndexedSentence): Match | undefined {
    let words: Set<string> | undefined;
    let best: Match | undefined;
    const own = this.byArticle.get(target.article.id) ?? [];
    for (const first of [own[target.index - 1], target]) {
      if (!first) continue;
      const span = this.span(first);
      if (!span) continue;
      // Only a neighbour holding a word of the page (a content word, not a name) can lift the
      // score: other words only lengthen the text. A cheap test before the alignment.
      words ??= new Set(page.tokens.filter((t) => isEvidence(t) && !t.name).map((t) => t.key));
      const neighbour = first === target ? own[target.index + 1]! : first;
      if (!neighbour.tokens.some((t) => words!.has(t.key))) continue;
      // The whole page sentence against the whole join: no clause windows, whose parts the
      // single sentences were already scored on.
      const sim = similarity(
        page.tokens,
        span.tokens,
        alignForScore(page.tokens, span.tokens),
        this.weigh,
        CHECK_EVIDENCE,
      );
      if (sim.score >= MATCH_THRESHOLD && sim.score > (best?.sim.score ?? 0)) best = { target: span, sim };
    }
    return best;
  }

  /** Sentence `first` of an article joined with the next one, as one corpus text (cached). */
  private span(a: IndexedSentence): IndexedSentence | undefined {
    if (this.spans.has(a)) return this.spans.get(a);
    const b = this.byArticle.get(a.article.id)?.[a.index + 1];
    let joined: IndexedSentence | undefined;
    // Body text only: a headline or a pull quote repeats the article, it does not continue it.
    // One paragraph only: a statement does not run on over a line break.
    const oneParagraph = b && !a.article.text.slice(a.sentence.end, b.sentence.start).includes('\n');
    if (b && oneParagraph && a.sentence.kind === 'body' && b.sentence.kind === 'body') {
      const shift = b.sentence.start - a.sentence.start;
      const tokens = [...a.tokens, ...b.tokens.map((t) => ({ ...t, start: t.start + shift, end: t.end + shift }))];
      joined = new IndexedSentence(
        a.id,
        a.article,
        { start: a.sentence.start, end: b.sentence.end, kind: 'body' },
        a.index,
        () => tokens,
      );
      joined.parts = 2;
    }
    this.spans.set(a, joined);
    return joined;
  }

  /** The corpus sentences a matched text covers: itself, or both sentences of a join. */
  private partsOf(s: IndexedSentence): IndexedSentence[] {
    if (!s.parts) return [s];
    const own = this.byArticle.get(s.article.id) ?? [];
    return own.slice(s.index, s.index + s.parts);
  }

  /** Versions of one page sentence: direct matches, then the linked versions of sure ones. */
  versions(text: string): Version[] {
    const tokens = tokenize(text);
    const page = { text, tokens };
    const direct = this.directMatches(text, tokens);
    const versions = new Map<number, Version>();
    // Near-identical versions often have the very same words: each wording is judged once.
    const judged = new Map<string, Comparison>();
    for (const m of direct) versions.set(m.target.id, this.version(page, m.target, m.sim.score, undefined, judged));
    // Sentences a direct match covers (two for a span): a link to one of them adds nothing.
    const covered = new Set(direct.flatMap((m) => this.partsOf(m.target)));

    for (const m of direct) {
      if (m.sim.score < ANCHOR_THRESHOLD) continue;
      const t = m.target;
      // Only the links of the part of the corpus sentence that the page sentence matched.
      const span = regionSpan(t, m.sim.regionB);
      for (const link of this.links.get(t) ?? []) {
        if (versions.has(link.to.id) || covered.has(link.to) || !overlapsEnough(span, link.aSpan)) continue;
        const score = m.sim.score * link.score;
        if (score < MIN_LINKED_SCORE) continue;
        versions.set(link.to.id, this.version(page, link.to, round(score), t.article.id, judged));
      }
    }
    return [...versions.values()].sort((x, y) => y.score - x.score || x.article.localeCompare(y.article));
  }

  /** Check a plain text: its sentences, each with its versions. */
  check(text: string): CheckResult {
    return { sentences: sentences(text).map((s) => ({ ...s, versions: this.versions(s.text) })) };
  }

  private version(
    page: { text: string; tokens: Token[] },
    target: IndexedSentence,
    score: number,
    via?: string,
    judged?: Map<string, Comparison>,
  ): Version {
    // The verdict depends on the two texts and on the score (see CLOSE_SCORE in verdict.ts).
    const key = `${score}\u0000${target.text}`;
    let c = judged?.get(key);
    if (!c) {
      c = compare(page, target, score);
      judged?.set(key, c);
    }
    const { meta } = target.article;
    return {
      article: target.article.id,
      outlet: meta.outlet,
      date: meta.date,
      language: meta.language,
      translated: meta.translated,
      kind: target.sentence.kind,
      text: target.text,
      start: target.sentence.start,
      end: target.sentence.end,
      score: round(score),
      verdict: c.verdict,
      reasons: c.reasons,
      diff: c.diff,
      ...(c.attribution ? { attribution: c.attribution } : {}),
      ...(via ? { via } : {}),
    };
  }
}

/** Binary search in a sorted list of sentence numbers. */
function contains(list: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Two corpus texts (sentences or joined neighbours) share a sentence. */
function overlapsSpan(x: IndexedSentence, y: IndexedSentence): boolean {
  return x.article === y.article && x.index < y.index + (y.parts ?? 1) && y.index < x.index + (x.parts ?? 1);
}

/** Spans overlap by at least half of the shorter one. */
function overlapsEnough(x: [number, number], y: [number, number]): boolean {
  const inter = Math.min(x[1], y[1]) - Math.max(x[0], y[0]);
  return inter > 0 && inter >= 0.5 * Math.min(x[1] - x[0], y[1] - y[0]);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
