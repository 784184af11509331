// Accessibility of every surface the extension shows, checked with axe-core in a real Chromium,
// in the light and the dark colour scheme: the popup with matches (a sentence opened, with its
// versions and diffs), the reader page, the hover card and the "Check this quote" panel (these
// two live in a shadow root on the web page: axe is scoped to the shadow content). Each state is
// also saved as a screenshot (screenshots/chromium-*.png).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_SOURCE, describeViolations, runAxe } from './axe';
import { hasHighlightCount, VERDICT_NAMES } from './highlights';
import {
  dispatchCheckQuote,
  launchOnPage,
  requireChromium,
  screenshot,
  type ExtensionSession,
  type PageSession,
} from './harness';

const browserPath = requireChromium();
const SCHEMES = ['light', 'dark'] as const;

/**
 * Runs axe in the page (the whole document, or only `within`: a selector path into shadow
 * roots, as axe takes it) and returns its violations, each with the elements concerned.
 */
async function axeViolations(page: Page, within?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const outcome = await page.evaluate(runAxe, within ?? null);
  expect(outcome.passes).toBeGreaterThan(5);
  return describeViolations(outcome);
}

async function waitForHighlights(page: Page, count: number): Promise<void> {
  await page.waitForFunction(hasHighlightCount, [VERDICT_NAMES, count] as const, { timeout: 20_000 });
}

describe.skipIf(!browserPath)('accessibility (axe-core)', () => {
  let session: PageSession;
  let ext: ExtensionSession;
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    session = await launchOnPage('/news.html', { executablePath: browserPath });
    ({ ext, page, tabId } = session);
    await waitForHighlights(page, 3);
  });

  afterAll(() => session?.close());

  for (const scheme of SCHEMES) {
    it(`the popup with matches, a sentence opened (${scheme})`, async () => {
      const { popup } = await ext.openPopupFor(page);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 420, height: 900 });
      const conflicting = popup.locator('[data-testid=popup-sentence][data-verdict=conflicting]');
      await conflicting.locator('button').first().click();
      await conflicting.locator('[data-testid=popup-diff]').first().waitFor();
      // Also the search results.
      await popup.locator('[data-testid=popup-search-input]').fill('rutte october');
      await popup.locator('[data-testid=popup-search-result]').first().waitFor();
      await screenshot(popup, `chromium-popup-${scheme}`, { fullPage: true });
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
    });

    it(`the reader page (${scheme})`, async () => {
      const reader = await ext.context.newPage();
      await reader.emulateMedia({ colorScheme: scheme });
      await reader.goto(`${ext.baseUrl}reader.html?article=001_a3d80e40c71e1304&start=0&end=40`);
      await reader.locator('[data-testid=reader-target]').waitFor();
      await screenshot(reader, `chromium-reader-${scheme}`);
      expect(await axeViolations(reader)).toEqual([]);
      await reader.close();
    });

    it(`the hover card (${scheme})`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.bringToFront();
      const at = await page.evaluate(() => {
        const range = [...(CSS.highlights.get('quote-check-conflicting') ?? [])][0] as Range;
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0]!;
        return { x: rect.x + 12, y: rect.y + rect.height / 2 };
      });
      await page.mouse.move(at.x, at.y);
      const card = page.locator('[data-testid=card]');
      await card.waitFor({ state: 'visible', timeout: 5000 });
      await expect.poll(() => card.innerText()).toContain('Kronen Zeitung');
      await screenshot(page, `chromium-news-hover-card-${scheme}`);
      expect(await axeViolations(page, ['quote-check-ui', '[data-testid=card]'])).toEqual([]);
      await page.mouse.move(5, 5);
      await card.waitFor({ state: 'hidden', timeout: 5000 });
    });

    it(`the "Check this quote" panel (${scheme})`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      const text = await page.evaluate(() => {
        const p = document.getElementById('p-verbatim')!;
        p.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.selectNodeContents(p);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return sel.toString();
      });
      await dispatchCheckQuote(ext.worker, text, tabId);
      const panel = page.locator('[data-testid=panel]');
      await panel.waitFor({ state: 'visible', timeout: 5000 });
      await expect.poll(() => panel.innerText()).toContain('South Shore Journal');
      await screenshot(page, `chromium-news-context-panel-${scheme}`);
      expect(await axeViolations(page, ['quote-check-ui', '[data-testid=panel]'])).toEqual([]);
      await panel.locator('button[aria-label=Close]').click();
      await panel.waitFor({ state: 'hidden', timeout: 5000 });
    });
  }
});
