/**
 * Highlights with the CSS Custom Highlight API: the page's DOM and layout are untouched (no
 * wrapper elements), and switching highlights off only empties the registry. Where the API is
 * missing, nothing is highlighted on the page; the popup still lists every match.
 */
import type { Verdict } from '../../core/types';

export const HIGHLIGHT_NAMES: Record<Verdict, string> = {
  identical: 'quote-check-identical',
  reworded: 'quote-check-reworded',
  conflicting: 'quote-check-conflicting',
};

// Colour and a line style per verdict, so the difference does not rest on colour alone.
const CSS_RULES = `
::highlight(quote-check-identical) { background-color: rgba(46, 125, 50, 0.22); text-decoration: underline solid rgba(46, 125, 50, 0.9); }
::highlight(quote-check-reworded) { background-color: rgba(245, 166, 35, 0.28); text-decoration: underline dotted rgba(178, 106, 0, 0.95); }
::highlight(quote-check-conflicting) { background-color: rgba(229, 57, 53, 0.25); text-decoration: underline wavy rgba(198, 40, 40, 0.95); }
`;

export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** The highlight styles, one sheet for all the extension's content scripts of a page (they share a global). */
function ownSheet(): CSSStyleSheet {
  const shared = globalThis as { quoteCheckHighlightSheet?: CSSStyleSheet };
  if (!shared.quoteCheckHighlightSheet) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS_RULES);
    shared.quoteCheckHighlightSheet = sheet;
  }
  return shared.quoteCheckHighlightSheet;
}

/**
 * Adds the highlight styles as a constructed sheet (not a <style> element: no DOM change, no CSP
 * issue). A new sheet makes the browser restyle the whole document, which takes tens of
 * milliseconds on a very long page; so the content script adds it at document start, when
 * there is nothing to restyle yet, and this adds it again only if the page has dropped it since.
 */
export function ensureStyles(doc: Document = document): void {
  if (!('adoptedStyleSheets' in doc)) return;
  const sheet = ownSheet();
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/** Show these ranges, grouped by verdict; replaces what was shown before. */
export function showHighlights(byVerdict: Record<Verdict, Range[]>, doc: Document = document): void {
  if (!highlightSupported()) return;
  ensureStyles(doc);
  for (const verdict of Object.keys(HIGHLIGHT_NAMES) as Verdict[]) {
    const ranges = byVerdict[verdict];
    if (ranges.length) CSS.highlights.set(HIGHLIGHT_NAMES[verdict], new Highlight(...ranges));
    else CSS.highlights.delete(HIGHLIGHT_NAMES[verdict]);
  }
}

export function clearHighlights(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
}
