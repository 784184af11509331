// @vitest-environment happy-dom
// The page's check on a live document: what is sent to the background, what is painted, and
// what happens when the page, the address or the extension changes during a check.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { send as connectorSend } from '../lib/connector';
import { createPageChecker, type PageContext } from '../lib/page/checker';
import type { Highlighter } from '../lib/page/paint';
import { debounce, watchChanges, type Timers } from '../lib/page/schedule';
import type { MatchedSentence, Message } from '../lib/protocol';
import type { Verdict } from '../core/types';

type Send = typeof connectorSend;

const FILLER =
  'The committee heard evidence from officials over several long sessions in the spring, and its members ' +
  'asked detailed questions about the budget, the schedule and the contracts signed in the previous year.';
const QUOTE = 'Stoltenberg said the alliance would hand over the post on October 1.';

function articleHtml(paragraphs: string[]): string {
  return `<article><h1>Talks resume</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>`;
}

function setPage(paragraphs = [FILLER, `${QUOTE} ${FILLER}`, FILLER, FILLER]) {
  document.title = 'Talks resume';
  document.body.innerHTML = articleHtml(paragraphs);
}

/** A content script context that can be invalidated, as after the extension is reloaded. */
function fakeContext() {
  const listeners: Array<() => void> = [];
  const ctx = {
    isInvalid: false,
    setTimeout: (handler: () => void, ms?: number) => setTimeout(handler, ms) as unknown as number,
    onInvalidated(cb: () => void) {
      listeners.push(cb);
      return () => undefined;
    },
    invalidate() {
      ctx.isInvalid = true;
      for (const cb of listeners) cb();
    },
  };
  return ctx satisfies PageContext;
}

