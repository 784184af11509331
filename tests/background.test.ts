// The background's message handlers, context menu and badge, on WXT's fake browser.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { CorpusSearch } from '../core/search';
import { sentences } from '../core/segment';
import { Matcher } from '../core/matcher';
import { clearTab, createHandlers, createMessageListener, type Api, type Handlers } from '../lib/background/handlers';
import { createMenu, createMenuListener, MENU_ID } from '../lib/background/menu';
import { loadTab } from '../lib/background/reports';
import type { Engine } from '../lib/background/engine';
import type { Message } from '../lib/protocol';
import { loadCorpus } from '../scripts/lib/load-corpus';

const data = loadCorpus();
let engine: Engine;
beforeAll(() => {
  engine = { data, matcher: new Matcher(data), search: new CorpusSearch(data) };
});

const api = fakeBrowser as unknown as Api;
const TAB = 7;
const PAGE_URL = 'https://news.example/story';
/** A content script's sender in tab TAB. */
const fromPage: Browser.runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: PAGE_URL,
  tab: { id: TAB, index: 2 } as Browser.tabs.Tab,
};
/** The popup's sender. */
const fromPopup: Browser.runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
};

/** A sentence of a corpus article, which the engine matches. */
function corpusSentence(i = 0): string {
  const a = data.articles[0]!;
  const s = a.sentences[i]!;
  return a.text.slice(s.start, s.end);
}

const check = (sentences: string[], reset = true, first = 0): Extract<Message, { type: 'page:check' }> => ({
  type: 'page:check',
  url: PAGE_URL,
  title: 'Story',
  sentences: sentences.map((text, i) => ({ id: first + i, text })),
  reset,
});

let handlers: Handlers;
let sendToTab: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  sendToTab = vi.fn(async () => ({ ok: true }));
  fakeBrowser.tabs.sendMessage = sendToTab as unknown as typeof fakeBrowser.tabs.sendMessage;
  handlers = createHandlers(api, async () => engine);
});

describe('message listener', () => {
  const listener = () => createMessageListener(api, handlers);

  it('answers page: messages from a tab and ui: messages from the extension’s pages', async () => {
    await expect(listener()({ type: 'ui:get-report', tabId: TAB }, fromPopup)).resolves.toEqual({
      report: null,
      selection: null,
    });
    await expect(
      listener()({ type: 'page:status', status: 'checking', url: PAGE_URL, title: 'T' }, fromPage),
    ).resolves.toEqual({ ok: true });
  });

  it.each([
    ['another extension', { type: 'ui:get-report', tabId: 1 }, { ...fromPopup, id: 'someone-else' }],
    ['a malformed message', { type: 'ui:get-report', tabId: -1 }, fromPopup],
    ['ui: from a web page', { type: 'ui:get-report', tabId: 1 }, fromPage],
    ['page: from an extension page', { type: 'page:status', status: 'checking', url: 'x', title: 'x' }, fromPopup],
    ['content: to the background', { type: 'content:check-page' }, fromPopup],
    [
      'page: from outside a tab',
      { type: 'page:status', status: 'checking', url: 'x', title: 'x' },
      { ...fromPage, tab: undefined },
    ],
  ])('ignores %s', (_name, message, sender) => {
    expect(listener()(message, sender as Browser.runtime.MessageSender)).toBeUndefined();
  });

  it('answers a failed request with { error } and its message', async () => {
    await expect(listener()({ type: 'ui:get-article', article: 'nope' }, fromPopup)).resolves.toEqual({
      error: 'no article nope in the corpus',
    });
    const failing = createHandlers(api, () => Promise.reject(new Error('corpus index not found (404)')));
    await expect(
      createMessageListener(api, failing)({ type: 'ui:search', query: 'rutte' }, fromPopup),
    ).resolves.toEqual({ error: 'corpus index not found (404)' });
  });
});

