/**
 * What the background knows of each tab: the page report and the last "Check this quote"
 * answer. Kept in `storage.session` so it survives the service worker being stopped, and
 * cleared when the tab navigates or closes.
 */
import { browser } from 'wxt/browser';
import type { MatchedSentence, SelectionReport, TabReport } from '../protocol';

/** A page's raw matches, before the page's own article (if it is one) is set apart. */
export interface StoredTab {
  report: TabReport;
  raw: MatchedSentence[];
  selection: SelectionReport | null;
}

type Area = Pick<typeof browser.storage.session, 'get' | 'set' | 'remove'>;

const key = (tabId: number) => `tab:${tabId}`;

export async function loadTab(tabId: number, area: Area = browser.storage.session): Promise<StoredTab | undefined> {
  const got = await area.get(key(tabId));
  return got[key(tabId)] as StoredTab | undefined;
}

export async function saveTab(tabId: number, tab: StoredTab, area: Area = browser.storage.session): Promise<void> {
  await area.set({ [key(tabId)]: tab });
}

export async function forgetTab(tabId: number, area: Area = browser.storage.session): Promise<void> {
  await area.remove(key(tabId));
}

export function emptyReport(url: string, title: string): TabReport {
  return { status: 'checking', url, title, checked: 0, matches: [], highlights: true };
}
