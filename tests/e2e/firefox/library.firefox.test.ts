// The user's library in a real Firefox (the MV2 build): a page added from the popup highlights
// another page quoting it; deleting it removes the highlight; import and export on the library
// page; the context-menu item clicked in Firefox’s own menu; screenshots light and dark. One
// browser for the whole file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath, startServer, type TestServer } from '../harness';
import { highlightCount, highlightedIn, VERDICT_NAMES } from '../highlights';
import { launchFirefox, requireFirefox, until, type FirefoxSession } from './harness';

const browserPath = requireFirefox();

async function highlightsNow(page: Page, count: number): Promise<string[]> {
  return until(`${count} highlights`, async () => {
    const h = await page.evaluate(highlightedIn, VERDICT_NAMES);
    return highlightCount(h) === count ? VERDICT_NAMES.flatMap((k) => h[k]) : undefined;
  });
}

const attr = (page: Page, testId: string, name: string) =>
  page.evaluate(({ id, a }) => document.querySelector(`[data-testid=${id}]`)?.getAttribute(a) ?? undefined, {
    id: testId,
    a: name,
  });

async function exportText(library: Page): Promise<string> {
  const before = await attr(library, 'library-export-link', 'href');
  await library.click('[data-testid=library-export]');
  await until('the export', async () => {
    const href = await attr(library, 'library-export-link', 'href');
    return href && href !== before ? true : undefined;
  });
  return library.evaluate(async () => {
    const a = document.querySelector<HTMLAnchorElement>('[data-testid=library-export-link]')!;
    return (await fetch(a.href)).text();
  });
}

