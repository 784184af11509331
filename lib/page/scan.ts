/**
 * The page's sentences to check: the article's blocks, cut into sentences with offsets into
 * each block's text (so a match becomes a Range over the live text nodes).
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { sentences } from '../../core/segment';
import { MAX_PAGE_SENTENCES } from '../protocol';
import { articleBlocks, pageBlocks, type Slicer, type TextBlock } from './blocks';

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

/**
 * The article's blocks in the live page: the one place that decides what the article is
 * (Readability's readerable test, then the blocks whose text Readability keeps).
 */
async function readArticle(
  doc: Document,
  { force, exclude, slices }: ScanOptions,
): Promise<{ isArticle: boolean; blocks: TextBlock[] }> {
  if (!force && !isProbablyReaderable(doc)) return { isArticle: false, blocks: [] };
  const all = await pageBlocks(doc, exclude, slices);
  // Readability, when the page is small enough for it, gets a task of its own.
  await slices.pause();
  const blocks = await articleBlocks(doc, all, force, slices);
  await slices.pause();
  return { isArticle: true, blocks };
}

/** The article's sentences, at most `MAX_PAGE_SENTENCES`, in page order. */
export async function scanPage(doc: Document, options: ScanOptions): Promise<Scan> {
  const { isArticle, blocks } = await readArticle(doc, options);
  return { isArticle, sentences: isArticle ? await blockSentences(blocks, options.slices) : [] };
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
