// A page cannot drive the extension: messages shaped like the protocol, posted or dispatched in
// the page, and attempts to message the extension directly, change nothing (no check, no badge,
// no report); a non-article page is not checked. Inside the extension, the background ignores
// malformed messages, messages from the wrong kind of sender (a `ui:` request from a content
// script, a `page:` report from an extension page, anything from another extension) and
// answers only well-formed ones; the content script likewise.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH } from '../../lib/protocol';
import { CORPUS } from './generated-pages';
import {
  launchExtension,
  requireChromium,
  type ExtensionChrome,
  type ExtensionSession,
  type TestServer,
  startServer,
} from './harness';
import { Probe, waitUntil } from './probe';

// Runs inside the extension's service worker (worker.evaluate).
declare const chrome: ExtensionChrome;

const browserPath = requireChromium();

/** Everything the extension keeps: the session storage and the badge of each tab. */
async function state(ext: ExtensionSession, tabIds: number[]) {
  return ext.worker.evaluate(async (ids) => {
    const badges: Record<number, { text: string; colour: unknown }> = {};
    for (const id of ids)
      badges[id] = {
        text: await chrome.action.getBadgeText({ tabId: id }),
        colour: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
      };
    return { storage: await chrome.storage.session.get(null), badges };
  }, tabIds);
}

