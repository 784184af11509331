/**
 * How extension pages and the content script talk to the background: one typed `send`.
 * The browser API is a parameter so tests can pass a fake.
 */
import { browser } from 'wxt/browser';
import type { Message, Reply } from './protocol';

type Runtime = Pick<typeof browser.runtime, 'sendMessage'>;

/**
 * Send a message to the background and get its typed reply. The background answers a failed
 * request with `{ error }`: that is a rejection here with its message, so it is never taken for
 * a reply (a check once stored it as the page's matches and showed "not iterable").
 */
export async function send<M extends Message>(message: M, runtime: Runtime = browser.runtime): Promise<Reply<M>> {
  const reply: unknown = await runtime.sendMessage(message);
  if (typeof reply === 'object' && reply !== null && 'error' in reply && typeof reply.error === 'string')
    throw new Error(reply.error);
  return reply as Reply<M>;
}

/**
 * `send`, also failing when nothing answers (the background not listening, or a handler that
 * returned nothing): such a reply must not be taken for an answer either. The popup, the reader
 * and the page's check use it.
 */
export async function request<M extends Message>(message: M, runtime: Runtime = browser.runtime): Promise<Reply<M>> {
  const reply = await send(message, runtime);
  if (reply === undefined || reply === null) throw new Error('The extension did not answer. Try reopening it.');
  return reply;
}

/**
 * The tab the popup is about: the active tab (no `tabs` permission needed for its id), or the
 * tab named by `?tab=<id>` when the popup page is opened in a tab of its own (keyboard users
 * who open it that way, and the end-to-end tests).
 */
export async function activeTabId(
  tabs: Pick<typeof browser.tabs, 'query'> = browser.tabs,
  search: string = location.search,
): Promise<number | undefined> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/** Address of the reader page for one sentence of a corpus article. */
export function readerUrl(article: string, start: number, end: number): string {
  const q = new URLSearchParams({ article, start: String(start), end: String(end) });
  return browser.runtime.getURL(`/reader.html?${q.toString()}`);
}
