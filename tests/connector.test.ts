// The one way to the background: a failed request is a rejection, never data.
import { describe, expect, it, vi } from 'vitest';
import { activeTabId, send } from '../lib/connector';

const runtime = (reply: unknown) => ({ sendMessage: vi.fn(async () => reply) });

describe('send', () => {
  it('resolves with the reply', async () => {
    await expect(send({ type: 'ui:check-page', tabId: 1 }, runtime({ ok: true }))).resolves.toEqual({ ok: true });
  });

  it('rejects with the background’s error, so it is never taken for a reply', async () => {
    const failing = runtime({ error: 'corpus index not found (404)' });
    await expect(
      send({ type: 'page:check', url: 'u', title: 't', sentences: [], reset: true }, failing),
    ).rejects.toThrow('corpus index not found (404)');
  });

  it('rejects when the browser cannot deliver the message', async () => {
    const gone = { sendMessage: vi.fn(() => Promise.reject(new Error('Extension context invalidated.'))) };
    await expect(send({ type: 'ui:check-page', tabId: 1 }, gone)).rejects.toThrow('Extension context invalidated.');
  });
});

describe('activeTabId', () => {
  it('takes the tab named in the address, else the active tab', async () => {
    const tabs = { query: vi.fn(async () => [{ id: 5 }]) };
    await expect(activeTabId(tabs as never, '?tab=9')).resolves.toBe(9);
    await expect(activeTabId(tabs as never, '')).resolves.toBe(5);
    await expect(activeTabId(tabs as never, '?tab=-1')).resolves.toBe(5);
  });
});
