/**
 * The corpus index file (generated/corpus.json): built from a folder of articles, and rebuilt
 * only when what it is built from changed. The fingerprint covers the articles, their metadata
 * and the code that builds the index (core/ and this script), so a change to either rebuilds it,
 * and a command run on an unchanged corpus starts at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildCorpus, CorpusError } from '../../core/corpus';
import type { CorpusData } from '../../core/types';
import { articleFiles } from './article-files';
import { corpusFile } from './load-corpus';

const root = resolve(import.meta.dirname, '..', '..');
export const defaultCorpusDir = join(root, 'corpus');
/** The bundled corpus's index: where the extension build and the tools read it. */
export const defaultIndexFile = corpusFile;

export interface IndexOptions {
  /** Folder of articles (see corpus-folder.ts). */
  corpus?: string;
  /** Where the index goes: by default generated/corpus.json for the bundled corpus, else a cache file. */
  out?: string;
  /**
   * Called with each article refused (empty, not UTF-8, no metadata ...), which is then left
   * out; without it, one refused article fails the build (the bundled corpus must be whole).
   */
  onRefused?: (err: CorpusError) => void;
}

/** Where the index of a folder other than the bundled corpus is kept when no `out` is given. */
export function cachedIndexFile(dir: string): string {
  const key = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16);
  return join(root, '.cache', 'corpora', `${key}.json`);
}

function resolved(options: IndexOptions) {
  const dir = resolve(options.corpus ?? defaultCorpusDir);
  const out = options.out ?? (dir === defaultCorpusDir ? defaultIndexFile : cachedIndexFile(dir));
  return { dir, out: resolve(out) };
}

/** Every file the index depends on: the articles, the metadata, the build code. */
function inputs(dir: string): string[] {
  // Every module of core/, its folders included (core/index/ writes the stored segments).
  const core = join(root, 'core');
  const code = readdirSync(core, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join(core, f));
  code.push(
    ...['corpus-index.ts', 'corpus-folder.ts', 'article-files.ts', 'read-page.ts'].map((f) =>
      join(root, 'scripts', 'lib', f),
    ),
  );
  const metadata = ['metadata.json', 'metadata.ts'].map((f) => join(dir, f));
  return [...articleFiles(dir).map((f) => join(dir, f)), ...metadata, ...code];
}

function fingerprint(files: string[]): string {
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(f);
    hash.update('\0');
    hash.update(existsSync(f) ? readFileSync(f) : '');
    hash.update('\0');
  }
  return hash.digest('hex');
}

const stampFile = (out: string) => `${out}.fingerprint`;

/** Builds the index and writes it (beside, then renamed: a failed build leaves no half file). */
export async function buildIndex(options: IndexOptions = {}): Promise<CorpusData> {
  const { dir, out } = resolved(options);
  if (!existsSync(dir)) throw new CorpusError(dir, 'no such folder');
  // Imported here: reading pages and front matter is needed only when the index is built.
  const { readCorpusFolder } = await import('./corpus-folder');
  const articles = await readCorpusFolder(dir, options.onRefused);
  if (!articles.length) throw new CorpusError(dir, 'no .txt, .md or .html articles in the folder');
  const data = buildCorpus(articles, options.onRefused);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, JSON.stringify(data));
  renameSync(`${out}.tmp`, out);
  writeFileSync(stampFile(out), fingerprint(inputs(dir)));
  return data;
}

/** Whether the index exists and was built from the files as they are now. */
export function indexIsCurrent(options: IndexOptions = {}): boolean {
  const { dir, out } = resolved(options);
  if (!existsSync(dir) || !existsSync(out) || !existsSync(stampFile(out))) return false;
  return readFileSync(stampFile(out), 'utf8') === fingerprint(inputs(dir));
}

/** The index, rebuilt first only when its inputs changed. */
export async function ensureIndex(options: IndexOptions = {}): Promise<{ built: boolean; file: string }> {
  const { out } = resolved(options);
  if (indexIsCurrent(options)) return { built: false, file: out };
  await buildIndex(options);
  return { built: true, file: out };
}
