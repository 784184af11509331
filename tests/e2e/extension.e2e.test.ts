// The extension in a real Chromium: highlights, badge, popup, hover card, "Check this quote",
// reader view, highlights off and on, pages without matches or loaded late, non-article pages.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  launchOnPage,
  requireChromium,
  screenshot,
  startServer,
  type ExtensionChrome,
  type ExtensionSession,
  type PageSession,
  type TestServer,
  dispatchCheckQuote,
} from './harness';
import { highlightedIn, pointOfHighlight, VERDICT_NAMES, type Highlighted } from './highlights';

declare const chrome: ExtensionChrome;

const browserPath = requireChromium();

const NAMES = VERDICT_NAMES;

/** The text of every highlighted range on the page, by verdict (read from the page's own world). */
const highlighted = (page: Page): Promise<Highlighted> => page.evaluate(highlightedIn, NAMES);

async function waitForHighlights(page: Page, count: number): Promise<Highlighted> {
  let last: Highlighted = { identical: [], reworded: [], conflicting: [] };
  for (let i = 0; i < 100; i++) {
    last = await highlighted(page);
    if (NAMES.reduce((n, k) => n + last[k].length, 0) === count) return last;
    await page.waitForTimeout(100);
  }
  return last;
}

/** Where on screen the first range of a highlight is, to hover it. */
const pointOf = (page: Page, verdict: string) => page.evaluate(pointOfHighlight, verdict);

function badge(ext: ExtensionSession, tabId: number) {
  return ext.worker.evaluate(
    async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      colour: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
    }),
    tabId,
  );
}

describe.skipIf(!browserPath)('the extension on a news page', () => {
  let session: PageSession;
  let ext: ExtensionSession;
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    session = await launchOnPage('/news.html', { executablePath: browserPath });
    ({ ext, page, tabId } = session);
  });

  afterAll(() => session?.close());

  it('highlights exactly the sentences the corpus reports, by verdict', async () => {
    const h = await waitForHighlights(page, 3);
    await screenshot(page, 'news-highlighted');
    const all = NAMES.flatMap((n) => h[n]);
    expect(all).toHaveLength(3);
    expect(all.some((t) => t.includes('We have no indication or reason to believe'))).toBe(true);
    expect(h.conflicting).toHaveLength(1);
    expect(h.conflicting[0]).toContain('24 of the 32 member states');
    expect([...h.reworded, ...h.identical].some((t) => t.includes('hold the front line'))).toBe(true);
    for (const t of all) expect(t).not.toMatch(/\brain\b|Rovers|lentil|Subscribe|Advertisement/);
    // The page itself is untouched: no element was added around the sentences.
    expect(await page.locator('#p-number mark, #p-number span').count()).toBe(0);
  });

  it('counts the matches on the badge, coloured by the worst verdict', async () => {
    const b = await badge(ext, tabId);
    expect(b.text).toBe('3');
    expect(b.colour).toEqual([198, 40, 40, 255]);
  });

  it('shows a card with the versions when a highlight is hovered', async () => {
    const at = await pointOf(page, 'conflicting');
    expect(at).toBeDefined();
    await page.mouse.move(at!.x, at!.y);
    const card = page.locator('[data-testid=card]');
    await card.waitFor({ state: 'visible', timeout: 5000 });
    await expect.poll(() => card.innerText()).toContain('Kronen Zeitung');
    expect(await card.innerText()).toContain('24 on this page, 23 in this version');
    await screenshot(page, 'news-hover-card');
    await page.mouse.move(5, 5);
    await card.waitFor({ state: 'hidden', timeout: 5000 });
  });

  it('lists the matched sentences, versions, verdicts and diffs in the popup', async () => {
    const { popup } = await ext.openPopupFor(page);
    await popup.setViewportSize({ width: 420, height: 900 });
    const sentences = popup.locator('[data-testid=popup-sentence]');
    await sentences.first().waitFor();
    expect(await sentences.count()).toBe(3);
    expect(await popup.locator('[data-testid=popup-summary]').innerText()).toMatch(
      /^3 sentences also reported by \d outlets?; 1 conflicting/,
    );
    const conflicting = popup.locator('[data-testid=popup-sentence][data-verdict=conflicting]');
    expect(await conflicting.count()).toBe(1);
    await conflicting.locator('button').first().click();
    const versions = conflicting.locator('[data-testid=popup-version]');
    expect(await versions.count()).toBeGreaterThanOrEqual(2);
    const kronen = conflicting.locator('[data-testid=popup-version][data-article="000_fb607a1be5cd114a"]').first();
    expect(await kronen.getAttribute('data-verdict')).toBe('conflicting');
    expect(await kronen.innerText()).toContain('translated from de');
    const diff = kronen.locator('[data-testid=popup-diff]');
    expect(await diff.locator('del').allInnerTexts()).toContainEqual(expect.stringContaining('24'));
    expect(await diff.locator('ins').allInnerTexts()).toContainEqual(expect.stringContaining('23'));
    await screenshot(popup, 'popup', { fullPage: true });
    await popup.close();
  });

  it('switches highlights off and on from the popup', async () => {
    const { popup } = await ext.openPopupFor(page);
    const toggle = popup.locator('[data-testid=popup-highlights-toggle]');
    await toggle.waitFor();
    await toggle.uncheck();
    await expect
      .poll(async () =>
        NAMES.reduce(async (n, k) => (await n) + (await highlighted(page))[k].length, Promise.resolve(0)),
      )
      .toBe(0);
    await toggle.check();
    await expect
      .poll(async () => {
        const h = await highlighted(page);
        return NAMES.reduce((n, k) => n + h[k].length, 0);
      })
      .toBe(3);
    await popup.close();
  });

  it('opens the reader at the sentence, with a text-fragment link to the original', async () => {
    const { popup } = await ext.openPopupFor(page);
    const conflicting = popup.locator('[data-testid=popup-sentence][data-verdict=conflicting]');
    await conflicting.locator('button').first().click();
    const south = conflicting.locator('[data-testid=popup-version][data-article="001_a3d80e40c71e1304"]').first();
    const href = await south.locator('a', { hasText: 'View in context' }).getAttribute('href');
    expect(href).toMatch(/reader\.html\?article=001_a3d80e40c71e1304/);
    const reader = await ext.context.newPage();
    await reader.goto(href!);
    const target = reader.locator('[data-testid=reader-target]');
    await target.waitFor();
    expect(await target.innerText()).toContain('23 of the 32 member states');
    const link = await reader.locator('[data-testid=reader-original-link]').getAttribute('href');
    expect(link).toMatch(/^https:\/\/www\.southshorejournal\.org\/.+#:~:text=/);
    await screenshot(reader, 'reader');
    await reader.close();
    await popup.close();
  });

  it('answers "Check this quote" next to the selection and in the popup', async () => {
    await page.evaluate(() => {
      const p = document.getElementById('p-verbatim')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    });
    const selectionText = await page.evaluate(() => window.getSelection()!.toString());
    await dispatchCheckQuote(ext.worker, selectionText, tabId);
    const panel = page.locator('[data-testid=panel]');
    await panel.waitFor({ state: 'visible', timeout: 5000 });
    expect(await panel.innerText()).toContain('South Shore Journal');
    await screenshot(page, 'news-context-panel');
    const { popup } = await ext.openPopupFor(page);
    const selection = popup.locator('[data-testid=popup-selection]');
    await selection.waitFor();
    expect(await selection.innerText()).toContain('We have no indication');
    expect(await selection.locator('[data-testid=popup-selection-sentence]').count()).toBeGreaterThanOrEqual(1);
    // The checked selection has its story too.
    await selection.locator('[data-testid=popup-selection-tab-story]').first().click();
    await expect
      .poll(() => selection.locator('[data-testid$=-timeline-entry]').count(), { timeout: 5000 })
      .toBeGreaterThan(1);
    await screenshot(popup, 'popup-selection-story', { fullPage: true });
    await popup.close();
  });

  it('searches the corpus from the popup', async () => {
    const { popup } = await ext.openPopupFor(page);
    await popup.locator('[data-testid=popup-search-input]').fill('rutte october');
    const hit = popup.locator('[data-testid=popup-search-result]').first();
    await hit.waitFor();
    expect(await hit.innerText()).toContain('Mark Rutte');
    await popup.close();
  });

  it('logs no error in any extension console', () => {
    expect(ext.extensionErrors()).toEqual([]);
  });
});

