/**
 * The "Check this quote" context menu item: checks the selected text and shows the answer in
 * a panel beside the selection.
 */
import type { Browser } from 'wxt/browser';
import { MAX_TEXT } from '../protocol';
import type { Engine } from './engine';
import { checkText } from './languages';
import type { Api } from './handlers';
import { startTab, updateTab } from './reports';
import { toContent } from './tabs';

export const MENU_ID = 'check-quote';

/** Creates the item; run on install and update, after removing any left from before. */
export async function createMenu(browser: Api): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: 'Check this quote', contexts: ['selection'] });
}

/** The `contextMenus.onClicked` listener. */
export function createMenuListener(browser: Api, engine: () => Promise<Engine>) {
  return (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> | undefined => {
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
