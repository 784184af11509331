/**
 * A folder of reference articles as corpus inputs: `.txt`, `.md` and `.html` files (found
 * recursively), each with its metadata from, in rising precedence, the page's own tags (HTML:
 * `og:site_name`, `article:published_time`, `<html lang>`, the canonical link, JSON-LD), the
 * file's front matter (YAML between `---` lines at the top of a `.txt` or `.md`), and the
 * folder's `metadata.json` or `metadata.ts` (`export const metadata`), keyed by article id.
 * An article's id is its path in the folder without the extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import type { ArticleInput } from '../../core/corpus';
import type { ArticleMeta } from '../../core/types';
import { articleFiles } from './article-files';
import { readPage } from './read-page';

export { articleFiles };

const FRONT_MATTER_RE = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export type PartialMeta = Partial<ArticleMeta>;

/** The folder's metadata file, keyed by article id, when it has one. */
async function folderMetadata(dir: string): Promise<Record<string, PartialMeta>> {
  const json = join(dir, 'metadata.json');
  if (existsSync(json)) return JSON.parse(readFileSync(json, 'utf8')) as Record<string, PartialMeta>;
  const ts = join(dir, 'metadata.ts');
  if (existsSync(ts)) return ((await import(ts)) as { metadata: Record<string, PartialMeta> }).metadata;
  return {};
}

/** Front matter of a text file: its fields and the text after it. */
export function splitFrontMatter(raw: string): { meta: PartialMeta; body: string } {
  const m = FRONT_MATTER_RE.exec(raw);
  if (!m) return { meta: {}, body: raw };
  const parsed = parseYaml(m[1]!) as Record<string, unknown> | null;
  return { meta: metaFields(parsed ?? {}), body: raw.slice(m[0].length) };
}

/** The known fields of a loose record, with the types ArticleMeta wants. */
function metaFields(o: Record<string, unknown>): PartialMeta {
  const out: PartialMeta = {};
  const str = (v: unknown) =>
    v instanceof Date
      ? v.toISOString().slice(0, 10)
      : typeof v === 'string' || typeof v === 'number'
        ? String(v)
        : undefined;
  if (str(o.outlet)) out.outlet = str(o.outlet);
  if (str(o.url)) out.url = str(o.url);
  if (str(o.date)) out.date = str(o.date);
  if (str(o.language)) out.language = str(o.language);
  if (str(o.note)) out.note = str(o.note);
  if (typeof o.translated === 'boolean') out.translated = o.translated;
  if (typeof o.urlIsArticle === 'boolean') out.urlIsArticle = o.urlIsArticle;
  return out;
}

/** What a page says of itself in its tags and JSON-LD. */
export function pageMetadata(html: string): PartialMeta {
  const { document } = parseHTML(html);
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content')?.trim() || undefined;
  const out: PartialMeta = {};
  let ld: Record<string, unknown> = {};
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const parsed = JSON.parse(s.textContent ?? '') as unknown;
      const items = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
      const article = items.find((x) => typeof x?.datePublished === 'string');
      if (article) ld = article;
    } catch {
      // A page's broken JSON-LD is the page's business: its other tags still count.
    }
  }
  const publisher = ld.publisher as { name?: unknown } | undefined;
  out.outlet =
    meta('meta[property="og:site_name"]') ?? (typeof publisher?.name === 'string' ? publisher.name : undefined);
  const date = meta('meta[property="article:published_time"]') ?? (ld.datePublished as string | undefined);
  if (date) out.date = date.slice(0, 10);
  const lang = document.documentElement?.getAttribute('lang') ?? undefined;
  if (lang) out.language = lang.split(/[-_]/)[0]!.toLowerCase();
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]');
  if (url) out.url = url;
  for (const k of Object.keys(out) as Array<keyof PartialMeta>) if (out[k] === undefined) delete out[k];
  return out;
}

/** The folder's articles as corpus inputs (an unreadable file is left for the build to refuse). */
export async function readCorpusFolder(dir: string): Promise<ArticleInput[]> {
  const given = await folderMetadata(dir);
  return articleFiles(dir).map((f) => {
    const path = join(dir, f);
    const id = relative(dir, path).slice(0, -extname(f).length).split(sep).join('/');
    const isHtml = ['.html', '.htm'].includes(extname(f).toLowerCase());
    let bytes: Uint8Array = readFileSync(path);
    let meta: PartialMeta = {};
    try {
      if (isHtml) {
        meta = pageMetadata(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        bytes = new TextEncoder().encode(readPage(path));
      } else if (!bytes.includes(0)) {
        const split = splitFrontMatter(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        meta = split.meta;
        bytes = new TextEncoder().encode(split.body);
      }
    } catch {
      // Not UTF-8, or a page without text: the bytes go on as they are, for the build to
      // refuse with its reason.
    }
    const merged: PartialMeta = { translated: false, ...meta, ...given[id] };
    merged.urlIsArticle ??= !!merged.url;
    // Missing fields are named by the build when it refuses the article.
    return { id, file: f, bytes, meta: merged as ArticleMeta };
  });
}
