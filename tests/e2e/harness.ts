/**
 * End-to-end harness: launches a real Chromium with the built extension (`.output/chrome-mv3`),
 * serves the test pages in `tests/e2e/pages/` from 127.0.0.1, and collects every error the
 * browser reports so a test can assert there were none.
 *
 * Build the extension before running: `npm run corpus && npx wxt build`, then
 * `npx vitest run --config vitest.e2e.config.ts`.
 *
 * Code passed to `worker.evaluate()` runs inside the extension's service worker, where `chrome`
 * is the extension API. Give it a type in the test file with
 * `declare const chrome: ExtensionChrome;` (module scoped, so it does not leak into the
 * extension's own code).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { findBrowser, requireBrowser, type BrowserSpec } from './find-browser';

/** The extension API as seen by functions passed to `worker.evaluate()`. */
export type ExtensionChrome = typeof browser;

/** Root of the repository (this file is `tests/e2e/harness.ts`). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The Chrome build of the extension made by `npx wxt build`. */
export const EXTENSION_DIR = join(REPO_ROOT, '.output', 'chrome-mv3');
/** The static test pages. */
export const PAGES_DIR = join(REPO_ROOT, 'tests', 'e2e', 'pages');
/** Where `screenshot()` writes (git-ignored). */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'screenshots');

const CHROMIUM: BrowserSpec = {
  name: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  candidates: ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'],
  apt: 'chromium',
};

/** The Chromium to use: `$CHROMIUM_PATH`, else the usual Debian locations; undefined if none. */
export function findChromium(): string | undefined {
  return findBrowser(CHROMIUM);
}

/** For test files: the Chromium path, or undefined (after a loud warning) so the suite is skipped. */
export function requireChromium(): string | undefined {
  return requireBrowser(CHROMIUM);
}

export interface LaunchOptions {
  /** Browser executable; default `findChromium()`. */
  executablePath?: string;
  /** Unpacked extension directory; default `.output/chrome-mv3`. */
  extensionPath?: string;
  /** Default true; `E2E_HEADED=1` shows the window. */
  headless?: boolean;
  /** More Chromium flags, after the standard ones. */
  args?: string[];
  /**
   * Load a private copy of the extension (default true), so a rebuild of `.output/` while the
   * tests run cannot change or remove files under the running browser.
   */
  copyExtension?: boolean;
  /**
   * A browser profile to use and keep (the caller deletes it), so a second launch finds what
   * the first stored; default a fresh temporary one. Its extension copy is kept beside it, so
   * the extension's id, and with it its storage, stays the same from one launch to the next.
   */
  profileDir?: string;
}

/** Where a test wants the popup to look: a page, or a matcher for the URL of a page of the context. */
export type TabTarget = Page | string | RegExp | ((url: string) => boolean);

export interface OpenedPopup {
  /** The popup, opened as an ordinary tab at `chrome-extension://<id>/popup.html?tab=<tabId>`. */
  popup: Page;
  /** The browser tab id of the target page, if one was found. */
  tabId: number | undefined;
}

