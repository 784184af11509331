/**
 * The hover card: which highlighted sentence is under the pointer, and where the card goes.
 */

/** A point in the page's text, as `caretPositionFromPoint` gives it. */
export interface TextPoint {
  offsetNode: Node;
  offset: number;
}

/** The id of the range that holds the point, if any. */
export function hitTest(ranges: ReadonlyMap<number, Range>, point: TextPoint | null | undefined): number | undefined {
  if (!point) return undefined;
  for (const [id, range] of ranges) {
    try {
      if (range.isPointInRange(point.offsetNode, point.offset)) return id;
    } catch {
      // A caret position may lie where no range can (in a form field's inner text, past the
      // end of an element): isPointInRange then throws.
    }
  }
  return undefined;
}

/** The text point under the pointer, where the browser can tell. */
export function pointAt(doc: Document, x: number, y: number): TextPoint | undefined {
  const at = (doc as { caretPositionFromPoint?: (x: number, y: number) => TextPoint | null }).caretPositionFromPoint;
  return at?.call(doc, x, y) ?? undefined;
}

/** Below a highlight, the card needs at least this much room (px); else it opens above. */
export const MIN_CARD_ROOM = 260;

export interface Box {
  left: number;
  top: number;
  bottom: number;
}

/**
 * The card's position beside a rectangle of the page, as inline style: below it when there is
 * room, else above it, growing away from it so the sentence stays visible; its height is capped
 * by the room on that side (`--qc-room`).
 */
export function cardStyle(near: Box, viewport: { width: number; height: number }): string {
  const width = Math.min(420, viewport.width - 16);
  const left = Math.max(8, Math.min(near.left, viewport.width - width - 8));
  const spaceBelow = viewport.height - near.bottom - 16;
  const spaceAbove = near.top - 16;
  const useBelow = spaceBelow >= MIN_CARD_ROOM || spaceBelow >= spaceAbove;
  const vertical = useBelow
    ? `top:${near.bottom + 8}px;bottom:auto;--qc-room:${Math.max(120, spaceBelow)}px;`
    : `bottom:${viewport.height - near.top + 8}px;top:auto;--qc-room:${Math.max(120, spaceAbove)}px;`;
  return (
    `position:fixed;display:block;z-index:2147483647;${vertical}left:${left}px;width:${width}px;` +
    // What a popover has by default, undone.
    'right:auto;height:auto;margin:0;padding:0;border:0;overflow:visible;' +
    'background:transparent;color:inherit;'
  );
}
