// @vitest-environment happy-dom
// The content script's smaller parts: batches, ranges, the card's hit test and placement, the
// overlay's hiding, hover, the background's messages, reader links.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { send as Send } from '../lib/connector';
import { cardStyle, hitTest, MIN_CARD_ROOM } from '../lib/page/card';
import { checkSentences, MAX_SENTENCE_TEXT } from '../lib/page/check';
import type { PageChecker } from '../lib/page/checker';
import { createHover } from '../lib/page/hover';
import { createContentHandlers, handleContentMessage, selectionBox } from '../lib/page/messages';
import { createOverlay, HIDE_DELAY_MS, type OverlayContent } from '../lib/page/overlay';
import { cssHighlighter, liveRange, matchRanges } from '../lib/page/paint';
import type { PageSentence } from '../lib/page/scan';
import type { Timers } from '../lib/page/schedule';
import { readerLinkTarget } from '../lib/page/ui';
import { HIGHLIGHT_NAMES } from '../lib/page/highlights';
import { MAX_BATCH, type MatchedSentence, type Message } from '../lib/protocol';

const timers: Timers = {
  setTimeout: (handler, ms) => setTimeout(handler, ms) as unknown as number,
  clearTimeout: (id) => clearTimeout(id),
};

const match = (id: number, text = `Sentence ${id}.`): MatchedSentence => ({
  id,
  text,
  versions: [],
  worst: 'identical',
});

/** One block per paragraph of the body, as blocks.ts reads them, and its sentences. */
function sentencesOf(html: string): PageSentence[] {
  document.body.innerHTML = html;
  return [...document.querySelectorAll('p')].map((el, id) => {
    const node = el.firstChild as Text;
    const block = { el, text: node.data, segments: [{ node, start: 0, end: node.data.length }], inArticle: false };
    return { id, text: node.data, block, start: 0, end: node.data.length };
  });
}

describe('checkSentences', () => {
  it('sends batches of at most MAX_BATCH, starting the report over with the first', async () => {
    const sent: Array<Extract<Message, { type: 'page:check' }>> = [];
    const send = (async (m: Extract<Message, { type: 'page:check' }>) => {
      sent.push(m);
      return { matches: [match(sent.length)] };
    }) as unknown as typeof Send;
    const sentences = Array.from({ length: MAX_BATCH * 2 + 1 }, (_, id) => ({ id, text: `S${id}.` }));
    sentences[3]!.text = 'x'.repeat(MAX_SENTENCE_TEXT + 10);
    const matches = await checkSentences(send, { url: 'u', title: 't', sentences });
    expect(sent.map((m) => [m.reset, m.sentences.length])).toEqual([
      [true, MAX_BATCH],
      [false, MAX_BATCH],
      [false, 1],
    ]);
    expect(sent[0]!.sentences[3]!.text).toHaveLength(MAX_SENTENCE_TEXT);
    expect(matches).toEqual([match(3)]);
  });

  it('sends one empty batch for a page with no sentences (the report starts over)', async () => {
    const send = vi.fn(async () => ({ matches: [] }));
    await checkSentences(send as unknown as typeof Send, { url: 'u', title: 't', sentences: [] });
    expect(send).toHaveBeenCalledWith({ type: 'page:check', url: 'u', title: 't', sentences: [], reset: true });
  });

  it('stops between batches once stopped, and rejects when the background fails', async () => {
    let stop = false;
    const send = vi.fn(async () => {
      stop = true;
      return { matches: [] };
    });
    const sentences = Array.from({ length: MAX_BATCH + 1 }, (_, id) => ({ id, text: 'S.' }));
    const args = { url: 'u', title: 't', sentences };
    expect(await checkSentences(send as unknown as typeof Send, args, () => stop)).toBeUndefined();
    expect(send).toHaveBeenCalledTimes(1);
    const failing = vi.fn(() => Promise.reject(new Error('corpus index not found (404)')));
    await expect(checkSentences(failing as unknown as typeof Send, args)).rejects.toThrow('corpus index');
  });
});

