/**
 * Matching throughput on one page: the engine (matcher.versions per page sentence), the floor
 * (tokenize only) and the fuse.js baseline, with recall on the planted near-copies.
 */
import Fuse from 'fuse.js';
import type { Matcher } from '../../core/matcher';
import { tokenize } from '../../core/normalize';
import type { Version } from '../../core/types';
import type { Page, PlantedSentence } from './generate';
import { ratio, scale, stat, time, timeRuns } from './measure';
import type { BaselineResult, CorpusPlan, PageResult, Recall } from './types';

/** An engine pass shorter than this (ms) is repeated `EXTRA_SHORT_RUNS` more times. */
const SHORT_PASS_MS = 1000;
const EXTRA_SHORT_RUNS = 4;

/** A corpus sentence, as fuse.js sees it (a plain string) and where it comes from. */
export interface CorpusSentenceRef {
  text: string;
  article: string;
  start: number;
}

const foundIn = (versions: readonly Version[], p: PlantedSentence) =>
  versions.some((v) => v.article === p.article && v.start === p.start);

/**
 * Times the engine over the first `measured` sentences of the page (the whole page unless a
 * pass would be too slow) and the tokenise-only floor over the same sentences.
 */
export function measurePage(
  matcher: Matcher,
  page: Page,
  measured: number,
  plan: Pick<CorpusPlan, 'engine' | 'floorRuns'>,
): PageResult {
  const sentences = page.sentences.slice(0, measured);
  const results: Version[][] = new Array<Version[]>(sentences.length);
  const pass = () => {
    for (let i = 0; i < sentences.length; i++) results[i] = matcher.versions(sentences[i]!);
  };
  const engineRuns = timeRuns(pass, { runs: plan.engine.runs, budgetMs: plan.engine.budgetMs });
  // Short passes are noisier: take more of them.
  if (stat(engineRuns).median < SHORT_PASS_MS)
    engineRuns.push(...timeRuns(pass, { runs: EXTRA_SHORT_RUNS, budgetMs: SHORT_PASS_MS * EXTRA_SHORT_RUNS }));
  for (const s of sentences) tokenize(s); // warm-up, untimed
  const floorRuns = timeRuns(
    () => {
      for (const s of sentences) tokenize(s);
    },
    { runs: plan.floorRuns, budgetMs: Number.POSITIVE_INFINITY },
  );
  const planted = page.planted.filter((p) => p.index < measured);
  const plantedAt = new Set(planted.map((p) => p.index));
  const perSentence = 1000 / sentences.length;
  const engineUs = scale(stat(engineRuns), perSentence);
  const floorUs = scale(stat(floorRuns), perSentence);
  return {
    sentences: page.sentences.length,
    measured,
    planted: planted.length,
    engineMs: stat(engineRuns),
    engineUsPerSentence: engineUs,
    floorUsPerSentence: floorUs,
    engineOverFloor: ratio(engineUs, floorUs),
    recall: { found: planted.filter((p) => foundIn(results[p.index]!, p)).length, of: planted.length },
    strayHits: results.filter((v, i) => !plantedAt.has(i) && v.length > 0).length,
  };
}

/** The sampled page sentences for the baseline: the first `first` ones and the first `planted` planted ones. */
export function baselineSample(page: Page, first: number, planted: number): number[] {
  const picked = new Set<number>();
  for (let i = 0; i < Math.min(first, page.sentences.length); i++) picked.add(i);
  for (const p of page.planted.slice(0, planted)) picked.add(p.index);
  return [...picked].sort((a, b) => a - b);
}

/**
 * A plain fuse.js index over every corpus sentence, queried once per sampled page sentence; the
 * engine on the same sentences for the ratio. A planted sentence is found by fuse.js when its
 * source is among the results.
 */
export function measureBaseline(
  matcher: Matcher,
  corpus: readonly CorpusSentenceRef[],
  page: Page,
  pageSize: number,
  sample: readonly number[],
  onQuery?: (done: number) => void,
): BaselineResult {
  let fuse: Fuse<string> | undefined;
  const texts = corpus.map((s) => s.text);
  const indexMs = time(() => {
    fuse = new Fuse(texts, { ignoreLocation: true, threshold: 0.4, includeScore: true });
  });
  const plantedAt = new Map(page.planted.map((p) => [p.index, p]));
  const fuseMs: number[] = [];
  const engineUs: number[] = [];
  const fuseRecall: Recall = { found: 0, of: 0 };
  const engineRecall: Recall = { found: 0, of: 0 };
  for (const index of sample) {
    const text = page.sentences[index]!;
    let hits: number[] = [];
    fuseMs.push(
      time(() => {
        hits = fuse!.search(text).map((r) => r.refIndex);
      }),
    );
    let versions: Version[] = [];
    const calls = [0, 1, 2].map(() =>
      time(() => {
        versions = matcher.versions(text);
      }),
    );
    engineUs.push(stat(calls).median * 1000);
    const p = plantedAt.get(index);
    if (p) {
      fuseRecall.of++;
      engineRecall.of++;
      if (hits.some((h) => corpus[h]!.article === p.article && corpus[h]!.start === p.start)) fuseRecall.found++;
      if (foundIn(versions, p)) engineRecall.found++;
    }
    onQuery?.(fuseMs.length);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const fuseMsMean = mean(fuseMs);
  const engineUsMean = mean(engineUs);
  return {
    page: pageSize,
    queries: sample.length,
    corpusSentences: corpus.length,
    indexMs,
    fuseMsPerSentence: stat(fuseMs),
    engineUsPerSentence: stat(engineUs),
    fuseMsMean,
    engineUsMean,
    engineOverFuse: engineUsMean / 1000 / fuseMsMean,
    fuseRecall,
    engineRecall,
  };
}
