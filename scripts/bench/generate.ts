/**
 * Deterministic benchmark data, made at bench time from the bundled corpus and a seed:
 * - corpora of generated articles that recombine the bundled articles' sentences (with content
 *   words swapped for others of the corpus vocabulary and numbers changed) with filler;
 * - pages of mostly unrelated sentences with about one in ten a planted near-copy of a corpus
 *   sentence, whose source is recorded so recall can be measured.
 * Article i is the same in every corpus size (each article has its own random stream), so the
 * 1,000-article corpus is the first 1,000 articles of the 10,000-article one.
 */
import { buildArticle } from '../../core/corpus';
import { tokenize } from '../../core/normalize';
import type { ArticleMeta, CorpusData } from '../../core/types';
import { Rng } from './rng';
import { ARTICLE_FILLER, PAGE_FILLER, SYNONYMS, type FillerTopic } from './words';

export interface GeneratedArticle {
  id: string;
  text: string;
  meta: ArticleMeta;
}

/** A bundled sentence and the spans of its words that may be swapped (lower-case content words). */
export interface SourceSentence {
  text: string;
  swappable: Array<[number, number]>;
}

/** What generated articles are made from: the bundled corpus's sentences and words. */
export interface SourcePool {
  body: SourceSentence[];
  headlines: SourceSentence[];
  /** Lower-case content words of the bundled corpus, to swap in. */
  vocabulary: string[];
}

/** Share of a generated article's body sentences taken (changed) from the bundled corpus. */
const RECOMBINED_SHARE = 0.55;
/** Share of a page's sentences that are planted near-copies of corpus sentences. */
export const PLANTED_SHARE = 0.1;
/** A planted sentence's source has at least this many words (a near-copy of three words says nothing). */
export const MIN_SOURCE_WORDS = 8;
/** Outlets the generated articles are spread over. */
const OUTLETS = 250;

