/**
 * The article's text in the live page, as blocks (paragraphs, headings, quotes, list items)
 * whose text keeps a map back to the DOM text nodes, so a sentence found in the text becomes a
 * DOM Range to highlight. The page is never changed: only read.
 */
import { extractArticle } from '../../core/extract';

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
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, blockquote, li, figcaption, dd, dt, td, div';
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

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether an element is a block of its own: no other block inside it that has text. */
function isLeafBlock(el: Element): boolean {
  if (el.tagName === 'DIV') {
    // A div counts only when it holds text directly (sites that write paragraphs as divs).
    const direct = [...el.childNodes].some((n) => n.nodeType === 3 && /\S/.test(n.nodeValue ?? ''));
    if (!direct) return false;
  }
  return !el.querySelector(BLOCKS.replace(', div', ''));
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
  return /[\p{L}\p{N}]/u.test(text) ? { el, text, segments } : undefined;
}

/** Every readable block of the page, in document order, skipping code, forms and furniture. */
export function pageBlocks(doc: Document, exclude?: (el: Element) => boolean): TextBlock[] {
  const out: TextBlock[] = [];
  for (const el of doc.body?.querySelectorAll(BLOCKS) ?? []) {
    if (exclude?.(el) || el.closest(SKIP) || !isLeafBlock(el)) continue;
    const block = readBlock(el);
    if (block) out.push(block);
  }
  return out;
}

/**
 * The blocks that are the article: those whose text Readability (the same extractor as the
 * check command) keeps. When Readability keeps none of them, the blocks inside <article> or
 * <main>.
 */
export function articleBlocks(doc: Document, blocks: TextBlock[], force: boolean): TextBlock[] {
  const extracted = extractArticle(doc.cloneNode(true) as Document, { force });
  if (!extracted) return force ? blocks : [];
  const kept = new Set(extracted.text.split('\n').map(normalise));
  const inArticle = blocks.filter((b) => kept.has(normalise(b.text)));
  if (inArticle.length) return inArticle;
  return blocks.filter((b) => b.el.closest('article, main, [role="main"]'));
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
