// The story of a quote in a real Chromium: the Story tab in the popup, the hover card and the
// "Check this quote" panel, and the reader's story of the sentence it opens on, each with the
// earliest known version the sources' dates allow, in light and dark, with axe at 0 violations.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../scripts/lib/load-corpus';
import { AXE_SOURCE, describeViolations, runAxe } from './axe';
import { hasHighlightCount, VERDICT_NAMES } from './highlights';
import {
  dispatchCheckQuote,
  launchOnPage,
  requireChromium,
  screenshot,
  type ExtensionSession,
  type PageSession,
  type TestServer,
} from './harness';

const browserPath = requireChromium();
const SCHEMES = ['light', 'dark'] as const;

const KRONEN = '000_fb607a1be5cd114a';
const SOUTH_SHORE = '001_a3d80e40c71e1304';
const FAKTI = '002_7b03f4becdd2075e';
const EASTERN = '003_ade93db7d64a4f7e';
const PORTUGUESE = '004_ffd2c1fc0b86dfc0';

async function axeViolations(page: Page, within?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const outcome = await page.evaluate(runAxe, within ?? null);
  expect(outcome.passes).toBeGreaterThan(5);
  return describeViolations(outcome);
}

/** The timeline's entries: article, earliest, order. */
async function entries(timeline: Locator): Promise<Array<[string, string, string]>> {
  return timeline
    .locator('[data-testid$=-timeline-entry]')
    .evaluateAll((els) =>
      els.map((e) => [
        e.getAttribute('data-article')!,
        e.getAttribute('data-earliest')!,
        e.getAttribute('data-order')!,
      ]),
    );
}

/**
 * The June 2024 interview (000, 001, 002) on the news page: 000 and 001 are known only to the
 * month, 002 to 27 June, so none is known to come first, every one is marked earliest known
 * (no order is invented between them), and the page, with no known date, comes last.
 */
async function expectInterviewStory(timeline: Locator): Promise<void> {
  await expect.poll(() => timeline.locator('[data-testid$=-timeline-entry]').count()).toBeGreaterThan(2);
  const list = await entries(timeline);
  const articles = new Set(list.map(([a]) => a));
  expect(articles).toEqual(new Set([KRONEN, SOUTH_SHORE, FAKTI, 'page']));
  for (const [article, earliest] of list) expect(earliest).toBe(article === 'page' ? 'false' : 'true');
  expect(list.at(-1)).toEqual(['page', 'false', 'undated']);
  expect(list.some(([, , order]) => order === 'after')).toBe(false);
  expect(await timeline.getAttribute('data-certain')).toBe('false');
  const text = await timeline.innerText();
  expect(text).toContain('their dates do not tell');
  expect(text).toContain('translated from German');
  expect(text).toContain('translated from Bulgarian');
}

