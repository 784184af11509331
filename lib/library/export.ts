/**
 * The library as one JSON file, and back. Deterministic: articles sorted by id, every object's
 * keys sorted, so export -> import -> export gives the same bytes. The file holds what the user
 * gave (text, metadata, title, author, date added) and the hidden bundled ids; sentences are
 * rebuilt on import by the same code, so a file from an older build still imports.
 */
import type { ArticleMeta, CorpusData } from '../../core/types';
import type { ArticleDraft } from './record';
import type { LibraryRecord } from './store';

export const EXPORT_FORMAT = 'quote-check-library';

export interface ExportedArticle {
  id: string;
  added: string;
  title?: string;
  author?: string;
  meta: ArticleMeta;
  text: string;
}

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  articles: ExportedArticle[];
  hidden: string[];
}

/**
 * JSON with every object's keys in order (hand-written: a replacer of five lines; a package
 * for it would be a dependency for nothing), two-space indented, ending with a newline.
 */
export function canonicalJson(value: unknown): string {
  const sorted = (_key: string, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v;
  return `${JSON.stringify(value, sorted, 2)}\n`;
}

/** The export file's text. */
export function exportLibrary(records: LibraryRecord[], hidden: string[]): string {
  const articles = [...records]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r): ExportedArticle => ({ id: r.id, added: r.added, ...r.page, meta: r.article.meta, text: r.article.text }));
  const file: LibraryExport = { format: EXPORT_FORMAT, version: 1, articles, hidden: [...hidden].sort() };
  return canonicalJson(file);
}

/** The export file's name for a date: quote-check-library-YYYY-MM-DD.json. */
export const exportFileName = (now: Date): string => `quote-check-library-${now.toISOString().slice(0, 10)}.json`;

/** One article of a JSON file (an export, or an index written by `npm run corpus`), as a draft. */
export interface JsonArticle {
  draft: ArticleDraft;
  /** The export's date added, kept so the next export is the same. */
  added?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The articles of a JSON file: a library export or a corpus index (`{ format: 1 or 2, articles }`;
 * only the texts and metadata are read: the library builds and links each article itself).
 * Throws an Error with the reason when it is neither.
 */
export function articlesOfJson(name: string, json: unknown): { articles: JsonArticle[]; hidden: string[] } {
  const encode = (t: unknown) => new TextEncoder().encode(typeof t === 'string' ? t : '');
  const label = (i: number, id: unknown) => `${name}: ${typeof id === 'string' ? id : `article ${i + 1}`}`;
  if (isRecord(json) && json.format === EXPORT_FORMAT && Array.isArray(json.articles)) {
    if (json.version !== 1)
      throw new Error(`a library export of version ${String(json.version)}, which this version cannot read`);
    const articles = json.articles.map((a: unknown, i): JsonArticle => {
      const r = isRecord(a) ? a : {};
      return {
        draft: {
          bytes: encode(r.text),
          meta: isRecord(r.meta) ? r.meta : {},
          title: typeof r.title === 'string' ? r.title : undefined,
          author: typeof r.author === 'string' ? r.author : undefined,
          file: label(i, r.id),
        },
        added: typeof r.added === 'string' ? r.added : undefined,
      };
    });
    const hidden = Array.isArray(json.hidden) ? json.hidden.filter((x): x is string => typeof x === 'string') : [];
    return { articles, hidden };
  }
  if (isRecord(json) && (json.format === 1 || json.format === 2) && Array.isArray(json.articles)) {
    const data = json as unknown as CorpusData;
    const articles = data.articles.map((a: unknown, i): JsonArticle => {
      const r = isRecord(a) ? a : {};
      return { draft: { bytes: encode(r.text), meta: isRecord(r.meta) ? r.meta : {}, file: label(i, r.id) } };
    });
    return { articles, hidden: [] };
  }
  throw new Error('not a library export nor a corpus index');
}
