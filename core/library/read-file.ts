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
import { parse as parseYaml } from 'yaml';
import { CorpusError } from '../corpus';
import { extractArticle } from '../extract';
import type { ArticleMeta } from '../types';

export type PartialMeta = Partial<ArticleMeta>;

/** What a page says of itself: the article's metadata and, for the user's library, its title and author. */
export interface PageMetadata extends PartialMeta {
  title?: string;
  author?: string;
}

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

const str = (v: unknown): string | undefined =>
  v instanceof Date
    ? v.toISOString().slice(0, 10)
    : typeof v === 'string' || typeof v === 'number'
      ? String(v).trim() || undefined
      : undefined;

/** The known fields of a loose record (front matter, metadata.json, a form), with the types ArticleMeta wants. */
export function metaFields(o: Record<string, unknown>): PartialMeta {
  const out: PartialMeta = {};
  for (const k of ['outlet', 'url', 'date', 'language', 'note'] as const) {
    const v = str(o[k]);
    if (v !== undefined) out[k] = v;
  }
  if (typeof o.translated === 'boolean') out.translated = o.translated;
  if (typeof o.urlIsArticle === 'boolean') out.urlIsArticle = o.urlIsArticle;
  return out;
}

/** A JSON-LD author: a name, a Person, or a list of them. */
function ldNames(v: unknown): string | undefined {
  const list = Array.isArray(v) ? v : [v];
  const names = list
    .map((x) =>
      typeof x === 'string' ? x : typeof x === 'object' && x !== null ? str((x as { name?: unknown }).name) : undefined,
    )
    .filter((x): x is string => !!x);
  return names.length ? names.join(', ') : undefined;
}

/** The JSON-LD item that describes the article (the one with a publication date or a headline). */
function ldArticle(doc: Document): Record<string, unknown> {
  let found: Record<string, unknown> = {};
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const parsed = JSON.parse(s.textContent ?? '') as unknown;
      const top = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
      const items = top.flatMap((x) =>
        Array.isArray(x?.['@graph']) ? (x['@graph'] as Array<Record<string, unknown>>) : [x],
      );
      const article = items.find((x) => typeof x?.datePublished === 'string');
      if (article) found = article;
    } catch {
      // A page's broken JSON-LD is the page's business: its other tags still count.
    }
  }
  return found;
}

/** What a page says of itself in its tags and JSON-LD (title and author included). */
export function pageMetadata(doc: Document): PageMetadata {
  const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content')?.trim() || undefined;
  const ld = ldArticle(doc);
  const publisher = ld.publisher as { name?: unknown } | undefined;
  const out: PageMetadata = {};
  out.outlet = meta('meta[property="og:site_name"]') ?? str(publisher?.name);
  const date = meta('meta[property="article:published_time"]') ?? str(ld.datePublished);
  if (date) out.date = date.slice(0, 10);
  const lang = doc.documentElement?.getAttribute('lang') ?? undefined;
  if (lang) out.language = lang.split(/[-_]/)[0]!.toLowerCase();
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]');
  if (url) out.url = url;
  out.title =
    meta('meta[property="og:title"]') ??
    str(ld.headline) ??
    (doc.querySelector('title')?.textContent?.trim() || undefined);
  out.author = meta('meta[name="author"]') ?? meta('meta[property="article:author"]') ?? ldNames(ld.author);
  for (const k of Object.keys(out) as Array<keyof PageMetadata>) if (out[k] === undefined) delete out[k];
  return out;
}

/** Defaults of the fields a source may leave out: not a translation; a given address is the article's. */
export function completeMeta(meta: PartialMeta): PartialMeta {
  const out: PartialMeta = { translated: false, ...meta };
  out.urlIsArticle ??= !!out.url;
  return out;
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
    return { bytes: new TextEncoder().encode(body), meta };
  }
  if (bytes.length > MAX_PAGE_BYTES)
    throw new CorpusError(file, `the page is ${bytes.length} bytes, more than ${MAX_PAGE_BYTES}`);
  const doc = parseHtml(parseable(raw));
  const { title, author, ...meta } = pageMetadata(doc);
  const article = extractArticle(doc, { force: true });
  if (!article) throw new CorpusError(file, 'no article text found in the page');
  return { bytes: new TextEncoder().encode(article.text), meta, title, author };
}