/** Runs in a page's main world: everything a page can try to reach the extension. */
async function pageAttacks(page: Page, extensionId: string, tabId: number) {
  return page.evaluate(
    async ({ extensionId, tabId, sentence }) => {
      const messages: unknown[] = [
        { type: 'content:check-page' },
        { type: 'ui:check-page', tabId },
        {
          type: 'page:check',
          url: location.href,
          title: 'forged',
          sentences: [{ id: 0, text: sentence }],
          reset: true,
        },
        { type: 'page:status', status: 'error', url: location.href, title: 'forged', error: 'forged' },
        { type: 'content:set-highlights', on: false },
        { type: 'content:reveal', id: 0 },
        { type: 'content:show-selection', report: { text: sentence, result: { sentences: [] } } },
        { type: 'ui:set-highlights', tabId, on: false },
      ];
      for (const m of messages) {
        window.postMessage(m, '*');
        window.postMessage(JSON.stringify(m), '*');
        const type = (m as { type: string }).type;
        for (const target of [window, document, document.body]) {
          target.dispatchEvent(new CustomEvent(type, { detail: m, bubbles: true }));
          target.dispatchEvent(new CustomEvent('quote-check', { detail: m, bubbles: true }));
          target.dispatchEvent(new MessageEvent('message', { data: m, origin: location.origin }));
        }
      }
      // No externally_connectable: a web page has no way to message the extension.
      const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      let direct = 'no chrome.runtime.sendMessage in the page';
      if (typeof runtime?.sendMessage === 'function') {
        try {
          const send = runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>;
          direct = `answered: ${JSON.stringify(await send(extensionId, messages[0]))}`;
        } catch (e) {
          direct = `failed: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
      return direct;
    },
    { extensionId, tabId, sentence: CORPUS.rutte },
  );
}

/** The content script's isolated world in a page, to send messages as the content script would. */
async function contentWorld(page: Page, extensionId: string): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const found = contexts.find((c) => c.origin === `chrome-extension://${extensionId}`);
  if (!found) throw new Error('no content script world in the page');
  return { cdp, contextId: found.id };
}

/** Sends `message` with `chrome.runtime.sendMessage` from a world; the reply, or 'no reply'. */
const SEND = `async (message) => {
  try {
    const reply = await chrome.runtime.sendMessage(message);
    return reply === undefined ? 'no reply' : reply;
  } catch (e) {
    return 'no reply: ' + e.message;
  }
}`;

/**
 * Calls the `runtime.onMessage` listeners of a world directly, with any sender: each listener
 * returns a promise of its reply, or nothing when it ignores the message (then `dispatch` itself
 * returns nothing). Resolves to `{ replied }`, or 'no reply' when every listener ignored it.
 */
const DISPATCH = `async (message, sender) => {
  const dispatched = chrome.runtime.onMessage.dispatch(message, sender, () => undefined);
  const replies = (dispatched?.results ?? []).filter((r) => r !== undefined && r !== false);
  if (!replies.length) return 'no reply';
  return { replied: (await replies[0]) ?? null };
}`;

describe.skipIf(!browserPath)('a page cannot drive the extension', () => {
  let ext: ExtensionSession;
  let server: TestServer;
  let news: Page;
  let search: Page;
  let newsTab: number;
  let searchTab: number;

  beforeAll(async () => {
    server = await startServer();
    ext = await launchExtension({ executablePath: browserPath });
    news = await ext.context.newPage();
    await news.goto(server.url('/news.html'));
    newsTab = (await ext.tabIdOf(news))!;
    search = await ext.context.newPage();
    await search.goto(server.url('/search.html'));
    searchTab = (await ext.tabIdOf(search))!;
    await waitUntil(
      'the news page to be checked',
      async () => (await state(ext, [newsTab])).badges[newsTab]?.text === '3',
    );
    await waitUntil('the search page to report', async () => {
      const { storage } = await state(ext, []);
      return (
        (storage[`tab:${searchTab}`] as { report?: { status: string } } | undefined)?.report?.status === 'not-article'
      );
    });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('ignores protocol-shaped messages, events and direct messages from a page', async () => {
    const before = await state(ext, [newsTab, searchTab]);
    const newsProbe = await Probe.attach(news);
    const searchProbe = await Probe.attach(search);
    const highlightsBefore = await newsProbe.highlights();
    expect(highlightsBefore).toHaveLength(3);

    for (const [page, tab] of [
      [news, newsTab],
      [search, searchTab],
    ] as const) {
      await page.bringToFront();
      expect(await pageAttacks(page, ext.extensionId, tab)).toMatch(/^no chrome\.runtime\.sendMessage|^failed/);
    }
    // Long enough for a check of either page to run and report.
    await news.waitForTimeout(2000);

    expect(await state(ext, [newsTab, searchTab])).toEqual(before);
    expect(await newsProbe.highlights()).toEqual(highlightsBefore);
    expect(await searchProbe.highlights()).toEqual([]);
    expect(await news.locator('[data-testid=panel]').count()).toBe(0);
    const report = (before.storage[`tab:${searchTab}`] as { report: { status: string; checked: number } }).report;
    expect(report).toMatchObject({ status: 'not-article', checked: 0 });
    expect(before.badges[searchTab]?.text).toBe('');
    expect(ext.extensionErrors()).toEqual([]);
  });

  it('answers a content script only its own page: requests', async () => {
    const { cdp, contextId } = await contentWorld(news, ext.extensionId);
    const send = async (message: unknown) => {
      const res = await cdp.send('Runtime.evaluate', {
        expression: `(${SEND})(${JSON.stringify(message)})`,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      });
      return res.result.value as unknown;
    };
    const before = await state(ext, [newsTab]);
    // What only the popup and the reader may ask.
    expect(await send({ type: 'ui:get-report', tabId: newsTab })).toEqual(expect.stringMatching(/^no reply/));
    expect(await send({ type: 'ui:get-report', tabId: searchTab })).toEqual(expect.stringMatching(/^no reply/));
    expect(await send({ type: 'ui:set-highlights', tabId: searchTab, on: false })).toEqual(
      expect.stringMatching(/^no reply/),
    );
    expect(await send({ type: 'ui:search', query: 'rutte' })).toEqual(expect.stringMatching(/^no reply/));
    expect(await send({ type: 'ui:get-article', article: '000_fb607a1be5cd114a' })).toEqual(
      expect.stringMatching(/^no reply/),
    );
    // Malformed reports.
    expect(await send({ type: 'page:status', status: 'done', url: 'x', title: 'x' })).toEqual(
      expect.stringMatching(/^no reply/),
    );
    const many = Array.from({ length: MAX_BATCH + 1 }, (_, id) => ({ id, text: 'x' }));
    expect(await send({ type: 'page:check', url: 'x', title: 'x', sentences: many, reset: true })).toEqual(
      expect.stringMatching(/^no reply/),
    );
    expect(await state(ext, [newsTab])).toEqual(before);
    // A well-formed report is answered (so the ones above were refused, not lost).
    expect(await send({ type: 'page:status', status: 'checking', url: news.url(), title: 'x' })).toEqual({ ok: true });
    await cdp.detach();
    // Put the page's report back as it was.
    await news.reload();
    await expect.poll(async () => (await state(ext, [newsTab])).badges[newsTab]?.text, { timeout: 10_000 }).toBe('3');
  });

  it('has the content script ignore messages from anyone but its extension, and malformed ones', async () => {
    const { cdp, contextId } = await contentWorld(news, ext.extensionId);
    const probe = await Probe.attach(news);
    const dispatch = async (message: unknown, sender: unknown) => {
      const res = await cdp.send('Runtime.evaluate', {
        expression: `(${DISPATCH})(${JSON.stringify(message)}, ${JSON.stringify(sender)})`,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      });
      return res.result.value as unknown;
    };
    const own = { id: ext.extensionId };
    const other = { id: 'abcdefghijklmnopabcdefghijklmnop' };
    expect(await dispatch({ type: 'content:set-highlights', on: false }, other)).toBe('no reply');
    expect(await dispatch({ type: 'content:set-highlights', on: 'no' }, own)).toBe('no reply');
    expect(await dispatch({ type: 'content:show-selection', report: { text: 'x' } }, own)).toBe('no reply');
    expect(await dispatch({ type: 'content:reveal', id: -1 }, own)).toBe('no reply');
    expect(await probe.highlights()).toHaveLength(3);
    expect(await news.locator('[data-testid=panel]').count()).toBe(0);
    // The same request from the extension itself is carried out.
    const { storage } = await state(ext, []);
    const match = (storage[`tab:${newsTab}`] as { raw: Array<{ id: number }> }).raw[0]!;
    expect(await dispatch({ type: 'content:reveal', id: match.id }, own)).toEqual({ replied: { ok: true } });
    await news.locator('[data-testid=card]').waitFor();
    await cdp.detach();
  });

  it('has the background ignore malformed messages from its own pages', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(`${ext.baseUrl}popup.html?tab=${newsTab}`);
    const before = await state(ext, [newsTab, searchTab]);
    const send = (message: unknown) => popup.evaluate(`(${SEND})(${JSON.stringify(message)})`);
    const malformed: unknown[] = [
      null,
      'ui:get-report',
      42,
      [],
      [{ type: 'ui:get-report', tabId: newsTab }],
      {},
      { type: 'ui:get-report' },
      { type: 'ui:get-report', tabId: -1 },
      { type: 'ui:get-report', tabId: 1.5 },
      { type: 'ui:get-report', tabId: String(newsTab) },
      { type: 'ui:get-report', tabId: null },
      { type: 'UI:GET-REPORT', tabId: newsTab },
      { type: 'ui:get-report ', tabId: newsTab },
      JSON.parse(`{"type":"ui:get-report","__proto__":{"tabId":${newsTab}}}`),
      { type: 'ui:search', query: 'x'.repeat(501) },
      { type: 'ui:search', query: 'x'.repeat(1_000_000) },
      { type: 'ui:search', query: 42 },
      { type: 'ui:search', query: ['rutte'] },
      { type: 'ui:set-highlights', tabId: newsTab, on: 'false' },
      { type: 'ui:set-highlights', tabId: newsTab },
      { type: 'ui:reveal', tabId: newsTab, id: '1' },
      { type: 'ui:check-page', tabId: -5 },
      { type: 'ui:get-article', article: 'x'.repeat(201) },
      { type: 'ui:get-article', article: { id: '000_fb607a1be5cd114a' } },
      // page: reports come from content scripts in tabs, never from an extension page.
      { type: 'page:status', status: 'checking', url: 'https://example.org/', title: 't' },
      { type: 'page:check', url: 'x', title: 'x', sentences: [{ id: 0, text: CORPUS.rutte }], reset: true },
      // content: messages go to content scripts, not to the background.
      { type: 'content:check-page' },
      { type: 'content:set-highlights', on: false },
    ];
    const replies: unknown[] = [];
    for (const m of malformed) replies.push(await send(m));
    expect(replies.filter((r) => typeof r !== 'string' || !r.startsWith('no reply'))).toEqual([]);
    expect(await state(ext, [newsTab, searchTab])).toEqual(before);
    // Well-formed requests are answered.
    expect(await send({ type: 'ui:get-report', tabId: newsTab })).toMatchObject({ report: { status: 'done' } });
    expect(await send({ type: 'ui:search', query: 'rutte october' })).toMatchObject({ hits: expect.any(Array) });
    await popup.close();
  });

  it('has the background ignore forged senders', async () => {
    const before = await state(ext, [newsTab, searchTab]);
    const dispatch = (message: unknown, sender: unknown) =>
      ext.worker.evaluate(({ source, message, sender }) => eval(`(${source})`)(message, sender) as Promise<unknown>, {
        source: DISPATCH,
        message,
        sender,
      });
    const id = ext.extensionId;
    const popupUrl = `${ext.baseUrl}popup.html`;
    const webTab = { id: newsTab, url: news.url() };
    const getReport = { type: 'ui:get-report', tabId: newsTab };
    const check = { type: 'page:check', url: news.url(), title: 'x', sentences: [{ id: 0, text: 'x' }], reset: true };
    // Another extension, with our popup's address or a tab.
    expect(await dispatch(getReport, { id: 'abcdefghijklmnopabcdefghijklmnop', url: popupUrl })).toBe('no reply');
    expect(await dispatch(check, { id: 'abcdefghijklmnopabcdefghijklmnop', url: news.url(), tab: webTab })).toBe(
      'no reply',
    );
    // No sender id at all.
    expect(await dispatch(getReport, { url: popupUrl })).toBe('no reply');
    // A web page's content script asking what only the extension's pages may.
    expect(await dispatch(getReport, { id, url: news.url(), tab: webTab })).toBe('no reply');
    expect(await dispatch({ type: 'ui:check-page', tabId: searchTab }, { id, url: news.url(), tab: webTab })).toBe(
      'no reply',
    );
    // An extension page sending what only content scripts may, or a content script with no tab.
    expect(await dispatch(check, { id, url: popupUrl })).toBe('no reply');
    expect(await dispatch(check, { id, url: popupUrl, tab: { id: newsTab } })).toBe('no reply');
    expect(await dispatch(check, { id, url: news.url() })).toBe('no reply');
    expect(await state(ext, [newsTab, searchTab])).toEqual(before);
    // The same requests from the right senders are answered.
    expect(await dispatch(getReport, { id, url: popupUrl })).toMatchObject({ replied: { report: { status: 'done' } } });
    expect(ext.extensionErrors()).toEqual([]);
  });
});
