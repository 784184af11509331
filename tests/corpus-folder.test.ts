// A folder of the user's articles as a corpus: front matter, page tags, metadata files, and
// `check --corpus`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../core/types';
import { pageMetadata, readCorpusFolder, splitFrontMatter } from '../scripts/lib/corpus-folder';

const root = resolve(import.meta.dirname, '..');
const STORY =
  'The harbour authority said on Monday that 14 of the 20 cranes at the northern terminal were idle. ' +
  'Dock workers blamed a software fault that stopped the loading schedule.';

describe('splitFrontMatter', () => {
  it('reads YAML front matter and returns the text after it', () => {
    const { meta, body } = splitFrontMatter(
      '---\noutlet: Harbour Post\ndate: 2025-03-04\nlanguage: en\ntranslated: false\nurl: https://example.org/a\n---\nFirst line.\n',
    );
    expect(meta).toEqual({
      outlet: 'Harbour Post',
      date: '2025-03-04',
      language: 'en',
      translated: false,
      url: 'https://example.org/a',
    });
    expect(body).toBe('First line.\n');
  });

  it('leaves a text without front matter as it is', () => {
    expect(splitFrontMatter('Just text.\n---\nmore')).toEqual({ meta: {}, body: 'Just text.\n---\nmore' });
  });
});

describe('pageMetadata', () => {
  it('reads site name, date, language and canonical address from tags and JSON-LD', () => {
    const html = `<!doctype html><html lang="de-AT"><head>
      <meta property="og:site_name" content="Hafenblatt">
      <link rel="canonical" href="https://example.org/hafen">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-01-02T10:00:00Z"}</script>
      </head><body><p>Text.</p></body></html>`;
    expect(pageMetadata(html)).toEqual({
      outlet: 'Hafenblatt',
      date: '2025-01-02',
      language: 'de',
      url: 'https://example.org/hafen',
    });
  });
});

describe('readCorpusFolder', () => {
  it('takes .txt, .md and .html articles, the metadata file overriding what the files say', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folder-'));
    mkdirSync(join(dir, 'wire'));
    writeFileSync(join(dir, 'a.txt'), `---\noutlet: Harbour Post\ndate: 2025-03-04\nlanguage: en\n---\n${STORY}\n`);
    writeFileSync(join(dir, 'wire', 'b.md'), `# Cranes idle\n\n${STORY}\n`);
    writeFileSync(
      join(dir, 'c.html'),
      `<html lang="en"><head><meta property="og:site_name" content="Port Daily"><meta property="article:published_time" content="2025-03-05"></head><body><article><h1>Cranes idle</h1><p>${STORY}</p><p>${STORY}</p></article></body></html>`,
    );
    writeFileSync(join(dir, '.hidden.txt'), 'not an article');
    writeFileSync(
      join(dir, 'metadata.json'),
      JSON.stringify({ 'wire/b': { outlet: 'Wire', date: '2025-03', language: 'en', translated: true } }),
    );
    const inputs = await readCorpusFolder(dir);
    expect(inputs.map((i) => i.id)).toEqual(['a', 'c', 'wire/b']);
    const byId = Object.fromEntries(inputs.map((i) => [i.id, i]));
    expect(byId.a!.meta).toMatchObject({ outlet: 'Harbour Post', date: '2025-03-04', translated: false });
    expect(new TextDecoder().decode(byId.a!.bytes)).not.toContain('outlet:');
    expect(byId['wire/b']!.meta).toMatchObject({ outlet: 'Wire', translated: true });
    expect(byId.c!.meta).toMatchObject({ outlet: 'Port Daily', date: '2025-03-05', language: 'en' });
    expect(new TextDecoder().decode(byId.c!.bytes)).toContain('14 of the 20 cranes');
  });
});

describe('check --corpus', () => {
  function check(...args: string[]) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'check.ts'), ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('checks against a folder of articles, naming the ones it refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'own-corpus-'));
    writeFileSync(join(dir, 'post.txt'), `---\noutlet: Harbour Post\ndate: 2025-03-04\nlanguage: en\n---\n${STORY}\n`);
    writeFileSync(join(dir, 'nometa.txt'), STORY);
    const r = check(
      '--json',
      '--corpus',
      dir,
      'The harbour authority said 15 of the 20 cranes at the northern terminal were idle.',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/refused nometa\.txt: metadata field "outlet" is missing/);
    const result = JSON.parse(r.stdout) as CheckResult;
    const [version] = result.sentences[0]!.versions;
    expect(version).toMatchObject({ article: 'post', outlet: 'Harbour Post', verdict: 'conflicting' });
    expect(version!.reasons).toContainEqual({ kind: 'number', page: '15', corpus: '14' });
  });

  it('refuses a --corpus that is not a folder with one line', () => {
    const r = check('--corpus', join(root, 'missing-folder'), 'text');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
