/**
 * Child process: everything measured for one corpus size, in a fresh process so its peak
 * memory is the build's own. Builds the index (timed, memory sampled), measures its size, then
 * the engine, the floor and the fuse.js baseline on generated pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildArticle, buildCorpus, type ArticleInput } from '../../core/corpus';
import { linkArticles } from '../../core/links';
import { Matcher } from '../../core/matcher';
import type { CorpusData } from '../../core/types';
import { metadata } from '../../corpus/metadata';
import { loadCorpus } from '../lib/load-corpus';
import { childArg, progress, ROOT, sendResult } from './child';
import { generateArticles, generatePage, plantableSentences, sourcePool, type GeneratedArticle } from './generate';
import { baselineSample, measureBaseline, measurePage, type CorpusSentenceRef } from './matching';
import { bytesOf, collect, stat, time } from './measure';
import { Rng } from './rng';
import type { CorpusPlan, CorpusResult, PageResult } from './types';

const MB = 1024 * 1024;
/** Heap use is sampled every this many articles during a build. */
const HEAP_SAMPLE_EVERY = 100;

const plan = childArg<CorpusPlan>();
const label = plan.bundled ? 'bundled corpus' : `${plan.size.toLocaleString('en')} articles`;
collect();
const rssStartMB = process.memoryUsage().rss / MB;

// The articles' text, read or generated before anything is timed.
const bundled = loadCorpus();
let texts: GeneratedArticle[];
let generateMs: number | undefined;
if (plan.bundled) {
  const dir = join(ROOT, 'corpus');
  texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = basename(f, '.txt');
      return { id, text: readFileSync(join(dir, f), 'utf8').replace(/^\uFEFF/, ''), meta: metadata[id]! };
    });
} else {
  const pool = sourcePool(bundled);
  generateMs = time(() => {
    texts = generateArticles(pool, plan.seed, plan.size);
  });
}

// Index build: buildArticle for every article, then the in-memory index.
progress(`${label}: building the index ${plan.buildRuns}×`);
const articleMs: number[] = [];
const matcherMs: number[] = [];
let data: CorpusData | undefined;
let matcher: Matcher | undefined;
let heapPeak = 0;
const sampleHeap = () => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed));
collect();
const heapBefore = process.memoryUsage().heapUsed;
let peakRssMB = 0;
let heapRetained = 0;
for (let run = 0; run < plan.buildRuns; run++) {
  data = undefined;
  matcher = undefined;
  collect();
  const first = run === 0;
  let built: CorpusData | undefined;
  articleMs.push(
    time(() => {
      const articles = texts!.map((a, i) => {
        if (first && i % HEAP_SAMPLE_EVERY === 0) sampleHeap();
        return buildArticle(a.id, a.text, a.meta);
      });
      built = { format: 2, articles, links: [] };
    }),
  );
  if (first) sampleHeap();
  matcherMs.push(
    time(() => {
      matcher = new Matcher(built!);
    }),
  );
  data = built;
  if (first) {
    sampleHeap();
    peakRssMB = process.resourceUsage().maxRSS / 1024;
    collect();
    heapRetained = process.memoryUsage().heapUsed - heapBefore;
  }
}

// The bundled corpus: the whole build (pull quotes, links) and the links alone; matching then
// uses the shipped index, links included.
let fullBuildMs: number[] | undefined;
let linkBuildMs: number[] | undefined;
if (plan.bundled) {
  const inputs: ArticleInput[] = texts!.map((a) => ({ id: a.id, bytes: Buffer.from(a.text), meta: a.meta }));
  fullBuildMs = Array.from({ length: plan.buildRuns }, () => time(() => buildCorpus(inputs)));
  linkBuildMs = Array.from({ length: plan.buildRuns }, () => {
    const m = new Matcher(bundled);
    return time(() => linkArticles(m));
  });
  data = bundled;
  matcher = new Matcher(bundled);
}
const corpus = data!;
const engine = matcher!;
const indexBytes = bytesOf(JSON.stringify(corpus));

// Matching on each page size. When one pass over a page would not fit the budget (estimated
// from the previous page's speed), the page's first sentences are timed instead, as many as
// fit three passes in the budget.
const plantable = plantableSentences(corpus);
const pages = new Map(
  plan.pages.map((size) => [
    size,
    generatePage(corpus, plantable, size, Rng.derive(plan.seed, 'page', plan.size, size)),
  ]),
);
const pageResults: PageResult[] = [];
let usPerSentence: number | undefined;
for (const [size, page] of pages) {
  let measured = size;
  if (usPerSentence !== undefined && (usPerSentence * size) / 1000 > plan.engine.budgetMs) {
    const fit = plan.engine.budgetMs / plan.engine.runs / (usPerSentence / 1000);
    measured = Math.min(size, Math.max(100, Math.floor(fit / 100) * 100));
  }
  progress(
    `${label}: engine on a ${size.toLocaleString('en')}-sentence page` +
      (measured < size ? ` (first ${measured.toLocaleString('en')} sentences)` : ''),
  );
  const result = measurePage(engine, page, measured, plan);
  usPerSentence = result.engineUsPerSentence.median;
  pageResults.push(result);
}

// The fuse.js baseline on a fixed sample of one page.
const refs: CorpusSentenceRef[] = corpus.articles.flatMap((a) =>
  a.sentences.map((s) => ({ text: a.text.slice(s.start, s.end), article: a.id, start: s.start })),
);
const basePage = pages.get(plan.baseline.page)!;
const sample = baselineSample(basePage, plan.baseline.first, plan.baseline.planted);
progress(`${label}: fuse.js baseline on ${sample.length} sentences`);
const baseline = measureBaseline(engine, refs, basePage, plan.baseline.page, sample, (done) => {
  if (refs.length > 100_000) progress(`${label}: fuse.js query ${done}/${sample.length} done`);
});

sendResult({
  size: plan.size,
  bundled: plan.bundled,
  articles: corpus.articles.length,
  sentences: refs.length,
  links: corpus.links.length,
  generateMs,
  build: {
    articles: stat(articleMs),
    matcher: stat(matcherMs),
    total: stat(articleMs.map((a, i) => a + matcherMs[i]!)),
  },
  fullBuildMs: fullBuildMs && stat(fullBuildMs),
  linkBuildMs: linkBuildMs && stat(linkBuildMs),
  memory: {
    rssStartMB,
    peakRssMB,
    heapBeforeMB: heapBefore / MB,
    heapPeakMB: heapPeak / MB,
    heapRetainedMB: heapRetained / MB,
  },
  indexBytes,
  pages: pageResults,
  baseline,
} satisfies CorpusResult);
