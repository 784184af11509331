/** What the benchmark's parts measure, as written to bench/results.json. */
import type { BrowserResult } from './browser';
import type { Footprint } from './footprint';
import type { PageCostResult } from './pagecost';
import type { Bytes, Stat } from './measure';

/** What one corpus size's child process measures. */
export interface CorpusPlan {
  /** Articles: the bundled corpus when `bundled`, else generated ones. */
  size: number;
  bundled: boolean;
  seed: number;
  /** Page sizes (sentences). */
  pages: number[];
  /** Index builds timed. */
  buildRuns: number;
  /** Engine passes over each page, and the time they may take in all (ms). */
  engine: { runs: number; budgetMs: number };
  /** Tokenise-only passes over each page. */
  floorRuns: number;
  /** The fuse.js sample: the first `first` sentences and the first `planted` planted ones of page `page`. */
  baseline: { page: number; first: number; planted: number };
}

export interface Recall {
  found: number;
  of: number;
}

export interface PageResult {
  sentences: number;
  /** Sentences timed: the whole page, or its first ones when a pass would be too slow. */
  measured: number;
  planted: number;
  /** One engine pass over the measured sentences (ms), per run. */
  engineMs: Stat;
  engineUsPerSentence: Stat;
  /** Tokenising the same sentences, per sentence (µs). */
  floorUsPerSentence: Stat;
  engineOverFloor: Stat;
  recall: Recall;
  /** Unplanted (filler) sentences that got a version. */
  strayHits: number;
}

export interface BaselineResult {
  /** Page the sample is from. */
  page: number;
  queries: number;
  corpusSentences: number;
  /** Building the fuse.js index over every corpus sentence (ms). */
  indexMs: number;
  /** One fuse.js search per sampled sentence (ms), over the sampled sentences. */
  fuseMsPerSentence: Stat;
  /** The engine on the same sentences (µs; each the median of 3 calls). */
  engineUsPerSentence: Stat;
  /** Means per sentence over the sample, and engine time over fuse.js time for the same sentences. */
  fuseMsMean: number;
  engineUsMean: number;
  engineOverFuse: number;
  fuseRecall: Recall;
  engineRecall: Recall;
}

export interface CorpusResult {
  size: number;
  bundled: boolean;
  articles: number;
  sentences: number;
  links: number;
  /** Generating the articles' text (ms), for generated corpora. */
  generateMs?: number;
  /** buildArticle for every article, new Matcher, and both (ms). */
  build: { articles: Stat; matcher: Stat; total: Stat };
  /** Bundled corpus only: the whole buildCorpus (pull quotes and links included), and the link step alone. */
  fullBuildMs?: Stat;
  linkBuildMs?: Stat;
  memory: {
    /** RSS of the child once its code was loaded, before any data (MB). */
    rssStartMB: number;
    /** Highest RSS of the child up to the end of the first build (MB): includes the article texts. */
    peakRssMB: number;
    /** Heap in use before the build, with the article texts loaded (MB). */
    heapBeforeMB: number;
    /** Highest heap in use sampled during the first build (MB). */
    heapPeakMB: number;
    /** Heap still in use after the build and a full GC, over `heapBeforeMB` (MB). */
    heapRetainedMB: number;
  };
  /** JSON.stringify of the CorpusData. */
  indexBytes: Bytes;
  pages: PageResult[];
  baseline: BaselineResult;
}

/** The cross-article link build on generated articles, under a time limit. */
export type LinkRun =
  | { articles: number; limitMs: number; status: 'done'; ms: number; links: number; sentences: number }
  | { articles: number; limitMs: number; status: 'stopped'; ms: number }
  | { articles: number; limitMs: number; status: 'skipped'; reason: string };

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  chromium?: string;
  platform: string;
  memoryGB: number;
}

export interface BenchResults {
  date: string;
  mode: 'full' | 'quick';
  seed: number;
  machine: Machine;
  footprint?: Footprint;
  browser?: BrowserResult;
  /** The extension's cost on the real pages' main thread. */
  pagecost?: PageCostResult;
  corpora: CorpusResult[];
  links: LinkRun[];
  /** The stored index against the engine before it and MiniSearch (part `scale`). */
  scale?: ScaleResult[];
  /** What was capped, sampled or skipped, in words. */
  notes: string[];
  /** Parts that failed (the run then exits with code 1). */
  failures: string[];
  totalSeconds: number;
}

/** One engine at one size for the scale part (scripts/bench/run-scale.ts). */
export interface ScaleArg {
  engine: 'legacy' | 'index' | 'minisearch';
  articles: number;
  seed: number;
  /** Page size in sentences. */
  page: number;
  /** Articles added one at a time, each timed. */
  adds: number;
  /** Articles imported at once. */
  imports: number;
  /** Time a page pass may take (ms) before only its first sentences are timed. */
  budgetMs: number;
  /** The stored form's file. */
  file: string;
  /** Only make the stored form and write it to `file`. */
  store?: boolean;
}

export interface ScaleResult {
  engine: ScaleArg['engine'];
  articles: number;
  sentences: number;
  /** Read, parse and construct from the stored form. */
  loadMs: number;
  /** Heap kept after load (after a full GC), and the typed arrays' memory beside it. */
  heapMB: number;
  arrayBuffersMB: number;
  page?: {
    sentences: number;
    /** Sentences timed (the first ones, when a whole pass would exceed the budget). */
    measured: number;
    ms: Stat;
    msPer1000: Stat;
    recall: Recall;
    versions: number;
  };
  addMs?: Stat;
  /** `index` only: the part of adding one article before it is matched (indexing; linking follows). */
  addIndexedMs?: Stat;
  importMs?: number;
  /** `index` only: the part of the import before its articles are matched (indexing; linking follows). */
  importIndexedMs?: number;
  importArticles?: number;
  /** The import was stopped at the limit after this many ms. */
  importStoppedMs?: number;
}
