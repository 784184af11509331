/**
 * The context menu: "Check this quote" checks the selected text and shows the answer in a panel
 * beside the selection; "Add this page to references" reads the page's article and opens the
 * library page with it as a draft to edit and save.
 */
import type { Browser } from 'wxt/browser';
import { MAX_TEXT } from '../protocol';
import type { Engine } from './engine';
import { checkText } from './languages';
import type { Api } from './handlers';
import { startTab, updateTab } from './reports';
import { toContent } from './tabs';
import { putDraft } from './library';
import type { Replies } from '../protocol';

export const MENU_ID = 'check-quote';
export const ADD_PAGE_ID = 'add-page';

/** Creates the item; run on install and update, after removing any left from before. */
export async function createMenu(browser: Api): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: 'Check this quote', contexts: ['selection'] });
  browser.contextMenus.create({ id: ADD_PAGE_ID, title: 'Add this page to references', contexts: ['page'] });
}

/**
 * "Add this page to references" from the menu. A menu has no place for a form, so the draft is
 * kept in `storage.session` and the library page opens beside the tab with it: the user edits
 * and saves there, as in the popup.
 */
export async function addPageFromMenu(browser: Api, tabId: number, index?: number): Promise<void> {
  let draft: Replies['content:read-page']['draft'] = null;
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'content:read-page' }, { frameId: 0 })) as
      Replies['content:read-page'] | undefined;
    draft = reply?.draft ?? null;
  } catch {
    // Nothing listens in that tab: the library page says that nothing could be read.
  }
  if (draft) await putDraft(browser.storage.session, draft);
  const url = (browser.runtime.getURL as (p: string) => string)(`/library.html?draft=${draft ? '1' : 'none'}`);
  await browser.tabs.create({ url, ...(index === undefined ? {} : { index: index + 1 }), openerTabId: tabId });
}

/** The `contextMenus.onClicked` listener. */
export function createMenuListener(browser: Api, engine: () => Promise<Engine>) {
  return (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> | undefined => {
    if (info.menuItemId === ADD_PAGE_ID && tab?.id)
      return addPageFromMenu(browser, tab.id, tab.index).catch((err: unknown) =>
        console.error('Add this page to references failed:', err),
      );
    if (info.menuItemId !== MENU_ID || !tab?.id || !info.selectionText) return undefined;
    // Nobody waits for this answer: a failure is logged for whoever debugs the extension.
    return checkSelection(browser, engine, tab.id, info.selectionText, info.frameId).catch((err: unknown) =>
      console.error('Check this quote failed:', err),
    );
  };
}

/**
 * Checks a selection, keeps the answer in the tab's state (the popup shows it too) and has the
 * content script of the selection's frame show it.
 */
export async function checkSelection(
  browser: Api,
  engine: () => Promise<Engine>,
  tabId: number,
  selected: string,
  frameId?: number,
): Promise<void> {
  const { matcher, languages } = await engine();
  // A message carries at most MAX_TEXT characters of text (the content script drops a longer
  // report): a longer selection is checked and shown up to there.
  const text = selected.slice(0, MAX_TEXT);
  const lexicon = await languages?.lexiconFor([text]);
  const report = { text, result: checkText(matcher, text, lexicon) };
  await updateTab(tabId, (previous) => ({ ...(previous ?? startTab(undefined, '', '')), selection: report }));
  await toContent(browser.tabs, tabId, { type: 'content:show-selection', report }, frameId);
}
