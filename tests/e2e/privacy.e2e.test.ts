// Privacy: nothing leaves the browser. Every request made while the main flows run (a news page
// checked and highlighted, the hover card and its "View in context", the popup with its search
// and switch, the reader, "Check this quote", "Check this page anyway") is recorded three ways:
// - the DevTools protocol's Network domain of each page the test opens (the news page with its
//   content script, the popup, the reader);
// - Playwright's request events of the whole context, which also cover pages the extension opens
//   itself and the extension's service worker;
// - the browser's own network log (--log-net-log), for every request of the network stack that a
//   page, a worker or the extension started (the browser's own traffic, to its update and account
//   services, is started by no origin and left out).
// Each record must be the test server's 127.0.0.1 pages or the extension's own files.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  launchExtension,
  requireChromium,
  startServer,
  type ExtensionSession,
  type TestServer,
  dispatchCheckQuote,
} from './harness';
import { Probe } from './probe';

const browserPath = requireChromium();

interface Recorded {
  /** Where it was seen: `cdp <page>`, `context page`, `context service worker`. */
  by: string;
  url: string;
}

/** URL_REQUEST_START_JOB entries of a Chromium net log: [url, initiator]. */
function netLogRequests(path: string): Array<{ url: string; initiator: string }> {
  const raw = readFileSync(path, 'utf8');
  let log: { constants: { logEventTypes: Record<string, number> }; events: Array<{ type: number; params?: never }> };
  try {
    log = JSON.parse(raw) as typeof log;
  } catch {
    // A log cut short at the last event.
    log = JSON.parse(`${raw.replace(/,?\s*$/, '')}]}`) as typeof log;
  }
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === start && e.params)
    .map((e) => {
      const p = e.params as unknown as { url?: string; initiator?: string };
      return { url: p.url ?? '', initiator: p.initiator ?? '' };
    })
    .filter((r) => r.url);
}

