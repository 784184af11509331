/**
 * The corpus index file (generated/corpus.json): built from a folder of articles, and rebuilt
 * only when what it is built from changed. The fingerprint covers the articles, their metadata
 * and the code that builds the index (core/ and this script), so a change to either rebuilds it,
 * and a command run on an unchanged corpus starts at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildCorpus, CorpusError, type ArticleInput } from '../../core/corpus';
import type { ArticleMeta, CorpusData } from '../../core/types';

const root = resolve(import.meta.dirname, '..', '..');
export const defaultCorpusDir = join(root, 'corpus');
export const defaultIndexFile = join(root, 'generated', 'corpus.json');

export interface IndexOptions {
  /** Folder of `<id>.txt` articles. */
  corpus?: string;
  /** Metadata module (`export const metadata`), by default `metadata.ts` in the folder. */
  metadata?: string;
  /** Where the index goes. */
  out?: string;
}

function resolved(options: IndexOptions) {
  const dir = resolve(options.corpus ?? defaultCorpusDir);
  return {
    dir,
    metaFile: resolve(options.metadata ?? join(dir, 'metadata.ts')),
    out: resolve(options.out ?? defaultIndexFile),
  };
}

function articleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** Every file the index depends on: the articles, the metadata, the build code. */
function inputs(dir: string, metaFile: string): string[] {
  const core = join(root, 'core');
  const code = readdirSync(core)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join(core, f));
  code.push(join(root, 'scripts', 'lib', 'corpus-index.ts'));
  return [...articleFiles(dir).map((f) => join(dir, f)), metaFile, ...code];
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
  const { dir, metaFile, out } = resolved(options);
  const files = articleFiles(dir);
  if (!files.length) throw new CorpusError(dir, 'no .txt articles in the corpus folder');
  const { metadata } = (await import(metaFile)) as { metadata: Record<string, ArticleMeta> };
  const articles: ArticleInput[] = files.map((f) => {
    const id = basename(f, '.txt');
    return { id, bytes: readFileSync(join(dir, f)), meta: metadata[id] };
  });
  const data = buildCorpus(articles);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, JSON.stringify(data));
  renameSync(`${out}.tmp`, out);
  writeFileSync(stampFile(out), fingerprint(inputs(dir, metaFile)));
  return data;
}

/** Whether the index exists and was built from the files as they are now. */
export function indexIsCurrent(options: IndexOptions = {}): boolean {
  const { dir, metaFile, out } = resolved(options);
  if (!existsSync(out) || !existsSync(stampFile(out))) return false;
  return readFileSync(stampFile(out), 'utf8') === fingerprint(inputs(dir, metaFile));
}

/** The index, rebuilt first only when its inputs changed. */
export async function ensureIndex(options: IndexOptions = {}): Promise<{ built: boolean; file: string }> {
  const { out } = resolved(options);
  if (indexIsCurrent(options)) return { built: false, file: out };
  await buildIndex(options);
  return { built: true, file: out };
}
