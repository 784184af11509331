/**
 * The page's sentences to check: the article's blocks, cut into sentences with offsets into
 * each block's text (so a match becomes a Range over the live text nodes).
 */
import { sentences } from '../../core/segment';
import type { send as Send } from '../connector';
import { MAX_PAGE_SENTENCES, MAX_SEGMENT_CHARS } from '../protocol';
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
  /** Splits texts into sentences (the background's split in the content script). */
  segment?: Segment;
}

/** Sentence offsets of each text, as [start, end). */
export type Segment = (texts: string[]) => Promise<Array<Array<[number, number]>>>;

/**
 * The split done here. The content script asks the background instead: making a sentence
 * `Intl.Segmenter` costs 11–116 ms the first time in a page (ICU loads its rules), one native
 * call no slicing can cut, and it was the one extension task over 50 ms left on real pages.
 * Same code (core/segment.ts) either way, so the check command splits the same.
 */
export const segmentHere: Segment = async (texts) =>
  texts.map((t) => sentences(t).map((s): [number, number] => [s.start, s.end]));

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
  return {
    isArticle: read,
    sentences: read ? await blockSentences(blocks, options.slices, MAX_PAGE_SENTENCES, options.segment) : [],
  };
}

/** The background's split, asked through `send`. */
export function segmentIn(send: typeof Send): Segment {
  return async (texts) => (await send({ type: 'page:segment', texts })).spans;
}

/** Sentences of blocks, numbered in order, at most `max`; split by `segment`, in batches. */
export async function blockSentences(
  blocks: TextBlock[],
  slices?: Slicer,
  max = MAX_PAGE_SENTENCES,
  segment: Segment = segmentHere,
): Promise<PageSentence[]> {
  const out: PageSentence[] = [];
  let i = 0;
  while (i < blocks.length && out.length < max) {
    // Line breaks inside a block are source formatting, not sentence ends (same length, so
    // offsets still index the block's text). A block longer than a message is read up to there.
    const batch: Array<{ block: TextBlock; flat: string }> = [];
    let chars = 0;
    for (; i < blocks.length; i++) {
      const text = blocks[i]!.text;
      if (batch.length && chars + text.length > MAX_SEGMENT_CHARS) break;
      const flat = text.slice(0, MAX_SEGMENT_CHARS).replace(/[\r\n\u2028\u2029]/g, ' ');
      batch.push({ block: blocks[i]!, flat });
      chars += flat.length;
      if (slices?.due()) await slices.pause();
    }
    const spans = await segment(batch.map((b) => b.flat));
    batch.forEach(({ block, flat }, k) => {
      for (const [start, end] of spans[k] ?? []) {
        if (out.length === max) return;
        out.push({ id: out.length, text: flat.slice(start, end), block, start, end });
      }
    });
    if (slices?.due()) await slices.pause();
  }
  return out;
}

/** What the page's sentences are, to tell whether a re-check would send anything new. */
export function signatureOf(found: PageSentence[]): string {
  return found.map((s) => s.text).join('\n');
}
