// Corpus validation (buildCorpus refuses bad files, naming them) and the build script's exit code, error and output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildArticle, buildCorpus, CorpusError, MAX_ARTICLE_BYTES, type ArticleInput } from '../core/corpus';
import type { ArticleMeta } from '../core/types';

const META: ArticleMeta = {
  outlet: 'The Daily X',
  urlIsArticle: false,
  date: '2024-06',
  language: 'en',
  translated: false,
};
const TEXT =
  'NATO chief rules out breakthroughs\nStoltenberg said Russia lacks the strength for major gains. He spoke in Brussels.';
const bytes = (s: string) => new TextEncoder().encode(s);
const input = (over: Partial<ArticleInput> = {}): ArticleInput => ({
  id: 'x_1',
  bytes: bytes(TEXT),
  meta: META,
  ...over,
});

function buildError(inputs: ArticleInput[]): CorpusError {
  try {
    buildCorpus(inputs);
  } catch (err) {
    expect(err).toBeInstanceOf(CorpusError);
    return err as CorpusError;
  }
  throw new Error('buildCorpus did not throw');
}

describe('buildCorpus refuses bad articles', () => {
  const withoutOutlet: Partial<ArticleMeta> = { ...META };
  delete withoutOutlet.outlet;

  it.each<[string, Partial<ArticleInput>, RegExp]>([
    ['empty bytes', { bytes: new Uint8Array() }, /empty/],
    ['a NUL byte', { bytes: bytes('Some text\u0000 more text.') }, /binary/],
    ['invalid UTF-8', { bytes: new Uint8Array([0xff, 0xfe, 0x41]) }, /UTF-8/],
    ['an oversized file', { bytes: new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61) }, /more than/],
    ['no letters or digits', { bytes: bytes(' …\n— ') }, /no text/],
    ['only boilerplate', { bytes: bytes('Subscribe to our newsletter\n-Advertisement-') }, /nothing is left/],
    ['missing metadata', { meta: undefined }, /no metadata/],
    ['a missing metadata field', { meta: withoutOutlet as ArticleMeta }, /"outlet" is missing/],
    ['an empty metadata field', { meta: { ...META, date: '' } }, /"date" is missing/],
  ])('%s', (_, over, reason) => {
    const err = buildError([input({ id: 'good_0' }), input({ id: 'bad_1', ...over })]);
    expect(err.file).toBe('bad_1.txt');
    expect(err.message).toContain('bad_1.txt');
    expect(err.reason).toMatch(reason);
  });
});

describe('buildCorpus builds valid articles', () => {
  it('a small article', () => {
    const data = buildCorpus([input()]);
    expect(data.format).toBe(2);
    const [article] = data.articles;
    expect(article?.id).toBe('x_1');
    expect(article?.meta).toEqual(META);
    expect(article?.sentences.map((s) => [s.kind, article.text.slice(s.start, s.end)])).toEqual([
      ['headline', 'NATO chief rules out breakthroughs'],
      ['body', 'Stoltenberg said Russia lacks the strength for major gains.'],
      ['body', 'He spoke in Brussels.'],
    ]);
  });

  it('drops a byte-order mark and sorts articles by id', () => {
    const data = buildCorpus([input({ id: 'b' }), input({ id: 'a', bytes: bytes(`\uFEFF${TEXT}`) })]);
    expect(data.articles.map((a) => a.id)).toEqual(['a', 'b']);
    expect(data.articles[0]?.text).toBe(TEXT);
  });

  it('buildArticle records what it dropped', () => {
    const text = `${TEXT}\n-Advertisement-`;
    const article = buildArticle('x', text, META);
    expect(article.dropped).toEqual([{ start: TEXT.length + 1, end: text.length, rule: 'advertisement' }]);
    expect(article.sentences).toHaveLength(3);
  });
});

describe('scripts/build-corpus.ts', () => {
  const root = join(import.meta.dirname, '..');
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  let tmp = '';
  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  function run(articles: Record<string, string>) {
    tmp = mkdtempSync(join(tmpdir(), 'corpus-test-'));
    const metadata = Object.fromEntries(Object.keys(articles).map((id) => [id, META]));
    writeFileSync(join(tmp, 'metadata.ts'), `export const metadata = ${JSON.stringify(metadata)};\n`);
    for (const [id, text] of Object.entries(articles)) writeFileSync(join(tmp, `${id}.txt`), text);
    const out = join(tmp, 'out', 'corpus.json');
    const args = ['scripts/build-corpus.ts', '--corpus', tmp, '--out', out, '--quiet'];
    const result = spawnSync(process.execPath, [tsx, ...args], { cwd: root, encoding: 'utf8' });
    return { ...result, out };
  }

  it('names an empty article in one line, leaves it out, indexes the rest and exits 1', () => {
    const { status, stderr, out } = run({ good_1: TEXT, empty_2: '' });
    expect(status).toBe(1);
    const errorLines = stderr.trim().split('\n');
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toContain('empty_2.txt');
    expect(errorLines[0]).toContain('empty');
    const data = JSON.parse(readFileSync(out, 'utf8')) as { articles: Array<{ id: string }> };
    expect(data.articles.map((a) => a.id)).toEqual(['good_1']);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });

  it('fails with one line and writes nothing when no article can be read', () => {
    const { status, stderr, out } = run({ empty_1: '' });
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/empty_1\.txt/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the index for a valid corpus', () => {
    const { status, stderr, stdout, out } = run({ good_1: TEXT });
    expect(stderr).toBe('');
    expect(stdout).toBe('');
    expect(status).toBe(0);
    const data = JSON.parse(readFileSync(out, 'utf8')) as { articles: Array<{ id: string }> };
    expect(data.articles.map((a) => a.id)).toEqual(['good_1']);
  });
});
