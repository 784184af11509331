/**
 * Firefox end-to-end harness: launches a real Firefox (Debian's firefox-esr) headless through
 * puppeteer-core over WebDriver BiDi, installs the Firefox build of the extension
 * (`.output/firefox-mv2`) as a temporary add-on, and collects the errors Firefox prints.
 *
 * What differs from Chromium (tests/e2e/harness.ts):
 * - Playwright cannot drive a stock Firefox; puppeteer-core speaks BiDi to it directly.
 * - The extension's origin is fixed by a pref (`extensions.webextensions.uuids`), so its pages
 *   are `moz-extension://<EXTENSION_UUID>/…`.
 * - Opening a `moz-extension://` page needs `--remote-allow-system-access`, and the navigation
 *   never settles for puppeteer: `openExtensionPage` starts it and polls the page instead.
 * - Console errors of the background and content scripts reach no BiDi event: with the pref
 *   `devtools.console.stdout.content` Firefox prints them on its stdout, which this reads.
 * - Without the `tabs` permission the extension sees no tab's URL: `newPage` notes each new
 *   page's tab id as it opens it.
 * - Context menus are real: `clickMenuItem` activates an item of Firefox's own page context
 *   menu (opened by a real right-click) through BiDi in the browser's chrome scope.
 *
 * Build first: `npx wxt build -b firefox`; then `npx vitest run --config vitest.firefox.config.ts`.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { REPO_ROOT, type ExtensionChrome } from '../harness';
import { findBrowser, requireBrowser, type BrowserSpec } from '../find-browser';

/** The Firefox build of the extension made by `npx wxt build -b firefox`. */
export const FIREFOX_EXTENSION_DIR = join(REPO_ROOT, '.output', 'firefox-mv2');
/** The add-on id of the Firefox build (wxt.config.ts). */
export const GECKO_ID = 'quote-check@example.org';
/** The extension's internal UUID in the test profile: its pages are `moz-extension://<this>/`. */
export const EXTENSION_UUID = '5c1e3f0a-9d2b-4c7e-8a61-0f4b2d9e7c35';

const FIREFOX: BrowserSpec = {
  name: 'Firefox',
  envVar: 'FIREFOX_PATH',
  candidates: [
    '/usr/lib/firefox-esr/firefox-esr',
    '/usr/bin/firefox-esr',
    '/usr/lib/firefox/firefox',
    '/usr/bin/firefox',
  ],
  apt: 'firefox-esr',
};

/** The Firefox to use: `$FIREFOX_PATH`, else the usual Debian locations; undefined if none. */
export function findFirefox(): string | undefined {
  return findBrowser(FIREFOX);
}

/** For test files: the Firefox path, or undefined (after a loud warning) so the suite is skipped. */
export function requireFirefox(): string | undefined {
  return requireBrowser(FIREFOX);
}

export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://<uuid>/` */
  baseUrl: string;
  /** Every line Firefox printed on stdout and stderr (console messages and uncaught errors included). */
  output: string[];
  /**
   * The errors Firefox printed that come from the extension: console errors and uncaught
   * errors of its background, content script and pages.
   */
  extensionErrors(): string[];
  /** A new tab (its tab id is then known to `tabIdOf`). */
  newPage(): Promise<Page>;
  /** A new tab showing an extension page (`popup.html?tab=3`), once its document is loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Runs `fn` in an extension page (where `browser` is the WebExtension API), with `arg`.
   * The page is opened once and kept.
   */
  inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The browser tab id of a page opened with `newPage()`. */
  tabIdOf(page: Page): Promise<number>;
  /** The text of the toolbar button's badge in a tab. */
  badgeText(tabId: number): Promise<string>;
  /** The items of the page context menu Firefox shows now (labels), after a right-click. */
  contextMenuLabels(): Promise<string[]>;
  /** Clicks the item of the open page context menu with this label. */
  clickMenuItem(label: string): Promise<void>;
  /** Makes pages, the extension's included, see `prefers-color-scheme: <scheme>`. */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Closes the browser and deletes the temporary copy of the extension. */
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  executablePath?: string;
  /** Unpacked extension directory; default `.output/firefox-mv2`. */
  extensionPath?: string;
  /** Default true; `E2E_HEADED=1` shows the window. */
  headless?: boolean;
}