describe('page handlers', () => {
  it('checks sentences, keeps the report and sets the badge', async () => {
    const reply = await handlers['page:check'](
      check([corpusSentence(), 'Nothing like this is in the corpus.']),
      fromPage,
    );
    expect(reply.matches.map((m) => m.id)).toEqual([0]);
    const stored = await loadTab(TAB);
    expect(stored?.report).toMatchObject({ status: 'done', url: PAGE_URL, checked: 2, highlights: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('1');
  });

  it('adds a batch to the previous ones, and starts over on reset', async () => {
    await handlers['page:check'](check([corpusSentence(0)]), fromPage);
    const second = await handlers['page:check'](check([corpusSentence(1)], false, 1), fromPage);
    expect(second.matches.map((m) => m.id)).toEqual([0, 1]);
    expect((await loadTab(TAB))?.report.checked).toBe(2);
    const again = await handlers['page:check'](check([corpusSentence(1)]), fromPage);
    expect(again.matches.map((m) => m.id)).toEqual([0]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('1');
  });

  it('records a status, its error and keeps the highlight switch', async () => {
    await handlers['page:status']({ type: 'page:status', status: 'checking', url: PAGE_URL, title: 'T' }, fromPage);
    expect((await loadTab(TAB))?.report.status).toBe('checking');
    await handlers['page:status'](
      { type: 'page:status', status: 'error', url: PAGE_URL, title: 'T', error: 'boom' },
      fromPage,
    );
    expect((await loadTab(TAB))?.report).toMatchObject({ status: 'error', error: 'boom', highlights: true });
  });

  it('drops the previous page’s matches and badge when the next page is not an article', async () => {
    await handlers['page:check'](check([corpusSentence()]), fromPage);
    await handlers['page:status'](
      { type: 'page:status', status: 'not-article', url: 'https://news.example/index', title: 'Index' },
      fromPage,
    );
    expect((await loadTab(TAB))?.raw).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('stores no batch of a check that was superseded (the tab navigated, another check started)', async () => {
    await handlers['page:check'](check([corpusSentence(0)]), fromPage);
    await clearTab(api, TAB);
    await handlers['page:check'](check([corpusSentence(1)], false, 1), fromPage);
    expect(await loadTab(TAB)).toBeUndefined();
    await handlers['page:check']({ ...check([corpusSentence(0)]), url: 'https://news.example/next' }, fromPage);
    const late = await handlers['page:check'](check([corpusSentence(1)], false, 1), fromPage);
    expect(late.matches).toEqual([]);
    expect((await loadTab(TAB))?.report).toMatchObject({ url: 'https://news.example/next', checked: 1 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('1');
  });

  it('opens the reader next to the page’s tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await handlers['page:open-reader']({ type: 'page:open-reader', article: 'a1', start: 3, end: 9 }, fromPage);
    expect(create).toHaveBeenCalledWith({
      url: expect.stringMatching(/\/reader\.html\?article=a1&start=3&end=9$/) as string,
      index: 3,
      openerTabId: TAB,
    });
  });

  it('clears a tab’s report and badge', async () => {
    await handlers['page:check'](check([corpusSentence()]), fromPage);
    await clearTab(api, TAB);
    expect(await loadTab(TAB)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });
});

describe('ui handlers', () => {
  it('passes the highlight switch, a reveal and a check to the tab', async () => {
    await handlers['page:check'](check([corpusSentence()]), fromPage);
    await expect(
      handlers['ui:set-highlights']({ type: 'ui:set-highlights', tabId: TAB, on: false }, fromPopup),
    ).resolves.toEqual({ ok: true });
    expect((await loadTab(TAB))?.report.highlights).toBe(false);
    await handlers['ui:reveal']({ type: 'ui:reveal', tabId: TAB, id: 0 }, fromPopup);
    await handlers['ui:check-page']({ type: 'ui:check-page', tabId: TAB }, fromPopup);
    expect(sendToTab.mock.calls.map((c) => c[1] as Message)).toEqual([
      { type: 'content:set-highlights', on: false },
      { type: 'content:reveal', id: 0 },
      { type: 'content:check-page' },
    ]);
  });

  it('answers ok: false when no content script listens', async () => {
    sendToTab.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(handlers['ui:check-page']({ type: 'ui:check-page', tabId: TAB }, fromPopup)).resolves.toEqual({
      ok: false,
    });
  });

  it('searches and reads articles', async () => {
    const { hits } = await handlers['ui:search']({ type: 'ui:search', query: 'Stoltenberg' }, fromPopup);
    expect(hits.length).toBeGreaterThan(0);
    const id = data.articles[0]!.id;
    const reply = await handlers['ui:get-article']({ type: 'ui:get-article', article: id }, fromPopup);
    expect('article' in reply && reply.article.id).toBe(id);
  });

  it('tells the story of a corpus sentence (the reader) and of a page sentence’s versions', async () => {
    const s = engine.matcher.sentences.find((x) => x.text.startsWith('Stoltenberg said at the conclusion'))!;
    const get = (start: number) =>
      handlers['ui:get-cluster']({ type: 'ui:get-cluster', article: s.article.id, start }, fromPopup);
    const { timeline } = await get(s.sentence.start);
    const own = `${s.article.id}:${s.sentence.start}`;
    expect(timeline.entries.some((e) => e.id === own)).toBe(true);
    expect(timeline.entries.some((e) => e.version?.article !== s.article.id)).toBe(true);
    // Not the start of a sentence: an error, which the listener answers as { error }.
    await expect(get(s.sentence.start + 1)).rejects.toThrow(/no sentence/);
    await expect(
      createMessageListener(api, handlers)(
        { type: 'ui:get-cluster', article: s.article.id, start: s.sentence.start + 1 },
        fromPopup,
      ),
    ).resolves.toMatchObject({ error: expect.stringMatching(/no sentence/) });

    // By versions, from the popup and from a content script: the same story, the page last.
    const text = 'Stoltenberg said at the conclusion of the meeting that the allies would keep helping Ukraine.';
    const versions = engine.matcher.versions(s.text);
    const story = { versions, page: { text } };
    const fromUi = await handlers['ui:get-story']({ type: 'ui:get-story', ...story }, fromPopup);
    const fromTab = await createMessageListener(api, handlers)({ type: 'page:get-story', ...story }, fromPage);
    expect(fromTab).toEqual(fromUi);
    expect(fromUi.timeline.entries.map((e) => e.id)).toEqual([...timeline.entries.map((e) => e.id), 'page']);
    // Each asks through its own door: a page may not ask with ui:, the popup not with page:.
    expect(createMessageListener(api, handlers)({ type: 'ui:get-story', ...story }, fromPage)).toBeUndefined();
    expect(createMessageListener(api, handlers)({ type: 'page:get-story', ...story }, fromPopup)).toBeUndefined();
  });
});

describe('context menu', () => {
  it('creates its item once, after removing the old ones', async () => {
    const removeAll = vi.fn(async () => undefined);
    const create = vi.fn();
    const withMenus = { ...fakeBrowser, contextMenus: { removeAll, create } } as unknown as Api;
    await createMenu(withMenus);
    expect(removeAll).toHaveBeenCalledBefore(create);
    expect(create).toHaveBeenCalledWith({ id: MENU_ID, title: 'Check this quote', contexts: ['selection'] });
  });

  it('checks the selection and shows it in the frame it was made in', async () => {
    const onClicked = createMenuListener(api, async () => engine);
    const info = {
      menuItemId: MENU_ID,
      selectionText: corpusSentence(),
      frameId: 3,
    } as Browser.contextMenus.OnClickData;
    await onClicked(info, { id: TAB } as Browser.tabs.Tab);
    const [tabId, message, options] = sendToTab.mock.calls[0]!;
    expect(tabId).toBe(TAB);
    expect((message as Message).type).toBe('content:show-selection');
    expect(options).toEqual({ frameId: 3 });
    expect((await loadTab(TAB))?.selection?.text).toBe(corpusSentence());
    expect(onClicked({ ...info, menuItemId: 'other' }, { id: TAB } as Browser.tabs.Tab)).toBeUndefined();
  });
});

describe('tab report updates', () => {
  /**
   * Storage as a browser's behaves: reads give copies, and writes take a moment, so that calls
   * overlap (the fake's reads hand out its own objects, which hides lost updates).
   */
  function browserLikeStorage() {
    const area = fakeBrowser.storage.session;
    const original = area.get.bind(area);
    const get = (keys: string) => original(keys) as Promise<Record<string, unknown>>;
    const set = area.set.bind(area);
    const copied = async (keys: string) => structuredClone(await get(keys));
    vi.spyOn(area, 'get').mockImplementation(copied as typeof area.get);
    vi.spyOn(area, 'set').mockImplementation(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await set(structuredClone(items));
    });
  }

  it('loses no update when a highlight switch and a check save the report at once', async () => {
    await handlers['page:status']({ type: 'page:status', status: 'checking', url: PAGE_URL, title: 'T' }, fromPage);
    browserLikeStorage();
    await Promise.all([
      handlers['page:check'](check([corpusSentence()]), fromPage),
      handlers['ui:set-highlights']({ type: 'ui:set-highlights', tabId: TAB, on: false }, fromPopup),
    ]);
    const stored = await loadTab(TAB);
    expect(stored?.report.highlights).toBe(false);
    expect(stored?.report.status).toBe('done');
    expect(stored?.raw.map((m) => m.id)).toEqual([0]);
  });

  it('loses no batch when batches and statuses arrive together', async () => {
    browserLikeStorage();
    await Promise.all([
      handlers['page:check'](check([corpusSentence(0)]), fromPage),
      handlers['page:check'](check([corpusSentence(1)], false, 1), fromPage),
      handlers['page:check'](check([corpusSentence(2)], false, 2), fromPage),
    ]);
    const stored = await loadTab(TAB);
    expect(stored?.report.checked).toBe(3);
    expect(stored?.raw.map((m) => m.id)).toEqual([0, 1, 2]);
  });

  it('records in the report why a check failed', async () => {
    const failing = createHandlers(api, () => Promise.reject(new Error('corpus index not found (404)')));
    await failing['page:status']({ type: 'page:status', status: 'checking', url: PAGE_URL, title: 'T' }, fromPage);
    await expect(failing['page:check'](check([corpusSentence()]), fromPage)).rejects.toThrow(
      'corpus index not found (404)',
    );
    expect((await loadTab(TAB))?.report).toMatchObject({ status: 'error', error: 'corpus index not found (404)' });
  });
});

describe('page:segment', () => {
  it('gives each text’s sentences as offsets, as the check command splits them', async () => {
    const texts = ['He spoke. “We will see,” he said.', '', 'One line'];
    const { spans } = await handlers['page:segment']({ type: 'page:segment', texts }, fromPage);
    expect(spans).toEqual(texts.map((t) => sentences(t).map((s) => [s.start, s.end])));
    expect(spans[0]!.map(([a, b]) => texts[0]!.slice(a, b))).toEqual(['He spoke.', '“We will see,” he said.']);
  });
});