describe.skipIf(!browserPath)('the extension on other pages', () => {
  let ext: ExtensionSession;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    ext = await launchExtension({ executablePath: browserPath });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('finds nothing on a page with no match, and says so', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/nomatch.html'));
    const { popup } = await ext.openPopupFor(page);
    const status = popup.locator('[data-testid=popup-status]');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('nothing');
    const h = await highlighted(page);
    expect(NAMES.flatMap((n) => h[n])).toEqual([]);
    expect((await badge(ext, (await ext.tabIdOf(page))!)).text).toBe('');
    await page.close();
  });

  it('checks an article inserted after load', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/late.html'));
    const h = await waitForHighlights(page, 2);
    const all = NAMES.flatMap((n) => h[n]);
    expect(all).toHaveLength(2);
    expect(all.some((t) => t.includes('Mark Rutte on October 1'))).toBe(true);
    await page.close();
  });

  it('leaves a non-article page alone until asked', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/search.html'));
    await page.waitForTimeout(1500);
    const before = await highlighted(page);
    expect(NAMES.flatMap((n) => before[n])).toEqual([]);
    const { popup } = await ext.openPopupFor(page);
    const status = popup.locator('[data-testid=popup-status]');
    await expect.poll(() => status.getAttribute('data-state')).toBe('not-article');
    await screenshot(popup, 'popup-not-article');
    await popup.locator('button', { hasText: 'Check this page anyway' }).click();
    const after = await waitForHighlights(page, 1);
    expect(NAMES.flatMap((n) => after[n]).join(' ')).toContain('Moscow launched a new large-scale offensive');
    await popup.close();
    await page.close();
  });

  it('logs no error in any extension console', () => {
    expect(ext.extensionErrors()).toEqual([]);
  });
});
