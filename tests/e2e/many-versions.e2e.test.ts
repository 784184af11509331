// A statement many of the user's references report: twenty articles imported on the library
// page, each with the quoted sentence, two with another number. The popup lists the first
// versions and both conflicting ones, then all twenty on "Show all", in light and dark.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_SOURCE, describeViolations, runAxe } from './axe';
import { hasHighlightCount, VERDICT_NAMES } from './highlights';
import { launchOnPage, requireChromium, screenshot, type PageSession } from './harness';

const browserPath = requireChromium();
const COUNT = 20;
const SHOWN = 12;

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const outcome = await page.evaluate(runAxe, null);
  expect(outcome.passes).toBeGreaterThan(5);
  return describeViolations(outcome);
}

/** Article `i`: an outlet of its own reporting the director's words; 5 and 15 say four decades. */
function article(i: number): string {
  const decades = i === 5 || i === 15 ? 'four' : 'three';
  return [
    '---',
    `outlet: Coastal Wire ${i + 1}`,
    `date: 2025-01-${String(i + 1).padStart(2, '0')}`,
    'language: en',
    '---',
    `Keepers may return to the lighthouses, report number ${i + 1}`,
    '',
    `"We tried remote monitoring for ${decades} decades, and the storms of last winter showed us that a person on the rock still sees what the sensors miss," said Marta Lund.`,
    '',
    `The authority will publish its plan for the ${i + 3} towers in the spring, officials said on day ${i + 1}.`,
    '',
  ].join('\n');
}

describe.skipIf(!browserPath)('a statement with many versions in the popup', () => {
  let session: PageSession;
  const dir = mkdtempSync(join(tmpdir(), 'many-versions-'));

  beforeAll(async () => {
    session = await launchOnPage('/own-quoting.html', { executablePath: browserPath });
    const library = await session.ext.context.newPage();
    await library.goto(`${session.ext.baseUrl}library.html`);
    const files = Array.from({ length: COUNT }, (_, i) => {
      const file = join(dir, `wire-${String(i + 1).padStart(2, '0')}.md`);
      writeFileSync(file, article(i));
      return file;
    });
    await library.getByTestId('library-import-files').setInputFiles(files);
    await library.waitForFunction(
      (want) => document.querySelector('[data-testid=library-import-summary]')?.textContent === want,
      `${COUNT} added, 0 skipped, 0 refused`,
      { timeout: 60_000 },
    );
    await library.close();
    await session.page.reload();
    await session.page.waitForFunction(hasHighlightCount, [VERDICT_NAMES, 1] as const, { timeout: 20_000 });
  });

  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`lists the first versions and every conflicting one, then all on "Show all" (${scheme})`, async () => {
      const { popup } = await session.ext.openPopupFor(session.page);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 420, height: 900 });
      const sentence = popup.locator('[data-testid=popup-sentence]').first();
      await sentence.locator('.qc-sentence-head').click();
      expect(await sentence.locator('.qc-count').innerText()).toBe(`${COUNT} versions`);
      const versions = sentence.locator('[data-testid=popup-version]');
      expect(await versions.count()).toBe(SHOWN);
      expect(await sentence.locator('[data-testid=popup-version][data-verdict=conflicting]').count()).toBe(2);
      await screenshot(popup, `popup-many-versions-${scheme}`, { fullPage: true });
      expect(await axeViolations(popup)).toEqual([]);
      // Keyboard: the button is reached and pressed like any button; focus goes on to the list.
      const more = sentence.getByRole('button', { name: `Show all ${COUNT} versions (${COUNT - SHOWN} more)` });
      await popup.setViewportSize({ width: 420, height: 600 });
      await more.scrollIntoViewIfNeeded();
      await more.focus();
      await screenshot(popup, `popup-many-versions-more-${scheme}`);
      await popup.keyboard.press('Enter');
      await expect.poll(() => versions.count()).toBe(COUNT);
      expect(await more.count()).toBe(0);
      await expect
        .poll(() => popup.evaluate(() => document.activeElement?.classList.contains('qc-versions')))
        .toBe(true);
      await popup.close();
    });
  }
});
