/**
 * What the extension costs a real page's main thread. Each of the saved real pages
 * (tests/realpages.ts) is loaded in Chromium with the built extension and in a Chromium without
 * it, served from 127.0.0.1 with a Content-Security-Policy that keeps every load on that server
 * (the page's inline scripts run; nothing is fetched from elsewhere). A CDP trace of each load
 * (`devtools.timeline` and the V8 sampling profiler) gives the page's main-thread tasks and, from
 * the CPU samples whose stack holds a `chrome-extension://` script, the time the extension spent
 * in each of them.
 *
 * The window measured runs from DOMContentLoaded until the content script is done: its last
 * message to the background (`not-article`, or the last `page:check` batch), seen by a listener
 * added in the service worker, plus a short grace for the highlights; at least 0.8 s, at
 * most `MAX_WINDOW_MS`. The load without the extension is measured over a window of the same
 * length. Figures are reported, never asserted.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Worker } from 'playwright-core';
import { findChromium, launchExtension, startServer, type TestServer } from '../../tests/e2e/harness';
import { launchPlain } from '../../tests/e2e/probe';
import { realPages, realPagesDir, type RealPage } from '../../tests/realpages';
import { MAX_BATCH, MAX_PAGE_SENTENCES } from '../../lib/protocol';

/** A task over this long blocks the page (the Long Tasks API's threshold). */
const LONG_TASK_MS = 50;
const MAX_WINDOW_MS = 15_000;
const MIN_WINDOW_MS = 800;
/** After the content script's last message: the background answers, the highlights are painted. */
const GRACE_MS = 500;
const CSP = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:";
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
];

export interface LoadCost {
  /** Tasks over 50 ms on the page's main thread in the window. */
  longTasks: number;
  /** Total blocking time: the sum of (duration − 50 ms) over those tasks (ms). */
  tbtMs: number;
  /** The longest task in the window (ms). */
  longestTaskMs: number;
}

export interface PageCost {
  page: string;
  bytes: number;
  /** DOMContentLoaded to the content script's last message (ms); undefined if none came. */
  doneMs?: number;
  /** What the content script said last: not-article, checked (page:check), or nothing. */
  outcome: 'not-article' | 'checked' | 'error' | 'none';
  windowMs: number;
  with: LoadCost;
  without: LoadCost;
  /** Most extension time (CPU samples in chrome-extension:// scripts) within one task (ms). */
  extensionLongestMs: number;
  /** Tasks with more than 50 ms of extension time. */
  extensionLongTasks: number;
  /** All extension time in the window (ms). */
  extensionTotalMs: number;
  /** Where the extension's longest task spent its time: innermost extension function (> native or library frame). */
  extensionWhere: string;
}

export type PageCostResult =
  | { skipped: string }
  | {
      pages: PageCost[];
      /** Pages where one task held more than 50 ms of extension time. */
      pagesWithExtensionLongTask: number;
      extensionLongestMs: number;
      /** Pages with any task over 50 ms, with and without the extension. */
      pagesWithLongTask: { with: number; without: number };
      tbtMs: { with: number; without: number };
      /** The worst pages by the extension's longest task. */
      worst: PageCost[];
    };

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      isMainFrame?: boolean;
      startTime?: number;
      cpuProfile?: {
        nodes?: Array<{ id: number; parent?: number; callFrame: { url: string; functionName: string } }>;
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

async function record(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
  }
  return events;
}

interface Analysis {
  dcl: number;
  cost: LoadCost;
  extensionLongestMs: number;
  extensionLongTasks: number;
  extensionTotalMs: number;
  extensionWhere: string;
}

