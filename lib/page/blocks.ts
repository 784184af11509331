/**
 * The article's text in the live page, as blocks (paragraphs, headings, quotes, list items)
 * whose text keeps a map back to the DOM text nodes, so a sentence found in the text becomes a
 * DOM Range to highlight. The page is never changed: only read. Which blocks are the article is
 * decided in `core/article.ts`, the same code as the check command's.
 */
import type { Slicer, TextBlock } from '../../core/article';

export { readArticle, type ArticleReading, type Slicer, type TextBlock, type TextSegment } from '../../core/article';

/** A slicer with slices of `budgetMs`, yielding with `yieldToPage` between them. */
export function slicer(budgetMs: number, yieldToPage: () => Promise<void>): Slicer {
  let start = performance.now();
  return {
    due: () => performance.now() - start > budgetMs,
    async pause() {
      await yieldToPage();
      start = performance.now();
    },
  };
}

/** A DOM Range over [start, end) of a block's text. */
export function blockRange(block: TextBlock, start: number, end: number): Range | undefined {
  const first = block.segments.find((s) => start >= s.start && start < s.end);
  const last = block.segments.find((s) => end > s.start && end <= s.end);
  if (!first || !last) return undefined;
  const range = block.el.ownerDocument.createRange();
  range.setStart(first.node, start - first.start);
  range.setEnd(last.node, end - last.start);
  return range;
}
