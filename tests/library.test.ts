// The user's library: the IndexedDB store (fake-indexeddb), records, import of many good and bad
// files, interrupted imports, export -> import -> export.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../core/corpus';
import type { ParseHtml } from '../core/library/read-file';
import { articlesOfJson, canonicalJson, exportLibrary } from '../lib/library/export';
import { importFiles, type ImportSource } from '../lib/library/import';
import { recordOf } from '../lib/library/record';
import { LibraryError, openLibrary, storageErrorLine, type Library } from '../lib/library/store';

const parseHtml: ParseHtml = (html) => parseHTML(html).document as unknown as Document;
const enc = (s: string) => new TextEncoder().encode(s);
const FRONT = '---\noutlet: Harbour Post\ndate: 2025-03-04\nlanguage: en\n---\n';
const NOW = () => '2026-01-02T03:04:05.000Z';

/** A story of its own for each n: three sentences that say different things. */
function story(n: number): string {
  return (
    `The harbour board of district ${n} voted on Monday to close pier ${n * 7 + 3} for repairs.\n` +
    `Its chair said the work would cost ${n * 13 + 100} thousand euros and take ${(n % 11) + 2} months.\n` +
    `Fishing crews of the district ${n} will moor at the northern basin until the work ends.\n`
  );
}

const source = (name: string, bytes: Uint8Array): ImportSource => ({
  name,
  size: bytes.length,
  bytes: async () => bytes,
});

let dbNo = 0;
const open: Library[] = [];
async function fresh(): Promise<Library> {
  const lib = await openLibrary(`test-library-${++dbNo}`);
  open.push(lib);
  return lib;
}
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

