/**
 * Content script: finds the article's sentences, has the background match them, highlights the
 * matches in place and shows the card and panel. Only wiring: text extraction is in
 * lib/page/blocks.ts (core/article.ts, as in the check command), matching in core/ via the
 * background, highlighting in lib/page/highlights.ts.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import '../../components/styles.css';
import './overlay.css';
import { sentences } from '../../core/segment';
import type { Verdict } from '../../core/types';
import { readerUrl, send } from '../../lib/connector';
import { blockRange, readArticle, slicer, type TextBlock } from '../../lib/page/blocks';
import { clearHighlights, ensureStyles, showHighlights } from '../../lib/page/highlights';
import { isMessage, MAX_BATCH, MAX_PAGE_SENTENCES, type MatchedSentence, type Message } from '../../lib/protocol';
import { Overlay, type OverlayContent } from './Overlay';

/** Work is cut into slices of at most this long before yielding to the page. */
const SLICE_MS = 8;
/** A changed page is checked again after this quiet time ... */
const RECHECK_QUIET_MS = 500;
/** ... or at the latest after this long, on a page that never stops changing. */
const RECHECK_MAX_WAIT_MS = 3000;
const UI_NAME = 'quote-check-ui';
/** Below a highlight, the card needs at least this much room (px); else it opens above. */
const MIN_CARD_ROOM = 260;

interface PageSentence {
  id: number;
  text: string;
  block: TextBlock;
  start: number;
  end: number;
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // At document start only to add the highlight styles before the page is styled (adding a
  // stylesheet later restyles the whole page at once, a long task on a very long page); the
  // work waits for the document to be parsed and the page to be idle.
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  async main(ctx) {
    ensureStyles(document);
    await documentReady();
    const page = new PageChecker(ctx);
    await page.mountUi();
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id || !isMessage(message)) return undefined;
      return page.onMessage(message);
    });
    page.watch();
    await page.check(false);
  },
});

/** After DOMContentLoaded and a moment of idle time, as `document_idle` would run. */
async function documentReady(): Promise<void> {
  if (document.readyState === 'loading') {
    await new Promise<void>((resolve) =>
      document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
    );
  }
  await new Promise<void>((resolve) =>
    'requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 300 }) : setTimeout(resolve, 0),
  );
}

class PageChecker {
  private sentences: PageSentence[] = [];
  private matches: MatchedSentence[] = [];
  private ranges = new Map<number, Range>();
  private highlightsOn = true;
  private checked = false;
  private forced = false;
  private running: Promise<void> | undefined;
  private signature = '';
  private ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  private overlay: OverlayContent = { kind: 'none' };
  private hideTimer: number | undefined;

  constructor(private readonly ctx: ContentScriptContext) {}

  async mountUi(): Promise<void> {
    this.ui = await createShadowRootUi(this.ctx, {
      name: UI_NAME,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => {
        const root = document.createElement('div');
        container.append(root);
        return root;
      },
      onRemove: (root) => root && render(null, root),
    });
    this.ui.mount();
    this.place(undefined);
    // The reader is an extension page, which a web page may not open: its links in the card and
    // the panel ask the background to open it.
    const openReader = (e: MouseEvent) => {
      const link = e.target instanceof Element ? e.target.closest('a.qc-context-link') : null;
      if (!(link instanceof HTMLAnchorElement) || (e.type === 'auxclick' && e.button !== 1)) return;
      e.preventDefault();
      const q = new URL(link.href).searchParams;
      const [start, end] = [Number(q.get('start')), Number(q.get('end'))];
      void send({ type: 'page:open-reader', article: q.get('article') ?? '', start, end }).catch(() => undefined);
    };
    this.ui.uiContainer.addEventListener('click', openReader);
    this.ui.uiContainer.addEventListener('auxclick', openReader);
  }

