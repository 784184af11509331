/**
 * Child process: one engine at one corpus size, in a fresh process so its heap is its own.
 * Engines: `legacy` (the matcher before the stored index: tokenises the corpus when built, an
 * article added means building it again), `index` (core/index/: segments stored ready to use,
 * articles added and removed in place, with their links) and `minisearch` (MiniSearch as the
 * candidate retriever, feeding the same alignment).
 *
 * 1. The stored form is made from the generated articles and written to a file, by a child of
 *    its own (`store` set), so none of what it built is on the measuring child's heap.
 * 2. Load: read + parse + construct, timed; the heap it keeps (after a full GC).
 * 3. A page of generated sentences (10% planted near-copies): ms per pass, recall.
 * 4. Adding one article (each engine's own way), a few times.
 * 5. Importing a batch of articles (the index links them too), last: the parent may stop it.
 * The result is sent after each step, so a stopped import keeps the others.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Matcher } from '../../core/matcher';
import { packSegments } from '../../core/index/segment';
import type { CorpusArticle, CorpusData, CorpusDataV1 } from '../../core/types';
import { loadCorpus } from '../lib/load-corpus';
import { childArg, progress, sendResult, signalReady } from './child';
import { corpusOf, generateArticle, generateArticles, generatePage, plantableSentences, sourcePool } from './generate';
import { LegacyMatcher } from './legacy-matcher';
import { collect, stat, time, timeRuns } from './measure';
import { MiniSearchEngine, type StoredMiniSearch } from './minisearch-engine';
import { Rng } from './rng';
import type { ScaleArg, ScaleResult } from './types';

const MB = 1024 * 1024;
const arg = childArg<ScaleArg>();
const label = `${arg.engine} at ${arg.articles.toLocaleString('en')} articles`;
const pool = sourcePool(loadCorpus());

interface Engine {
  versions(text: string): Array<{ article: string; start: number }>;
  /** Adds articles (`index`: with their links); returns the links made, when the engine links. */
  add(articles: CorpusArticle[]): void;
  /** `index` only: adding in two steps, indexed (matched from then on), then linked. */
  steps?: { index(articles: CorpusArticle[]): void; link(): void };
}

// 1. The stored form, in a child of its own.
const file = arg.file;
if (arg.store) {
  progress(`${label}: generating and storing`);
  const data = corpusOf(generateArticles(pool, arg.seed, arg.articles));
  let stored: unknown;
  if (arg.engine === 'legacy') stored = { format: 1, articles: data.articles, links: [] } satisfies CorpusDataV1;
  else if (arg.engine === 'index') {
    const m = new Matcher(data);
    stored = { ...data, segments: packSegments(data.articles.map((a) => m.segmentOf(a.id)!)) } satisfies CorpusData;
  } else stored = MiniSearchEngine.build(data.articles).store(data.articles);
  writeFileSync(file, JSON.stringify(stored));
  sendResult({ stored: true });
  process.exit(0);
}
collect();

// 2. Load.
progress(`${label}: loading`);
const before = process.memoryUsage();
let engine: Engine | undefined;
let articles: CorpusArticle[] = [];
const loadMs = time(() => {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as CorpusDataV1 | CorpusData | StoredMiniSearch;
  articles = parsed.articles;
  if (arg.engine === 'legacy') {
    let m = new LegacyMatcher(parsed as CorpusDataV1);
    engine = {
      versions: (t) => m.versions(t),
      // No update in place: the whole index again.
      add: (more) => {
        articles = [...articles, ...more];
        m = new LegacyMatcher({ format: 1, articles, links: [] });
      },
    };
  } else if (arg.engine === 'index') {
    const m = new Matcher(parsed as CorpusData);
    engine = {
      versions: (t) => m.versions(t),
      add: (more) => void m.importArticles(more),
      steps: { index: (more) => m.indexUnlinked(more), link: () => void m.linkPending() },
    };
  } else {
    const m = MiniSearchEngine.load(parsed as StoredMiniSearch);
    engine = { versions: (t) => m.versions(t), add: (more) => m.add(more) };
  }
});
collect();
const after = process.memoryUsage();
const result: ScaleResult = {
  engine: arg.engine,
  articles: arg.articles,
  sentences: articles.reduce((n, a) => n + a.sentences.length, 0),
  loadMs,
  heapMB: (after.heapUsed - before.heapUsed) / MB,
  arrayBuffersMB: (after.arrayBuffers - before.arrayBuffers) / MB,
};
sendResult(result);

// 3. A page.
progress(`${label}: a ${arg.page}-sentence page`);
const data = { articles } as CorpusData;
const page = generatePage(data, plantableSentences(data), arg.page, Rng.derive(arg.seed, 'scale-page', arg.page));
// A pass that would take longer than the budget is timed on the page's first sentences.
const firstMs = time(() => {
  for (const s of page.sentences.slice(0, 50)) engine!.versions(s);
});
const estimate = (firstMs / 50) * page.sentences.length;
const measured =
  estimate > arg.budgetMs
    ? Math.max(50, Math.floor((arg.budgetMs / estimate) * page.sentences.length))
    : page.sentences.length;
const sentences = page.sentences.slice(0, measured);
const found: Array<Array<{ article: string; start: number }>> = [];
const runs = timeRuns(
  () => {
    sentences.forEach((s, i) => (found[i] = engine!.versions(s)));
  },
  { runs: 3, budgetMs: arg.budgetMs },
);
const planted = page.planted.filter((p) => p.index < measured);
result.page = {
  sentences: page.sentences.length,
  measured,
  ms: stat(runs),
  msPer1000: stat(runs.map((ms) => (ms * 1000) / measured)),
  recall: {
    found: planted.filter((p) => found[p.index]!.some((v) => v.article === p.article && v.start === p.start)).length,
    of: planted.length,
  },
  versions: found.reduce((n, v) => n + v.length, 0),
};
sendResult(result);

// 4. Adding one article, `adds` times (new articles, numbered after the corpus).
progress(`${label}: adding one article, ${arg.adds}×`);
const fresh = (from: number, count: number) =>
  Array.from({ length: count }, (_, k) => corpusOf([generateArticle(pool, arg.seed, from + k)]).articles[0]!);
const steps = engine!.steps;
if (steps) {
  // Indexed (matched from then on), then linked: both timed, the sum is the add.
  const indexed: number[] = [];
  const adds = fresh(arg.articles, arg.adds).map((a) => {
    const ms = time(() => steps.index([a]));
    indexed.push(ms);
    return ms + time(() => steps.link());
  });
  result.addMs = stat(adds);
  result.addIndexedMs = stat(indexed);
} else result.addMs = stat(fresh(arg.articles, arg.adds).map((a) => time(() => engine!.add([a]))));
sendResult(result);

// 5. Importing a batch, timed from @ready (the parent's limit counts from there).
const batch = fresh(arg.articles + arg.adds, arg.imports);
progress(`${label}: importing ${arg.imports.toLocaleString('en')} articles`);
collect();
signalReady();
result.importArticles = arg.imports;
if (steps) {
  // The indexed part is sent first: a link step stopped at the limit keeps it.
  result.importIndexedMs = time(() => steps.index(batch));
  sendResult(result);
  result.importMs = result.importIndexedMs + time(() => steps.link());
} else result.importMs = time(() => engine!.add(batch));
sendResult(result);
