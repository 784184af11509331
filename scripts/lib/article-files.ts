/** The article files of a corpus folder (see corpus-folder.ts); no parsing, so it loads fast. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm']);

/** The article files of a folder, in path order; hidden files and folders are left out. */
export function articleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.split(/[\\/]/).some((part) => part.startsWith('.')))
    .filter((f) => ARTICLE_EXTENSIONS.has(extname(f).toLowerCase()) && basenameOf(f) !== 'metadata')
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

export function basenameOf(f: string): string {
  const name = f.split(/[\\/]/).pop() ?? f;
  return name.slice(0, name.length - extname(name).length);
}