describe('ranges of matches', () => {
  it('gives a range per matched sentence, by verdict', async () => {
    const sentences = sentencesOf('<p>One.</p><p>Two.</p><p>Three.</p>');
    const { ranges, byVerdict } = await matchRanges(sentences, [
      { ...match(0), worst: 'conflicting' },
      { ...match(2), worst: 'reworded' },
    ]);
    expect([...ranges].map(([id, r]) => [id, r.toString()])).toEqual([
      [0, 'One.'],
      [2, 'Three.'],
    ]);
    expect(byVerdict.conflicting.map(String)).toEqual(['One.']);
    expect(byVerdict.reworded.map(String)).toEqual(['Three.']);
    expect(byVerdict.identical).toEqual([]);
  });

  it('gives none for a sentence removed, shortened or rewritten since it was read, or unknown', async () => {
    const sentences = sentencesOf('<p>One.</p><p>Two is longer.</p><p>Three.</p><p>Four.</p>');
    sentences[0]!.block.el.remove();
    (sentences[1]!.block.segments[0]!.node as Text).data = 'Two.';
    (sentences[2]!.block.segments[0]!.node as Text).data = 'Tree!';
    expect(liveRange(sentences[0]!)).toBeUndefined();
    expect(liveRange(sentences[1]!)).toBeUndefined();
    expect(liveRange(sentences[2]!)).toBeUndefined();
    expect(liveRange(sentences[3]!)?.toString()).toBe('Four.');
    const { ranges } = await matchRanges(sentences, [match(0), match(1), match(2), match(3), match(9)]);
    expect([...ranges.keys()]).toEqual([3]);
  });
});

describe('cssHighlighter', () => {
  const registry = new Map<string, unknown>();
  beforeEach(() => {
    registry.clear();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal(
      'Highlight',
      class {
        ranges: Range[];
        constructor(...ranges: Range[]) {
          this.ranges = ranges;
        }
      },
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows ranges by verdict and clears them', async () => {
    const [s] = sentencesOf('<p>One.</p>');
    const h = cssHighlighter(document);
    h.show({ identical: [liveRange(s!)!], reworded: [], conflicting: [] });
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAMES.identical]);
    h.clear();
    expect(registry.size).toBe(0);
  });

  it('takes away only its own highlights (a newer content script’s stay)', async () => {
    const [s] = sentencesOf('<p>One.</p>');
    const old = cssHighlighter(document);
    old.show({ identical: [liveRange(s!)!], reworded: [liveRange(s!)!], conflicting: [] });
    const newer = { identical: 'the newer script’s' };
    registry.set(HIGHLIGHT_NAMES.identical, newer);
    old.clearOwn();
    expect([...registry]).toEqual([[HIGHLIGHT_NAMES.identical, newer]]);
  });
});

describe('hitTest', () => {
  it('finds the range under a text point, and ignores points no range can hold', () => {
    const sentences = sentencesOf('<p>One.</p><p>Two.</p>');
    const ranges = new Map(sentences.map((s) => [s.id, liveRange(s)!]));
    const second = sentences[1]!.block.segments[0]!.node;
    expect(hitTest(ranges, { offsetNode: second, offset: 2 })).toBe(1);
    expect(hitTest(ranges, { offsetNode: document.body, offset: 0 })).toBeUndefined();
    expect(hitTest(ranges, { offsetNode: second, offset: 99 })).toBeUndefined();
    expect(hitTest(ranges, null)).toBeUndefined();
  });
});

describe('cardStyle', () => {
  const viewport = { width: 1000, height: 800 };
  it('opens below a sentence when there is room', () => {
    const style = cardStyle({ left: 100, top: 100, bottom: 120 }, viewport);
    expect(style).toContain('top:128px;bottom:auto;--qc-room:664px;');
    expect(style).toContain('left:100px;width:420px;');
  });

  it('opens above, growing upward, when the room below is short and above is larger', () => {
    const top = 800 - MIN_CARD_ROOM;
    const style = cardStyle({ left: 900, top, bottom: top + 20 }, viewport);
    expect(style).toContain(`bottom:${800 - top + 8}px;top:auto;--qc-room:${top - 16}px;`);
    // Kept inside the viewport.
    expect(style).toContain('left:572px;');
  });

  it('fits a narrow viewport', () => {
    expect(cardStyle({ left: 0, top: 10, bottom: 20 }, { width: 300, height: 600 })).toContain('left:8px;width:284px;');
  });
});

