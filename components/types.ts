/** Shapes the shared components take as props instead of reaching for browser APIs. */

/** A sentence of a corpus article, as far as a "View in context" link needs it. */
export interface ContextTarget {
  article: string;
  start: number;
  end: number;
}

/**
 * Builds the address of the reader view for one corpus sentence. A prop, because the
 * components render in extension pages and in shadow roots on web pages alike.
 */
export type ContextHref = (target: ContextTarget) => string;
