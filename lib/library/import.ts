/**
 * Import of files into the library: `.txt`, `.md` and `.html` articles (read by
 * core/library/read-file.ts, like the command line's folders) and `.json` files (a library
 * export, or an index written by `npm run corpus`). Each file is reported as added, skipped (its
 * text is already there) or refused (with the reason). Each article is stored in its own
 * transaction as soon as it is built, so an import stopped half-way (the page closed, the
 * browser killed, the user's Stop) keeps every article finished before and no partial one.
 */
import { CorpusError, MAX_ARTICLE_BYTES } from '../../core/corpus-article';
import { isHtmlFile, MAX_PAGE_BYTES, readArticleFile, type ParseHtml } from '../../core/library/read-file';
import { articlesOfJson } from './export';
import { recordOf, type ArticleDraft } from './record';
import { LibraryError, type Library } from './store';

/** A file to import: a browser `File` (see `fromFile`) or anything with a name, a size and bytes. */
export interface ImportSource {
  /** Its name, with the folder path when a folder was picked. */
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

export type ImportStatus = 'added' | 'skipped' | 'refused';

export interface ImportResult {
  /** The file (for a JSON file, `file: article id`). */
  name: string;
  status: ImportStatus;
  /** Why it was skipped or refused. */
  reason?: string;
  /** The library id of the article added or already there. */
  id?: string;
}

export interface ImportOptions {
  library: Library;
  parseHtml: ParseHtml;
  /** Stops the import between two articles. */
  signal?: AbortSignal;
  /** After each file: its results, files done, files in all. */
  onProgress?: (results: ImportResult[], done: number, total: number) => void;
  /** Hashes of the bundled articles' texts (core: their id): importing one again is a duplicate. */
  bundled?: Map<string, string>;
  /** The date added (ISO 8601); by default now. */
  now?: () => string;
}

export interface ImportReport {
  results: ImportResult[];
  /** Ids added, in the order they were stored. */
  added: string[];
  /** Hidden bundled ids read from a library export. */
  hidden: string[];
  /** Set when the import ended early: stopped by the user, or storage failed (one line). */
  stopped?: string;
  /** Files not looked at because the import ended early. */
  notImported: number;
}

/** Largest JSON file read: a library export of thousands of articles. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;
const TEXT_EXT = /\.(txt|md|markdown)$/i;
const JSON_EXT = /\.json$/i;

/** A browser File as an import source (its folder path when picked from a folder). */
export function fromFile(file: File): ImportSource {
  return {
    name: file.webkitRelativePath || file.name,
    size: file.size,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  };
}

/** The most bytes a file of this kind may have; undefined when the kind is not imported. */
function limitOf(name: string): number | undefined {
  if (TEXT_EXT.test(name)) return MAX_ARTICLE_BYTES;
  if (isHtmlFile(name)) return MAX_PAGE_BYTES;
  if (JSON_EXT.test(name)) return MAX_JSON_BYTES;
  return undefined;
}

export async function importFiles(sources: ImportSource[], options: ImportOptions): Promise<ImportReport> {
  const { library, parseHtml, signal, onProgress, bundled } = options;
  const now = options.now ?? (() => new Date().toISOString());
  const report: ImportReport = { results: [], added: [], hidden: [], notImported: 0 };

  /** Builds and stores one article; its result. A storage failure is thrown (it ends the import). */
  async function addDraft(draft: ArticleDraft, name: string, added?: string): Promise<ImportResult> {
    let record;
    try {
      record = await recordOf(draft, added ?? now());
    } catch (err) {
      if (err instanceof CorpusError) return { name, status: 'refused', reason: err.reason };
      throw err;
    }
    const same = bundled?.get(record.hash);
    if (same) return { name, status: 'skipped', reason: `the same text as the bundled article ${same}`, id: same };
    const outcome = await library.add(record);
    if (outcome.status === 'duplicate')
      return { name, status: 'skipped', reason: `already in the library (${outcome.id})`, id: outcome.id };
    report.added.push(outcome.id);
    return { name, status: 'added', id: outcome.id };
  }

  async function importOne(source: ImportSource): Promise<ImportResult[]> {
    const limit = limitOf(source.name);
    if (limit === undefined)
      return [{ name: source.name, status: 'refused', reason: 'not a .txt, .md, .html or .json file' }];
    if (source.size > limit)
      return [{ name: source.name, status: 'refused', reason: `the file is ${source.size} bytes, more than ${limit}` }];
    const bytes = await source.bytes();
    if (JSON_EXT.test(source.name)) {
      let parsed: ReturnType<typeof articlesOfJson>;
      try {
        parsed = articlesOfJson(source.name, JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
      } catch (err) {
        const reason = err instanceof SyntaxError ? 'not valid JSON' : err instanceof Error ? err.message : String(err);
        return [
          { name: source.name, status: 'refused', reason: reason.includes('decode') ? 'not valid UTF-8' : reason },
        ];
      }
      for (const id of parsed.hidden) {
        await library.setHidden(id, true);
        if (!report.hidden.includes(id)) report.hidden.push(id);
      }
      const out: ImportResult[] = [];
      for (const { draft, added } of parsed.articles) {
        if (signal?.aborted) break;
        out.push(await addDraft(draft, draft.file, added));
      }
      return out;
    }
    let draft: ArticleDraft;
    try {
      draft = { ...readArticleFile(source.name, bytes, parseHtml), file: source.name };
    } catch (err) {
      if (err instanceof CorpusError) return [{ name: source.name, status: 'refused', reason: err.reason }];
      throw err;
    }
    return [await addDraft(draft, source.name)];
  }

  for (let i = 0; i < sources.length; i++) {
    if (signal?.aborted) {
      report.stopped = 'The import was stopped.';
      report.notImported = sources.length - i;
      break;
    }
    try {
      report.results.push(...(await importOne(sources[i]!)));
    } catch (err) {
      // Storage failed (a full disk): what is stored stays; the rest is not tried.
      const line =
        err instanceof LibraryError
          ? err.message
          : `Import failed: ${err instanceof Error ? err.message : String(err)}`;
      report.results.push({ name: sources[i]!.name, status: 'refused', reason: line });
      report.stopped = line;
      report.notImported = sources.length - i - 1;
      break;
    }
    onProgress?.(report.results, i + 1, sources.length);
  }
  if (signal?.aborted) report.stopped ??= 'The import was stopped.';
  return report;
}