describe.skipIf(!browserPath)('the story of a quote', () => {
  let session: PageSession;
  let ext: ExtensionSession;
  let page: Page;
  let tabId: number;
  let server: TestServer;

  beforeAll(async () => {
    session = await launchOnPage('/news.html', { executablePath: browserPath });
    ({ ext, page, tabId, server } = session);
    await page.waitForFunction(hasHighlightCount, [VERDICT_NAMES, 3] as const, { timeout: 20_000 });
  });

  afterAll(() => session?.close());

  for (const scheme of SCHEMES) {
    it(`shows the story in the popup, behind a tab beside the versions (${scheme})`, async () => {
      const { popup } = await ext.openPopupFor(page);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 420, height: 900 });
      const conflicting = popup.locator('[data-testid=popup-sentence][data-verdict=conflicting]');
      await conflicting.locator('button').first().click();
      const story = conflicting.locator('[data-testid=popup-tab-story]');
      expect(await story.getAttribute('aria-selected')).toBe('false');
      // By keyboard: the versions tab, then the right arrow.
      await conflicting.locator('[data-testid=popup-tab-versions]').focus();
      await popup.keyboard.press('ArrowRight');
      expect(await story.getAttribute('aria-selected')).toBe('true');
      const timeline = conflicting.locator('[data-testid=popup-timeline]');
      await timeline.waitFor();
      await expectInterviewStory(timeline);
      expect(await conflicting.locator('[data-testid=popup-version]').first().isVisible()).toBe(false);
      // The page's 24 against the versions' 23, as a detail that changed.
      expect(await timeline.locator('[data-article=page]').innerText()).toMatch(/number: 23 → 24/);
      await screenshot(popup, `story-popup-${scheme}`, { fullPage: true });
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
    });

    it(`shows the story in the hover card (${scheme})`, async () => {
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
      await card.locator('[data-testid=card-tab-story]').click();
      const timeline = card.locator('[data-testid=card-timeline]');
      await timeline.waitFor();
      await expectInterviewStory(timeline);
      await screenshot(page, `story-card-${scheme}`);
      expect(await axeViolations(page, ['quote-check-ui', '[data-testid=card]'])).toEqual([]);
      await page.mouse.move(5, 5);
      await card.waitFor({ state: 'hidden', timeout: 5000 });
    });
  }

  it('shows the story in the "Check this quote" panel', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
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
    await panel.locator('[data-testid=panel-selection-tab-story]').first().click();
    const timeline = panel.locator('[data-testid=panel-selection-timeline]').first();
    await timeline.waitFor();
    const list = await entries(timeline);
    // The verbatim quote: its versions in the interview's three articles, none known first.
    expect(new Set(list.map(([a]) => a))).toEqual(new Set([KRONEN, SOUTH_SHORE, FAKTI, 'page']));
    expect(list.filter(([, e]) => e === 'true').length).toBe(list.length - 1);
    await screenshot(page, 'story-panel-light');
    expect(await axeViolations(page, ['quote-check-ui', '[data-testid=panel]'])).toEqual([]);
    await panel.locator('button[aria-label=Close]').click();
  });

  // The 2024 summit sentence of 003 and the 2022 statement of 004: the 2022 one is the earliest.
  const data = loadCorpus();
  const eastern = data.articles.find((a) => a.id === EASTERN)!;
  const summit = eastern.sentences.find((s) =>
    eastern.text.slice(s.start, s.end).startsWith('Stoltenberg said at the conclusion of the meeting'),
  )!;

  for (const scheme of SCHEMES) {
    it(`shows the reader's sentence in its story, the 2022 version first (${scheme})`, async () => {
      const reader = await ext.context.newPage();
      await reader.emulateMedia({ colorScheme: scheme });
      await reader.setViewportSize({ width: 900, height: 1000 });
      await reader.goto(`${ext.baseUrl}reader.html?article=${EASTERN}&start=${summit.start}&end=${summit.end}`);
      const timeline = reader.locator('[data-testid=reader-timeline]');
      await timeline.waitFor();
      expect(await entries(timeline)).toEqual([
        [PORTUGUESE, 'true', 'first'],
        [EASTERN, 'false', 'after'],
      ]);
      expect(await timeline.getAttribute('data-certain')).toBe('true');
      expect(await timeline.locator('[data-testid=reader-timeline-summary]').innerText()).toBe(
        'Earliest known version: Portuguese-language outlet (unknown), 5 April 2022.',
      );
      expect(await timeline.locator(`[data-article="${EASTERN}"]`).getAttribute('aria-current')).toBe('true');
      await reader.evaluate(() => window.scrollTo(0, 0));
      await screenshot(reader, `story-reader-${scheme}`);
      expect(await axeViolations(reader)).toEqual([]);
      await reader.close();
    });
  }

  it('shows the interview sentence in the reader with its versions of unknown order', async () => {
    const south = data.articles.find((a) => a.id === SOUTH_SHORE)!;
    const s = south.sentences.find((x) => south.text.slice(x.start, x.end).includes('23 of the 32 member states'))!;
    const reader = await ext.context.newPage();
    await reader.goto(`${ext.baseUrl}reader.html?article=${SOUTH_SHORE}&start=${s.start}&end=${s.end}`);
    const timeline = reader.locator('[data-testid=reader-timeline]');
    await timeline.waitFor();
    const list = await entries(timeline);
    expect(new Set(list.map(([a]) => a))).toEqual(new Set([KRONEN, SOUTH_SHORE, FAKTI]));
    expect(list.every(([, e]) => e === 'true')).toBe(true);
    expect(await timeline.getAttribute('data-certain')).toBe('false');
    await reader.close();
  });

  it('tells the story of a German sentence across languages, with no word diff for the page', async () => {
    const german = await ext.context.newPage();
    await german.setViewportSize({ width: 1200, height: 900 });
    await german.goto(server.url('/german.html'));
    await german.waitForFunction(() => (CSS.highlights.get('quote-check-conflicting')?.size ?? 0) === 1, undefined, {
      timeout: 20_000,
    });
    const at = await german.evaluate(() => {
      const range = [...(CSS.highlights.get('quote-check-conflicting') ?? [])][0] as Range;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.x + 12, y: rect.y + rect.height / 2 };
    });
    await german.mouse.move(at.x, at.y);
    const card = german.locator('[data-testid=card]');
    await card.waitFor({ state: 'visible', timeout: 5000 });
    await card.locator('[data-testid=card-tab-story]').click();
    const timeline = card.locator('[data-testid=card-timeline]');
    await timeline.waitFor();
    const pageEntry = timeline.locator('[data-article=page]');
    expect(await pageEntry.locator('[data-change]').getAttribute('data-change')).toBe('language');
    expect(await pageEntry.innerText()).toMatch(/In another language than .+; a detail differs:\s+number: 23 → 24/);
    expect(await pageEntry.locator('[data-testid=card-timeline-diff]').count()).toBe(0);
    expect(await pageEntry.locator('blockquote').getAttribute('lang')).toBe('de');
    await screenshot(german, 'story-german-card-light');
    expect(await axeViolations(german, ['quote-check-ui', '[data-testid=card]'])).toEqual([]);
    await german.close();
  });

  it('logs no error in any extension console', () => {
    expect(ext.extensionErrors()).toEqual([]);
  });
});