/** Tasks of the page's main thread in [DCL, DCL + windowMs], with the extension's share of each. */
function analyse(events: TraceEvent[], windowMs: number): Analysis {
  const dclEvent = events.find((e) => e.name === 'MarkDOMContent' && e.args?.data?.isMainFrame);
  if (!dclEvent) throw new Error('no DOMContentLoaded in the trace');
  const { pid, tid } = dclEvent;
  const dcl = dclEvent.ts;
  const end = dcl + windowMs * 1000;
  const tasks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined)
    .filter((e) => e.ts + e.dur! > dcl && e.ts < end);

  // CPU samples of that thread: the profile's nodes, each marked when its stack holds an
  // extension script, and the samples' times.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  // [time, extension function innermost in the stack (or undefined), innermost function]
  const samples: Array<[number, string | undefined, string]> = [];
  if (profile) {
    const parent = new Map<number, number | undefined>();
    const url = new Map<number, string>();
    const fn = new Map<number, string>();
    let t = profile.args?.data?.startTime ?? 0;
    for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === pid)) {
      const data = chunk.args?.data;
      for (const n of data?.cpuProfile?.nodes ?? []) {
        parent.set(n.id, n.parent);
        url.set(n.id, n.callFrame.url);
        fn.set(n.id, n.callFrame.functionName || '(anonymous)');
      }
      const ids = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        t += deltas[i] ?? 0;
        const s: [number, string | undefined, string] = [t, undefined, fn.get(ids[i]!) ?? '?'];
        samples.push(s);
        for (let n: number | undefined = ids[i]; n !== undefined; n = parent.get(n))
          if (url.get(n)?.startsWith('chrome-extension://')) {
            s[1] = fn.get(n);
            break;
          }
      }
    }
    samples.sort((a, b) => a[0] - b[0]);
  }
  let longTasks = 0;
  let tbt = 0;
  let longest = 0;
  let extLongest = 0;
  let extLong = 0;
  let extTotal = 0;
  let extWhere = '';
  let si = 0;
  for (const task of tasks.sort((a, b) => a.ts - b.ts)) {
    const ms = task.dur! / 1000;
    longest = Math.max(longest, ms);
    if (ms > LONG_TASK_MS) {
      longTasks++;
      tbt += ms - LONG_TASK_MS;
    }
    // Extension time in the task: each sample stands for the time to the next one.
    while (si < samples.length && samples[si]![0] < task.ts) si++;
    let ext = 0;
    const where = new Map<string, number>();
    for (let j = si; j < samples.length && samples[j]![0] < task.ts + task.dur!; j++) {
      const [at, extFn, leaf] = samples[j]!;
      if (extFn === undefined) continue;
      const d = Math.min(samples[j + 1]?.[0] ?? at, task.ts + task.dur!) - at;
      ext += d;
      const key = leaf === extFn ? extFn : `${extFn} > ${leaf}`;
      where.set(key, (where.get(key) ?? 0) + d);
    }
    ext /= 1000;
    extTotal += ext;
    if (ext > extLongest) {
      extLongest = ext;
      extWhere = [...where]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, d]) => `${k} ${(d / 1000).toFixed(0)} ms`)
        .join(', ');
    }
    if (ext > LONG_TASK_MS) extLong++;
  }
  return {
    dcl,
    cost: { longTasks, tbtMs: tbt, longestTaskMs: longest },
    extensionLongestMs: extLongest,
    extensionLongTasks: extLong,
    extensionTotalMs: extTotal,
    extensionWhere: extWhere,
  };
}

/** Logs, in the service worker, each message a content script sends (it answers none). */
async function hookMessages(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __pageCostLog?: unknown[] };
    if (g.__pageCostLog) return;
    g.__pageCostLog = [];
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    api.runtime.onMessage.addListener((message: unknown, sender) => {
      const m = message as { type?: string; status?: string; sentences?: unknown[]; reset?: boolean };
      g.__pageCostLog!.push({
        url: sender.url,
        type: m.type,
        status: m.status,
        n: m.sentences?.length,
        reset: m.reset,
        t: Date.now(),
      });
      return undefined;
    });
  });
}

interface Logged {
  url: string;
  type: string;
  status?: string;
  n?: number;
  reset?: boolean;
  t: number;
}

async function messagesFor(worker: Worker, url: string): Promise<Logged[]> {
  return worker.evaluate(
    (u) => ((globalThis as unknown as { __pageCostLog?: Logged[] }).__pageCostLog ?? []).filter((m) => m.url === u),
    url,
  );
}

