// The user's library in a real Chromium: a page added from the popup is in the library and
// another page quoting it is highlighted with that version; deleting it removes the highlight
// at the next check; the context-menu item; import and export on the library page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  requireChromium,
  screenshot,
  startServer,
  type ExtensionChrome,
  type ExtensionSession,
  type TestServer,
} from './harness';
import { AXE_SOURCE, describeViolations, runAxe } from './axe';
import { highlightCount, highlightedIn, VERDICT_NAMES } from './highlights';

declare const chrome: ExtensionChrome;

const browserPath = requireChromium();
const QUOTE = 'We tried remote monitoring for three decades';

async function highlightsSoon(page: Page, count: number): Promise<string[]> {
  let texts: string[] = [];
  for (let i = 0; i < 100; i++) {
    const h = await page.evaluate(highlightedIn, VERDICT_NAMES);
    texts = VERDICT_NAMES.flatMap((k) => h[k]);
    if (highlightCount(h) === count) return texts;
    await page.waitForTimeout(100);
  }
  return texts;
}

/** axe-core's violations in the whole page. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const outcome = await page.evaluate(runAxe, null);
  expect(outcome.passes).toBeGreaterThan(5);
  return describeViolations(outcome);
}

/** The library page's export, read back from the link it leaves on the page. */
async function exportText(library: Page): Promise<string> {
  const before = await library.evaluate(
    () => document.querySelector('[data-testid=library-export-link]')?.getAttribute('href') ?? null,
  );
  await library.getByRole('button', { name: 'Export your library' }).click();
  await library.waitForFunction((old) => {
    const a = document.querySelector<HTMLAnchorElement>('[data-testid=library-export-link]');
    return a && a.href !== old;
  }, before);
  return library.evaluate(async () => {
    const a = document.querySelector<HTMLAnchorElement>('[data-testid=library-export-link]')!;
    return (await fetch(a.href)).text();
  });
}