describe('overlay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function overlayOnPage() {
    const box = document.createElement('div');
    const rendered: OverlayContent[] = [];
    let events: Parameters<Parameters<typeof createOverlay>[0]['render']>[1] | undefined;
    const overlay = createOverlay({
      box: () => box,
      render: (content, e) => {
        rendered.push(content);
        events = e;
      },
      timers,
      viewport: () => ({ width: 1000, height: 800 }),
    });
    return { box, rendered, overlay, events: () => events! };
  }

  it('places the box beside a rectangle, and hides it', () => {
    const { box, overlay } = overlayOnPage();
    overlay.show({ kind: 'card', match: match(1) }, { left: 10, top: 10, bottom: 30 });
    expect(box.getAttribute('style')).toContain('position:fixed;display:block;');
    overlay.show({ kind: 'none' });
    expect(box.getAttribute('style')).toBe('display:none;');
  });

  it('hides a card a moment after the pointer leaves it, unless it comes back', () => {
    const { overlay, events } = overlayOnPage();
    overlay.show({ kind: 'card', match: match(1) }, { left: 10, top: 10, bottom: 30 });
    events().pointerLeave();
    vi.advanceTimersByTime(HIDE_DELAY_MS - 1);
    events().pointerEnter();
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    expect(overlay.content.kind).toBe('card');
    events().pointerLeave();
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    expect(overlay.content.kind).toBe('none');
  });

  it('keeps a card shown from the popup even when a hide was pending', () => {
    const { overlay } = overlayOnPage();
    overlay.show({ kind: 'card', match: match(1) }, { left: 10, top: 10, bottom: 30 });
    overlay.hideSoon();
    overlay.show({ kind: 'card', match: match(2) }, { left: 10, top: 10, bottom: 30 });
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    expect(overlay.content).toEqual({ kind: 'card', match: match(2) });
  });

  it('closes the panel from its close button', () => {
    const { overlay, events } = overlayOnPage();
    overlay.show({ kind: 'panel', report: { text: 'q', result: { sentences: [] } } }, { left: 0, top: 0, bottom: 0 });
    events().pointerLeave();
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    expect(overlay.content.kind).toBe('panel');
    events().close();
    expect(overlay.content.kind).toBe('none');
  });
});

/** A page checker with painted ranges over the body's paragraphs. */
function fakeChecker(html: string, on = true) {
  const sentences = sentencesOf(html);
  const ranges = new Map(sentences.map((s) => [s.id, liveRange(s)!]));
  const checker = {
    check: vi.fn(async () => undefined),
    resend: vi.fn(async () => undefined),
    setHighlights: vi.fn(async () => undefined),
    highlightsOn: on,
    ranges,
    match: (id: number) => (ranges.has(id) ? match(id, sentences[id]!.text) : undefined),
  } satisfies PageChecker;
  return { checker, sentences };
}

