/**
 * A folder of reference articles as corpus inputs: `.txt`, `.md` and `.html` files (found
 * recursively), each read by core/library/read-file.ts (the same reader as the extension's
 * library: page tags and JSON-LD, front matter), with the folder's `metadata.json` or
 * `metadata.ts` (`export const metadata`), keyed by article id, laid on top.
 * An article's id is its path in the folder without the extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { CorpusError, type ArticleInput } from '../../core/corpus';
import {
  completeMeta,
  pageMetadata as documentMetadata,
  readArticleFile,
  splitFrontMatter,
  type PageMetadata,
  type ParseHtml,
  type PartialMeta,
} from '../../core/library/read-file';
import type { ArticleMeta } from '../../core/types';
import { articleFiles } from './article-files';

export { articleFiles, splitFrontMatter, type PartialMeta };

/** linkedom's document, typed as the DOM's. */
export const parseHtml: ParseHtml = (html) => parseHTML(html).document as unknown as Document;

/** What a page says of itself in its tags and JSON-LD. */
export function pageMetadata(html: string): PageMetadata {
  return documentMetadata(parseHtml(html));
}

/** The folder's metadata file, keyed by article id, when it has one. */
async function folderMetadata(dir: string): Promise<Record<string, PartialMeta>> {
  const json = join(dir, 'metadata.json');
  if (existsSync(json)) return JSON.parse(readFileSync(json, 'utf8')) as Record<string, PartialMeta>;
  const ts = join(dir, 'metadata.ts');
  if (existsSync(ts)) return ((await import(ts)) as { metadata: Record<string, PartialMeta> }).metadata;
  return {};
}

/**
 * The folder's articles as corpus inputs. A file that cannot be decoded is left for the build to
 * refuse with its reason; a page without article text is refused here: reported to `onRefused`
 * and left out, or, without it, thrown (the bundled corpus must be whole).
 */
export async function readCorpusFolder(dir: string, onRefused?: (err: CorpusError) => void): Promise<ArticleInput[]> {
  const given = await folderMetadata(dir);
  return articleFiles(dir).flatMap((f) => {
    const path = join(dir, f);
    const id = relative(dir, path).slice(0, -extname(f).length).split(sep).join('/');
    try {
      const read = readArticleFile(f, readFileSync(path), parseHtml);
      // Missing fields are named by the build when it refuses the article.
      const meta = completeMeta({ ...read.meta, ...given[id] }) as ArticleMeta;
      return [{ id, file: f, bytes: read.bytes, meta }];
    } catch (err) {
      if (!(onRefused && err instanceof CorpusError)) throw err;
      onRefused(err);
      return [];
    }
  });
}
