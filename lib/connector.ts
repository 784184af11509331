/**
 * How extension pages and the content script talk to the background: one typed `send`.
 * The browser API is a parameter so tests can pass a fake.
 */
import { browser } from 'wxt/browser';
import type { Message, Reply } from './protocol';

type Runtime = Pick<typeof browser.runtime, 'sendMessage'>;

/** Send a message to the background and get its typed reply. */
export async function send<M extends Message>(message: M, runtime: Runtime = browser.runtime): Promise<Reply<M>> {
  return (await runtime.sendMessage(message)) as Reply<M>;
}

/** The tab the popup was opened on (no `tabs` permission needed for the active tab's id). */
export async function activeTabId(
  tabs: Pick<typeof browser.tabs, 'query'> = browser.tabs,
): Promise<number | undefined> {
  const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/** Address of the reader page for one sentence of a corpus article. */
export function readerUrl(article: string, start: number, end: number): string {
  const q = new URLSearchParams({ article, start: String(start), end: String(end) });
  return browser.runtime.getURL(`/reader.html?${q.toString()}`);
}
