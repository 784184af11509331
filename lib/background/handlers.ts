/**
 * The background's answers to messages: one handler per message type, made from the browser
 * API and the engine so tests can pass `fakeBrowser` and a small engine. A handler that throws
 * is answered `{ error }`, which `send` turns back into a rejection on the caller's side.
 */
import type { Browser, browser as BrowserApi } from 'wxt/browser';
import { sentences } from '../../core/segment';
import { readerUrl } from '../connector';
import { isMessage, worstVerdict, type Message, type Replies, type StoryRequest } from '../protocol';
import { clearBadge, showBadge } from './badge';
import type { Engine } from './engine';
import { forgetTab, startTab, tabReport, updateTab, loadTab } from './reports';
import { sentenceVersions } from '../../core/lang/cross';
import { buildTimeline, corpusCluster } from '../../core/timeline';
import { findSelfArticle } from './self-article';
import { toContent } from './tabs';
import type { Library } from '../library/store';
import { checkedTabs, libraryRows, syncEngine, takeDraft } from './library';
import { engineLoaded, linkInSlices, pauseAwake } from './engine';

export type Api = typeof BrowserApi;
type Sender = Browser.runtime.MessageSender;

/** The messages the background answers: `page:` from content scripts, `ui:` from its own pages. */
export type Request = Extract<Message, { type: `page:${string}` | `ui:${string}` }>;
export type Handlers = {
  [T in Request['type']]: (message: Extract<Request, { type: T }>, sender: Sender) => Promise<Replies[T]>;
};

/** The tab a `page:` message came from (the listener lets no other through). */
function tabOf(sender: Sender): Browser.tabs.Tab & { id: number } {
  const tab = sender.tab;
  if (tab?.id === undefined) throw new Error('a page message from outside a tab');
  return tab as Browser.tabs.Tab & { id: number };
}

/**
 * The user's library's handlers (their own block). `library` opens the IndexedDB store; without
 * it (tests of other handlers) the library is empty.
 */
function libraryHandlers(
  browser: Api,
  engine: () => Promise<Engine>,
  library: (() => Promise<Library>) | undefined,
  loaded: () => boolean,
): Pick<Handlers, 'ui:library-changed' | 'ui:library-list' | 'ui:library-status' | 'ui:read-page' | 'ui:take-draft'> {
  const records = async () => (library ? (await library()).all() : []);
  // Pages already checked are checked again against the new set of articles.
  const recheck = async () => {
    const tabs = await checkedTabs(browser.storage.session);
    const sent = await Promise.all(tabs.map((id) => toContent(browser.tabs, id, { type: 'content:recheck' })));
    return sent.filter(Boolean).length;
  };
  return {
    async 'ui:library-changed'() {
      // An engine not loaded yet reads the library when it loads.
      if (!loaded() || !library) return { ok: true, rechecked: 0 };
      const lib = await library();
      const [all, hidden, current] = await Promise.all([lib.all(), lib.hidden(), engine()]);
      const articles = all.map((r) => r.article);
      if (!syncEngine(current, articles, hidden, { link: false })) return { ok: true, rechecked: 0 };
      if (!current.matcher.pending.length) return { ok: true, rechecked: await recheck() };
      // A large import: its articles are matched now; pages are checked again at once, and again
      // once the articles are linked (their versions in other articles then follow too).
      await recheck();
      await linkInSlices(current, { pause: () => pauseAwake(browser) });
      return { ok: true, rechecked: await recheck() };
    },

    async 'ui:library-status'() {
      return { linking: loaded() ? (await engine()).matcher.pending.length : 0 };
    },

    async 'ui:library-list'() {
      const [current, all] = await Promise.all([engine(), records()]);
      // The rows only: articles new to the engine are linked in slices, not before the reply.
      if (
        library &&
        syncEngine(
          current,
          all.map((r) => r.article),
          await (await library()).hidden(),
          { link: false },
        )
      )
        if (current.matcher.pending.length) void linkInSlices(current, { pause: () => pauseAwake(browser) });
      return { rows: libraryRows(current, all) };
    },

    async 'ui:read-page'(message) {
      try {
        const reply = (await browser.tabs.sendMessage(message.tabId, { type: 'content:read-page' })) as
          Replies['content:read-page'] | undefined;
        return { draft: reply?.draft ?? null };
      } catch {
        // Nothing listens there: a browser page, or a page loaded before the extension.
        return { draft: null };
      }
    },

    async 'ui:take-draft'() {
      return { draft: await takeDraft(browser.storage.session) };
    },
  };
}

