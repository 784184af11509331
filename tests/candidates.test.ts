// Retrieval's shortcuts (the floor of the best MAX_CANDIDATES, sentences dropped once the words
// left cannot make them candidates, sentences too heavy for the bound not opened) must give the
// candidates that scoring every sentence gives. The corpus repeats its statements in many
// near-copies, as wire copy does, so the shortcuts have work to do.
import { describe, expect, it } from 'vitest';
import { Matcher } from '../core/matcher';
import { tokenize, type Token } from '../core/normalize';
import { corpusOf, generateArticles, generatePage, plantableSentences, sourcePool } from '../scripts/bench/generate';
import { Rng } from '../scripts/bench/rng';
import { loadCorpus } from '../scripts/lib/load-corpus';

const MAX_CANDIDATES = 12;
const MIN_SHARED_TERMS = 2;
const MIN_RETRIEVAL_SHARE = 0.2;
const MIN_RETRIEVAL_IDF = 6;
const COMMON_SHARE = 0.05;
const COMMON_MIN_DF = 200;

/** Each sentence's content keys and weight, and each key's sentence count. */
function corpusView(m: Matcher) {
  const keysOf = m.sentences.map((s) => new Set(s.tokens.filter((t) => !t.stop).map((t) => t.key)));
  const df = new Map<string, number>();
  for (const keys of keysOf) for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
  // Stored as 32-bit floats by the matcher.
  const weights = m.sentences.map((s) => Math.fround(s.tokens.reduce((sum, t) => sum + m.weigh(t), 0)));
  return { keysOf, df, weights };
}

/** Every sentence scored on every word: the candidates by definition (matcher.ts, candidates). */
function reference(
  m: Matcher,
  { keysOf, df, weights }: ReturnType<typeof corpusView>,
  tokens: Token[],
  exclude: ReadonlySet<string> | undefined,
  minBound: number,
  grouped: boolean,
): number[] {
  const S = m.sentences;
  const N = S.length;
  const weightOfKey = new Map<string, number>();
  let queryWeight = 0;
  let stopWeight = 0;
  for (const t of tokens) {
    const w = m.weigh(t);
    queryWeight += w;
    if (t.stop) stopWeight += w;
    else weightOfKey.set(t.key, (weightOfKey.get(t.key) ?? 0) + w);
  }
  const terms = [...weightOfKey]
    .map(([key, weight]) => {
      const d = df.get(key) ?? 0;
      return { key, weight, d, idf: d ? Math.log(1 + N / d) : Math.log(1 + N) };
    })
    .sort((x, y) => y.idf - x.idf);
  const total = terms.reduce((sum, t) => sum + t.idf, 0);
  const min = Math.min(total * MIN_RETRIEVAL_SHARE, MIN_RETRIEVAL_IDF);
  const needTerms = Math.min(MIN_SHARED_TERMS, terms.length);
  const common = Math.max(COMMON_MIN_DF, N * COMMON_SHARE);
  // The words that open candidates: rare enough, with enough rarity and words after them.
  const opening = new Set<string>();
  let remaining = terms.reduce((sum, t) => sum + (t.d ? t.idf : 0), 0);
  let left = terms.filter((t) => t.d).length;
  for (const t of terms) {
    if (!t.d) continue;
    if (remaining >= min && left >= needTerms && t.d <= common) opening.add(t.key);
    remaining -= t.idf;
    left--;
  }
  const scored: Array<{ id: number; w: number; cover: number; unit: unknown }> = [];
  for (let id = 0; id < N; id++) {
    const keys = keysOf[id]!;
    if (![...opening].some((k) => keys.has(k))) continue;
    let w = 0;
    let shared = 0;
    let hits = 0;
    for (const t of terms) {
      if (!keys.has(t.key)) continue;
      w += t.idf;
      shared += t.weight;
      hits++;
    }
    const own = weights[id]!;
    const bound = (shared + stopWeight) / Math.min(queryWeight, own);
    if (hits < needTerms || w < min || bound < minBound || exclude?.has(S[id]!.article.id)) continue;
    scored.push({ id, w, cover: shared / own, unit: grouped ? (S[id]!.group ?? id) : id });
  }
  scored.sort((x, y) => y.w - x.w || y.cover - x.cover || x.id - y.id);
  const units = new Set<unknown>();
  const out: number[] = [];
  for (const x of scored) {
    if (units.has(x.unit)) continue;
    units.add(x.unit);
    out.push(x.id);
    if (out.length === MAX_CANDIDATES) break;
  }
  return out;
}

describe('candidates', () => {
  const pool = sourcePool(loadCorpus());
  const data = corpusOf(generateArticles(pool, 7, 400));
  const m = new Matcher(data);
  const view = corpusView(m);
  const page = generatePage(data, plantableSentences(data), 150, Rng.derive(7, 'candidates-test', 150));

  it('of page sentences (grouped, with the bound) are those of scoring every sentence', () => {
    let found = 0;
    for (const text of page.sentences) {
      const tokens = tokenize(text);
      const got = m.candidates(tokens, undefined, 0.3, true);
      expect(got).toEqual(reference(m, view, tokens, undefined, 0.3, true));
      found += got.length;
    }
    // Not an empty agreement: most page sentences have candidates, many have the full dozen.
    expect(found).toBeGreaterThan(page.sentences.length * 2);
  });

  it('of corpus sentences against the rest (as links ask) are those of scoring every sentence', () => {
    for (let i = 0; i < m.sentences.length; i += 41) {
      const s = m.sentences[i]!;
      const exclude = new Set([s.article.id]);
      expect(m.candidates(s.tokens, exclude)).toEqual(reference(m, view, s.tokens, exclude, 0, false));
    }
  });
});