export interface ExtensionSession {
  context: BrowserContext;
  /** The extension's service worker (kept current if Chromium restarts it). */
  worker: Worker;
  extensionId: string;
  /** `chrome-extension://<id>/` */
  baseUrl: string;
  /**
   * Console messages of type error and uncaught exceptions from every page of the context (also
   * pages opened later, the popup included), their dedicated workers and the extension's service
   * worker; each is `<page url> [console.error|pageerror] <text> (<source location>)`.
   */
  consoleErrors: string[];
  /** Requests that failed (network error, abort): `<page url> [requestfailed] <METHOD> <url>: <reason>`. */
  failedRequests: string[];
  /** The entries of `consoleErrors` that come from the extension: its pages, worker or scripts. */
  extensionErrors(): string[];
  /** The browser tab id of a page (see `openPopupFor`). */
  tabIdOf(page: Page): Promise<number | undefined>;
  /** Opens the popup for the page matched by `target`; without one, for the newest web page. */
  openPopup(target?: TabTarget): Promise<OpenedPopup>;
  /** Opens the popup for `page`. */
  openPopupFor(page: Page): Promise<OpenedPopup>;
  /** Closes the browser and deletes the temporary profile (not a `profileDir` of the caller's). */
  close(): Promise<void>;
  /** Kills the browser's processes at once (SIGKILL), as a crash or a killed browser would end. */
  kill(): Promise<void>;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

const STANDARD_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  // Without these Chromium tries to reach the internet at start-up.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Size of a browser-action popup (Chromium caps popups at 800×600). */
const POPUP_VIEWPORT = { width: 420, height: 600 };

/** Launches Chromium with the built extension in a fresh temporary profile. */
export async function launchExtension(opts: LaunchOptions = {}): Promise<ExtensionSession> {
  const executablePath = opts.executablePath ?? findChromium();
  if (!executablePath) throw new Error('No Chromium found: install chromium or set CHROMIUM_PATH.');
  const built = resolve(opts.extensionPath ?? EXTENSION_DIR);
  if (!existsSync(join(built, 'manifest.json')))
    throw new Error(`No built extension at ${built}: run \`npm run corpus && npx wxt build\` first.`);

  // One temporary directory: the browser profile, and the copy of the extension beside it.
  const kept = opts.profileDir !== undefined;
  const tmp = opts.profileDir ?? (await mkdtemp(join(tmpdir(), 'quote-check-e2e-')));
  const profile = join(tmp, 'profile');
  const removeTmp = () =>
    kept ? Promise.resolve() : rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  const ext = opts.copyExtension === false ? built : join(tmp, 'extension');
  let context: BrowserContext;
  try {
    if (ext !== built && !existsSync(join(ext, 'manifest.json'))) await cp(built, ext, { recursive: true });
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: opts.headless ?? process.env.E2E_HEADED !== '1',
      args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...STANDARD_ARGS, ...(opts.args ?? [])],
    });
  } catch (err) {
    await removeTmp();
    throw err;
  }

  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];

  const describeMessage = (where: string, msg: ConsoleMessage) => {
    const loc = msg.location();
    const at = loc.url ? ` (${loc.url}:${loc.lineNumber}:${loc.columnNumber})` : '';
    return `${where} [console.error] ${msg.text()}${at}`;
  };
  const watchWorker = (w: Worker, owner: () => string) => {
    w.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(describeMessage(`${owner()} worker ${w.url()}`, msg));
    });
  };
  const watchPage = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(describeMessage(page.url(), msg));
    });
    page.on('pageerror', (err) => {
      consoleErrors.push(`${page.url()} [pageerror] ${err.stack ?? `${err.name}: ${err.message}`}`);
    });
    page.on('worker', (w) => watchWorker(w, () => page.url()));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.on('requestfailed', (req) => {
    let where = '(service worker)';
    try {
      where = req.frame().page().url();
    } catch {
      // a request of a worker has no frame
    }
    failedRequests.push(`${where} [requestfailed] ${req.method()} ${req.url()}: ${req.failure()?.errorText ?? '?'}`);
  });

  const isExtensionWorker = (w: Worker) => w.url().startsWith('chrome-extension://');
  const watched = new Map<Worker, Promise<void>>();
  const watchServiceWorker = (w: Worker): Promise<void> => {
    const seen = watched.get(w);
    if (seen) return seen;
    w.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(describeMessage(w.url(), msg));
    });
    // Uncaught errors of a service worker reach no Playwright event: report them as console errors.
    const hooked = w
      .evaluate(() => {
        const g = globalThis as unknown as { __e2eErrorHooks?: boolean };
        if (g.__e2eErrorHooks) return;
        g.__e2eErrorHooks = true;
        self.addEventListener('error', (e) =>
          console.error(`uncaught ${e.error instanceof Error ? (e.error.stack ?? e.error.message) : e.message}`),
        );
        self.addEventListener('unhandledrejection', (e) => {
          const r: unknown = e.reason;
          console.error(`unhandled rejection ${r instanceof Error ? (r.stack ?? r.message) : String(r)}`);
        });
      })
      .catch(() => undefined);
    watched.set(w, hooked);
    return hooked;
  };

  let worker: Worker;
  try {
    context.on('serviceworker', (w) => {
      if (!isExtensionWorker(w)) return;
      void watchServiceWorker(w);
      worker = w; // Chromium may stop an idle worker and start a new one
    });
    worker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 30_000 }));
    await watchServiceWorker(worker); // awaited here so the hooks are in before any test runs
  } catch (err) {
    await context.close().catch(() => undefined);
    await removeTmp();
    throw err;
  }
  const extensionId = new URL(worker.url()).host;
  const baseUrl = `chrome-extension://${extensionId}/`;

  async function tabIdOf(page: Page): Promise<number | undefined> {
    const url = page.url();
    // Without the `tabs` permission Chromium hides the URL of most tabs: then this finds nothing.
    const ids = await worker.evaluate(
      async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id),
      url,
    );
    if (ids.length === 1 && ids[0] !== undefined) return ids[0];
    // Fall back on the active tab while the page is in front.
    await page.bringToFront();
    return worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    });
  }

  function findPage(target: Exclude<TabTarget, Page> | undefined): Page | undefined {
    const web = context.pages().filter((p) => !p.url().startsWith(baseUrl) && p.url() !== 'about:blank');
    const match =
      target === undefined
        ? () => true
        : typeof target === 'string'
          ? (u: string) => u === target || u.includes(target)
          : target instanceof RegExp
            ? (u: string) => target.test(u)
            : target;
    return web.filter((p) => match(p.url())).at(-1);
  }

  /**
   * Opens popup.html in a new tab. A real popup asks for the active tab
   * (`tabs.query({ active: true, lastFocusedWindow: true })`), but here the popup page is itself
   * the active tab; so the popup must also accept the tab to show from an optional `?tab=<id>`
   * query parameter, which this passes.
   */
  async function openPopup(target?: TabTarget): Promise<OpenedPopup> {
    const page = target === undefined || !isPage(target) ? findPage(target) : target;
    if (target !== undefined && !page) throw new Error(`openPopup: no page of the context matches ${String(target)}`);
    const tabId = page ? await tabIdOf(page) : undefined;
    const popup = await context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(`${baseUrl}popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`);
    return { popup, tabId };
  }

  let closed = false;
  return {
    context,
    get worker() {
      return worker;
    },
    extensionId,
    baseUrl,
    consoleErrors,
    failedRequests,
    extensionErrors: () => consoleErrors.filter((e) => e.includes(baseUrl)),
    tabIdOf,
    openPopup,
    openPopupFor: (page) => openPopup(page),
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      await removeTmp();
    },
    async kill() {
      if (closed) return;
      closed = true;
      // Every process of this browser has the profile's path on its command line.
      spawnSync('pkill', ['-KILL', '-f', profile]);
      for (let i = 0; i < 50 && spawnSync('pgrep', ['-f', profile]).status === 0; i++) await sleep(100);
      await context.close().catch(() => undefined);
    },
  };
}

