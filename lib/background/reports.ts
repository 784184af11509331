/**
 * What the background knows of each tab: the page report and the last "Check this quote"
 * answer. Kept in `storage.session` so it survives the service worker being stopped, and
 * cleared when the tab navigates or closes.
 */
import { browser } from 'wxt/browser';
import { worstVerdict, type MatchedSentence, type SelectionReport, type TabReport } from '../protocol';

/**
 * What is kept of a tab: the report without its matches, the page's raw matches, and the last
 * checked selection. The report's matches are derived (see tabReport), not stored twice.
 */
export interface StoredTab {
  report: Omit<TabReport, 'matches'>;
  raw: MatchedSentence[];
  selection: SelectionReport | null;
}

/** A new page in a tab: no matches yet; the highlight switch and the last selection stay. */
export function startTab(previous: StoredTab | undefined, url: string, title: string): StoredTab {
  return {
    report: { status: 'checking', url, title, checked: 0, highlights: previous?.report.highlights ?? true },
    raw: [],
    selection: previous?.selection ?? null,
  };
}

/**
 * The report the popup and the badge see: the raw matches, with the page's own article set
 * apart when the page is a corpus article (sentences left with no version drop out).
 */
export function tabReport(stored: StoredTab): TabReport {
  const self = stored.report.self?.article;
  const matches = !self
    ? stored.raw
    : stored.raw.flatMap((m) => {
        const versions = m.versions.filter((v) => v.article !== self);
        return versions.length ? [{ ...m, versions, worst: worstVerdict(versions) }] : [];
      });
  return { ...stored.report, matches };
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