describe('library store', () => {
  it('adds a record once, finds it by text, deletes it, keeps hidden bundled ids', async () => {
    const lib = await fresh();
    const rec = await recordOf(
      { bytes: enc(story(1)), meta: { outlet: 'A', date: '2025', language: 'en' }, file: 'a.txt' },
      NOW(),
    );
    expect(rec.id).toMatch(/^user-[0-9a-f]{16}$/);
    expect(await lib.add(rec)).toEqual({ status: 'added', id: rec.id });
    // The same text with other metadata is the same article.
    const again = await recordOf(
      { bytes: enc(story(1)), meta: { outlet: 'B', date: '2024', language: 'en' }, file: 'b.txt' },
      NOW(),
    );
    expect(again.id).toBe(rec.id);
    expect(await lib.add(again)).toEqual({ status: 'duplicate', id: rec.id });
    expect((await lib.get(rec.id))?.article.meta.outlet).toBe('A');
    expect(await lib.byHash(rec.hash)).toBe(rec.id);
    await lib.setHidden('002_b', true);
    await lib.setHidden('001_a', true);
    await lib.setHidden('002_b', false);
    expect(await lib.hidden()).toEqual(['001_a']);
    expect(await lib.remove(rec.id)).toBe(true);
    expect(await lib.remove(rec.id)).toBe(false);
    expect(await lib.all()).toEqual([]);
  });

  it('keeps what is stored when a write fails, and says why in one line', async () => {
    const lib = await fresh();
    const good = await recordOf(
      { bytes: enc(story(2)), meta: { outlet: 'A', date: '2025', language: 'en' }, file: 'a.txt' },
      NOW(),
    );
    await lib.add(good);
    // A value IndexedDB cannot store fails its transaction: nothing of it is written.
    const bad = {
      ...(await recordOf(
        { bytes: enc(story(3)), meta: { outlet: 'A', date: '2025', language: 'en' }, file: 'b.txt' },
        NOW(),
      )),
    };
    (bad.page as Record<string, unknown>).title = () => 'a function cannot be cloned';
    const err = await lib.add(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect((err as Error).message).toMatch(
      /^The library could not be stored \(.+\)\. Nothing already in the library was lost\.$/,
    );
    expect((err as Error).message.split('\n')).toHaveLength(1);
    expect((await lib.all()).map((r) => r.id)).toEqual([good.id]);
  });

  it('names a full disk as such', () => {
    expect(storageErrorLine(new DOMException('quota', 'QuotaExceededError'))).toBe(
      'The disk is full: the browser refused to store more. Nothing already in the library was lost.',
    );
  });
});

describe('records', () => {
  it('refuses an article with its reason, like the corpus build', async () => {
    const draft = (text: string | Uint8Array, meta = { outlet: 'A', date: '2025', language: 'en' }) => ({
      bytes: typeof text === 'string' ? enc(text) : text,
      meta,
      file: 'x.txt',
    });
    await expect(recordOf(draft(''), NOW())).rejects.toThrow('the article is empty');
    await expect(recordOf(draft(new Uint8Array([65, 0, 66])), NOW())).rejects.toThrow('binary');
    await expect(recordOf(draft(new Uint8Array([0xc3, 0x28, 65])), NOW())).rejects.toThrow('not valid UTF-8');
    await expect(recordOf(draft(story(1), { outlet: ' ', date: '2025', language: 'en' }), NOW())).rejects.toThrow(
      'metadata field "outlet" is missing',
    );
  });
});

describe('import', () => {
  it('imports 1,000 files: every good one added, every bad one named with its reason', async () => {
    const lib = await fresh();
    const files: ImportSource[] = [];
    const expected = new Map<string, string>(); // bad file -> reason
    const good: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const kind = i % 20;
      const name = `folder/f${i}`;
      if (kind === 1) {
        files.push(source(`${name}.txt`, new Uint8Array()));
        expected.set(`${name}.txt`, 'the article is empty');
      } else if (kind === 2) {
        files.push(source(`${name}.txt`, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])));
        expected.set(`${name}.txt`, 'the article is binary (it contains NUL bytes)');
      } else if (kind === 3) {
        // Latin-1 "café" in a text file: not UTF-8.
        files.push(source(`${name}.md`, new Uint8Array([...enc(FRONT + story(i)), 0x63, 0x61, 0x66, 0xe9])));
        expected.set(`${name}.md`, 'the article is not valid UTF-8');
      } else if (kind === 4) {
        // Too large: refused from its size, without reading it.
        files.push({
          name: `${name}.txt`,
          size: MAX_ARTICLE_BYTES + 1,
          bytes: () => Promise.reject(new Error('read')),
        });
        expected.set(`${name}.txt`, `the file is ${MAX_ARTICLE_BYTES + 1} bytes, more than ${MAX_ARTICLE_BYTES}`);
      } else if (kind === 5) {
        // A duplicate of a good file five before it, other metadata.
        files.push(source(`${name}.txt`, enc(`---\noutlet: Other\ndate: 2024\nlanguage: en\n---\n${story(i - 5)}`)));
        expected.set(`${name}.txt`, 'already in the library');
      } else if (kind === 6) {
        files.push(source(`${name}.txt`, enc(story(i))));
        expected.set(`${name}.txt`, 'no metadata');
      } else if (kind === 7) {
        files.push(source(`${name}.pdf`, enc('%PDF-1.7')));
        expected.set(`${name}.pdf`, 'not a .txt, .md, .html or .json file');
      } else if (kind === 8) {
        files.push(
          source(
            `${name}.html`,
            enc(
              `<html lang="en"><head><meta property="og:site_name" content="Port Daily"><meta property="article:published_time" content="2025-03-05"><title>Pier ${i}</title></head><body><article>${story(
                i,
              )
                .trim()
                .split('\n')
                .map((p) => `<p>${p}</p>`)
                .join('')}<p>${story(i + 5000).split('\n')[0]}</p></article></body></html>`,
            ),
          ),
        );
        good.push(`${name}.html`);
      } else {
        files.push(source(`${name}.txt`, enc(FRONT + story(i))));
        good.push(`${name}.txt`);
      }
    }
    let progress = 0;
    const report = await importFiles(files, {
      library: lib,
      parseHtml,
      now: NOW,
      onProgress: (_r, done) => (progress = done),
    });
    expect(progress).toBe(1000);
    expect(report.stopped).toBeUndefined();
    expect(report.results).toHaveLength(1000);
    const byName = new Map(report.results.map((r) => [r.name, r]));
    for (const name of good) expect(byName.get(name), name).toMatchObject({ status: 'added' });
    for (const [name, reason] of expected) {
      const r = byName.get(name)!;
      expect(r.status, name).toBe(reason.startsWith('already') ? 'skipped' : 'refused');
      if (reason === 'no metadata') expect(r.reason, name).toMatch(/^metadata field "outlet" is missing$/);
      else expect(r.reason, name).toContain(reason);
    }
    const stored = await lib.all();
    expect(stored).toHaveLength(good.length);
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(report.added));
    const html = stored.find((r) => r.page.title === 'Pier 8')!;
    expect(html.article.meta).toMatchObject({
      outlet: 'Port Daily',
      date: '2025-03-05',
      language: 'en',
      translated: false,
    });
  }, 120_000);

  it('stopped half-way keeps every finished article whole and no partial one', async () => {
    const lib = await fresh();
    const files = Array.from({ length: 40 }, (_, i) => source(`f${i}.txt`, enc(FRONT + story(i))));
    const stop = new AbortController();
    const report = await importFiles(files, {
      library: lib,
      parseHtml,
      now: NOW,
      signal: stop.signal,
      onProgress: (_r, done) => done === 17 && stop.abort(),
    });
    expect(report.stopped).toBe('The import was stopped.');
    expect(report.added).toHaveLength(17);
    expect(report.notImported).toBe(23);
    const stored = await lib.all();
    expect(stored).toHaveLength(17);
    for (const [i, r] of stored.map((r) => r).entries()) {
      const whole = await recordOf(
        { bytes: r.article.text ? enc(r.article.text) : new Uint8Array(), meta: r.article.meta, file: 'x' },
        r.added,
      );
      expect(r, `record ${i}`).toEqual({ ...whole, page: {} });
    }
  });

  it('a library closed under it (the page closed) keeps what was finished, and says so in one line', async () => {
    const lib = await fresh();
    const files = Array.from({ length: 20 }, (_, i) => source(`f${i}.txt`, enc(FRONT + story(i))));
    const report = await importFiles(files, {
      library: lib,
      parseHtml,
      now: NOW,
      onProgress: (_r, done) => done === 6 && lib.close(),
    });
    expect(report.added).toHaveLength(6);
    expect(report.stopped).toMatch(
      /^The library could not be stored \(.+\)\. Nothing already in the library was lost\.$/,
    );
    expect(report.results.at(-1)).toMatchObject({ name: 'f6.txt', status: 'refused' });
    expect(report.notImported).toBe(13);
    const reopened = await openLibrary(`test-library-${dbNo}`);
    open.push(reopened);
    const stored = await reopened.all();
    expect(stored.map((r) => r.id).sort()).toEqual([...report.added].sort());
    for (const r of stored) expect(r.article.sentences.length).toBe(3);
  });

  it('a full disk ends the import with one line, what was stored stays', async () => {
    const lib = await fresh();
    let writes = 0;
    const full: Library = {
      ...lib,
      add: (record) =>
        ++writes > 3
          ? Promise.reject(new LibraryError(storageErrorLine(new DOMException('', 'QuotaExceededError'))))
          : lib.add(record),
    };
    const files = Array.from({ length: 10 }, (_, i) => source(`f${i}.txt`, enc(FRONT + story(i))));
    const report = await importFiles(files, { library: full, parseHtml, now: NOW });
    expect(report.stopped).toBe(
      'The disk is full: the browser refused to store more. Nothing already in the library was lost.',
    );
    expect(await lib.all()).toHaveLength(3);
  });

  it('skips an article whose text is a bundled one', async () => {
    const lib = await fresh();
    const rec = await recordOf(
      { bytes: enc(story(9)), meta: { outlet: 'A', date: '2025', language: 'en' }, file: 'a' },
      NOW(),
    );
    const report = await importFiles([source('a.txt', enc(FRONT + story(9)))], {
      library: lib,
      parseHtml,
      bundled: new Map([[rec.hash, '001_x']]),
    });
    expect(report.results).toEqual([
      { name: 'a.txt', status: 'skipped', reason: 'the same text as the bundled article 001_x', id: '001_x' },
    ]);
  });
});

