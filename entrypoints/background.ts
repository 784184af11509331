/**
 * Background: runs the matching engine for the content script, the popup and the context menu,
 * keeps each tab's report and the toolbar badge. Only wiring: the handlers are in
 * lib/background/, the matching in core/.
 */
import { browser } from 'wxt/browser';
import { getEngine, pauseAwake, type CachedLinks, type LibraryState } from '../lib/background/engine';
import { createLanguages, fetchLexicon } from '../lib/background/languages';
import { clearTab, createHandlers, createMessageListener } from '../lib/background/handlers';
import { createMenu, createMenuListener } from '../lib/background/menu';
import { forgetTab } from '../lib/background/reports';
import { libraryOpener } from '../lib/background/library';
import { openLibrary } from '../lib/library/store';

const LINKS_CACHE = 'links';

export default defineBackground(() => {
  // corpus.json and lang/*.json are added to the build by a hook (wxt.config.ts), so WXT's path
  // type does not list them.
  const fileUrl = browser.runtime.getURL as (path: string) => string;
  const languages = createLanguages(fetchLexicon(fileUrl));
  // The user's own articles (IndexedDB), read when the engine loads and after each change.
  const library = libraryOpener(() => openLibrary());
  const libraryState = async (): Promise<LibraryState> => {
    const lib = await library();
    const [records, hidden, links] = await Promise.all([lib.all(), lib.hidden(), lib.cached(LINKS_CACHE)]);
    return { articles: records.map((r) => r.article), hidden, links: links as CachedLinks | undefined };
  };
  // Linking the articles again takes seconds for a large library: the links are kept, so a
  // background that starts again (a service worker is stopped when idle) reuses them.
  const onLinked = (cached: CachedLinks) =>
    void library()
      .then((lib) => lib.cache(LINKS_CACHE, cached))
      .catch((err: unknown) => console.warn('The links could not be kept:', err));
  const version = browser.runtime.getManifest().version;
  // A library the start could not restore with its links is linked in slices, kept awake.
  const slices = { pause: () => pauseAwake(browser) };
  const engine = () =>
    getEngine(fileUrl('/corpus.json'), fetch, languages, libraryState, { version, onLinked, slices });

  browser.runtime.onInstalled.addListener(() => createMenu(browser));
  browser.contextMenus.onClicked.addListener(createMenuListener(browser, engine));
  // A tab that navigates starts over: no badge, no report.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearTab(browser, tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.runtime.onMessage.addListener(createMessageListener(browser, createHandlers(browser, engine, library)));
});