describe.skipIf(!browserPath)('the library in Chromium', () => {
  let ext: ExtensionSession;
  let server: TestServer;
  let article: Page;
  let library: Page;
  const dir = mkdtempSync(join(tmpdir(), 'library-e2e-'));

  beforeAll(async () => {
    server = await startServer();
    ext = await launchExtension({ executablePath: browserPath });
    article = await ext.context.newPage();
    await article.goto(server.url('/own-article.html'));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('adds a page from the popup with the metadata it declares, edited before saving', async () => {
    const { popup } = await ext.openPopupFor(article);
    await popup.getByRole('button', { name: 'Add this page to references' }).click();
    const form = popup.getByTestId('popup-draft');
    await form.waitFor();
    expect(await popup.getByTestId('popup-draft-outlet').inputValue()).toBe('The Northern Ledger');
    expect(await popup.getByTestId('popup-draft-title').inputValue()).toBe(
      'Lighthouse keepers return to Skarvik island',
    );
    expect(await popup.getByTestId('popup-draft-date').inputValue()).toBe('2026-03-14');
    expect(await popup.getByTestId('popup-draft-language').inputValue()).toBe('en');
    expect(await popup.getByTestId('popup-draft-author').inputValue()).toBe('Ingrid Solberg');
    expect(await popup.getByTestId('popup-draft-url').inputValue()).toBe('https://ledger.example/skarvik-lighthouse');
    await popup.getByTestId('popup-draft-outlet').fill('Northern Ledger (edited)');
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await screenshot(popup, `library-popup-form-${scheme}`);
      expect(await axeViolations(popup)).toEqual([]);
    }
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => popup.getByTestId('popup-draft-state').getAttribute('data-state')).toBe('saved');
    await screenshot(popup, 'library-popup-saved-dark');
    // Saving it again says it is there already.
    await popup.getByRole('button', { name: 'Close' }).click();
    await popup.getByRole('button', { name: 'Add this page to references' }).click();
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => popup.getByTestId('popup-draft-state').getAttribute('data-state')).toBe('duplicate');
    await popup.close();
  });

  let quoting: Page;

  it('highlights another page quoting it, with that version', async () => {
    quoting = await ext.context.newPage();
    await quoting.goto(server.url('/own-quoting.html'));
    const texts = await highlightsSoon(quoting, 1);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(QUOTE);
    const { popup, tabId } = await ext.openPopupFor(quoting);
    const { report } = (await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'ui:get-report', tabId: id }),
      tabId!,
    )) as {
      report: { matches: Array<{ versions: Array<{ article: string; outlet: string; verdict: string }> }> };
    };
    expect(report.matches).toHaveLength(1);
    expect(report.matches[0]!.versions).toEqual([
      expect.objectContaining({
        article: expect.stringMatching(/^user-[0-9a-f]{16}$/),
        outlet: 'Northern Ledger (edited)',
        verdict: 'identical',
      }),
    ]);
    await popup.close();
  });

  it('lists it in the library page with the bundled articles', async () => {
    library = await ext.context.newPage();
    await library.setViewportSize({ width: 1200, height: 900 });
    await library.goto(`${ext.baseUrl}library.html`);
    const row = library.locator('[data-testid=library-row][data-id^="user-"]');
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('Lighthouse keepers return to Skarvik island');
    expect(await row.innerText()).toContain('Northern Ledger (edited)');
    expect(await row.innerText()).toContain('yours');
    expect(await library.locator('[data-testid=library-row]').count()).toBeGreaterThan(1);
    for (const scheme of ['light', 'dark'] as const) {
      await library.emulateMedia({ colorScheme: scheme });
      await screenshot(library, `library-page-${scheme}`);
      expect(await axeViolations(library)).toEqual([]);
    }
  });

  let first = '';

  it('exports the library to one file', async () => {
    first = await exportText(library);
    const parsed = JSON.parse(first) as { format: string; articles: Array<{ meta: { outlet: string } }> };
    expect(parsed.format).toBe('quote-check-library');
    expect(parsed.articles.map((a) => a.meta.outlet)).toEqual(['Northern Ledger (edited)']);
    writeFileSync(join(dir, 'library.json'), first);
  });

  it('deleting it removes the highlight at the next check', async () => {
    await library.getByRole('button', { name: /^Delete Lighthouse keepers/ }).click();
    await library.getByTestId('library-confirm-delete').click();
    await expect.poll(() => library.locator('[data-testid=library-row][data-id^="user-"]').count()).toBe(0);
    // The open tab is checked again at once.
    expect(await highlightsSoon(quoting, 0)).toEqual([]);
    await quoting.reload();
    await quoting.waitForTimeout(1500);
    expect(await highlightsSoon(quoting, 0)).toEqual([]);
  });

  it('imports files on the library page: the export back, a bad file refused with its reason', async () => {
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(join(dir, 'no-meta.txt'), 'A sentence without any metadata, which the library cannot date.\n');
    await library
      .getByTestId('library-import-files')
      .setInputFiles([join(dir, 'library.json'), join(dir, 'broken.txt'), join(dir, 'no-meta.txt')]);
    const results = library.getByTestId('library-import-results');
    await expect.poll(() => library.getByTestId('library-import').getAttribute('data-running')).toBe('false');
    const text = await results.innerText();
    expect(text).toMatch(/added\s+library\.json: user-[0-9a-f]{16}/);
    expect(text).toContain('broken.txt — the article is binary (it contains NUL bytes)');
    expect(text).toContain('no-meta.txt — metadata field "outlet" is missing');
    expect(await library.getByTestId('library-import-summary').innerText()).toBe('1 added, 0 skipped, 2 refused');
    for (const scheme of ['light', 'dark'] as const) {
      await library.emulateMedia({ colorScheme: scheme });
      await screenshot(library, `library-import-${scheme}`);
      expect(await axeViolations(library)).toEqual([]);
    }
    // The article is back: the open page quoting it is highlighted again.
    expect(await highlightsSoon(quoting, 1)).toHaveLength(1);
    // Export -> import -> export: the same bytes.
    expect(await exportText(library)).toBe(first);
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(first);
  });

  it('imports files dropped on the library page, each reported', async () => {
    const article =
      '---\noutlet: Harbour Post\ndate: 2025-03-04\nlanguage: en\n---\n' +
      'The harbour authority said the new ferry terminal will open to passengers in early spring next year.\n\n' +
      'Its director told reporters that the dredging of the northern channel had finished two weeks ahead of plan.\n';
    const exported = readFileSync(join(dir, 'library.json'), 'utf8');
    // A drop as the page receives it: a DataTransfer holding the files, on the drop zone.
    const summary = library.getByTestId('library-import-summary');
    const before = await summary.innerText();
    await library.evaluate(
      ({ md, json }) => {
        const zone = document.querySelector('[data-testid=library-drop]')!;
        const dt = new DataTransfer();
        dt.items.add(new File([md], 'harbour.md', { type: 'text/markdown' }));
        dt.items.add(new File([json], 'library.json', { type: 'application/json' }));
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { md: article, json: exported },
    );
    await expect.poll(() => summary.innerText()).not.toBe(before);
    await expect.poll(() => library.getByTestId('library-import').getAttribute('data-running')).toBe('false');
    expect(await summary.innerText()).toBe('1 added, 1 skipped, 0 refused');
    const text = await library.getByTestId('library-import-results').innerText();
    expect(text).toMatch(/added\s+harbour\.md/);
    expect(text).toMatch(/skipped\s+library\.json: user-[0-9a-f]{16} — already in the library/);
    await expect.poll(() => library.getByRole('row', { name: /Harbour Post/ }).count()).toBe(1);
    await screenshot(library, 'library-drop');
  });

  it('the context-menu item opens the library page with the page as a draft', async () => {
    await ext.worker.evaluate(() => chrome.contextMenus.update('add-page', {}));
    const tabId = (await ext.tabIdOf(article))!;
    const opened = ext.context.waitForEvent('page', (p) => p.url().includes('library.html?draft=1'));
    await ext.worker.evaluate((id) => {
      const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void };
      onClicked.dispatch({ menuItemId: 'add-page', frameId: 0, editable: false, pageUrl: '' }, { id, index: 0 });
    }, tabId);
    const page = await opened;
    await page.getByTestId('library-draft').waitFor();
    expect(await page.getByTestId('library-draft-outlet').inputValue()).toBe('The Northern Ledger');
    await page.getByRole('button', { name: 'Save' }).click();
    // The same text as the imported article: already in the library.
    await expect.poll(() => page.getByTestId('library-draft-state').getAttribute('data-state')).toBe('duplicate');
    await screenshot(page, 'library-menu-draft');
  });

  it('an import cut off by closing the page keeps every finished article whole; importing again adds the rest', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'library-cut-'));
    const bodies = new Set<string>();
    const files = Array.from({ length: 150 }, (_, i) => {
      const body =
        `The ferry board of harbour ${i} voted on Tuesday to add ${i + 2} crossings a day from June.\n` +
        `Its chair said the new timetable would cost ${i * 17 + 300} thousand kroner a year.\n`;
      bodies.add(body);
      const path = join(folder, `ferry-${String(i).padStart(3, '0')}.txt`);
      writeFileSync(path, `---\noutlet: Ferry News\ndate: 2026-02\nlanguage: en\n---\n${body}`);
      return path;
    });
    const cut = await ext.context.newPage();
    await cut.goto(`${ext.baseUrl}library.html`);
    await cut.getByTestId('library-import-files').setInputFiles(files);
    await cut.waitForFunction(() => Number(document.querySelector('progress')?.getAttribute('value')) >= 10);
    await cut.close();

    const again = await ext.context.newPage();
    await again.goto(`${ext.baseUrl}library.html`);
    await again.getByTestId('library-table').waitFor();
    const stored = (
      JSON.parse(await exportText(again)) as { articles: Array<{ text: string; meta: { outlet: string } }> }
    ).articles.filter((a) => a.meta.outlet === 'Ferry News');
    expect(stored.length).toBeGreaterThanOrEqual(10);
    expect(stored.length).toBeLessThan(150);
    // Every stored article is one whole file's text.
    for (const a of stored) expect(bodies.has(a.text)).toBe(true);
    await again.getByTestId('library-import-files').setInputFiles(files);
    await expect
      .poll(() => again.getByTestId('library-import').getAttribute('data-running'), { timeout: 60_000 })
      .toBe('false');
    expect(await again.getByTestId('library-import-summary').innerText()).toBe(
      `${150 - stored.length} added, ${stored.length} skipped, 0 refused`,
    );
    await again.close();
  }, 120_000);

  it('logged no extension error', () => {
    expect(ext.extensionErrors()).toEqual([]);
  });
});

