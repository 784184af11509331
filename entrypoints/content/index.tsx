/**
 * Content script: finds the article's sentences, has the background match them, highlights the
 * matches in place and shows the card and panel. Only wiring: the page's side is in lib/page/
 * (reading the article, checking, painting, the card and the panel), matching in core/ via the
 * background.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/styles.css';
import './overlay.css';
import { readerUrl, request, send } from '../../lib/connector';
import { createPageChecker } from '../../lib/page/checker';
import { segmentIn } from '../../lib/page/scan';
import { ensureStyles } from '../../lib/page/highlights';
import { createHover } from '../../lib/page/hover';
import { createContentHandlers, handleContentMessage } from '../../lib/page/messages';
import { createOverlay } from '../../lib/page/overlay';
import { cssHighlighter } from '../../lib/page/paint';
import { documentReady } from '../../lib/page/ready';
import { contextTimers, debounce, watchChanges } from '../../lib/page/schedule';
import { mountUi } from '../../lib/page/ui';
import { isMessage } from '../../lib/protocol';
import { Overlay } from './Overlay';

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
    if (ctx.isInvalid) return;

    const ui = await mountUi(
      ctx,
      (target) => void send({ type: 'page:open-reader', ...target }).catch(() => undefined),
      (root) => root && render(null, root),
    );
    const own = (node: Node) => ui.shadowHost.contains(node);
    const timers = contextTimers(ctx);
    const overlay = createOverlay({
      box: () => ui.uiContainer,
      render: (content, events) =>
        ui.mounted &&
        render(
          <Overlay
            content={content}
            contextHref={(t) => readerUrl(t.article, t.start, t.end)}
            onClose={events.close}
            onPointerEnter={events.pointerEnter}
            onPointerLeave={events.pointerLeave}
          />,
          ui.mounted,
        ),
      timers,
      viewport: () => ({ width: window.innerWidth, height: window.innerHeight }),
    });
    overlay.show({ kind: 'none' });

    const checker = createPageChecker({
      doc: document,
      ctx,
      // A check must get an answer: none (the background not listening) is an error too.
      send: request,
      highlighter: cssHighlighter(document),
      exclude: own,
      // The sentence split runs in the background: making the segmenter in a page is a long task.
      segment: segmentIn(request),
    });
    const handlers = createContentHandlers(document, checker, overlay);
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (ctx.isInvalid || sender.id !== browser.runtime.id || !isMessage(message)) return undefined;
      return handleContentMessage(handlers, message);
    });

    // Pages that load or replace their article after load, and single-page apps that move to
    // another address, are checked again once they settle.
    const recheck = debounce(() => void checker.check(false), timers);
    ctx.onInvalidated(watchChanges(document.body, recheck.poke, own));
    ctx.addEventListener(window, 'wxt:locationchange', recheck.poke);
    // A page restored from the back/forward cache keeps this script, but its tab's report and
    // badge were cleared when it was left.
    ctx.addEventListener(window, 'pageshow', (e) => {
      if (e.persisted) void checker.resend();
    });

    const hover = createHover({
      doc: document,
      ranges: () => checker.ranges,
      match: (id) => checker.match(id),
      enabled: () => checker.highlightsOn,
      overlay,
    });
    let frame = 0;
    ctx.addEventListener(
      document,
      'pointermove',
      (e) => {
        if (frame || !checker.ranges.size) return;
        frame = ctx.requestAnimationFrame(() => {
          frame = 0;
          hover(e.clientX, e.clientY);
        });
      },
      { passive: true },
    );

    await checker.check(false);
  },
});