export function createHandlers(
  browser: Api,
  engine: () => Promise<Engine>,
  library?: () => Promise<Library>,
  loaded: () => boolean = engineLoaded,
): Handlers {
  /** The story of a quote from its versions, with the matcher's word weights. */
  const story = async ({ versions, page }: StoryRequest) => {
    const { matcher } = await engine();
    return { timeline: buildTimeline(versions, { page, weigh: matcher.weigh }) };
  };
  return {
    ...libraryHandlers(browser, engine, library, loaded),
    async 'page:status'(message, sender) {
      const tabId = tabOf(sender).id;
      const stored = await updateTab(tabId, (previous) => {
        // A failed check keeps what it found so far; a new check, or a page that is not an
        // article, starts over (no matches or badge left from the page before).
        const next = message.status === 'error' && previous ? previous : startTab(previous, message.url, message.title);
        next.report = {
          ...next.report,
          status: message.status,
          url: message.url,
          title: message.title,
          error: message.error,
        };
        return next;
      });
      await showBadge(browser, tabId, tabReport(stored!));
      return { ok: true };
    },

    async 'page:segment'(message) {
      return { spans: message.texts.map((t) => sentences(t).map((x): [number, number] => [x.start, x.end])) };
    },

    async 'page:check'(message, sender) {
      const tabId = tabOf(sender).id;
      try {
        const { data, matcher, languages } = await engine();
        const lexicon = await languages?.lexiconFor(message.sentences.map((x) => x.text));
        // Matched before the tab's update is queued: the update itself is quick.
        const found = message.sentences.flatMap(({ id, text }) => {
          const versions = sentenceVersions(matcher, text, lexicon);
          return versions.length ? [{ id, text, versions, worst: worstVerdict(versions) }] : [];
        });
        let superseded = false;
        const stored = (await updateTab(tabId, (previous) => {
          // A later batch whose check was superseded (the tab navigated and was cleared, or a
          // check of another address started) must not start or join a report.
          if (!message.reset && previous?.report.url !== message.url) {
            superseded = true;
            return undefined;
          }
          const next = message.reset || !previous ? startTab(previous, message.url, message.title) : previous;
          next.raw.push(...found);
          const checked = next.report.checked + message.sentences.length;
          const self = findSelfArticle(data, message.url, next.raw, checked);
          next.report = { ...next.report, status: 'done', url: message.url, title: message.title, checked, self };
          return next;
        }))!;
        if (superseded) return { matches: [] };
        const report = tabReport(stored);
        await showBadge(browser, tabId, report);
        return { matches: report.matches, self: report.self };
      } catch (err) {
        // The popup shows why (a missing index, say), not a check that never ends.
        const error = err instanceof Error ? err.message : String(err);
        await updateTab(tabId, (previous) => {
          const next = previous ?? startTab(undefined, message.url, message.title);
          next.report = { ...next.report, status: 'error', error };
          return next;
        });
        throw err;
      }
    },

    async 'page:open-reader'(message, sender) {
      // A web page may not open the extension's pages itself (they are not web-accessible):
      // the card's "View in context" asks for the reader here.
      const tab = tabOf(sender);
      const url = readerUrl(message.article, message.start, message.end);
      await browser.tabs.create({ url, index: tab.index + 1, openerTabId: tab.id });
      return { ok: true };
    },

    async 'ui:get-report'(message) {
      const stored = await loadTab(message.tabId);
      return { report: stored ? tabReport(stored) : null, selection: stored?.selection ?? null };
    },

    async 'ui:search'(message) {
      const { search } = await engine();
      return { hits: search.search(message.query) };
    },

    async 'ui:set-highlights'(message) {
      await updateTab(message.tabId, (stored) => {
        if (stored) stored.report.highlights = message.on;
        return stored;
      });
      return { ok: await toContent(browser.tabs, message.tabId, { type: 'content:set-highlights', on: message.on }) };
    },

    async 'ui:reveal'(message) {
      return { ok: await toContent(browser.tabs, message.tabId, { type: 'content:reveal', id: message.id }) };
    },

    async 'ui:check-page'(message) {
      return { ok: await toContent(browser.tabs, message.tabId, { type: 'content:check-page' }) };
    },

    async 'ui:get-article'(message) {
      const { data, library } = await engine();
      // A bundled article the user hid is not matched, but the library page still opens it.
      const a = [data, library?.bundled].flatMap((d) => d?.articles ?? []).find((x) => x.id === message.article);
      if (!a) throw new Error(`no article ${message.article} in the corpus`);
      return { article: { id: a.id, meta: a.meta, text: a.text, sentences: a.sentences } };
    },

    async 'ui:get-cluster'(message) {
      const { matcher } = await engine();
      const versions = corpusCluster(matcher, message.article, message.start);
      if (!versions) throw new Error(`no sentence at ${message.start} in ${message.article}`);
      return { timeline: buildTimeline(versions, { weigh: matcher.weigh }) };
    },

    'ui:get-story': story,

    'page:get-story': story,
  };
}

/**
 * The `runtime.onMessage` listener: only the extension's own scripts and pages, only
 * well-formed messages, `ui:` only from the extension's own pages (popup, reader; also when
 * opened in a tab) and `page:` only from a content script in a web page's tab. Anything else
 * gets no answer. A failed request is answered `{ error }`.
 */
export function createMessageListener(browser: Api, handlers: Handlers) {
  return (message: unknown, sender: Sender): Promise<Replies[Request['type']] | { error: string }> | undefined => {
    if (sender.id !== browser.runtime.id || !isMessage(message)) return undefined;
    const ownPage = sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
    const fromPage = !ownPage && sender.tab?.id !== undefined && message.type.startsWith('page:');
    const fromUi = ownPage && message.type.startsWith('ui:');
    if (!fromPage && !fromUi) return undefined;
    const handler = handlers[message.type as Request['type']] as (m: Message, s: Sender) => Promise<unknown>;
    return handler(message, sender).then(
      (reply) => reply as Replies[Request['type']],
      (err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }),
    );
  };
}

/** A tab that navigates or closes starts over: no report, no badge. */
export async function clearTab(browser: Api, tabId: number): Promise<void> {
  await forgetTab(tabId);
  await clearBadge(browser, tabId);
}
