/**
 * The check command and the content script read the same article sentences from a page.
 *
 * For each of the 170 saved real pages (tests/realpages.ts): the check command's reading
 * (`readPage`, a linkedom document, then `core/segment.ts` on each block line) against the
 * content script's reading in a real Chromium (`core/article.ts` `readArticle` on the live DOM,
 * bundled with esbuild and evaluated in the page, then the same split as `scan()` in
 * entrypoints/content/index.tsx: line breaks inside a block as spaces, `sentences()` per block).
 * Both read with `force` (the check command always does). Sentences are compared with runs of
 * white space as one space: the check command prints each block with its white space collapsed.
 *
 * Pages are served from 127.0.0.1 with a Content-Security-Policy that runs none of the page's
 * scripts and loads nothing else: the DOM is the parsed HTML, as in linkedom, with no script
 * changing it. JavaScript itself stays on, as for a reader: with it off, a browser parses
 * `<noscript>` as markup and follows a `<meta http-equiv="refresh">` in it.
 *
 * Deliberate differences: none. The reading uses no computed style (a saved page has none), so
 * text that a stylesheet hides is read on both sides. Where linkedom's parser builds another
 * tree than a browser's, the reading does not depend on the difference: text before the doctype
 * (put at the start of the body by `scripts/lib/read-page.ts`, as a browser does), `<tbody>` that
 * a browser adds (never counted in `core/article.ts`), a link inside a link (its outer link ends
 * there, as a browser makes it).
 */
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentences } from '../../core/segment';
import { readPage } from '../../scripts/lib/read-page';
import { realPages, realPagesDir } from '../realpages';
import { REPO_ROOT, requireChromium, startServer, type TestServer } from './harness';
import { launchPlain } from './probe';

const browserPath = requireChromium();

interface Reading {
  isArticle: boolean;
  sentences: string[];
}

/** The content script's reading, as a script that sets `globalThis.__qcRead`. */
const ENTRY = `
import { readArticle } from './core/article';
import { sentences } from './core/segment';
globalThis.__qcRead = async () => {
  const { isArticle, blocks } = await readArticle(document, { force: true });
  const out = [];
  for (const block of blocks) {
    const flat = block.text.replace(/[\\r\\n\\u2028\\u2029]/g, ' ');
    for (const s of sentences(flat)) out.push(s.text);
  }
  return { isArticle, sentences: out };
};
`;

const space = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The check command's sentences of a saved page. */
function checkCommandSentences(file: string): string[] {
  return readPage(file)
    .split('\n')
    .flatMap((line) => sentences(line).map((s) => space(s.text)));
}

describe.skipIf(!browserPath)('the check command and the content script read the same sentences', () => {
  let browser: Browser;
  let page: Page;
  let server: TestServer;
  let bundle: string;
  const pages = realPages();
  let totalSentences = 0;

  beforeAll(async () => {
    const out = await build({
      stdin: { contents: ENTRY, resolveDir: REPO_ROOT, loader: 'ts', sourcefile: 'agreement-entry.ts' },
      bundle: true,
      format: 'iife',
      target: 'chrome120',
      write: false,
      logLevel: 'silent',
    });
    bundle = out.outputFiles[0]!.text;
    server = await startServer(realPagesDir(), {
      headers: { 'content-security-policy': "default-src 'none'" },
    });
    browser = await launchPlain(browserPath!);
    const context = await browser.newContext();
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    process.stderr.write(`agreement: ${pages.length} pages, ${totalSentences} sentences compared\n`);
  });

  it.each(pages.map((p) => [p.name, p.file] as const))('%s', async (name, file) => {
    const loaded = page.goto(server.url(`/${encodeURIComponent(name)}.html`), { waitUntil: 'domcontentloaded' });
    // The check command's reading runs while the browser loads the page.
    const expected = checkCommandSentences(file);
    await loaded;
    await page.evaluate(bundle);
    const got = (await page.evaluate('globalThis.__qcRead()')) as Reading;
    const actual = got.sentences.map(space);
    totalSentences += expected.length;
    expect(actual).toEqual(expected);
  });
});