  /** Check the page: `force` when the user asks, even on a page that is not an article. */
  async check(force: boolean): Promise<void> {
    this.forced ||= force;
    if (this.running) return this.running;
    this.running = this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<void> {
    const url = location.href;
    const title = document.title.slice(0, 500);
    try {
      const found = await this.scan();
      if (!found) {
        await send({ type: 'page:status', status: 'not-article', url, title });
        return;
      }
      const signature = found.map((s) => s.text).join('\n');
      if (this.checked && signature === this.signature) return;
      this.signature = signature;
      this.checked = true;
      await send({ type: 'page:status', status: 'checking', url, title });
      this.sentences = found;
      let matches: MatchedSentence[] = [];
      for (let i = 0; i === 0 || i < found.length; i += MAX_BATCH) {
        const batch = found.slice(i, i + MAX_BATCH).map(({ id, text }) => ({ id, text: text.slice(0, 5000) }));
        ({ matches } = await send({ type: 'page:check', url, title, sentences: batch, reset: i === 0 }));
      }
      this.matches = matches;
      await this.paint();
    } catch (err) {
      if (this.ctx.isInvalid) return;
      await send({ type: 'page:status', status: 'error', url, title, error: String(err).slice(0, 500) }).catch(
        () => undefined,
      );
    }
  }

  /**
   * The article's sentences (at most `MAX_PAGE_SENTENCES`), cut into slices so no task blocks
   * the page for long; undefined when the page is not an article and the user did not ask.
   */
  private async scan(): Promise<PageSentence[] | undefined> {
    const host = this.ui?.shadowHost;
    const slices = slicer(SLICE_MS, () => this.yieldToPage());
    const exclude = (el: Element) => !!host && host.contains(el);
    const { isArticle, blocks } = await readArticle(document, { force: this.forced, exclude, slices });
    if (!isArticle && !this.forced) return undefined;
    const out: PageSentence[] = [];
    for (const block of blocks) {
      // Line breaks inside a block are source formatting, not sentence ends.
      const flat = block.text.replace(/[\r\n\u2028\u2029]/g, ' ');
      for (const s of sentences(flat)) {
        if (out.length === MAX_PAGE_SENTENCES) return out;
        out.push({ id: out.length, text: s.text, block, start: s.start, end: s.end });
      }
      if (slices.due()) await slices.pause();
    }
    return out;
  }

  private async paint(): Promise<void> {
    this.ranges.clear();
    const byVerdict: Record<Verdict, Range[]> = { identical: [], reworded: [], conflicting: [] };
    const slices = slicer(SLICE_MS, () => this.yieldToPage());
    for (const m of this.matches) {
      const s = this.sentences[m.id];
      const range = s && blockRange(s.block, s.start, s.end);
      if (range) {
        this.ranges.set(m.id, range);
        byVerdict[m.worst].push(range);
      }
      if (slices.due()) await slices.pause();
    }
    if (this.highlightsOn) showHighlights(byVerdict);
    else clearHighlights();
  }

  /** Lets the page run: `scheduler.yield()` where there is one, else a timer. */
  private yieldToPage(): Promise<void> {
    const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    if (typeof scheduler?.yield === 'function') return scheduler.yield();
    return new Promise((resolve) => this.ctx.setTimeout(resolve, 0));
  }

  /** Re-check pages that load or replace their article after load, debounced. */
  watch(): void {
    let quiet: number | undefined;
    let first: number | undefined;
    const fire = () => {
      window.clearTimeout(quiet);
      window.clearTimeout(first);
      quiet = first = undefined;
      void this.check(false);
    };
    const observer = new MutationObserver((records) => {
      const host = this.ui?.shadowHost;
      if (host && records.every((r) => host.contains(r.target))) return;
      window.clearTimeout(quiet);
      quiet = this.ctx.setTimeout(fire, RECHECK_QUIET_MS);
      first ??= this.ctx.setTimeout(fire, RECHECK_MAX_WAIT_MS);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    this.ctx.onInvalidated(() => observer.disconnect());

    let frame = 0;
    this.ctx.addEventListener(
      document,
      'pointermove',
      (e) => {
        if (frame || !this.ranges.size) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          this.hover(e.clientX, e.clientY);
        });
      },
      { passive: true },
    );
  }

  private hover(x: number, y: number): void {
    if (!this.highlightsOn) return;
    const pos = document.caretPositionFromPoint?.(x, y);
    // A caret position may lie where no range can (in a form field's inner text, past the end
    // of an element): isPointInRange then throws.
    const inRange = (r: Range) => {
      try {
        return !!pos && r.isPointInRange(pos.offsetNode, pos.offset);
      } catch {
        return false;
      }
    };
    const hit = pos && [...this.ranges].find(([, r]) => inRange(r));
    if (hit) {
      const match = this.matches.find((m) => m.id === hit[0]);
      window.clearTimeout(this.hideTimer);
      if (match && !(this.overlay.kind === 'card' && this.overlay.match.id === match.id))
        this.show({ kind: 'card', match }, hit[1].getBoundingClientRect());
    } else if (this.overlay.kind === 'card') {
      this.scheduleHide();
    }
  }

  private scheduleHide(): void {
    window.clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => this.show({ kind: 'none' }), 400);
  }

