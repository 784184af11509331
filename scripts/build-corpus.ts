/**
 * Builds generated/corpus.json, the index the extension and the check command load, from the
 * articles in corpus/ and their metadata. Generated: never edit the output by hand.
 * Usage: npm run corpus [-- --corpus <dir> --out <file> --metadata <file> --if-changed --quiet]
 * `--if-changed` skips the build when the articles and the build code are as they were.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CorpusError } from '../core/corpus';
import { buildIndex, ensureIndex, indexIsCurrent } from './lib/corpus-index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      out: { type: 'string' },
      metadata: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'if-changed': { type: 'boolean', default: false },
    },
  });
  const options = { corpus: values.corpus, out: values.out, metadata: values.metadata };
  if (values['if-changed'] && indexIsCurrent(options)) {
    if (!values.quiet) console.log('corpus: unchanged, index kept');
    await ensureIndex(options);
    return;
  }
  const data = await buildIndex(options);
  if (!values.quiet) {
    const sentences = data.articles.reduce((n, a) => n + a.sentences.length, 0);
    const dropped = data.articles.reduce((n, a) => n + a.dropped.length, 0);
    const { file } = await ensureIndex(options);
    console.log(
      `corpus: ${data.articles.length} articles, ${sentences} sentences, ${dropped} boilerplate lines dropped, ${data.links.length} cross-article links -> ${relative(process.cwd(), file)}`,
    );
  }
}

main().catch((err: unknown) => {
  const message = err instanceof CorpusError ? err.message : err instanceof Error ? err.message : String(err);
  console.error(`corpus build failed: ${message}`);
  process.exit(1);
});
