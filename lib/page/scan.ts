/**
 * The page's sentences to check: the article's blocks, cut into sentences with offsets into
 * each block's text (so a match becomes a Range over the live text nodes).
 */
import { sentences } from '../../core/segment';
import { MAX_PAGE_SENTENCES } from '../protocol';
import { readArticle, type Slicer, type TextBlock } from './blocks';

export interface PageSentence {
  /** Position in page order: the id sent to the background. */
  id: number;
  text: string;
  block: TextBlock;
  /** Offsets in the block's text. */
  start: number;
  end: number;
}

export interface ScanOptions {
  /** Check even a page that does not look like an article (the user asked). */
  force: boolean;
  /** Elements never read (the extension's own card and panel). */
  exclude?: (el: Element) => boolean;
  /** Cuts the work into slices so no task blocks the page for long. */
  slices: Slicer;
}

export interface Scan {
  /** False on a page that does not look like an article and was not forced. */
  isArticle: boolean;
  sentences: PageSentence[];
}

/** The article's sentences, at most `MAX_PAGE_SENTENCES`, in page order. */
export async function scanPage(doc: Document, options: ScanOptions): Promise<Scan> {
  // The one place that decides what the article is: core/article.ts, the same reading as the
  // check command's, in slices. With `force`, its best guess even on a page that is no article.
  const { isArticle, blocks } = await readArticle(doc, options);
  const read = isArticle || options.force;
  return { isArticle: read, sentences: read ? await blockSentences(blocks, options.slices) : [] };
}

/** Sentences of blocks, numbered in order, at most `max`. */
export async function blockSentences(
  blocks: TextBlock[],
  slices?: Slicer,
  max = MAX_PAGE_SENTENCES,
): Promise<PageSentence[]> {
  const out: PageSentence[] = [];
  for (const block of blocks) {
    // Line breaks inside a block are source formatting, not sentence ends.
    const flat = block.text.replace(/[\r\n\u2028\u2029]/g, ' ');
    for (const s of sentences(flat)) {
      if (out.length === max) return out;
      out.push({ id: out.length, text: s.text, block, start: s.start, end: s.end });
    }
    if (slices?.due()) await slices.pause();
  }
  return out;
}

/** What the page's sentences are, to tell whether a re-check would send anything new. */
export function signatureOf(found: PageSentence[]): string {
  return found.map((s) => s.text).join('\n');
}