const PREFS = {
  [`extensions.webextensions.uuids`]: JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  // Every console message and uncaught error of pages and of the extension (its background,
  // content scripts and pages) on stdout; not those of Firefox's own code (the chrome), which
  // logs errors of its own when it cannot reach its services.
  'devtools.console.stdout.content': true,
  'devtools.console.stdout.chrome': false,
  // Firefox's experiments loader prints its errors (it cannot fetch its recipes, offline) itself.
  'messaging-system.log': 'off',
  'browser.dom.window.dump.enabled': true,
  // No network beyond the test server.
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/**
 * Whether a line of Firefox's output is an error that may come from the extension: an uncaught
 * error in one of its files, or any console error of a page or the extension (Firefox prints
 * `console.error: <arguments>` without saying who logged it; the test pages log none, and
 * Firefox's own console is not printed: see the prefs).
 */
export function isExtensionError(line: string): boolean {
  if (/chrome:\/\/|resource:\/\//.test(line)) return false;
  return (
    (line.startsWith('JavaScript error:') && line.includes('moz-extension://')) || line.startsWith('console.error:')
  );
}

/** Polls `check` until it returns something other than undefined, or fails after `timeout` ms. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Launches Firefox with the Firefox build of the extension installed. */
export async function launchFirefox(opts: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const executablePath = opts.executablePath ?? findFirefox();
  if (!executablePath) throw new Error('No Firefox found: install firefox-esr or set FIREFOX_PATH.');
  const built = resolve(opts.extensionPath ?? FIREFOX_EXTENSION_DIR);
  if (!existsSync(join(built, 'manifest.json')))
    throw new Error(`No Firefox build at ${built}: run \`npm run corpus && npx wxt build -b firefox\` first.`);

  // A private copy, so a rebuild while the tests run cannot change files under the browser.
  const tmp = await mkdtemp(join(tmpdir(), 'quote-check-firefox-'));
  const ext = join(tmp, 'extension');
  let browser: Browser;
  try {
    await cp(built, ext, { recursive: true });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: opts.headless ?? process.env.E2E_HEADED !== '1',
      protocol: 'webDriverBiDi',
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: PREFS,
      timeout: 90_000,
      protocolTimeout: 60_000,
    });
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }

  const output: string[] = [];
  const proc = browser.process();
  let pending = '';
  const collect = (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    output.push(...lines);
  };
  proc?.stdout?.on('data', collect);
  proc?.stderr?.on('data', collect);

  try {
    await browser.installExtension(ext);
  } catch (err) {
    await browser.close().catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  const baseUrl = `moz-extension://${EXTENSION_UUID}/`;

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    const url = baseUrl + path.replace(/^\//, '');
    // The navigation loads the page but the promise never settles: do not wait for it.
    page.goto(url).catch(() => undefined);
    await until(`${url} to load`, async () => {
      const state = await page.evaluate(() => [location.href, document.readyState] as const);
      return state[0] === url && state[1] === 'complete' ? true : undefined;
    });
    return page;
  }

  let control: Promise<Page> | undefined;
  async function inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    // An extension page of its own, for calls to the extension API (the reader without an
    // article: it asks nothing of the tabs).
    control ??= openExtensionPage('reader.html');
    const page = await control;
    const run = page.evaluate as (f: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;
    return run.call(page, fn, arg);
  }

  const allTabIds = () =>
    inExtension(async () => {
      const tabs = await (globalThis as unknown as { browser: ExtensionChrome }).browser.tabs.query({});
      return tabs.map((t) => t.id!);
    }, null);

  // Without the `tabs` permission Firefox shows the extension no URL of a web page's tab: a
  // page's tab id is known from when it was opened (the one id that was not there before).
  const tabIds = new Map<Page, number>();
  async function newPage(): Promise<Page> {
    const before = new Set(await allTabIds());
    const page = await browser.newPage();
    const added = (await allTabIds()).filter((id) => !before.has(id));
    if (added.length === 1) tabIds.set(page, added[0]!);
    return page;
  }

  function tabIdOf(page: Page): Promise<number> {
    const id = tabIds.get(page);
    if (id === undefined) throw new Error('tabIdOf: open the page with newPage()');
    return Promise.resolve(id);
  }

  function badgeText(tabId: number): Promise<string> {
    return inExtension(async (id) => {
      const api = (globalThis as unknown as { browser: ExtensionChrome }).browser;
      return (api.action ?? api.browserAction).getBadgeText({ tabId: id });
    }, tabId);
  }

  /** Evaluates `expression` in Firefox's browser window (chrome scope), through raw BiDi. */
  async function inChrome(expression: string): Promise<unknown> {
    // The BiDi connection of puppeteer's Firefox browser (not in its public types).
    const connection = (browser as unknown as { connection: unknown }).connection as {
      send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
    };
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = tree.result.contexts as { context: string; url: string }[];
    const window = contexts.find((c) => c.url.startsWith('chrome://browser/'));
    if (!window) throw new Error(`no browser window among ${contexts.map((c) => c.url).join(', ')}`);
    const reply = await connection.send('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const result = reply.result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
    if (result.type === 'exception') throw new Error(`in the browser window: ${result.exceptionDetails?.text}`);
    return result.result?.value;
  }

  const MENU = `document.getElementById('contentAreaContextMenu')`;

  async function contextMenuLabels(): Promise<string[]> {
    const labels = await inChrome(`(() => {
      const menu = ${MENU};
      if (!menu || menu.state !== 'open') return JSON.stringify(null);
      return JSON.stringify([...menu.querySelectorAll('menuitem')].filter((m) => !m.hidden).map((m) => m.label));
    })()`);
    return (JSON.parse(String(labels)) as string[] | null) ?? [];
  }

  async function clickMenuItem(label: string): Promise<void> {
    const done = await inChrome(`(() => {
      const menu = ${MENU};
      if (!menu || menu.state !== 'open') return 'no open context menu';
      const item = [...menu.querySelectorAll('menuitem')].find((m) => !m.hidden && m.label === ${JSON.stringify(label)});
      if (!item) return 'no item';
      menu.activateItem(item);
      return 'ok';
    })()`);
    if (done !== 'ok') throw new Error(`clickMenuItem(${label}): ${String(done)}`);
  }

  async function setColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    // 0: dark, 1: light (what pages see, whatever the browser's own theme).
    await inChrome(
      `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`,
    );
  }

  let closed = false;
  return {
    browser,
    baseUrl,
    output,
    extensionErrors: () => output.filter(isExtensionError),
    newPage,
    openExtensionPage,
    inExtension,
    tabIdOf,
    badgeText,
    contextMenuLabels,
    clickMenuItem,
    setColorScheme,
    async close() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => undefined);
      await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
