/**
 * The files of a folder that hold articles or pages, for the corpus build and the check command;
 * no parsing, so it loads fast.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm']);
/** What the check command reads from a folder: articles, and XHTML pages too. */
export const PAGE_EXTENSIONS = new Set([...ARTICLE_EXTENSIONS, '.xhtml']);

/**
 * Files of a folder with one of these extensions, found recursively, as paths relative to it,
 * in path order; hidden files and folders are left out.
 */
export function filesIn(dir: string, extensions: ReadonlySet<string>): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.split(/[\\/]/).some((part) => part.startsWith('.')))
    .filter((f) => extensions.has(extname(f).toLowerCase()))
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/** The article files of a corpus folder (its metadata file is no article). */
export function articleFiles(dir: string): string[] {
  return filesIn(dir, ARTICLE_EXTENSIONS).filter((f) => basenameOf(f) !== 'metadata');
}

export function basenameOf(f: string): string {
  const name = f.split(/[\\/]/).pop() ?? f;
  return name.slice(0, name.length - extname(name).length);
}