describe.skipIf(!browserPath)('the library in Firefox', () => {
  let ff: FirefoxSession;
  let server: TestServer;
  let article: Page;
  let quoting: Page;
  let library: Page;
  const dir = mkdtempSync(join(tmpdir(), 'library-ff-'));

  beforeAll(async () => {
    server = await startServer();
    ff = await launchFirefox({ executablePath: browserPath });
    article = await ff.newPage();
    await article.goto(server.url('/own-article.html'));
  }, 120_000);

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('adds a page from the popup; a page quoting it is highlighted with that version', async () => {
    const tabId = await ff.tabIdOf(article);
    const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewport({ width: 400, height: 640 });
    await popup.click('[data-testid=popup-add-page-button]');
    await popup.waitForSelector('[data-testid=popup-draft]');
    expect(await popup.$eval('[data-testid=popup-draft-outlet]', (e) => (e as HTMLInputElement).value)).toBe(
      'The Northern Ledger',
    );
    expect(await popup.$eval('[data-testid=popup-draft-author]', (e) => (e as HTMLInputElement).value)).toBe(
      'Ingrid Solberg',
    );
    for (const scheme of ['light', 'dark'] as const) {
      await ff.setColorScheme(scheme);
      await popup.screenshot({ path: screenshotPath(`firefox-library-popup-form-${scheme}`) });
    }
    await ff.setColorScheme('light');
    await popup.click('[data-testid=popup-draft-save]');
    await until('saved', async () =>
      (await attr(popup, 'popup-draft-state', 'data-state')) === 'saved' ? true : undefined,
    );
    await popup.close();

    quoting = await ff.newPage();
    await quoting.goto(server.url('/own-quoting.html'));
    const texts = await highlightsNow(quoting, 1);
    expect(texts[0]).toContain('We tried remote monitoring for three decades');
    const quotingTab = await ff.tabIdOf(quoting);
    const versions = await ff.inExtension(async (id: number) => {
      const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
      const reply = (await api.runtime.sendMessage({ type: 'ui:get-report', tabId: id })) as {
        report: { matches: Array<{ versions: Array<{ article: string; outlet: string }> }> };
      };
      return reply.report.matches.flatMap((m) => m.versions.map((v) => `${v.outlet} ${v.article.slice(0, 5)}`));
    }, quotingTab);
    expect(versions).toEqual(['The Northern Ledger user-']);
  });

  let first = '';

  it('lists it on the library page and exports it', async () => {
    library = await ff.openExtensionPage('library.html');
    await library.setViewport({ width: 1200, height: 900 });
    await library.waitForSelector('[data-testid=library-row][data-id^="user-"]');
    for (const scheme of ['light', 'dark'] as const) {
      await ff.setColorScheme(scheme);
      await library.screenshot({ path: screenshotPath(`firefox-library-page-${scheme}`) });
    }
    await ff.setColorScheme('light');
    first = await exportText(library);
    expect((JSON.parse(first) as { articles: unknown[] }).articles).toHaveLength(1);
    writeFileSync(join(dir, 'library.json'), first);
  });

  it('deleting it removes the highlight at the next check', async () => {
    await library.click('[data-testid=library-row][data-id^="user-"] button');
    await library.click('[data-testid=library-confirm-delete]');
    await until('the row gone', async () =>
      (await library.$('[data-testid=library-row][data-id^="user-"]')) ? undefined : true,
    );
    expect(await highlightsNow(quoting, 0)).toEqual([]);
  });

  it('imports the export back and a bad file refused; export -> import -> export is identical', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    const input = (await library.$(
      'input[data-testid=library-import-files]',
    )) as ElementHandle<HTMLInputElement> | null;
    await input!.uploadFile(join(dir, 'library.json'), join(dir, 'empty.txt'));
    await until('the import', async () =>
      (await attr(library, 'library-import', 'data-running')) === 'false' ? true : undefined,
    );
    const results = await library.$eval('[data-testid=library-import-results]', (e) => (e as HTMLElement).innerText);
    expect(results).toMatch(/added\s+library\.json: user-/);
    expect(results).toContain('empty.txt — the article is empty');
    await library.screenshot({ path: screenshotPath('firefox-library-import-light') });
    expect(await highlightsNow(quoting, 1)).toHaveLength(1);
    expect(await exportText(library)).toBe(first);
  });

  it('a larger import is matched, then linked in slices; the page quoting it stays highlighted', async () => {
    // More articles than are linked at once (LINK_AT_ONCE): the background links them one at a
    // time after indexing them, answering the library page between slices.
    const files = Array.from({ length: 12 }, (_, i) => {
      const file = join(dir, `wire-${i}.md`);
      writeFileSync(
        file,
        `---\noutlet: Coastal Wire ${i + 1}\ndate: 2025-01-${String(i + 1).padStart(2, '0')}\nlanguage: en\n---\n` +
          '"We tried remote monitoring for three decades, and the storms of last winter showed us that a person on ' +
          `the rock still sees what the sensors miss," said Marta Lund.\n\nThe plan for ${i + 3} towers comes in spring.\n`,
      );
      return file;
    });
    const input = (await library.$(
      'input[data-testid=library-import-files]',
    )) as ElementHandle<HTMLInputElement> | null;
    await input!.uploadFile(...files);
    await until('the import and its linking', async () =>
      (await attr(library, 'library-import', 'data-running')) === 'false' ? true : undefined,
    );
    const summary = await library.$eval('[data-testid=library-import-summary]', (e) => (e as HTMLElement).innerText);
    expect(summary).toBe('12 added, 0 skipped, 0 refused');
    await until('the rows', async () =>
      (await library.$$('[data-testid=library-row][data-id^="user-"]')).length === 13 ? true : undefined,
    );
    expect(await highlightsNow(quoting, 1)).toHaveLength(1);
    await library.screenshot({ path: screenshotPath('firefox-library-larger-import') });
  });

  it('"Add this page to references" in Firefox’s own context menu opens the library page with the draft', async () => {
    await article.bringToFront();
    await article.mouse.click(300, 400, { button: 'right' });
    await until('the context menu', async () =>
      (await ff.contextMenuLabels()).includes('Add this page to references') ? true : undefined,
    );
    await ff.clickMenuItem('Add this page to references');
    // The extension opened a tab at library.html?draft=1, which took the draft from
    // storage.session. Puppeteer does not list a tab an extension opened, so the form is read
    // through the extension's own views of its pages.
    const outlet = await until('the draft form in the library tab', () =>
      ff.inExtension(async () => {
        const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
        const view = (api.extension.getViews({ type: 'tab' }) as unknown as globalThis.Window[]).find((w) =>
          w.location.href.includes('library.html?draft=1'),
        );
        return view?.document.querySelector<HTMLInputElement>('[data-testid=library-draft-outlet]')?.value;
      }, null),
    );
    expect(outlet).toBe('The Northern Ledger');
  });

  it('logged no extension error', () => {
    expect(ff.extensionErrors()).toEqual([]);
  });
});
