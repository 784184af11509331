/**
 * The built extension in a real Chromium, on the end-to-end test page tests/e2e/pages/news.html
 * and on a large variant of it (its article repeated, made at bench time in a temporary folder):
 * time from DOMContentLoaded to the first highlights, and the longest main-thread task meanwhile.
 * Measured in the page's own world: a script added before the page's own records
 * DOMContentLoaded, polls each frame until the content script has registered a highlight, and
 * collects long tasks (over 50 ms) with a PerformanceObserver. Each load is a fresh tab.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { findChromium, launchExtension, PAGES_DIR, startServer, type TestServer } from '../../tests/e2e/harness';
import { stat, type Stat } from './measure';

export interface BrowserLoad {
  /** DOMContentLoaded to highlights registered (ms). */
  highlightMs: number;
  /** Longest task overlapping that interval (ms); 0 when none was over 50 ms. */
  longestTaskMs: number;
  longTasks: number;
}

export interface BrowserPage {
  page: string;
  /** HTML size of the page. */
  bytes: number;
  loads: BrowserLoad[];
  highlightMs: Stat;
  longestTaskMs: Stat;
  /** The first load, when the service worker also loads the index. */
  firstLoad: BrowserLoad;
}

export type BrowserResult = { skipped: string } | { chromium: string; pages: BrowserPage[] };

/** A load that shows no highlights by then has failed. */
const LOAD_TIMEOUT_MS = 60_000;
const LARGE_PAGE = 'news-large.html';

interface ProbeState {
  dcl: number;
  highlighted: number;
  tasks: Array<[number, number]>;
  done: boolean;
}

/**
 * Runs in the page before its own scripts. A string, not a function: the page gets the source
 * exactly as written, whatever the TypeScript loader does to functions.
 */
const PROBE = `(() => {
  const state = { dcl: -1, highlighted: -1, tasks: [], done: false };
  window.__benchProbe = state;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: no long tasks reported
  }
  document.addEventListener('DOMContentLoaded', () => {
    state.dcl = performance.now();
    const poll = () => {
      if (CSS.highlights.size > 0) {
        state.highlighted = performance.now();
        // Let the observer deliver the last long task before reading.
        setTimeout(() => (state.done = true), 100);
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
})();`;

/** The full version ("131.0.6778.85"): the user agent string carries only the major one. */
async function browserVersion(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');
    return /\/([\d.]+)/.exec(product)?.[1] ?? product;
  } finally {
    await page.close();
  }
}

/** news.html with its article's content repeated `times` times (ids dropped from the copies). */
async function largePage(dir: string, times: number): Promise<void> {
  const html = await readFile(join(PAGES_DIR, 'news.html'), 'utf8');
  const story = /(<article\b[^>]*>)([\s\S]*?)(<\/article>)/.exec(html);
  if (!story) throw new Error('news.html has no <article> to repeat');
  const copy = story[2]!.replace(/\sid="[^"]*"/g, '');
  const article = story[1]! + story[2]! + copy.repeat(times - 1) + story[3]!;
  await writeFile(
    join(dir, LARGE_PAGE),
    html.replace(story[0], () => article),
  );
}

async function measureLoad(page: Page, url: string): Promise<BrowserLoad> {
  await page.addInitScript({ content: PROBE });
  await page.goto(url);
  const handle = await page.waitForFunction('window.__benchProbe?.done && window.__benchProbe', undefined, {
    timeout: LOAD_TIMEOUT_MS,
  });
  const s = (await handle.jsonValue()) as ProbeState;
  const during = s.tasks.filter(([start, duration]) => start < s.highlighted && start + duration > s.dcl);
  return {
    highlightMs: s.highlighted - s.dcl,
    longestTaskMs: Math.max(0, ...during.map(([, d]) => d)),
    longTasks: during.length,
  };
}

async function measurePage(
  context: BrowserContext,
  server: TestServer,
  dir: string,
  file: string,
  loads: number,
): Promise<BrowserPage> {
  const results: BrowserLoad[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await context.newPage();
    try {
      results.push(await measureLoad(page, server.url(`/${file}`)));
    } finally {
      await page.close();
    }
  }
  return {
    page: file,
    bytes: (await readFile(join(dir, file))).length,
    loads: results,
    highlightMs: stat(results.map((r) => r.highlightMs)),
    longestTaskMs: stat(results.map((r) => r.longestTaskMs)),
    firstLoad: results[0]!,
  };
}

/** `loads` fresh loads of news.html, then of news.html with its article repeated `repeat` times. */
export async function measureBrowser(loads: number, repeat: number): Promise<BrowserResult> {
  const executablePath = findChromium();
  if (!executablePath) return { skipped: 'no Chromium found ($CHROMIUM_PATH or the usual Debian paths)' };
  const dir = await mkdtemp(join(tmpdir(), 'quote-check-bench-'));
  try {
    await cp(PAGES_DIR, dir, { recursive: true });
    await largePage(dir, repeat);
    const server = await startServer(dir);
    const ext = await launchExtension({ executablePath }).catch(async (err: unknown) => {
      await server.close();
      throw err;
    });
    try {
      const chromium = await browserVersion(ext.context);
      const pages = [
        await measurePage(ext.context, server, dir, 'news.html', loads),
        await measurePage(ext.context, server, dir, LARGE_PAGE, loads),
      ];
      return { chromium, pages };
    } finally {
      await ext.close();
      await server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