describe.skipIf(!browserPath)('the library when the browser is killed', () => {
  it('an import cut off by killing the browser keeps every finished article whole, and no partial one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'library-kill-'));
    const folder = mkdtempSync(join(tmpdir(), 'library-kill-files-'));
    const bodies = new Set<string>();
    const files = Array.from({ length: 150 }, (_, i) => {
      const body =
        `The tram board of district ${i} agreed on Monday to run ${i + 3} more trams an hour at peak.\n` +
        `Its spokesman said the change would need ${i * 13 + 200} more drivers by the autumn.\n`;
      bodies.add(body);
      const path = join(folder, `tram-${String(i).padStart(3, '0')}.txt`);
      writeFileSync(path, `---\noutlet: Tram News\ndate: 2026-02\nlanguage: en\n---\n${body}`);
      return path;
    });
    const first = await launchExtension({ executablePath: browserPath, profileDir: dir });
    try {
      const page = await first.context.newPage();
      await page.goto(`${first.baseUrl}library.html`);
      await page.getByTestId('library-import-files').setInputFiles(files);
      await page.waitForFunction(() => Number(document.querySelector('progress')?.getAttribute('value')) >= 10);
    } finally {
      await first.kill();
    }
    expect(spawnSync('pgrep', ['-f', dir]).status).toBe(1); // no process of that browser is left

    // The same profile again: the browser finds what was stored before it was killed.
    const second = await launchExtension({ executablePath: browserPath, profileDir: dir });
    try {
      const page = await second.context.newPage();
      await page.goto(`${second.baseUrl}library.html`);
      await page.getByTestId('library-table').waitFor();
      const stored = (
        JSON.parse(await exportText(page)) as { articles: Array<{ text: string; meta: { outlet: string } }> }
      ).articles.filter((a) => a.meta.outlet === 'Tram News');
      // Cut off part-way: at least the ten finished before the kill, not all of them.
      expect(stored.length).toBeGreaterThanOrEqual(10);
      expect(stored.length).toBeLessThan(150);
      // Every stored article is one whole file's text, each once.
      for (const a of stored) expect(bodies.has(a.text)).toBe(true);
      expect(new Set(stored.map((a) => a.text)).size).toBe(stored.length);
      expect(second.extensionErrors()).toEqual([]);
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
