/**
 * The page's check: reads the article's sentences, has the background match them, and paints
 * the matches. One check at a time; asking while one runs makes one more run after it (the
 * page changed during the run, so what it read may be out of date).
 */
import type { send as Send } from '../connector';
import type { MatchedSentence } from '../protocol';
import { slicer } from './blocks';
import { checkSentences } from './check';
import { matchRanges, type Highlighter } from './paint';
import { createRunner } from './runner';
import { scanPage, segmentHere, signatureOf, type PageSentence, type Segment } from './scan';

/** Work is cut into slices of at most this long before yielding to the page. */
export const SLICE_MS = 8;
/** Longest title sent with a page's report. */
const MAX_TITLE = 500;
/** Longest error message sent with a page's report. */
const MAX_ERROR = 500;

/** What the checker needs of WXT's content script context. */
export interface PageContext {
  readonly isInvalid: boolean;
  setTimeout(handler: () => void, timeout?: number): number;
  onInvalidated(cb: () => void): () => void;
}

export interface CheckerDeps {
  doc: Document;
  ctx: PageContext;
  send: typeof Send;
  highlighter: Highlighter;
  /** Elements never read (the extension's own card and panel). */
  exclude?: (el: Element) => boolean;
  /** Lets the page run between slices of work. */
  yieldToPage?: () => Promise<void>;
  /** Splits block texts into sentences: the content script has the background do it. */
  segment?: Segment;
}

export interface PageChecker {
  /** Checks the page; `force` when the user asks, even on a page that is not an article. */
  check(force: boolean): Promise<void>;
  /**
   * Checks and sends the page again even when unchanged: it came back from the back/forward
   * cache, and the background forgot the tab's report when it navigated away.
   */
  resend(): Promise<void>;
  setHighlights(on: boolean): Promise<void>;
  readonly highlightsOn: boolean;
  /** The painted ranges, by sentence id. */
  readonly ranges: ReadonlyMap<number, Range>;
  match(id: number): MatchedSentence | undefined;
}

/** Lets the page run: `scheduler.yield()` where there is one, else a timer. */
export function yieldWith(ctx: PageContext): () => Promise<void> {
  return () => {
    const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    if (typeof scheduler?.yield === 'function') return scheduler.yield();
    return new Promise((resolve) => ctx.setTimeout(resolve, 0));
  };
}

/** A page's address without its fragment: an in-page link stays on the same page. */
const pageOf = (url: string) => url.replace(/#.*$/s, '');
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createPageChecker({
  doc,
  ctx,
  send,
  highlighter,
  exclude,
  yieldToPage = yieldWith(ctx),
  segment = segmentHere,
}: CheckerDeps): PageChecker {
  // The sentences and their matches are replaced together, once a check has its answer: a
  // paint in between (the highlight switch) never pairs new sentences with old matches.
  let painted: { sentences: PageSentence[]; matches: MatchedSentence[] } = { sentences: [], matches: [] };
  let ranges = new Map<number, Range>();
  let highlightsOn = true;
  /** The page the user asked to check anyway: a single-page app's next page is asked again. */
  let forcedFor: string | undefined;
  /** What the last check sent, to skip a re-check that would send the same. */
  let sent: { page: string; signature: string } | undefined;
  let paints = 0;
  let resendNext = false;

  const runner = createRunner(run);
  ctx.onInvalidated(() => highlighter.clearOwn());

  async function run(): Promise<void> {
    if (ctx.isInvalid) return;
    const url = doc.location.href;
    const page = pageOf(url);
    const title = doc.title.slice(0, MAX_TITLE);
    try {
      const slices = slicer(SLICE_MS, yieldToPage);
      const scan = await scanPage(doc, { force: forcedFor === page, exclude, slices, segment });
      if (ctx.isInvalid) return;
      // What the check would send: whether the page is an article, and its sentences.
      const signature = `${scan.isArticle ? 'article' : 'not-article'}\n${signatureOf(scan.sentences)}`;
      if (!resendNext && sent && sent.page === page && sent.signature === signature) return;
      resendNext = false;
      sent = { page, signature };
      if (!scan.isArticle) {
        // The background drops the page's matches: so do its highlights.
        const shown = painted.matches.length > 0;
        painted = { sentences: [], matches: [] };
        await send({ type: 'page:status', status: 'not-article', url, title });
        if (shown) await paint();
        return;
      }
      await send({ type: 'page:status', status: 'checking', url, title });
      const matches = await checkSentences(send, { url, title, sentences: scan.sentences }, () => ctx.isInvalid);
      if (!matches) return;
      painted = { sentences: scan.sentences, matches };
      await paint();
    } catch (err) {
      if (ctx.isInvalid) return;
      sent = undefined; // the same text is tried again on the next change
      await send({ type: 'page:status', status: 'error', url, title, error: messageOf(err).slice(0, MAX_ERROR) }).catch(
        () => undefined,
      );
    }
  }

  async function paint(): Promise<void> {
    const paintId = ++paints;
    const { sentences, matches } = painted;
    const found = await matchRanges(sentences, matches, slicer(SLICE_MS, yieldToPage));
    // A later paint (a newer check, the switch flipped again) has the last word.
    if (paintId !== paints || ctx.isInvalid) return;
    ranges = found.ranges;
    if (highlightsOn) highlighter.show(found.byVerdict);
    else highlighter.clear();
  }

  return {
    check(force) {
      if (force) forcedFor = pageOf(doc.location.href);
      return runner.request();
    },
    resend() {
      resendNext = true;
      return runner.request();
    },
    setHighlights(on) {
      highlightsOn = on;
      return paint();
    },
    get highlightsOn() {
      return highlightsOn;
    },
    get ranges() {
      return ranges;
    },
    match(id) {
      return painted.matches.find((m) => m.id === id);
    },
  };
}
