/**
 * Reading the extension's highlights in a page, for both browsers' harnesses: these functions
 * run inside the page (`page.evaluate(fn, arg)` in playwright and puppeteer alike), so each is
 * self-contained.
 */

export const VERDICT_NAMES = ['identical', 'reworded', 'conflicting'] as const;
export type Highlighted = Record<(typeof VERDICT_NAMES)[number], string[]>;

/** In the page: the text of every highlighted range, by verdict. */
export function highlightedIn(names: readonly string[]): Highlighted {
  const out: Record<string, string[]> = {};
  for (const n of names) out[n] = [...(CSS.highlights.get(`quote-check-${n}`) ?? [])].map((r) => r.toString());
  return out as Highlighted;
}

/** In the page: a point inside the first range of a verdict's highlight, to hover it. */
export function pointOfHighlight(verdict: string): { x: number; y: number } | undefined {
  const range = [...(CSS.highlights.get(`quote-check-${verdict}`) ?? [])][0] as Range | undefined;
  const rect = range?.getClientRects()[0];
  return rect ? { x: rect.x + 12, y: rect.y + rect.height / 2 } : undefined;
}

export const highlightCount = (h: Highlighted): number => VERDICT_NAMES.reduce((n, k) => n + h[k].length, 0);

/** In the page: whether the extension highlights exactly `count` ranges, all verdicts together. */
export function hasHighlightCount([names, count]: readonly [readonly string[], number]): boolean {
  return names.reduce((sum, n) => sum + (CSS.highlights.get(`quote-check-${n}`)?.size ?? 0), 0) === count;
}
