/**
 * The card and the panel's box on the page: what it shows, where, and hiding it a moment after
 * the pointer leaves (so the pointer can travel from the highlight into the card).
 */
import type { MatchedSentence, SelectionReport } from '../protocol';
import { cardStyle, type Box } from './card';
import type { Timers } from './schedule';

export type OverlayContent =
  { kind: 'card'; match: MatchedSentence } | { kind: 'panel'; report: SelectionReport } | { kind: 'none' };

/** A card the pointer left is hidden after this long, unless the pointer comes back. */
export const HIDE_DELAY_MS = 400;

export interface OverlayEvents {
  close(): void;
  pointerEnter(): void;
  pointerLeave(): void;
}

export interface OverlayDeps {
  /** The positioned box inside the shadow root; undefined before it is mounted. */
  box: () => HTMLElement | undefined;
  /** Renders the content into the box (Preact, in the entrypoint). */
  render: (content: OverlayContent, events: OverlayEvents) => void;
  timers: Timers;
  viewport: () => { width: number; height: number };
}

export interface OverlayControl {
  readonly content: OverlayContent;
  /** Shows content beside a rectangle of the page; `{ kind: 'none' }` hides the box. */
  show(content: OverlayContent, near?: Box): void;
  hideSoon(): void;
  cancelHide(): void;
}

export function createOverlay({ box, render, timers, viewport }: OverlayDeps): OverlayControl {
  let content: OverlayContent = { kind: 'none' };
  let hideTimer: number | undefined;
  const control: OverlayControl = {
    get content() {
      return content;
    },
    show(next, near) {
      control.cancelHide();
      content = next;
      render(next, {
        close: () => control.show({ kind: 'none' }),
        pointerEnter: () => control.cancelHide(),
        pointerLeave: () => next.kind === 'card' && control.hideSoon(),
      });
      const el = box();
      if (el) place(el, next.kind === 'none' ? undefined : near, viewport());
    },
    hideSoon() {
      timers.clearTimeout(hideTimer);
      hideTimer = timers.setTimeout(() => control.show({ kind: 'none' }), HIDE_DELAY_MS);
    },
    cancelHide() {
      timers.clearTimeout(hideTimer);
      hideTimer = undefined;
    },
  };
  return control;
}

/**
 * Puts the box beside a rectangle of the page (see `cardStyle`), or hides it. The box inside
 * the shadow root is positioned: the host itself is reset to `all: initial`. It is shown in the
 * top layer (a manual popover) where the browser has one, so that nothing the page stacks over
 * its content, whatever its z-index or place in the DOM, covers it.
 */
export function place(box: HTMLElement, near: Box | undefined, viewport: { width: number; height: number }): void {
  const topLayer = typeof box.showPopover === 'function';
  if (topLayer && !box.hasAttribute('popover')) box.setAttribute('popover', 'manual');
  if (topLayer && box.matches(':popover-open')) box.hidePopover();
  if (!near) {
    box.setAttribute('style', 'display:none;');
    return;
  }
  box.setAttribute('style', cardStyle(near, viewport));
  if (topLayer) box.showPopover();
}
