/**
 * One article of the corpus, checked and built: UTF-8, not empty, not binary, not too large,
 * metadata complete; boilerplate dropped, sentences split with offsets, headlines and pull
 * quotes marked. Apart from the corpus build (corpus.ts) so that what builds one article (the
 * library's import and "Add this page") does not load the matcher and its synonym table.
 */
import { align, similarity } from './align';
import { classifyLines, looksLikeHeadline } from './boilerplate';
import { tokenize } from './normalize';
import { SPEECH_VERBS } from './quotes';
import { lines, sentencesOfLine } from './segment';
import type { ArticleMeta, CorpusArticle, CorpusSentence } from './types';
import { sentenceWeigher } from './weights';

export interface ArticleInput {
  /** Article id: the file name without its extension. */
  id: string;
  /** The file's bytes, which must be UTF-8. */
  bytes: Uint8Array;
  meta: ArticleMeta | undefined;
  /** The file's name for messages; `<id>.txt` when not given. */
  file?: string;
}

/** Refuses a corpus file, naming it and saying why. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'CorpusError';
  }
}

/** Largest article accepted (bytes): a news article is tens of kilobytes. */
export const MAX_ARTICLE_BYTES = 2_000_000;
/** A pull quote repeats a body sentence of its own article at least this closely. */
const PULL_QUOTE_SIMILARITY = 0.6;
/** ... and is about as long: the shorter has at least this share of the longer's content words. */
const PULL_QUOTE_LENGTH_RATIO = 0.6;

const META_FIELDS: Array<keyof ArticleMeta> = ['outlet', 'date', 'language', 'translated', 'urlIsArticle'];

function decode(input: ArticleInput): string {
  const file = input.file ?? `${input.id}.txt`;
  if (input.bytes.length === 0) throw new CorpusError(file, 'the article is empty');
  if (input.bytes.length > MAX_ARTICLE_BYTES) {
    throw new CorpusError(file, `the article is ${input.bytes.length} bytes, more than ${MAX_ARTICLE_BYTES}`);
  }
  if (input.bytes.includes(0)) throw new CorpusError(file, 'the article is binary (it contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
  } catch {
    throw new CorpusError(file, 'the article is not valid UTF-8');
  }
  if (!/[\p{L}\p{N}]/u.test(text)) throw new CorpusError(file, 'the article has no text');
  if (!input.meta) throw new CorpusError(file, 'no metadata for this article (metadata file or front matter)');
  for (const field of META_FIELDS) {
    if (input.meta[field] === undefined || input.meta[field] === '') {
      throw new CorpusError(file, `metadata field "${field}" is missing`);
    }
  }
  return text.replace(/^\uFEFF/, '');
}

/** One article: its story sentences with offsets and kinds, and what was dropped. */
export function buildArticle(id: string, text: string, meta: ArticleMeta): CorpusArticle {
  const sentences: CorpusSentence[] = [];
  const dropped: CorpusArticle['dropped'] = [];
  for (const line of classifyLines(lines(text))) {
    if (line.role === 'boilerplate') {
      dropped.push({ start: line.start, end: line.end, rule: line.rule ?? 'boilerplate' });
      continue;
    }
    const inLine = sentencesOfLine(text, line);
    const headline = inLine.length === 1 && looksLikeHeadline(line.text);
    for (const s of inLine) sentences.push({ start: s.start, end: s.end, kind: headline ? 'headline' : 'body' });
  }
  if (!sentences.length)
    throw new CorpusError(`${id}.txt`, 'nothing is left of the article once boilerplate is dropped');
  return { id, meta, text, sentences, dropped };
}

/**
 * A one-sentence paragraph that repeats another sentence of the same article is a pull quote,
 * and a short line without a full stop right after it is the pull quote's credit.
 */
function markPullQuotes(article: CorpusArticle): void {
  const sentences = article.sentences.map((sentence) => {
    const text = article.text.slice(sentence.start, sentence.end);
    return { sentence, text, tokens: tokenize(text) };
  });
  // Rarity within the article: what a matcher over this article alone would weigh.
  const weigh = sentenceWeigher(sentences.map((s) => s.tokens));
  const lineOf = (s: CorpusSentence) => {
    const before = article.text.lastIndexOf('\n', s.start - 1) + 1;
    const after = article.text.indexOf('\n', s.end);
    return article.text.slice(before, after < 0 ? undefined : after).trim();
  };
  sentences.forEach((s, i) => {
    if (s.sentence.kind !== 'body' || lineOf(s.sentence) !== s.text) return;
    // A repeat, not a summary: similar wording and length, and no attribution of its own (a
    // pull quote is the quoted words alone; "Stoltenberg also told AFP that ..." is a summary).
    if (s.tokens.some((t) => SPEECH_VERBS.has(s.text.slice(t.start, t.end).toLowerCase()))) return;
    const content = (x: typeof s) => x.tokens.filter((t) => !t.stop).length;
    const repeats = sentences.some(
      (o, j) =>
        j !== i &&
        Math.min(content(s), content(o)) >= PULL_QUOTE_LENGTH_RATIO * Math.max(content(s), content(o)) &&
        similarity(s.tokens, o.tokens, align(s.tokens, o.tokens), weigh).score >= PULL_QUOTE_SIMILARITY,
    );
    if (!repeats) return;
    s.sentence.kind = 'pullquote';
    const credit = article.sentences[i + 1];
    if (credit && credit.kind === 'headline' && article.text.slice(credit.start, credit.end).split(/\s+/).length <= 6) {
      credit.kind = 'pullquote';
    }
  });
}

/**
 * One article checked (UTF-8, not empty, not binary, not too large, metadata complete) and
 * built, without linking it to others: what the corpus build does per file, and what the
 * extension's library does per imported or added article. Throws CorpusError with the reason.
 */
export function articleOf(input: ArticleInput): CorpusArticle {
  const article = buildArticle(input.id, decode(input), input.meta!);
  markPullQuotes(article);
  return article;
}
