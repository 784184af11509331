/**
 * Builds generated/corpus.json, the index the extension and the check command load, from the
 * articles in corpus/ and their metadata. Generated: never edit the output by hand.
 * Usage: npm run corpus [-- --corpus <folder> --out <file> --if-changed --quiet]
 * A folder holds .txt, .md or .html articles with metadata (scripts/lib/corpus-folder.ts); the
 * bundled corpus must be whole, while in another folder a refused article is named and left out.
 * `--if-changed` skips the build when the articles and the build code are as they were.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CorpusError } from '../core/corpus';
import { buildIndex, ensureIndex, indexIsCurrent } from './lib/corpus-index';

/** Articles of a user's folder left out, each named on stderr. */
let refused = 0;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'if-changed': { type: 'boolean', default: false },
    },
  });
  const options = {
    corpus: values.corpus,
    out: values.out,
    onRefused: values.corpus
      ? (err: CorpusError) => {
          refused++;
          console.error(`refused ${err.message}`);
        }
      : undefined,
  };
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
      `corpus: ${data.articles.length} articles${refused ? ` (${refused} refused)` : ''}, ${sentences} sentences, ${dropped} boilerplate lines dropped, ${data.links.length} cross-article links -> ${relative(process.cwd(), file)}`,
    );
  }
}

main()
  .then(() => {
    // A folder with refused articles is still indexed, but a script sees that some were left out.
    if (refused) process.exitCode = 1;
  })
  .catch((err: unknown) => {
    const message = err instanceof CorpusError ? err.message : err instanceof Error ? err.message : String(err);
    console.error(`corpus build failed: ${message}`);
    process.exit(1);
  });
