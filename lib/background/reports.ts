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

/** Per tab, the last update under way: each update waits for the one before it. */
const queues = new Map<number, Promise<unknown>>();

/** Runs `task` after every update of the tab asked before it, one at a time. */
function queued<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(task, task);
  const tail = run.catch(() => undefined);
  queues.set(tabId, tail);
  void tail.then(() => queues.get(tabId) === tail && queues.delete(tabId));
  return run;
}

/**
 * Changes a tab's stored state: `change` gets what is stored (undefined when nothing is) and
 * returns what to store (undefined: leave it as it is); returns what is stored after. Updates
 * of one tab run one after the other: a read-modify-write of `storage.session` interleaved with
 * another (a highlight switch while a check saves its batch) would lose one of them.
 */
export function updateTab(
  tabId: number,
  change: (previous: StoredTab | undefined) => StoredTab | undefined,
  area: Area = browser.storage.session,
): Promise<StoredTab | undefined> {
  return queued(tabId, async () => {
    const previous = await loadTab(tabId, area);
    const next = change(previous);
    if (next) await saveTab(tabId, next, area);
    return next ?? previous;
  });
}

/** Forgets a tab (it navigated or closed), after the updates asked before. */
export function forgetTab(tabId: number, area: Area = browser.storage.session): Promise<void> {
  return queued(tabId, () => area.remove(key(tabId)));
}