/** A promise held open until released. */
function gate() {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

/**
 * The background as the content script sees it: matches the sentences that mention
 * Stoltenberg, keeps the page's matches across batches. `hold` keeps page:check answers back.
 */
function fakeBackground() {
  const sent: Message[] = [];
  let raw: MatchedSentence[] = [];
  const bg = {
    sent,
    hold: undefined as Promise<void> | undefined,
    checks: () => sent.filter((m): m is Extract<Message, { type: 'page:check' }> => m.type === 'page:check'),
    statuses: () => sent.flatMap((m) => (m.type === 'page:status' ? [m.status] : [])),
    send: (async (message: Message) => {
      sent.push(message);
      if (message.type !== 'page:check') return { ok: true };
      const hold = bg.hold;
      if (hold) await hold;
      if (message.reset) raw = [];
      const worst: Verdict = 'reworded';
      for (const s of message.sentences)
        if (s.text.includes('Stoltenberg')) raw.push({ id: s.id, text: s.text, versions: [], worst });
      return { matches: [...raw] };
    }) as Send,
  };
  return bg;
}

function fakeHighlighter() {
  const shown: string[][] = [];
  const h: Highlighter & { shown: string[][]; cleared: number; clearedOwn: number } = {
    shown,
    cleared: 0,
    clearedOwn: 0,
    show: (byVerdict) => shown.push(Object.values(byVerdict).flatMap((rs) => rs.map((r) => r.toString()))),
    clear: () => void h.cleared++,
    clearOwn: () => void h.clearedOwn++,
  };
  return h;
}

let ctx: ReturnType<typeof fakeContext>;
let bg: ReturnType<typeof fakeBackground>;
let highlighter: ReturnType<typeof fakeHighlighter>;
const checker = () =>
  createPageChecker({ doc: document, ctx, send: bg.send, highlighter, yieldToPage: () => Promise.resolve() });

beforeEach(() => {
  history.replaceState(null, '', '/story');
  setPage();
  ctx = fakeContext();
  bg = fakeBackground();
  highlighter = fakeHighlighter();
});
afterEach(() => vi.useRealTimers());

describe('page check', () => {
  it('sends the article’s sentences, then paints the matches', async () => {
    const page = checker();
    await page.check(false);
    expect(bg.statuses()).toEqual(['checking']);
    const [check] = bg.checks();
    expect(check).toMatchObject({ url: location.href, title: 'Talks resume', reset: true });
    expect(check!.sentences.map((s) => s.text)).toContain(QUOTE);
    expect(highlighter.shown).toEqual([[QUOTE]]);
    expect([...page.ranges.values()].map((r) => r.toString())).toEqual([QUOTE]);
    expect(page.match([...page.ranges.keys()][0]!)?.text).toBe(QUOTE);
  });

  it('does not send the same page twice', async () => {
    const page = checker();
    await page.check(false);
    await page.check(false);
    expect(bg.checks()).toHaveLength(1);
  });

  it('says when a page is not an article, and checks it when asked', async () => {
    document.body.innerHTML = '<nav><a href="/">Home</a></nav><p>Short.</p>';
    const page = checker();
    await page.check(false);
    expect(bg.statuses()).toEqual(['not-article']);
    document.body.innerHTML = `<div><p>${QUOTE}</p></div>`;
    await page.check(true);
    expect(bg.checks()[0]!.sentences.map((s) => s.text)).toEqual([QUOTE]);
  });

  it('switches highlights off and on', async () => {
    const page = checker();
    await page.check(false);
    await page.setHighlights(false);
    expect(highlighter.cleared).toBe(1);
    expect(page.highlightsOn).toBe(false);
    await page.setHighlights(true);
    expect(highlighter.shown.at(-1)).toEqual([QUOTE]);
  });
});

describe('a failed check', () => {
  it('reports the background’s error, not a broken reply', async () => {
    // The real connector, over a runtime whose background fails: it answers { error }.
    const runtime = {
      sendMessage: vi.fn(async (m: Message) =>
        m.type === 'page:check' ? { error: 'corpus index not found (404)' } : { ok: true },
      ),
    };
    const send = ((m: Message) => connectorSend(m, runtime as unknown as Parameters<Send>[1])) as Send;
    const page = createPageChecker({ doc: document, ctx, send, highlighter, yieldToPage: () => Promise.resolve() });
    await page.check(false);
    const last = runtime.sendMessage.mock.calls.at(-1)![0];
    expect(last).toMatchObject({ type: 'page:status', status: 'error', error: 'corpus index not found (404)' });
    expect(highlighter.shown).toEqual([]);
  });

  it('tries the same page again on the next change', async () => {
    let fail = true;
    const send = (async (m: Message) => {
      if (m.type === 'page:check' && fail) throw new Error('corpus index not found (404)');
      return bg.send(m);
    }) as Send;
    const page = createPageChecker({ doc: document, ctx, send, highlighter, yieldToPage: () => Promise.resolve() });
    await page.check(false);
    fail = false;
    await page.check(false);
    expect(bg.checks()).toHaveLength(1);
    expect(highlighter.shown).toEqual([[QUOTE]]);
  });
});

describe('a page that changes during a check', () => {
  it('checks a paragraph added while a check runs', async () => {
    const page = checker();
    const timers: Timers = {
      setTimeout: (handler, ms) => setTimeout(handler, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
    };
    // As the content script wires it, with short waits.
    const recheck = debounce(() => void page.check(false), timers, 5, 50);
    const stop = watchChanges(document.body, recheck.poke);
    const held = gate();
    bg.hold = held.promise;
    const first = page.check(false);
    await vi.waitFor(() => expect(bg.checks()).toHaveLength(1));
    const added = 'Stoltenberg added that the talks would resume in the spring.';
    const p = document.createElement('p');
    p.textContent = `${added} ${FILLER}`;
    document.querySelector('article')!.append(p);
    // The change is seen and a check asked while the first one still waits for its answer.
    await new Promise((r) => setTimeout(r, 60));
    held.release();
    bg.hold = undefined;
    await first;
    await vi.waitFor(() => expect(bg.checks()).toHaveLength(2));
    await vi.waitFor(() => expect(highlighter.shown.at(-1)).toEqual([QUOTE, added]));
    expect(bg.checks()[1]!.sentences.map((s) => s.text)).toContain(added);
    stop();
  });

  it('never paints new sentences with the old matches while a check runs', async () => {
    const page = checker();
    await page.check(false);
    // A paragraph inserted above shifts every sentence's position; its check is held.
    const held = gate();
    bg.hold = held.promise;
    const p = document.createElement('p');
    p.textContent = `A new first paragraph. ${FILLER}`;
    document.querySelector('article h1')!.after(p);
    const second = page.check(false);
    await vi.waitFor(() => expect(bg.checks()).toHaveLength(2));
    await page.setHighlights(true);
    expect(highlighter.shown.at(-1)).toEqual([QUOTE]);
    held.release();
    await second;
    expect(highlighter.shown.at(-1)).toEqual([QUOTE]);
    expect(page.match([...page.ranges.keys()][0]!)?.text).toBe(QUOTE);
  });

  it('skips a match whose text changed before the answer came, and reports no error', async () => {
    const page = checker();
    const held = gate();
    bg.hold = held.promise;
    const done = page.check(false);
    await vi.waitFor(() => expect(bg.checks()).toHaveLength(1));
    // The quote's paragraph is shortened while the background matches it.
    const quoted = [...document.querySelectorAll('p')].find((el) => el.textContent!.includes('Stoltenberg'))!;
    (quoted.firstChild as Text).data = 'Short.';
    held.release();
    await done;
    expect(bg.statuses()).toEqual(['checking']);
    expect(highlighter.shown).toEqual([[]]);
    expect(page.ranges.size).toBe(0);
  });

  it('checks again when a single-page app moves to another address with the same text', async () => {
    const page = checker();
    await page.check(false);
    history.pushState(null, '', '/next-story');
    await page.check(false);
    expect(bg.checks().map((c) => new URL(c.url).pathname)).toEqual(['/story', '/next-story']);
  });

  it('does not check again when only the address’s fragment changes (an in-page link)', async () => {
    const page = checker();
    await page.check(false);
    history.pushState(null, '', '#section-2');
    await page.check(false);
    expect(bg.checks()).toHaveLength(1);
  });

  it('keeps a forced check through an in-page link', async () => {
    document.body.innerHTML = `<div><p>${QUOTE}</p></div>`;
    const page = checker();
    await page.check(true);
    history.pushState(null, '', '#part-2');
    document.querySelector('p')!.append(' More.');
    await page.check(false);
    expect(bg.statuses()).toEqual(['checking', 'checking']);
  });

  it('takes the highlights away when the page stops being an article, and says so once', async () => {
    const page = checker();
    await page.check(false);
    document.body.innerHTML = '<nav><a href="/">Home</a></nav><p>Short.</p>';
    await page.check(false);
    document.body.append('More furniture.');
    await page.check(false);
    expect(bg.statuses()).toEqual(['checking', 'not-article']);
    expect(highlighter.shown.at(-1)).toEqual([]);
    expect(page.ranges.size).toBe(0);
  });

  it('asks again on the next address of a single-page app before checking a page that is not an article', async () => {
    document.body.innerHTML = `<div><p>${QUOTE}</p></div>`;
    const page = checker();
    await page.check(true);
    history.pushState(null, '', '/elsewhere');
    document.body.innerHTML = `<div><p>${QUOTE} Again.</p></div>`;
    await page.check(false);
    expect(bg.statuses()).toEqual(['checking', 'not-article']);
  });
});

describe('a page restored from the back/forward cache', () => {
  it('sends its check again (the background forgot the tab when it navigated away)', async () => {
    const page = checker();
    await page.check(false);
    await page.check(false);
    expect(bg.checks()).toHaveLength(1);
    await page.resend();
    expect(bg.checks()).toHaveLength(2);
    expect(bg.checks()[1]!.reset).toBe(true);
  });
});

describe('an old content script after the extension is reloaded', () => {
  it('stops its check, sends nothing more and takes its highlights away', async () => {
    const page = checker();
    await page.check(false);
    setPage([FILLER, `${QUOTE} ${FILLER}`, FILLER, FILLER, 'A paragraph added later.']);
    const held = gate();
    bg.hold = held.promise;
    const second = page.check(false);
    await vi.waitFor(() => expect(bg.checks()).toHaveLength(2));
    const sentBefore = bg.sent.length;
    ctx.invalidate();
    held.release();
    await second;
    await page.check(true);
    expect(bg.sent.length).toBe(sentBefore);
    expect(highlighter.clearedOwn).toBe(1);
    expect(highlighter.shown).toHaveLength(1);
  });

  it('reports no error for a message the old context can no longer send', async () => {
    const send = (async (m: Message) => {
      if (m.type === 'page:check') {
        ctx.invalidate();
        throw new Error('Extension context invalidated.');
      }
      return bg.send(m);
    }) as Send;
    const page = createPageChecker({ doc: document, ctx, send, highlighter, yieldToPage: () => Promise.resolve() });
    await page.check(false);
    expect(bg.statuses()).toEqual(['checking']);
  });
});
