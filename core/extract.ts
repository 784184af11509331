/**
 * The article text of a page, the same way for the check command (a saved page parsed with
 * linkedom) and the content script (a clone of the live document): Mozilla's Readability keeps
 * the story and drops navigation, footers, comments and ads. The document is passed in, so
 * this module uses no browser global.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';

export interface ExtractedArticle {
  title: string;
  /** The article's text, one block (paragraph, heading, quote, list item) per line. */
  text: string;
}

/**
 * The elements that are blocks of text: the check command cuts Readability's output at them,
 * and the content script reads the live page by the same list, so the two agree line for line.
 */
export const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, blockquote, li, figcaption, dd, dt, td, pre';

/**
 * Readability's view of the page, or undefined when the page has no article.
 * Readability changes the document it reads: pass a copy.
 */
export function extractArticle(doc: Document, options: { force?: boolean } = {}): ExtractedArticle | undefined {
  if (!options.force && !isProbablyReaderable(doc)) return undefined;
  const parsed = new Readability(doc, { keepClasses: false }).parse();
  if (!parsed?.content) return undefined;
  const holder = doc.createElement('div');
  holder.innerHTML = parsed.content;
  return { title: parsed.title ?? '', text: blockText(holder) };
}

/** Text of an element with a line break after each block, so headings stay sentences. */
export function blockText(root: Element): string {
  const blocks = [...root.querySelectorAll(BLOCK_SELECTOR)].filter((el) => !el.querySelector(BLOCK_SELECTOR));
  if (!blocks.length) return normaliseSpace(root.textContent ?? '');
  return blocks
    .map((el) => normaliseSpace(el.textContent ?? ''))
    .filter(Boolean)
    .join('\n');
}

/** Runs of white space as one space, trimmed: how block texts are compared. */
export function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
