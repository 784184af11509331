/**
 * The extension's box on the page, for the card and the panel: a shadow root (the page's
 * styles do not reach it), mounted once, hidden until there is something to show.
 */
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const UI_NAME = 'quote-check-ui';

/** A corpus sentence to open in the reader. */
export interface ReaderTarget {
  article: string;
  start: number;
  end: number;
}

/**
 * The reader target of a click on a "View in context" link, if it is one (a left click, or a
 * middle click for `auxclick`).
 */
export function readerLinkTarget(e: Pick<MouseEvent, 'target' | 'type' | 'button'>): ReaderTarget | undefined {
  const link =
    e.target && typeof (e.target as Element).closest === 'function'
      ? (e.target as Element).closest('a.qc-context-link')
      : null;
  if (!link || link.tagName !== 'A' || (e.type === 'auxclick' && e.button !== 1)) return undefined;
  const q = new URL((link as HTMLAnchorElement).href).searchParams;
  return { article: q.get('article') ?? '', start: Number(q.get('start')), end: Number(q.get('end')) };
}

/**
 * Mounts the box. The reader is an extension page, which a web page may not open: its links in
 * the card and the panel call `openReader`, which asks the background to open it.
 */
export async function mountUi(
  ctx: ContentScriptContext,
  openReader: (target: ReaderTarget) => void,
  onRemove: (root: HTMLElement | undefined) => void,
): Promise<ShadowRootContentScriptUi<HTMLElement>> {
  const ui = await createShadowRootUi(ctx, {
    name: UI_NAME,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (container) => {
      const root = document.createElement('div');
      container.append(root);
      return root;
    },
    onRemove,
  });
  ui.mount();
  const onClick = (e: MouseEvent) => {
    const target = readerLinkTarget(e);
    if (!target) return;
    e.preventDefault();
    openReader(target);
  };
  ui.uiContainer.addEventListener('click', onClick);
  ui.uiContainer.addEventListener('auxclick', onClick);
  return ui;
}