describe('export', () => {
  it('export -> import -> export gives the same bytes', async () => {
    const lib = await fresh();
    const files = [
      source(
        'a.txt',
        enc(
          `---\noutlet: Harbour Post\ndate: 2025-03-04\nlanguage: en\nurl: https://example.org/a\nnote: wire copy\n---\n${story(1)}`,
        ),
      ),
      source(
        'b.html',
        enc(
          `<html lang="de"><head><meta property="og:site_name" content="Hafenblatt"><meta name="author" content="K. Berg"><title>Pier</title><meta property="article:published_time" content="2025-02-01"></head><body><article><p>${story(2).replace(/\n/g, '</p><p>')}</p></article></body></html>`,
        ),
      ),
      source(
        'c.md',
        enc(`---\noutlet: Ö Zeitung\ndate: 2025\nlanguage: de\ntranslated: true\n---\n# Überschrift\n\n${story(3)}`),
      ),
    ];
    await importFiles(files, { library: lib, parseHtml, now: NOW });
    await lib.setHidden('003_c', true);
    const first = exportLibrary(await lib.all(), await lib.hidden());
    expect(JSON.parse(first).articles).toHaveLength(3);

    const other = await fresh();
    const report = await importFiles([source('library.json', enc(first))], {
      library: other,
      parseHtml,
      now: () => 'a later date',
    });
    expect(report.results.map((r) => r.status)).toEqual(['added', 'added', 'added']);
    const second = exportLibrary(await other.all(), await other.hidden());
    expect(second).toBe(first);
    // And the records are the same, sentences included.
    expect(await other.all()).toEqual(await lib.all());
    // Importing it again skips each article.
    const again = await importFiles([source('library.json', enc(first))], { library: other, parseHtml });
    expect(again.results.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('imports an index written by npm run corpus', async () => {
    const lib = await fresh();
    const index = readFileSync(resolve(import.meta.dirname, '..', 'generated', 'corpus.json'));
    const report = await importFiles([source('corpus.json', index)], { library: lib, parseHtml, now: NOW });
    const data = JSON.parse(index.toString()) as { articles: Array<{ text: string; sentences: unknown[] }> };
    expect(report.results.filter((r) => r.status === 'added')).toHaveLength(data.articles.length);
    const texts = (await lib.all()).map((r) => r.article.text).sort();
    expect(texts).toEqual(data.articles.map((a) => a.text).sort());
    for (const r of await lib.all()) {
      const original = data.articles.find((a) => a.text === r.article.text)!;
      expect(r.article.sentences).toEqual(original.sentences);
    }
  });

  it('refuses a JSON file that is neither format, and keys are sorted', () => {
    expect(() => articlesOfJson('x.json', { hello: 1 })).toThrow('not a library export nor a corpus index');
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(
      '{\n  "a": {\n    "c": 3,\n    "d": 2\n  },\n  "b": 1\n}\n',
    );
  });
});
