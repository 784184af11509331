/**
 * Messages from the background to a tab's content script.
 */
import type { browser as Browser } from 'wxt/browser';
import type { Message } from '../protocol';

type Tabs = Pick<typeof Browser.tabs, 'sendMessage'>;

/**
 * Sends a `content:` message to a tab (one frame when `frameId` is given). False when nothing
 * there listens: a browser page, a page loaded before the extension, or not loaded yet.
 */
export async function toContent(tabs: Tabs, tabId: number, message: Message, frameId?: number): Promise<boolean> {
  try {
    await tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId });
    return true;
  } catch {
    return false;
  }
}
