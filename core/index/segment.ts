/**
 * The retrieval data of one article, stored ready to use: what the inverted index needs of each
 * sentence (its content-word keys, which of them are names, how many stop words it has), so a
 * corpus loads by merging segments into postings instead of tokenising every sentence again.
 *
 * A segment is plain data of strings and typed arrays: structured-cloneable (IndexedDB stores it
 * as it is) and packed into the JSON index file as base64 (packSegments / unpackSegments).
 * Tokens with their offsets, which alignment needs, are not stored: they are made again, for
 * the few candidates of a query, by tokenize (see Matcher's token cache).
 */
import { fromByteArray, toByteArray } from 'base64-js';
import { tokenize, type Token } from '../normalize';
import type { CorpusArticle } from '../types';

export interface ArticleSegment {
  /** The article's id. */
  article: string;
  /** Content-word keys that `term` points into (the article's own, or a table shared by many segments). */
  terms: string[];
  /** Per sentence: how many content tokens it has (its run in `term` and `name`). */
  length: Uint16Array;
  /** Per sentence: how many stop words it has. */
  stops: Uint16Array;
  /** Content tokens of all sentences in order, as indexes into `terms`. */
  term: Uint32Array;
  /** Per content token: NAME_FLAG and NUMBER_FLAG bits. */
  flags: Uint8Array;
}

/** A name or a title: it weighs half (see Matcher.weigh). */
export const NAME_FLAG = 1;
/** A number, date or percentage: near-identical sentences may differ there (see groupKey). */
export const NUMBER_FLAG = 2;

/** The segment of one article, tokenising its sentences (`tokensOf` reuses tokens made already). */
export function buildSegment(
  article: CorpusArticle,
  tokensOf: (index: number) => Token[] = (i) =>
    tokenize(article.text.slice(article.sentences[i]!.start, article.sentences[i]!.end)),
): ArticleSegment {
  const terms: string[] = [];
  const termOf = new Map<string, number>();
  const length = new Uint16Array(article.sentences.length);
  const stops = new Uint16Array(article.sentences.length);
  const term: number[] = [];
  const flags: number[] = [];
  for (let i = 0; i < article.sentences.length; i++) {
    for (const t of tokensOf(i)) {
      if (t.stop) {
        stops[i]!++;
        continue;
      }
      let id = termOf.get(t.key);
      if (id === undefined) {
        id = terms.length;
        terms.push(t.key);
        termOf.set(t.key, id);
      }
      term.push(id);
      flags.push((t.name ? NAME_FLAG : 0) | (t.kind === 'word' ? 0 : NUMBER_FLAG));
      length[i]!++;
    }
  }
  return { article: article.id, terms, length, stops, term: Uint32Array.from(term), flags: Uint8Array.from(flags) };
}

/**
 * Segments packed for the JSON index file: one table of keys for all of them and each array
 * concatenated over the articles, in base64 (little-endian). Far smaller and faster to read
 * than arrays of numbers, and a key shared by many articles is written once.
 */
export interface PackedSegments {
  terms: string[];
  /** Sentences per article, in the order of the corpus's articles. */
  sentences: number[];
  length: string;
  stops: string;
  /** Key numbers: 16-bit when the table has at most 65,536 keys (`wide` unset), else 32-bit. */
  term: string;
  wide?: true;
  flags: string;
}

const bytes = (a: Uint16Array | Uint32Array | Uint8Array) =>
  fromByteArray(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

/** A typed array over base64 bytes, copied only when they are not aligned for it. */
function typed<T>(b64: string, make: (buf: ArrayBuffer, offset: number, length: number) => T, size: number): T {
  const raw = toByteArray(b64);
  const aligned = raw.byteOffset % size === 0 ? raw : raw.slice();
  return make(aligned.buffer as ArrayBuffer, aligned.byteOffset, aligned.byteLength / size);
}

export function packSegments(segments: readonly ArticleSegment[]): PackedSegments {
  const terms: string[] = [];
  const global = new Map<string, number>();
  const total = (f: (s: ArticleSegment) => number) => segments.reduce((n, s) => n + f(s), 0);
  const length = new Uint16Array(total((s) => s.length.length));
  const stops = new Uint16Array(length.length);
  const term = new Uint32Array(total((s) => s.term.length));
  const flags = new Uint8Array(term.length);
  let sentence = 0;
  let token = 0;
  for (const s of segments) {
    const ids = s.terms.map((key) => {
      let id = global.get(key);
      if (id === undefined) {
        id = terms.length;
        terms.push(key);
        global.set(key, id);
      }
      return id;
    });
    length.set(s.length, sentence);
    stops.set(s.stops, sentence);
    sentence += s.length.length;
    for (let k = 0; k < s.term.length; k++) term[token + k] = ids[s.term[k]!]!;
    flags.set(s.flags, token);
    token += s.term.length;
  }
  const wide = terms.length > 0x10000;
  return {
    terms,
    sentences: segments.map((s) => s.length.length),
    length: bytes(length),
    stops: bytes(stops),
    term: bytes(wide ? term : Uint16Array.from(term)),
    ...(wide ? { wide: true as const } : {}),
    flags: bytes(flags),
  };
}

/**
 * The segments again, as views into the decoded arrays (nothing copied), all sharing the one
 * key table: merging them into the index then needs one lookup per distinct key, not per article.
 */
export function unpackSegments(packed: PackedSegments, articles: readonly string[]): ArticleSegment[] {
  if (articles.length !== packed.sentences.length)
    throw new Error(`the index holds segments of ${packed.sentences.length} articles, not ${articles.length}`);
  const length = typed(packed.length, (b, o, n) => new Uint16Array(b, o, n), 2);
  const stops = typed(packed.stops, (b, o, n) => new Uint16Array(b, o, n), 2);
  const term = packed.wide
    ? typed(packed.term, (b, o, n) => new Uint32Array(b, o, n), 4)
    : Uint32Array.from(typed(packed.term, (b, o, n) => new Uint16Array(b, o, n), 2));
  const flags = toByteArray(packed.flags);
  const out: ArticleSegment[] = [];
  let sentence = 0;
  let token = 0;
  for (const [i, count] of packed.sentences.entries()) {
    let tokens = 0;
    for (let k = sentence; k < sentence + count; k++) tokens += length[k]!;
    out.push({
      article: articles[i]!,
      terms: packed.terms,
      length: length.subarray(sentence, sentence + count),
      stops: stops.subarray(sentence, sentence + count),
      term: term.subarray(token, token + tokens),
      flags: flags.subarray(token, token + tokens),
    });
    sentence += count;
    token += tokens;
  }
  return out;
}
