// The check command: JSON shape, saved HTML pages, and one-line errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../core/types';

const root = resolve(import.meta.dirname, '..');

function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'check.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const QUOTE =
  'We have no indication or reason to believe that Russia has the capabilities or the strength to make major breakthroughs.';

describe('check command', () => {
  it('answers the quote with the versions of the other articles, as one JSON object', () => {
    const r = check('--json', QUOTE);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as CheckResult;
    expect(result.sentences).toHaveLength(1);
    const [s] = result.sentences;
    expect(s!.text).toBe(QUOTE);
    expect(s!.start).toBe(0);
    expect(s!.end).toBe(QUOTE.length);
    const articles = new Set(s!.versions.map((v) => v.article));
    expect(articles).toContain('001_a3d80e40c71e1304');
    expect(articles).toContain('002_7b03f4becdd2075e');
    for (const v of s!.versions) {
      expect(v.score).toBeGreaterThan(0);
      expect(v.score).toBeLessThanOrEqual(1);
      expect(['identical', 'reworded', 'conflicting']).toContain(v.verdict);
      expect(v.diff.length).toBeGreaterThan(0);
      expect(v.end).toBeGreaterThan(v.start);
    }
  });

  it('reduces a saved page to its article and flags the altered number', () => {
    const r = check('--json', '--file', join(root, 'tests', 'fixtures', 'pages', 'news.html'));
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as CheckResult;
    const texts = result.sentences.map((s) => s.text).join('\n');
    expect(texts).not.toMatch(/Subscribe|Advertisement|Great article|All rights reserved/);
    const altered = result.sentences.find((s) => s.text.includes('24 of the 32'));
    const reasons = altered!.versions.flatMap((v) => v.reasons);
    expect(reasons).toContainEqual({ kind: 'number', page: '24', corpus: '23' });
    const unrelated = result.sentences.find((s) => s.text.startsWith('The weather in Brussels'));
    expect(unrelated!.versions).toEqual([]);
  });

  it('prints a readable answer by default', () => {
    const r = check(QUOTE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('South Shore Journal');
    expect(r.stdout).toMatch(/reworded/);
  });

  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  const binary = join(dir, 'page.bin');
  writeFileSync(binary, Buffer.from([0x50, 0, 0x01, 0xff]));
  const latin1 = join(dir, 'page.txt');
  writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const huge = join(dir, 'huge.html');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'a'));

  it.each([
    ['an unknown flag', ['--bogus']],
    ['no input', []],
    ['a missing file', ['--file', join(dir, 'missing.html')]],
    ['a folder with no pages', ['--file', mkdtempSync(join(tmpdir(), 'check-empty-'))]],
    ['a binary file', ['--file', binary]],
    ['a file that is not UTF-8', ['--file', latin1]],
    ['input without text', ['   ...   ']],
    ['text and a file together', ['some text', '--file', latin1]],
    ['an empty file', ['--file', empty]],
    ['a 50 MB file', ['--file', huge]],
  ])('fails on %s with one line and no stack trace', (_name, args) => {
    const r = check(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^check: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('checks several files as JSON Lines, one object per file with its path, errors in their own object', () => {
    const folder = mkdtempSync(join(tmpdir(), 'check-many-'));
    const good = join(folder, 'quote.txt');
    writeFileSync(good, QUOTE);
    const bad = join(folder, 'latin1.txt');
    writeFileSync(bad, Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const page = join(root, 'tests', 'fixtures', 'pages', 'news.html');
    const r = check('--json', '--file', folder, '--file', page);
    expect(r.code).toBe(1); // one file failed
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { path: string; error?: string } & Partial<CheckResult>);
    expect(lines.map((l) => l.path)).toEqual([bad, good, page]);
    expect(lines[0]!.error).toMatch(/not UTF-8/);
    expect(lines[0]!.sentences).toBeUndefined();
    expect(lines[1]!.sentences![0]!.versions.length).toBeGreaterThan(0);
    expect(lines[2]!.sentences!.length).toBeGreaterThan(1);
  });

  it('exits 0 when every file of a folder was checked', () => {
    const folder = mkdtempSync(join(tmpdir(), 'check-ok-'));
    writeFileSync(join(folder, 'a.txt'), QUOTE);
    writeFileSync(join(folder, 'b.md'), 'The weather in Brussels was mild.');
    writeFileSync(join(folder, 'notes.pdf'), 'not a page'); // not a page type: left out
    const r = check('--json', '--file', folder);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });
});