function isPage(x: TabTarget): x is Page {
  return typeof x === 'object' && !(x instanceof RegExp);
}

declare const chrome: ExtensionChrome;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface ServerOptions {
  /** Extra response headers (e.g. a Content-Security-Policy), for every file or per path. */
  headers?: Record<string, string> | ((path: string) => Record<string, string> | undefined);
}

export interface TestServer {
  /** Absolute URL of a path on the server, e.g. `url('/news.html')`. */
  url(path?: string): string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the files of `dir` on 127.0.0.1 (a free port). Unknown paths get 404. A `?delay=<ms>`
 * query holds the response back that long (at most 60 s).
 */
export async function startServer(dir: string = PAGES_DIR, opts: ServerOptions = {}): Promise<TestServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const reqUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
      const delay = Math.min(Number(reqUrl.searchParams.get('delay')) || 0, 60_000);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      let pathname: string;
      try {
        pathname = decodeURIComponent(reqUrl.pathname);
      } catch {
        pathname = '\0';
      }
      if (pathname.endsWith('/')) pathname += 'index.html';
      const file = resolve(root, `.${pathname}`);
      const inside = file.startsWith(root + sep) && !pathname.includes('\0');
      const body = inside && (req.method === 'GET' || req.method === 'HEAD') ? await readIfFile(file) : undefined;
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end('Not found\n');
        return;
      }
      const extra = typeof opts.headers === 'function' ? opts.headers(pathname) : opts.headers;
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        ...extra,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path = '/') => new URL(path, origin).href,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

async function readIfFile(file: string): Promise<Buffer | undefined> {
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return await readFile(file);
  } catch {
    return undefined;
  }
}

/** The path of `screenshots/<name>.png` at the repository root (the directory is created). */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
}

/** Saves a PNG of the page's viewport to `screenshots/<name>.png` at the repository root; returns its path. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  const path = screenshotPath(name);
  await page.screenshot({ path, fullPage: opts.fullPage ?? false });
  return path;
}

/**
 * "Check this quote" on `selectionText` in tab `tabId`: context menus cannot be clicked in a
 * headless browser, so the extension's own onClicked listeners are dispatched from its service
 * worker, with the info Chromium would pass.
 */
export async function dispatchCheckQuote(worker: Worker, selectionText: string, tabId: number): Promise<void> {
  await worker.evaluate(
    ({ text, id }) => {
      const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void };
      onClicked.dispatch(
        { menuItemId: 'check-quote', selectionText: text, frameId: 0, editable: false, pageUrl: '' },
        { id },
      );
    },
    { text: selectionText, id: tabId },
  );
}

/** A browser with the extension, the test pages' server, and one of its pages open. */
export interface PageSession {
  ext: ExtensionSession;
  server: TestServer;
  page: Page;
  /** The page's browser tab id. */
  tabId: number;
  close(): Promise<void>;
}

/**
 * Starts the test server and a browser with the extension, and opens `path` at 1200×900 (the
 * set-up most suites share). The caller waits for what it needs (highlights, a card).
 */
export async function launchOnPage(path: string, opts: LaunchOptions = {}): Promise<PageSession> {
  const server = await startServer();
  const ext = await launchExtension(opts).catch(async (err: unknown) => {
    await server.close();
    throw err;
  });
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(server.url(path));
  const tabId = (await ext.tabIdOf(page))!;
  return {
    ext,
    server,
    page,
    tabId,
    async close() {
      await ext.close();
      await server.close();
    },
  };
}
