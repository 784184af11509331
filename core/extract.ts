/**
 * A parsed page's article as text, one block (paragraph, heading, quote, list item, cell) per
 * line: what the check command reads from a saved page. The article is chosen by
 * `core/article.ts`, the same code the content script runs on the live page, so the two read the
 * same sentences. The document is passed in, so this module uses no browser global.
 */
import { blockLine, readArticleSync } from './article';

export interface ExtractedArticle {
  /** Whether the page looks like an article (the content script checks only those unasked). */
  isArticle: boolean;
  /** The article's text, one block per line. */
  text: string;
}

/**
 * The article of a document; with `force`, the main content even when the page does not look
 * like an article. Undefined when there is no text to read.
 */
export function extractArticle(doc: Document, options: { force?: boolean } = {}): ExtractedArticle | undefined {
  const { isArticle, blocks } = readArticleSync(doc, options);
  const text = blocks.map(blockLine).filter(Boolean).join('\n');
  return text ? { isArticle, text } : undefined;
}
