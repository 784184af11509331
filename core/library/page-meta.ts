/**
 * What a page declares about itself (meta tags, JSON-LD) and the known metadata fields of a loose
 * record. Apart from read-file.ts so the content script ("Add this page") loads only this, not
 * the corpus build and the YAML parser that reading files needs.
 */
import type { ArticleMeta } from '../types';

export type PartialMeta = Partial<ArticleMeta>;

/** What a page says of itself: the article's metadata and, for the user's library, its title and author. */
export interface PageMetadata extends PartialMeta {
  title?: string;
  author?: string;
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
