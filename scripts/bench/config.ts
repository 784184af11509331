/**
 * How much the benchmark does: the full run (about ten minutes on two cores) and the quick one
 * (well under a minute, to show the script works).
 */

export interface BenchConfig {
  mode: 'full' | 'quick';
  /** Corpus sizes in articles; the first is the bundled corpus. */
  corpora: number[];
  /** Page sizes in sentences. */
  pages: number[];
  /** Index builds timed per corpus size. */
  buildRuns: number;
  /** Engine passes per page, and the time they may take in all (ms) before fewer are run. */
  engine: { runs: number; budgetMs: number };
  floorRuns: number;
  /** fuse.js searches one sentence in every corpus sentence: slow, so it runs on a fixed sample. */
  baseline(size: number): { page: number; first: number; planted: number };
  /**
   * Link build on generated articles: first `probe` articles with a limit of `probeLimitMs`,
   * then, only when the probe finished within it, `articles` articles with `limitMs`.
   */
  links: { probe: number; probeLimitMs: number; articles: number; limitMs: number };
  /** Loads of each page in Chromium, and how often the large page repeats news.html's article. */
  browser: { loads: number; repeat: number };
  /** Real pages loaded with and without the extension (scripts/bench/pagecost.ts); undefined: all of them. */
  pagecost: { pages?: number };
  /**
   * The scale part (scripts/bench/run-scale.ts): corpus size, page size, articles added one by
   * one and imported at once, the time a page pass may take, and the limit of an import.
   */
  scale: { articles: number; page: number; adds: number; imports: number; budgetMs: number; importLimitMs: number };
}

export const FULL: BenchConfig = {
  mode: 'full',
  corpora: [5, 1000, 10_000],
  pages: [100, 1000, 10_000],
  buildRuns: 3,
  engine: { runs: 3, budgetMs: 150_000 },
  floorRuns: 5,
  // About 40 s of fuse.js per query at 10,000 articles, 4.5 s at 1,000 (measured on 2 cores).
  baseline: (size) =>
    size <= 5
      ? { page: 1000, first: 200, planted: 100 }
      : size <= 1000
        ? { page: 1000, first: 4, planted: 8 }
        : { page: 1000, first: 1, planted: 2 },
  links: { probe: 100, probeLimitMs: 6_000, articles: 1000, limitMs: 60_000 },
  browser: { loads: 10, repeat: 40 },
  pagecost: {},
  scale: { articles: 10_000, page: 1000, adds: 3, imports: 1000, budgetMs: 60_000, importLimitMs: 300_000 },
};

export const QUICK: BenchConfig = {
  mode: 'quick',
  corpora: [5, 50, 200],
  pages: [50, 200],
  buildRuns: 3,
  engine: { runs: 3, budgetMs: 5_000 },
  floorRuns: 3,
  baseline: (size) =>
    size <= 5 ? { page: 200, first: 20, planted: 10 } : { page: 200, first: 1, planted: size <= 50 ? 3 : 2 },
  links: { probe: 10, probeLimitMs: 2_000, articles: 50, limitMs: 5_000 },
  browser: { loads: 3, repeat: 5 },
  pagecost: { pages: 4 },
  scale: { articles: 200, page: 200, adds: 3, imports: 20, budgetMs: 3_000, importLimitMs: 20_000 },
};
