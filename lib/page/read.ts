/**
 * "Add this page to references": the page's article, read by the same code as the checks
 * (core/article.ts, forced, so any page gives its main text), and what the page declares about
 * itself (core/library/page-meta.ts, the same reader as for imported files).
 */
import { blockLine, readArticleSync } from '../../core/article';
import { pageMetadata } from '../../core/library/page-meta';
import { MAX_DRAFT_TEXT, MAX_TEXT, type PageDraft } from '../protocol';

/** The draft of the page's article; null when the page has no text to read. */
export function readPageDraft(doc: Document, exclude?: (el: Element) => boolean): PageDraft | null {
  const { blocks } = readArticleSync(doc, { force: true, exclude });
  const text = blocks.map(blockLine).filter(Boolean).join('\n').slice(0, MAX_DRAFT_TEXT);
  if (!text) return null;
  const meta = pageMetadata(doc);
  const short = (v: string | undefined) => (v === undefined ? undefined : v.slice(0, MAX_TEXT));
  const draft: PageDraft = { text, url: short(meta.url) ?? doc.location.href };
  for (const k of ['outlet', 'title', 'date', 'language', 'author'] as const) {
    const v = short(meta[k]);
    if (v) draft[k] = v;
  }
  return draft;
}
