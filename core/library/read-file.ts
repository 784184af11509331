/**
 * The one reader of article files and of what a page declares about itself, shared by the
 * command line (a folder of articles, parsed with linkedom) and the extension (files imported on
 * the library page, parsed with DOMParser; the live page, for "Add this page"). Pure: the caller
 * passes the bytes and a function that parses HTML into a Document.
 *
 * Metadata comes, in rising precedence, from the page's own tags (HTML: `og:site_name`,
 * `article:published_time`, `<html lang>`, the canonical link, JSON-LD), then the file's front
 * matter (YAML between `---` lines at the top of a `.txt` or `.md`); the caller may lay more on
 * top (a folder's metadata.json, the user's edits).
 */
import { markdownText } from './markdown';
import { parse as parseYaml } from 'yaml';
import { CorpusError } from '../corpus-article';
import { extractArticle } from '../extract';
import { metaFields, pageMetadata, type PartialMeta } from './page-meta';

export { completeMeta, metaFields, pageMetadata, type PageMetadata, type PartialMeta } from './page-meta';

const MARKDOWN_FILE = /\.(md|markdown)$/i;
/** Parses HTML into a Document (DOMParser in a browser, linkedom in Node). */
export type ParseHtml = (html: string) => Document;

/** Largest HTML page read as an article: a saved news page is well under this. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

const FRONT_MATTER_RE = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const HTML_EXT = /\.(html?|xhtml)$/i;

/** Whether a file is read as an HTML page (by its name). */
export const isHtmlFile = (file: string): boolean => HTML_EXT.test(file);

/** Front matter of a text file: its fields and the text after it. */
export function splitFrontMatter(raw: string): { meta: PartialMeta; body: string } {
  const m = FRONT_MATTER_RE.exec(raw);
  if (!m) return { meta: {}, body: raw };
  let parsed: unknown;
  try {
    parsed = parseYaml(m[1]!);
  } catch {
    // Not YAML after all (a text that opens with a rule): the whole text is the article.
    return { meta: {}, body: raw };
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  return { meta: metaFields(record), body: raw.slice(m[0].length) };
}

/**
 * A parser gives no usable document from text before the doctype or `<html>` (a server's error
 * message printed first): a browser puts that text at the start of the body. So does this.
 */
export function parseable(html: string): string {
  const start = html.search(/<(?:!doctype|html[\s>])/i);
  if (start <= 0 || !/[^\s]/.test(html.slice(0, start)) || /^\s*<(?:\?xml|!--)/i.test(html)) return html;
  const rest = html.slice(start);
  const body = /<body\b[^>]*>/i.exec(rest);
  if (!body) return rest;
  const at = body.index + body[0].length;
  return rest.slice(0, at) + html.slice(0, start) + rest.slice(at);
}

/** One article file read: the article's text as bytes, what the file says of it, its title and author. */
export interface ReadArticleFile {
  /** The article's text (HTML: the article's blocks, one per line), or the file's bytes as they were when they cannot be decoded, for the build to refuse with its reason. */
  bytes: Uint8Array;
  meta: PartialMeta;
  title?: string;
  author?: string;
}

/**
 * Reads one `.txt`, `.md` or `.html` article file. A page without article text is refused
 * (CorpusError); bytes that are not UTF-8 text are passed on unchanged, so the build names
 * the reason (binary, not UTF-8, empty).
 */
export function readArticleFile(file: string, bytes: Uint8Array, parseHtml: ParseHtml): ReadArticleFile {
  let raw: string;
  try {
    if (!bytes.length || bytes.includes(0)) return { bytes, meta: {} };
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { bytes, meta: {} };
  }
  if (!isHtmlFile(file)) {
    const { meta, body } = splitFrontMatter(raw);
    // Markdown's marks (# headings, *emphasis*, [links](…)) are not the article's words.
    const text = MARKDOWN_FILE.test(file) ? markdownText(body) : body;
    return { bytes: new TextEncoder().encode(text), meta };
  }
  if (bytes.length > MAX_PAGE_BYTES)
    throw new CorpusError(file, `the page is ${bytes.length} bytes, more than ${MAX_PAGE_BYTES}`);
  const doc = parseHtml(parseable(raw));
  const { title, author, ...meta } = pageMetadata(doc);
  const article = extractArticle(doc, { force: true });
  if (!article) throw new CorpusError(file, 'no article text found in the page');
  return { bytes: new TextEncoder().encode(article.text), meta, title, author };
}
