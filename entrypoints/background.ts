/**
 * Background: runs the matching engine for the content script, the popup and the context menu,
 * keeps each tab's report and the toolbar badge. Only wiring: the logic is in core/ and lib/.
 */
import { browser, type Browser } from 'wxt/browser';
import { getEngine } from '../lib/background/engine';
import { readerUrl } from '../lib/connector';
import { forgetTab, loadTab, saveTab, startTab, tabReport, type StoredTab } from '../lib/background/reports';
import { badge } from '../lib/background/action';
import { findSelfArticle } from '../lib/background/self-article';
import { isMessage, MAX_TEXT, worstVerdict, type Message, type Replies } from '../lib/protocol';
import type { Verdict } from '../core/types';

const MENU_ID = 'check-quote';

const BADGE_COLOURS: Record<Verdict, string> = {
  conflicting: '#c62828',
  reworded: '#b26a00',
  identical: '#2e7d32',
};

export default defineBackground(() => {
  // corpus.json is added to the build by a hook (wxt.config.ts), so WXT's path type does not list it.
  const indexUrl = (browser.runtime.getURL as (path: string) => string)('/corpus.json');
  const engine = () => getEngine(indexUrl);

  browser.runtime.onInstalled.addListener(async () => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: MENU_ID, title: 'Check this quote', contexts: ['selection'] });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || !tab?.id || !info.selectionText) return;
    void checkSelection(tab.id, info.selectionText, info.frameId);
  });

  // A tab that navigates starts over: no badge, no report.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Only the extension's own scripts and pages; anything malformed is ignored.
    if (sender.id !== browser.runtime.id || !isMessage(message)) return undefined;
    // ui: messages come from the extension's own pages (popup, reader; also when opened in a
    // tab), page: messages from the content script in a web page's tab.
    const ownPage = sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
    const fromPage = !ownPage && sender.tab?.id !== undefined && message.type.startsWith('page:');
    const fromUi = ownPage && message.type.startsWith('ui:');
    if (!fromPage && !fromUi) return undefined;
    return handle(message, sender).catch((err: unknown) => ({
      error: err instanceof Error ? err.message : String(err),
    }));
  });

  async function handle(message: Message, sender: Browser.runtime.MessageSender): Promise<Replies[Message['type']]> {
    switch (message.type) {
      case 'page:status': {
        const tabId = sender.tab!.id!;
        const previous = await loadTab(tabId);
        const stored =
          message.status === 'checking' || !previous ? startTab(previous, message.url, message.title) : previous;
        stored.report = {
          ...stored.report,
          status: message.status,
          url: message.url,
          title: message.title,
          error: message.error,
        };
        await saveTab(tabId, stored);
        await updateBadge(tabId, stored);
        return { ok: true };
      }
      case 'page:check':
        return checkPage(sender.tab!.id!, message);
      case 'page:open-reader': {
        // A web page may not open the extension's pages itself (they are not web-accessible):
        // the card's "View in context" asks for the reader here.
        const tab = sender.tab!;
        const url = readerUrl(message.article, message.start, message.end);
        await browser.tabs.create({ url, index: tab.index + 1, openerTabId: tab.id });
        return { ok: true };
      }
      case 'ui:get-report': {
        const stored = await loadTab(message.tabId);
        return { report: stored ? tabReport(stored) : null, selection: stored?.selection ?? null };
      }
      case 'ui:search': {
        const { search } = await engine();
        return { hits: search.search(message.query) };
      }
      case 'ui:set-highlights': {
        const stored = await loadTab(message.tabId);
        if (stored) {
          stored.report.highlights = message.on;
          await saveTab(message.tabId, stored);
        }
        return { ok: await toContent(message.tabId, { type: 'content:set-highlights', on: message.on }) };
      }
      case 'ui:reveal':
        return { ok: await toContent(message.tabId, { type: 'content:reveal', id: message.id }) };
      case 'ui:check-page':
        return { ok: await toContent(message.tabId, { type: 'content:check-page' }) };
      case 'ui:get-article': {
        const { data } = await engine();
        const a = data.articles.find((x) => x.id === message.article);
        if (!a) return { error: `no article ${message.article} in the corpus` };
        return { article: { id: a.id, meta: a.meta, text: a.text, sentences: a.sentences } };
      }
      default:
        return { ok: true } as Replies[Message['type']];
    }
  }

  async function checkPage(tabId: number, message: Extract<Message, { type: 'page:check' }>) {
    const { data, matcher } = await engine();
    const previous = await loadTab(tabId);
    const stored = message.reset || !previous ? startTab(previous, message.url, message.title) : previous;
    for (const s of message.sentences) {
      const versions = matcher.versions(s.text);
      if (versions.length) stored.raw.push({ id: s.id, text: s.text, versions, worst: worstVerdict(versions) });
    }
    const checked = stored.report.checked + message.sentences.length;
    const self = findSelfArticle(data, message.url, stored.raw, checked);
    stored.report = { ...stored.report, status: 'done', url: message.url, title: message.title, checked, self };
    await saveTab(tabId, stored);
    const { matches } = await updateBadge(tabId, stored);
    return { matches, self };
  }

  async function checkSelection(tabId: number, selected: string, frameId?: number) {
    const { matcher } = await engine();
    // A message carries at most MAX_TEXT characters of text (the content script drops a longer
    // report): a longer selection is checked and shown up to there.
    const text = selected.slice(0, MAX_TEXT);
    const report = { text, result: matcher.check(text) };
    const stored = (await loadTab(tabId)) ?? startTab(undefined, '', '');
    stored.selection = report;
    await saveTab(tabId, stored);
    await toContent(tabId, { type: 'content:show-selection', report }, frameId);
  }

  async function clearTab(tabId: number) {
    await forgetTab(tabId);
    await badge(browser).setBadgeText({ tabId, text: '' });
  }

  /** Sets the tab's badge from its report, and returns the report. */
  async function updateBadge(tabId: number, stored: StoredTab) {
    const report = tabReport(stored);
    const n = report.matches.length;
    await badge(browser).setBadgeText({ tabId, text: n ? String(n) : '' });
    if (n) {
      const worst = worstVerdict(report.matches.flatMap((m) => m.versions));
      await badge(browser).setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[worst] });
    }
    return report;
  }

  async function toContent(tabId: number, message: Message, frameId?: number): Promise<boolean> {
    try {
      await browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId });
      return true;
    } catch {
      return false; // no content script there (a browser page, or not loaded yet)
    }
  }
});