async function loadWith(
  context: BrowserContext,
  worker: () => Worker,
  url: string,
): Promise<{ analysis: Analysis; doneMs?: number; outcome: PageCost['outcome']; windowMs: number }> {
  const page = await context.newPage();
  try {
    await hookMessages(worker());
    const cdp = await context.newCDPSession(page);
    let doneAt: number | undefined;
    let outcome: PageCost['outcome'] = 'none';
    let dclWall = 0;
    const since = Date.now();
    const events = await record(cdp, async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      dclWall = Date.now();
      for (;;) {
        await page.waitForTimeout(100);
        // This load's messages only (an earlier load of the same address may have sent some).
        const log = (await messagesFor(worker(), url)).filter((m) => m.t >= since);
        const last = log.at(-1);
        // Sentences sent since the last batch that started a check.
        let sent = 0;
        for (const m of log) if (m.type === 'page:check') sent = (m.reset ? 0 : sent) + (m.n ?? 0);
        if (last?.type === 'page:status' && (last.status === 'not-article' || last.status === 'error')) {
          outcome = last.status === 'error' ? 'error' : 'not-article';
          doneAt = last.t;
        } else if (last?.type === 'page:check' && ((last.n ?? 0) < MAX_BATCH || sent >= MAX_PAGE_SENTENCES)) {
          outcome = 'checked';
          doneAt = last.t;
        }
        const now = Date.now();
        if (doneAt !== undefined && now >= Math.max(doneAt + GRACE_MS, dclWall + MIN_WINDOW_MS)) break;
        if (now - dclWall > MAX_WINDOW_MS) break;
      }
    });
    const windowMs = Math.min(MAX_WINDOW_MS, Date.now() - dclWall);
    const analysis = analyse(events, windowMs);
    return { analysis, doneMs: doneAt === undefined ? undefined : doneAt - dclWall, outcome, windowMs };
  } finally {
    await page.close();
  }
}

async function loadWithout(context: BrowserContext, url: string, windowMs: number): Promise<Analysis> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events = await record(cdp, async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.waitForTimeout(windowMs);
    });
    return analyse(events, windowMs);
  } finally {
    await page.close();
  }
}

/** The pages of a quick run: a few small and the largest, where the cost shows. */
export function quickPages(all: RealPage[], n: number): RealPage[] {
  const bySize = [...all].sort((a, b) => readFileSync(b.file).length - readFileSync(a.file).length);
  const picked = new Set([...bySize.slice(0, Math.ceil(n / 2)), ...all.slice(0, Math.floor(n / 2))]);
  return all.filter((p) => picked.has(p));
}

/**
 * Every real page (or `limit` of them, see `quickPages`) with and without the extension.
 * `extensionPath` defaults to the build in `.output/chrome-mv3`.
 */
export async function measurePageCost(
  opts: { limit?: number; extensionPath?: string; log?: (m: string) => void; worstCount?: number } = {},
): Promise<PageCostResult> {
  const executablePath = findChromium();
  if (!executablePath) return { skipped: 'no Chromium found ($CHROMIUM_PATH or the usual Debian paths)' };
  const all = realPages();
  const pages = opts.limit !== undefined && opts.limit < all.length ? quickPages(all, opts.limit) : all;
  const server: TestServer = await startServer(realPagesDir(), { headers: { 'content-security-policy': CSP } });
  const ext = await launchExtension({ executablePath, extensionPath: opts.extensionPath });
  const plain = await launchPlain(executablePath);
  const plainContext = await plain.newContext();
  const out: PageCost[] = [];
  try {
    for (const [i, p] of pages.entries()) {
      const url = server.url(`/${encodeURIComponent(p.name)}.html`);
      try {
        const w = await loadWith(ext.context, () => ext.worker, url);
        const without = await loadWithout(plainContext, url, w.windowMs);
        out.push({
          page: p.name,
          bytes: readFileSync(p.file).length,
          doneMs: w.doneMs,
          outcome: w.outcome,
          windowMs: w.windowMs,
          with: w.analysis.cost,
          without: without.cost,
          extensionLongestMs: w.analysis.extensionLongestMs,
          extensionLongTasks: w.analysis.extensionLongTasks,
          extensionTotalMs: w.analysis.extensionTotalMs,
          extensionWhere: w.analysis.extensionWhere,
        });
      } catch (err) {
        opts.log?.(`page cost: ${p.name} failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
      if ((i + 1) % 20 === 0) opts.log?.(`page cost: ${i + 1} of ${pages.length} pages`);
    }
  } finally {
    await plain.close();
    await ext.close();
    await server.close();
  }
  const sum = (f: (p: PageCost) => number) => out.reduce((a, p) => a + f(p), 0);
  return {
    pages: out,
    pagesWithExtensionLongTask: out.filter((p) => p.extensionLongTasks > 0).length,
    extensionLongestMs: Math.max(0, ...out.map((p) => p.extensionLongestMs)),
    pagesWithLongTask: {
      with: out.filter((p) => p.with.longTasks > 0).length,
      without: out.filter((p) => p.without.longTasks > 0).length,
    },
    tbtMs: { with: sum((p) => p.with.tbtMs), without: sum((p) => p.without.tbtMs) },
    worst: [...out].sort((a, b) => b.extensionLongestMs - a.extensionLongestMs).slice(0, opts.worstCount ?? 10),
  };
}
