/**
 * The benchmark: index build, size and memory, matching throughput against a fuse.js baseline
 * and the tokenise-only floor, recall on planted near-copies, the extension's footprint, its
 * speed in Chromium and its cost on the main thread of real pages. Corpora of 1,000 and 10,000 articles and the pages are generated from the
 * bundled corpus with a fixed seed at run time; nothing generated is kept.
 *
 * Usage: npm run bench [-- --quick] [-- --seed <n>] [-- --out <file>] [-- --only <part>]
 * (parts: footprint, browser, pagecost, corpora, links, scale)
 * Prints tables on stdout (progress on stderr) and writes everything to bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, arch, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBrowser } from './bench/browser';
import { ROOT, runChild } from './bench/child';
import { FULL, QUICK, type BenchConfig } from './bench/config';
import { measureFootprint } from './bench/footprint';
import { measurePageCost } from './bench/pagecost';
import { report } from './bench/report';
import type { LinksArg, LinksResult } from './bench/run-links';
import type { BenchResults, CorpusPlan, CorpusResult, LinkRun, ScaleArg, ScaleResult } from './bench/types';

const DEFAULT_SEED = 20240627;
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const int = (x: number) => x.toLocaleString('en');
const firstLine = (err: unknown) => (err instanceof Error ? err.message.split('\n')[0]! : String(err));

/** A part that failed: the others still run, the results are still written, and the exit code is 1. */
function failed(results: BenchResults, part: string, err: unknown): void {
  const message = `${part} failed: ${firstLine(err)}`;
  log(message);
  results.failures.push(message);
}

async function corpora(config: BenchConfig, seed: number, results: BenchResults): Promise<void> {
  for (const [i, size] of config.corpora.entries()) {
    const bundled = i === 0;
    log(`corpus: ${bundled ? 'bundled' : `${int(size)} generated articles`}`);
    const plan: CorpusPlan = {
      size,
      bundled,
      seed,
      pages: config.pages,
      buildRuns: config.buildRuns,
      engine: config.engine,
      floorRuns: config.floorRuns,
      baseline: config.baseline(size),
    };
    let r: CorpusResult;
    try {
      r = (await runChild<CorpusResult>('run-corpus.ts', plan)).result!;
    } catch (err) {
      failed(results, `corpus of ${int(size)} articles`, err);
      continue;
    }
    results.corpora.push(r);
    for (const p of r.pages) {
      if (p.measured < p.sentences)
        results.notes.push(
          `${int(size)} articles × ${int(p.sentences)}-sentence page: the engine was timed on the first ` +
            `${int(p.measured)} sentences only (a whole pass would take over the ${config.engine.budgetMs / 1000} s budget).`,
        );
      else if (p.engineMs.n < config.engine.runs)
        results.notes.push(
          `${int(size)} articles × ${int(p.sentences)}-sentence page: ${p.engineMs.n} engine pass(es) instead of ` +
            `${config.engine.runs} (${config.engine.budgetMs / 1000} s budget).`,
        );
    }
    const b = r.baseline;
    results.notes.push(
      `fuse.js at ${bundled ? 'the bundled corpus' : `${int(size)} articles`}: ${b.queries} sampled sentences of the ` +
        `${int(b.page)}-sentence page (${b.fuseRecall.of} planted), each searched once.`,
    );
  }
}

/** Link build on generated articles: a probe with a short limit, then the larger size only if the probe was quick. */
async function links(config: BenchConfig, seed: number): Promise<LinkRun[]> {
  const { probe, probeLimitMs, articles, limitMs } = config.links;
  const run = async (n: number, limit: number): Promise<LinkRun> => {
    log(`link build: ${int(n)} generated articles (limit ${limit / 1000} s)`);
    const out = await runChild<LinksResult>('run-links.ts', { articles: n, seed } satisfies LinksArg, {
      limitMs: limit,
    });
    return out.timedOut
      ? { articles: n, limitMs: limit, status: 'stopped', ms: out.elapsedMs }
      : { articles: n, limitMs: limit, status: 'done', ...out.result! };
  };
  const first = await run(probe, probeLimitMs);
  if (first.status === 'done') return [first, await run(articles, limitMs)];
  const reason = `${int(probe)} articles took over ${probeLimitMs / 1000} s`;
  return [first, { articles, limitMs, status: 'skipped', reason }];
}

