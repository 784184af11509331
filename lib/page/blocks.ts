/**
 * The article's text in the live page, as blocks (paragraphs, headings, quotes, list items)
 * whose text keeps a map back to the DOM text nodes, so a sentence found in the text becomes a
 * DOM Range to highlight. The page is never changed: only read.
 */
import { BLOCK_SELECTOR, extractArticle, normaliseSpace } from '../../core/extract';

export interface TextSegment {
  node: Text;
  /** Offsets of this node's data inside the block's text. */
  start: number;
  end: number;
}

export interface TextBlock {
  el: Element;
  /** The block's text: its text nodes' data, concatenated. */
  text: string;
  segments: TextSegment[];
  /** Inside <article>, <main> or [role=main]. */
  inArticle: boolean;
}

/** Cuts long work into slices: `due()` once a slice is used up; then the caller awaits `pause()`. */
export interface Slicer {
  due(): boolean;
  pause(): Promise<void>;
}

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

/**
 * Readability reads a copy of the whole page in one task, which grows with the page (about 50 ms
 * for 100,000 characters of text on a slow machine). Above this much block text, or this many
 * blocks, the article is taken from the page's structure instead (see `articleBlocks`).
 */
export const READABILITY_MAX_CHARS = 100_000;
export const READABILITY_MAX_BLOCKS = 2_000;

// Blocks as the check command cuts them, plus divs that hold text directly.
const BLOCKS = `${BLOCK_SELECTOR}, div`;
const ARTICLE = 'article, main, [role="main"]';
/** Never read (or highlight) inside these: code, forms, editable areas, page furniture. */
const SKIP = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'pre',
  'code',
  'kbd',
  'samp',
  'svg',
  'math',
  'nav',
  'footer',
  'aside',
  'form',
  'iframe',
  '[contenteditable]:not([contenteditable="false"])',
  '[aria-hidden="true"]',
  '[hidden]',
].join(',');

/** Whether an element is a block of its own: no other block inside it that has text. */
function isLeafBlock(el: Element): boolean {
  if (el.tagName === 'DIV') {
    // A div counts only when it holds text directly (sites that write paragraphs as divs).
    let direct = false;
    for (let n = el.firstChild; n && !direct; n = n.nextSibling)
      direct = n.nodeType === 3 && /\S/.test(n.nodeValue ?? '');
    if (!direct) return false;
  }
  return !el.querySelector(BLOCK_SELECTOR);
}

function readBlock(el: Element): TextBlock | undefined {
  const segments: TextSegment[] = [];
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    if (node.parentElement?.closest(SKIP)) continue;
    const data = node.data;
    if (!data) continue;
    segments.push({ node, start: text.length, end: text.length + data.length });
    text += data;
  }
  return /[\p{L}\p{N}]/u.test(text) ? { el, text, segments, inArticle: !!el.closest(ARTICLE) } : undefined;
}

/**
 * Every readable block of the page, in document order, skipping code, forms and furniture.
 * The walk pauses whenever `slices` says a slice is used up, so a long page never blocks.
 */
export async function pageBlocks(
  doc: Document,
  exclude?: (el: Element) => boolean,
  slices?: Slicer,
): Promise<TextBlock[]> {
  const out: TextBlock[] = [];
  for (const el of doc.body?.querySelectorAll(BLOCKS) ?? []) {
    if (slices?.due()) await slices.pause();
    // The page may have changed while the walk paused.
    if (!el.isConnected || exclude?.(el) || el.closest(SKIP) || !isLeafBlock(el)) continue;
    const block = readBlock(el);
    if (block) out.push(block);
  }
  return out;
}

/**
 * The blocks that are the article: those whose text Readability (the same extractor as the
 * check command) keeps. When Readability keeps none of them, the blocks inside <article> or
 * <main>. A page too large for Readability in one task (`READABILITY_MAX_CHARS`,
 * `READABILITY_MAX_BLOCKS`) gives the blocks inside <article> or <main>, or else all blocks.
 */
export async function articleBlocks(
  doc: Document,
  blocks: TextBlock[],
  force: boolean,
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the article decision is to be sliced like the block walk
  slices?: Slicer,
): Promise<TextBlock[]> {
  let chars = 0;
  for (const b of blocks) chars += b.text.length;
  if (chars > READABILITY_MAX_CHARS || blocks.length > READABILITY_MAX_BLOCKS) {
    const inArticle = blocks.filter((b) => b.inArticle);
    return inArticle.length ? inArticle : blocks;
  }
  const extracted = extractArticle(doc.cloneNode(true) as Document, { force });
  if (!extracted) return force ? blocks : [];
  const kept = new Set(extracted.text.split('\n').map(normaliseSpace));
  const inArticle = blocks.filter((b) => kept.has(normaliseSpace(b.text)));
  if (inArticle.length) return inArticle;
  return blocks.filter((b) => b.inArticle);
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