describe('hover', () => {
  it('shows the card of the sentence under the pointer, once, and hides it when the pointer leaves', () => {
    const { checker, sentences } = fakeChecker('<p>One.</p><p>Two.</p>');
    const point = { current: null as { offsetNode: Node; offset: number } | null };
    Object.assign(document, { caretPositionFromPoint: () => point.current });
    const overlay = {
      content: { kind: 'none' } as OverlayContent,
      show: vi.fn(),
      hideSoon: vi.fn(),
      cancelHide: vi.fn(),
    };
    overlay.show.mockImplementation((c: OverlayContent) => (overlay.content = c));
    const hover = createHover({
      doc: document,
      ranges: () => checker.ranges,
      match: checker.match,
      enabled: () => true,
      overlay,
    });
    point.current = { offsetNode: sentences[1]!.block.segments[0]!.node, offset: 1 };
    hover(5, 5);
    hover(6, 5);
    expect(overlay.show).toHaveBeenCalledTimes(1);
    expect(overlay.content).toMatchObject({ kind: 'card', match: { id: 1 } });
    point.current = { offsetNode: document.body, offset: 0 };
    hover(500, 500);
    expect(overlay.hideSoon).toHaveBeenCalledTimes(1);
    delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  });

  it('does nothing while highlights are off', () => {
    const { checker } = fakeChecker('<p>One.</p>');
    const overlay = {
      content: { kind: 'none' } as OverlayContent,
      show: vi.fn(),
      hideSoon: vi.fn(),
      cancelHide: vi.fn(),
    };
    createHover({ doc: document, ranges: () => checker.ranges, match: checker.match, enabled: () => false, overlay })(
      1,
      1,
    );
    expect(overlay.show).not.toHaveBeenCalled();
  });
});

describe('content messages', () => {
  function setup() {
    const { checker } = fakeChecker('<p>One.</p><p>Two.</p>');
    const overlay = {
      content: { kind: 'none' } as OverlayContent,
      show: vi.fn(),
      hideSoon: vi.fn(),
      cancelHide: vi.fn(),
    };
    const handlers = createContentHandlers(document, checker, overlay);
    return { checker, overlay, handle: (m: Message) => handleContentMessage(handlers, m) };
  }

  it('switches highlights, closing the card when they go off', async () => {
    const { checker, overlay, handle } = setup();
    await expect(handle({ type: 'content:set-highlights', on: false })).resolves.toEqual({ ok: true });
    expect(checker.setHighlights).toHaveBeenCalledWith(false);
    expect(overlay.show).toHaveBeenCalledWith({ kind: 'none' });
  });

  it('reveals a sentence: scrolls to it and opens its card', async () => {
    const { overlay, handle } = setup();
    const scroll = vi.fn();
    Element.prototype.scrollIntoView = scroll;
    await expect(handle({ type: 'content:reveal', id: 1 })).resolves.toEqual({ ok: true });
    expect(scroll).toHaveBeenCalledWith({ block: 'center', behavior: 'instant' });
    expect(overlay.show.mock.calls[0]![0]).toMatchObject({ kind: 'card', match: { id: 1, text: 'Two.' } });
    await expect(handle({ type: 'content:reveal', id: 7 })).resolves.toEqual({ ok: false });
  });

  it('checks the page when asked, and shows a checked selection beside it', async () => {
    const { checker, overlay, handle } = setup();
    await expect(handle({ type: 'content:check-page' })).resolves.toEqual({ ok: true });
    expect(checker.check).toHaveBeenCalledWith(true);
    const report = { text: 'q', result: { sentences: [] } };
    await handle({ type: 'content:show-selection', report });
    expect(overlay.show).toHaveBeenCalledWith({ kind: 'panel', report }, selectionBox(document));
  });

  it('answers no other message', () => {
    const { handle } = setup();
    expect(handle({ type: 'ui:get-report', tabId: 1 })).toBeUndefined();
  });
});

describe('reader links', () => {
  it('reads the target of a left or middle click on "View in context"', () => {
    document.body.innerHTML =
      '<a class="qc-context-link" href="chrome-extension://id/reader.html?article=a1&start=3&end=9"><span>View</span></a>';
    const inner = document.querySelector('span')!;
    expect(readerLinkTarget({ target: inner, type: 'click', button: 0 })).toEqual({ article: 'a1', start: 3, end: 9 });
    expect(readerLinkTarget({ target: inner, type: 'auxclick', button: 1 })).toEqual({
      article: 'a1',
      start: 3,
      end: 9,
    });
    expect(readerLinkTarget({ target: inner, type: 'auxclick', button: 2 })).toBeUndefined();
    expect(readerLinkTarget({ target: document.body, type: 'click', button: 0 })).toBeUndefined();
  });
});
