/**
 * Builds generated/corpus.json, the index the extension and the check command load, from the
 * articles in corpus/ and their metadata. Generated: never edit the output by hand.
 * Usage: npm run corpus [-- --corpus <dir> --out <file>]
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus, CorpusError, type ArticleInput } from '../core/corpus';
import type { ArticleMeta } from '../core/types';

const root = resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: join(root, 'corpus') },
      out: { type: 'string', default: join(root, 'generated', 'corpus.json') },
      metadata: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const dir = resolve(values.corpus);
  const metaFile = resolve(values.metadata ?? join(dir, 'metadata.ts'));
  const { metadata } = (await import(metaFile)) as { metadata: Record<string, ArticleMeta> };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (!files.length) throw new CorpusError(dir, 'no .txt articles in the corpus folder');
  const inputs: ArticleInput[] = files.map((f) => {
    const id = basename(f, '.txt');
    return { id, bytes: readFileSync(join(dir, f)), meta: metadata[id] };
  });
  const data = buildCorpus(inputs);
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  // Write beside, then rename: a failed build never leaves half a file behind.
  writeFileSync(`${out}.tmp`, JSON.stringify(data));
  renameSync(`${out}.tmp`, out);
  if (!values.quiet) {
    const sentences = data.articles.reduce((n, a) => n + a.sentences.length, 0);
    const dropped = data.articles.reduce((n, a) => n + a.dropped.length, 0);
    console.log(
      `corpus: ${data.articles.length} articles, ${sentences} sentences, ${dropped} boilerplate lines dropped, ${data.links.length} cross-article links -> ${relative(process.cwd(), out)}`,
    );
  }
}

main().catch((err: unknown) => {
  const message = err instanceof CorpusError ? err.message : err instanceof Error ? err.message : String(err);
  console.error(`corpus build failed: ${message}`);
  process.exit(1);
});