  private show(content: OverlayContent, near?: DOMRect): void {
    this.overlay = content;
    const root = this.ui?.mounted;
    if (!root) return;
    render(
      <Overlay
        content={content}
        contextHref={(t) => readerUrl(t.article, t.start, t.end)}
        onClose={() => this.show({ kind: 'none' })}
        onPointerEnter={() => window.clearTimeout(this.hideTimer)}
        onPointerLeave={() => content.kind === 'card' && this.scheduleHide()}
      />,
      root,
    );
    this.place(content.kind === 'none' ? undefined : near);
  }

  /**
   * Put the overlay beside a rectangle of the page (below it, or above when there is no room).
   * The box inside the shadow root is positioned: the host itself is reset to `all: initial`.
   * It is shown in the top layer (a manual popover) where the browser has one, so that nothing
   * the page stacks over its content, whatever its z-index or place in the DOM, covers it.
   */
  private place(near: DOMRect | undefined): void {
    const box = this.ui?.uiContainer;
    if (!box) return;
    const topLayer = typeof box.showPopover === 'function';
    if (topLayer && !box.hasAttribute('popover')) box.setAttribute('popover', 'manual');
    if (topLayer && box.matches(':popover-open')) box.hidePopover();
    if (!near) {
      box.setAttribute('style', 'display:none;');
      return;
    }
    const width = Math.min(420, window.innerWidth - 16);
    const left = Math.max(8, Math.min(near.left, window.innerWidth - width - 8));
    // Below the sentence when there is room, else above it, growing away from it so the
    // sentence stays visible; the card's height is capped by the room on that side.
    const spaceBelow = window.innerHeight - near.bottom - 16;
    const spaceAbove = near.top - 16;
    const useBelow = spaceBelow >= MIN_CARD_ROOM || spaceBelow >= spaceAbove;
    const vertical = useBelow
      ? `top:${near.bottom + 8}px;bottom:auto;--qc-room:${Math.max(120, spaceBelow)}px;`
      : `bottom:${window.innerHeight - near.top + 8}px;top:auto;--qc-room:${Math.max(120, spaceAbove)}px;`;
    box.setAttribute(
      'style',
      `position:fixed;display:block;z-index:2147483647;${vertical}left:${left}px;width:${width}px;` +
        // What a popover has by default, undone.
        'right:auto;height:auto;margin:0;padding:0;border:0;overflow:visible;' +
        'background:transparent;color:inherit;',
    );
    if (topLayer) box.showPopover();
  }

  onMessage(message: Message): Promise<unknown> | undefined {
    switch (message.type) {
      case 'content:set-highlights':
        this.highlightsOn = message.on;
        if (!message.on) this.show({ kind: 'none' });
        return this.paint().then(() => ({ ok: true }));
      case 'content:reveal': {
        const range = this.ranges.get(message.id);
        const match = this.matches.find((m) => m.id === message.id);
        if (!range || !match) return Promise.resolve({ ok: false });
        (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', behavior: 'instant' });
        this.show({ kind: 'card', match }, range.getBoundingClientRect());
        return Promise.resolve({ ok: true });
      }
      case 'content:check-page':
        void this.check(true);
        return Promise.resolve({ ok: true });
      case 'content:show-selection': {
        const sel = window.getSelection();
        const rect = sel && sel.rangeCount ? sel.getRangeAt(0).getBoundingClientRect() : undefined;
        this.show({ kind: 'panel', report: message.report }, rect ?? new DOMRect(16, 16, 0, 0));
        return Promise.resolve({ ok: true });
      }
      default:
        return undefined;
    }
  }
}
