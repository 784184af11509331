// The one way to the background: a failed request is a rejection, never data.
import { describe, expect, it, vi } from 'vitest';
import { activeTabId, request, send } from '../lib/connector';
import type { Message } from '../lib/protocol';

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

const check: Message = { type: 'page:check', url: 'https://example.org/', title: 't', sentences: [], reset: true };

describe('request', () => {
  it('returns the background answer', async () => {
    const runtime = { sendMessage: vi.fn().mockResolvedValue({ matches: [], self: null }) };
    await expect(request(check, runtime)).resolves.toEqual({ matches: [], self: null });
    expect(runtime.sendMessage).toHaveBeenCalledWith(check);
  });

  it("throws the background's error instead of passing { error } on as an answer", async () => {
    // What the Firefox build's content script got when the badge call failed: it read
    // `matches` from this and failed later with "this.matches is undefined".
    const runtime = {
      sendMessage: vi.fn().mockResolvedValue({ error: 'this browser has neither action nor browserAction' }),
    };
    await expect(request(check, runtime)).rejects.toThrow('this browser has neither action nor browserAction');
  });

  it('throws when nothing answers', async () => {
    const runtime = { sendMessage: vi.fn().mockResolvedValue(undefined) };
    await expect(request(check, runtime)).rejects.toThrow('did not answer');
  });
});
