import { describe, expect, it, vi } from 'vitest';
import { request } from '../lib/connector';
import type { Message } from '../lib/protocol';

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
