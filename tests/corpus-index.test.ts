// The corpus index is rebuilt only when the articles (or the build code) changed.
import { copyFileSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureIndex, indexIsCurrent } from '../scripts/lib/corpus-index';

const corpus = resolve(import.meta.dirname, '..', 'corpus');

describe('corpus index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  for (const f of readdirSync(corpus)) copyFileSync(join(corpus, f), join(dir, f));
  const out = join(mkdtempSync(join(tmpdir(), 'index-')), 'corpus.json');
  const options = { corpus: dir, out };

  it('is built when missing, kept when nothing changed, rebuilt when an article changed', async () => {
    expect(indexIsCurrent(options)).toBe(false);
    expect((await ensureIndex(options)).built).toBe(true);
    const first = statSync(out).mtimeMs;
    expect(indexIsCurrent(options)).toBe(true);
    expect((await ensureIndex(options)).built).toBe(false);
    expect(statSync(out).mtimeMs).toBe(first);

    const article = readdirSync(dir).find((f) => f.endsWith('.txt'))!;
    writeFileSync(join(dir, article), 'NATO allies met in Brussels on Tuesday.\nThey agreed on a new plan.\n');
    expect(indexIsCurrent(options)).toBe(false);
    expect((await ensureIndex(options)).built).toBe(true);
    expect(indexIsCurrent(options)).toBe(true);
  });
});