/** The stored index against the engine before it and MiniSearch, each in its own process. */
async function scale(config: BenchConfig, seed: number, results: BenchResults): Promise<void> {
  const { articles, page, adds, imports, budgetMs, importLimitMs } = config.scale;
  results.scale = [];
  for (const engine of ['legacy', 'index', 'minisearch'] as const) {
    log(`scale: ${engine} at ${int(articles)} generated articles`);
    const dir = mkdtempSync(join(tmpdir(), 'qc-scale-'));
    try {
      const arg: ScaleArg = { engine, articles, seed, page, adds, imports, budgetMs, file: join(dir, 'index.json') };
      await runChild('run-scale.ts', { ...arg, store: true });
      const out = await runChild<ScaleResult>('run-scale.ts', arg, { limitMs: importLimitMs });
      if (!out.result) throw new Error('no result before the limit');
      if (out.timedOut) {
        out.result.importStoppedMs = out.elapsedMs;
        out.result.importArticles = imports;
      }
      results.scale.push(out.result);
    } catch (err) {
      failed(results, `scale (${engine})`, err);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  results.notes.push(
    `Scale: ${int(articles)} generated articles without links, stored as each engine stores them, loaded in a fresh ` +
      `process; a ${int(page)}-sentence page (10% planted near-copies); ${adds} articles added one at a time; ` +
      `${int(imports)} imported at once (limit ${importLimitMs / 1000} s). The old engine adds by building everything ` +
      `again; the stored index also links each new article to the corpus ("matched after": the indexing step, ` +
      `after which the article is matched directly while its links are made); MiniSearch does not link.`,
  );
}

function ensureBuilt(): void {
  if (existsSync(join(EXTENSION_DIR, 'manifest.json'))) return;
  log('no built extension: running "npx wxt build"');
  // The build's output goes to stderr, so stdout keeps only the tables.
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      out: { type: 'string', default: join(ROOT, 'bench', 'results.json') },
      only: { type: 'string' },
    },
  });
  const parts = ['footprint', 'browser', 'pagecost', 'corpora', 'links', 'scale'];
  if (values.only !== undefined && !parts.includes(values.only))
    throw new Error(`--only takes one of ${parts.join(', ')}, not "${values.only}"`);
  const run = (part: string) => values.only === undefined || values.only === part;
  const config = values.quick ? QUICK : FULL;
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, not "${values.seed}"`);
  const started = performance.now();
  const results: BenchResults = {
    date: new Date().toISOString(),
    mode: config.mode,
    seed,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      node: process.version,
      platform: `${platform()} ${release()} ${arch()}`,
      memoryGB: totalmem() / 1024 ** 3,
    },
    corpora: [],
    links: [],
    notes: [],
    failures: [],
    totalSeconds: 0,
  };

  ensureBuilt();
  if (run('footprint')) {
    results.footprint = measureFootprint(ROOT, EXTENSION_DIR);
    if (results.footprint.stale)
      log('the built extension is older than its sources: footprint and browser figures may be out of date');
  }

  if (run('browser')) log(`browser: ${config.browser.loads} loads of news.html and of a large variant`);
  if (run('browser'))
    try {
      results.browser = await measureBrowser(config.browser.loads, config.browser.repeat);
      if ('skipped' in results.browser) log(`browser part skipped: ${results.browser.skipped}`);
      else {
        results.machine.chromium = results.browser.chromium;
        results.notes.push(
          `news-large.html: news.html with its article repeated ${config.browser.repeat}×, made in a temporary folder for the run.`,
        );
      }
    } catch (err) {
      results.browser = { skipped: `failed: ${firstLine(err)}` };
      failed(results, 'the Chromium part', err);
    }

  if (run('pagecost')) {
    log(`page cost: ${config.pagecost.pages ?? 'all'} real pages, each loaded with and without the extension`);
    try {
      results.pagecost = await measurePageCost({ limit: config.pagecost.pages, log });
      if ('skipped' in results.pagecost) log(`page cost part skipped: ${results.pagecost.skipped}`);
    } catch (err) {
      results.pagecost = { skipped: `failed: ${firstLine(err)}` };
      failed(results, 'the page cost part', err);
    }
  }

  if (run('corpora')) await corpora(config, seed, results);
  if (run('links')) {
    try {
      results.links = await links(config, seed);
    } catch (err) {
      failed(results, 'the link build', err);
    }
    results.notes.push(
      `Link build runs only on the bundled corpus and, when ${int(config.links.probe)} generated articles take at most ` +
        `${config.links.probeLimitMs / 1000} s, on ${int(config.links.articles)} (one run, ${config.links.limitMs / 1000} s limit).`,
    );
  }

  if (run('scale')) await scale(config, seed, results);

  results.totalSeconds = (performance.now() - started) / 1000;
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(report(results));
  console.log(`\nAll figures: ${relative(process.cwd(), out) || out}`);
  if (results.failures.length) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