const NUMBER_RE = /\p{N}+(?:[.,]\p{N}+)*/gu;
const WORD_RE = /\p{L}+(?:['’]\p{L}+)*/gu;
const SENTENCE_END_RE = /[.!?…]["'”’»)\]]*$/;

function swappableSpans(text: string): Array<[number, number]> {
  return tokenize(text)
    .filter((t) => t.kind === 'word' && !t.stop && !t.name && /^[a-z]{4,}$/.test(text.slice(t.start, t.end)))
    .map((t) => [t.start, t.end]);
}

export function sourcePool(bundled: CorpusData): SourcePool {
  const body: SourceSentence[] = [];
  const headlines: SourceSentence[] = [];
  const vocabulary = new Set<string>();
  for (const a of bundled.articles) {
    for (const s of a.sentences) {
      let text = a.text.slice(s.start, s.end);
      if (s.kind === 'headline' && text.split(/\s+/).length < 4) continue;
      if (s.kind !== 'headline' && !SENTENCE_END_RE.test(text)) text += '.';
      const source = { text, swappable: swappableSpans(text) };
      (s.kind === 'headline' ? headlines : body).push(source);
      for (const [start, end] of source.swappable) vocabulary.add(text.slice(start, end));
    }
  }
  return { body, headlines, vocabulary: [...vocabulary].sort() };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const overlaps = (edits: Edit[], start: number, end: number) => edits.some((e) => start < e.end && e.start < end);

/** One digit of a number replaced by another (never a leading zero). */
function numberEdit(rng: Rng, text: string): Edit | undefined {
  const numbers = [...text.matchAll(NUMBER_RE)];
  if (!numbers.length) return undefined;
  const m = rng.pick(numbers);
  const digits = [...m[0]].map((c, i) => ({ c, i })).filter((d) => /\d/.test(d.c));
  const d = rng.pick(digits);
  const lowest = d.i === 0 && digits.length > 1 ? 1 : 0;
  let next = d.c;
  while (next === d.c) next = String(rng.int(lowest, 9));
  const at = m.index + d.i;
  return { start: at, end: at + 1, text: next };
}

/** A recombined sentence: at least one change, so no two generated sentences are the same by construction. */
export function mutate(rng: Rng, source: SourceSentence, vocabulary: readonly string[]): string {
  const { text } = source;
  const edits: Edit[] = [];
  if (rng.chance(0.5)) {
    const e = numberEdit(rng, text);
    if (e) edits.push(e);
  }
  const swappable = [...source.swappable];
  const swaps = rng.int(edits.length ? 0 : 1, 2);
  for (let k = 0; k < swaps && swappable.length; k++) {
    const [start, end] = swappable.splice(rng.int(0, swappable.length - 1), 1)[0]!;
    if (!overlaps(edits, start, end)) edits.push({ start, end, text: rng.pick(vocabulary) });
  }
  if (!edits.length) {
    const e = numberEdit(rng, text);
    if (e) edits.push(e);
  }
  return applyEdits(text, edits);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An unrelated sentence about an everyday topic. */
export function fillerSentence(rng: Rng, topics: readonly FillerTopic[]): string {
  const t = rng.pick(topics);
  const tail = () => rng.pick(t.tails).replace('#', String(rng.int(2, 95)));
  switch (rng.int(0, 2)) {
    case 0:
      return `${rng.pick(t.when)}, ${rng.pick(t.subjects)} ${rng.pick(t.verbs)} ${rng.pick(t.objects)} ${tail()}.`;
    case 1:
      return `${capitalise(rng.pick(t.subjects))} ${rng.pick(t.verbs)} ${rng.pick(t.objects)}, ${tail()}.`;
    default:
      return (
        `${rng.pick(t.when)}, ${rng.pick(t.subjects)} ${rng.pick(t.verbs)} ${rng.pick(t.objects)}, ` +
        `and ${rng.pick(t.subjects)} ${rng.pick(t.verbs)} ${rng.pick(t.objects)} ${tail()}.`
      );
  }
}

function articleMeta(rng: Rng, i: number): ArticleMeta {
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  return {
    outlet: `Generated outlet ${(i % OUTLETS) + 1}`,
    urlIsArticle: false,
    date: `${rng.int(2019, 2024)}-${month}-${day}`,
    language: 'en',
    translated: false,
  };
}

/** Article number `i` of the generated corpora for `seed`: 25–35 sentences. */
export function generateArticle(pool: SourcePool, seed: number, i: number): GeneratedArticle {
  const rng = Rng.derive(seed, 'article', i);
  const meta = articleMeta(rng, i);
  const headline =
    rng.chance(0.6) && pool.headlines.length
      ? mutate(rng, rng.pick(pool.headlines), pool.vocabulary).replace(/[.!?…]+$/, '')
      : rng.pick(rng.pick(ARTICLE_FILLER).headlines);
  const body: string[] = [];
  const count = rng.int(25, 35) - 1;
  for (let k = 0; k < count; k++) {
    body.push(
      rng.chance(RECOMBINED_SHARE)
        ? mutate(rng, rng.pick(pool.body), pool.vocabulary)
        : fillerSentence(rng, ARTICLE_FILLER),
    );
  }
  const paragraphs: string[] = [];
  for (let k = 0; k < body.length;) {
    const n = rng.int(1, 4);
    paragraphs.push(body.slice(k, k + n).join(' '));
    k += n;
  }
  const id = `gen_${String(i).padStart(5, '0')}`;
  return { id, meta, text: `${headline}\n\n${paragraphs.join('\n\n')}\n` };
}

export function generateArticles(pool: SourcePool, seed: number, count: number): GeneratedArticle[] {
  return Array.from({ length: count }, (_, i) => generateArticle(pool, seed, i));
}

/** The index data of generated articles, without cross-article links. */
export function corpusOf(articles: readonly GeneratedArticle[]): CorpusData {
  return { format: 2, articles: articles.map((a) => buildArticle(a.id, a.text, a.meta)), links: [] };
}

export interface PlantedSentence {
  /** Position on the page. */
  index: number;
  /** The corpus sentence it was made from. */
  article: string;
  start: number;
  change: 'synonyms' | 'number' | 'drop';
}

export interface Page {
  sentences: string[];
  planted: PlantedSentence[];
}

/** Corpus sentences long enough to plant, as [article index, sentence index]. */
export function plantableSentences(data: CorpusData): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  data.articles.forEach((a, ai) =>
    a.sentences.forEach((s, si) => {
      if (a.text.slice(s.start, s.end).split(/\s+/).length >= MIN_SOURCE_WORDS) out.push([ai, si]);
    }),
  );
  return out;
}

function synonymEdits(rng: Rng, text: string): Edit[] {
  const words = [...text.matchAll(WORD_RE)].filter((m) => SYNONYMS[m[0].toLowerCase()]);
  rng.shuffle(words);
  return words.slice(0, rng.int(1, 3)).map((m) => {
    const synonym = SYNONYMS[m[0].toLowerCase()]!;
    return {
      start: m.index,
      end: m.index + m[0].length,
      text: /^\p{Lu}/u.test(m[0]) ? capitalise(synonym) : synonym,
    };
  });
}

function dropEdit(rng: Rng, text: string): Edit | undefined {
  const words = [...text.matchAll(WORD_RE)].slice(1);
  if (!words.length) return undefined;
  const m = rng.pick(words);
  // The word and the space before it.
  const start = text[m.index - 1] === ' ' ? m.index - 1 : m.index;
  return { start, end: m.index + m[0].length, text: '' };
}

/** A near-copy of a corpus sentence: 1–3 synonyms, a changed number or a dropped word. */
export function plantedVariant(rng: Rng, text: string): { text: string; change: PlantedSentence['change'] } {
  const r = rng.float();
  const preferred: Array<PlantedSentence['change']> =
    r < 0.6
      ? ['synonyms', 'number', 'drop']
      : r < 0.8
        ? ['number', 'synonyms', 'drop']
        : ['drop', 'synonyms', 'number'];
  for (const change of preferred) {
    const edits =
      change === 'synonyms'
        ? synonymEdits(rng, text)
        : [change === 'number' ? numberEdit(rng, text) : dropEdit(rng, text)];
    const real = edits.filter((e): e is Edit => e !== undefined);
    if (real.length) return { text: applyEdits(text, real), change };
  }
  return { text, change: 'drop' };
}

/** A page of `size` sentences for the corpus `data`, from its own random stream. */
export function generatePage(
  data: CorpusData,
  plantable: ReadonlyArray<[number, number]>,
  size: number,
  rng: Rng,
): Page {
  const plantedCount = Math.max(1, Math.round(size * PLANTED_SHARE));
  const positions = new Set(rng.shuffle(Array.from({ length: size }, (_, i) => i)).slice(0, plantedCount));
  const sentences: string[] = [];
  const planted: PlantedSentence[] = [];
  for (let i = 0; i < size; i++) {
    if (!positions.has(i)) {
      sentences.push(fillerSentence(rng, PAGE_FILLER));
      continue;
    }
    const [ai, si] = rng.pick(plantable);
    const article = data.articles[ai]!;
    const s = article.sentences[si]!;
    const variant = plantedVariant(rng, article.text.slice(s.start, s.end));
    planted.push({ index: i, article: article.id, start: s.start, change: variant.change });
    sentences.push(variant.text);
  }
  return { sentences, planted };
}
