/**
 * The card on hover: a highlight has no element to listen on, so the pointer's text position is
 * tested against the painted ranges (once per animation frame).
 */
import type { MatchedSentence } from '../protocol';
import { hitTest, pointAt } from './card';
import type { OverlayControl } from './overlay';

export interface HoverDeps {
  doc: Document;
  ranges: () => ReadonlyMap<number, Range>;
  match: (id: number) => MatchedSentence | undefined;
  /** False while highlights are switched off: nothing to hover then. */
  enabled: () => boolean;
  overlay: OverlayControl;
}

/** Handles the pointer at (x, y): shows the card of the sentence under it, or hides it soon. */
export function createHover({ doc, ranges, match, enabled, overlay }: HoverDeps): (x: number, y: number) => void {
  return (x, y) => {
    if (!enabled()) return;
    const id = hitTest(ranges(), pointAt(doc, x, y));
    const found = id === undefined ? undefined : match(id);
    if (id !== undefined && found) {
      overlay.cancelHide();
      const shown = overlay.content;
      if (!(shown.kind === 'card' && shown.match.id === id))
        overlay.show({ kind: 'card', match: found }, ranges().get(id)!.getBoundingClientRect());
    } else if (overlay.content.kind === 'card') {
      overlay.hideSoon();
    }
  };
}