describe.skipIf(!browserPath)('nothing leaves the browser', () => {
  let ext: ExtensionSession;
  let server: TestServer;
  let tmp: string;
  let netLog: string;
  let news: Page;
  let newsTab: number;
  const recorded: Recorded[] = [];

  /** A new page with its network recorded from before its first request. */
  async function recordedPage(name: string): Promise<Page> {
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (e) => recorded.push({ by: `cdp ${name}`, url: e.request.url }));
    cdp.on('Network.webSocketCreated', (e) => recorded.push({ by: `cdp ${name} websocket`, url: e.url }));
    await cdp.send('Network.enable');
    return page;
  }

  /** Whether a URL is the test server's or one of the extension's own files. */
  function allowed(url: string): boolean {
    if (url.startsWith(`${server.origin}/`)) return true;
    if (url === 'data:,') return true; // the test pages' empty favicon
    const m = /^chrome-extension:\/\/([^/]+)\/([^?#]*)/.exec(url);
    if (!m) return false;
    const [, host, path] = m;
    // The extension's id, or the random id of a web-accessible file loaded with use_dynamic_url.
    const ours =
      host === ext.extensionId || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(host!);
    return ours && existsSync(join(EXTENSION_DIR, path!));
  }

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'quote-check-netlog-'));
    netLog = join(tmp, 'net-log.json');
    server = await startServer();
    ext = await launchExtension({ executablePath: browserPath, args: [`--log-net-log=${netLog}`] });
    ext.context.on('request', (r) =>
      recorded.push({ by: r.serviceWorker() ? 'context service worker' : 'context page', url: r.url() }),
    );
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('runs the main flows', async () => {
    // A news page: checked, highlighted, a card on hover.
    news = await recordedPage('news');
    await news.setViewportSize({ width: 1200, height: 900 });
    await news.goto(server.url('/news.html'));
    newsTab = (await ext.tabIdOf(news))!;
    const probe = await Probe.attach(news);
    expect(await probe.waitForHighlights(3)).toHaveLength(3);
    const at = await probe.pointAt('24 of the 32');
    await news.mouse.move(at!.x, at!.y);
    const card = news.locator('[data-testid=card]');
    await card.waitFor({ state: 'visible' });
    // The card's "View in context" opens the reader in a new tab.
    const [fromCard] = await Promise.all([
      ext.context.waitForEvent('page'),
      card.locator('a', { hasText: 'View in context' }).first().click(),
    ]);
    await fromCard.locator('[data-testid=reader-target]').waitFor({ timeout: 10_000 });
    expect(fromCard.url()).toMatch(new RegExp(`^${ext.baseUrl}reader\\.html\\?article=`));
    await fromCard.close();
    await news.mouse.move(3, 3);

    // "Check this quote".
    await probe.isolated(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('p-verbatim')!);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    const selected = await probe.isolated(() => window.getSelection()!.toString());
    await dispatchCheckQuote(ext.worker, selected, newsTab);
    await news.locator('[data-testid=panel]').waitFor({ state: 'visible' });

    // The popup: results, the highlight switch, a search, a "View in context" link.
    const popup = await recordedPage('popup');
    await popup.goto(`${ext.baseUrl}popup.html?tab=${newsTab}`);
    await popup.locator('[data-testid=popup-sentence]').first().waitFor();
    const toggle = popup.locator('[data-testid=popup-highlights-toggle]');
    await toggle.uncheck();
    await toggle.check();
    await popup.locator('[data-testid=popup-search-input]').fill('rutte october');
    const hit = popup.locator('[data-testid=popup-search-result]').first();
    await hit.waitFor();
    const [fromPopup] = await Promise.all([
      ext.context.waitForEvent('page'),
      hit.locator('a', { hasText: 'View in context' }).click(),
    ]);
    await fromPopup.locator('[data-testid=reader-target]').waitFor();
    await fromPopup.close();
    await popup.close();

    // The reader, opened directly.
    const reader = await recordedPage('reader');
    await reader.goto(`${ext.baseUrl}reader.html?article=000_fb607a1be5cd114a&start=0&end=10`);
    await reader.locator('[data-testid=reader-target]').waitFor();
    await reader.close();

    // A page that is not an article, checked anyway from the popup.
    const search = await recordedPage('search');
    await search.goto(server.url('/search.html'));
    const searchTab = (await ext.tabIdOf(search))!;
    const popup2 = await recordedPage('popup');
    await popup2.goto(`${ext.baseUrl}popup.html?tab=${searchTab}`);
    await popup2.locator('button', { hasText: 'Check this page anyway' }).click();
    expect(await (await Probe.attach(search)).waitForHighlights(1)).toHaveLength(1);
    await popup2.close();
    await search.close();
    expect(ext.extensionErrors()).toEqual([]);
  });

  it('saw the requests it should, so the recording works', () => {
    const seen = (by: RegExp, url: RegExp) => recorded.some((r) => by.test(r.by) && url.test(r.url));
    // The page's own files, through the page's DevTools session and the context.
    expect(seen(/^cdp news$/, /\/news\.js$/)).toBe(true);
    expect(seen(/^context page$/, /\/site\.css$/)).toBe(true);
    // The content script's stylesheet, loaded into the page.
    expect(seen(/^cdp news$/, /\/content-scripts\/content\.css$/)).toBe(true);
    // The service worker loading the corpus index.
    expect(seen(/^context service worker$/, /\/corpus\.json$/)).toBe(true);
    // The popup's and the reader's scripts.
    expect(seen(/^cdp popup$/, /^chrome-extension:\/\/.*\/popup\.html/)).toBe(true);
    expect(seen(/^cdp reader$/, /^chrome-extension:\/\/.*\/reader\.html/)).toBe(true);
    expect(seen(/^context page$/, /^chrome-extension:\/\/.*\/reader\.html/)).toBe(true);
  });

  it('made no request beyond the test server and its own files', () => {
    expect(recorded.filter((r) => !allowed(r.url))).toEqual([]);
  });

  it("shows no request of a page, a worker or the extension beyond 127.0.0.1 in the browser's network log", async () => {
    await ext.close(); // the log is complete once the browser has closed
    const requests = netLogRequests(netLog);
    // The log holds the page's own requests (started by its origin) ...
    expect(requests.some((r) => r.url === server.url('/site.css') && r.initiator === server.origin)).toBe(true);
    // ... and nothing started by a page, a worker or the extension went anywhere else.
    const started = requests.filter((r) => r.initiator !== 'not an origin' && r.initiator !== '');
    expect(started.filter((r) => !r.url.startsWith(`${server.origin}/`))).toEqual([]);
  });
});
