// The Firefox build in a real Firefox: highlights, badge, hover card, popup, highlights off and
// on, "Check this quote" through Firefox's own context menu, the reader, a page without
// matches, a German page matched across languages, an article inserted late, a non-article page checked on request, the dark colour scheme, axe-core on the popup, card and panel, and no error from the
// extension. One browser for the whole file.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_SOURCE, describeViolations, runAxe } from '../axe';
import { screenshotPath, startServer, type TestServer } from '../harness';
import { highlightCount, highlightedIn, pointOfHighlight, VERDICT_NAMES, type Highlighted } from '../highlights';
import { launchFirefox, requireFirefox, until, type FirefoxSession } from './harness';

const browserPath = requireFirefox();

const NAMES = VERDICT_NAMES;

/** The text of every highlighted range on the page, by verdict (read in the page's own world). */
const highlighted = (page: Page): Promise<Highlighted> => page.evaluate(highlightedIn, NAMES);

const total = highlightCount;

async function waitForHighlights(page: Page, count: number): Promise<Highlighted> {
  return until(`${count} highlights`, async () => {
    const h = await highlighted(page);
    return total(h) === count ? h : undefined;
  });
}

/** The inner text of the element with this test id in the extension's shadow root, if shown. */
function overlayText(page: Page, testId: string): Promise<string | undefined> {
  return page.evaluate((id: string) => {
    const host = document.querySelector('quote-check-ui');
    const el = host?.shadowRoot?.querySelector<HTMLElement>(`[data-testid=${id}]`);
    return el && el.getClientRects().length ? el.innerText : undefined;
  }, testId);
}

/** Where on screen the first range of a highlight is, to hover it. */
const pointOf = (page: Page, verdict: string) => page.evaluate(pointOfHighlight, verdict);

/** axe-core's violations in the page, or in the content under a shadow-piercing selector path. */
async function axeViolations(page: Page, within?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const outcome = await page.evaluate(runAxe, within ?? null);
  expect(outcome.passes).toBeGreaterThan(5);
  return describeViolations(outcome);
}

/** The inner text of each element matching `selector` in the page. */
function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).innerText));
}

/**
 * Selects the paragraph `#p-verbatim`, right-clicks it, and chooses "Check this quote" in
 * Firefox's own page context menu.
 */
async function checkQuoteFromMenu(ff: FirefoxSession, page: Page): Promise<void> {
  await page.bringToFront();
  const at = await page.evaluate(() => {
    const p = document.getElementById('p-verbatim')!;
    p.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(p);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    const r = range.getClientRects()[0]!;
    return { x: r.x + 20, y: r.y + r.height / 2 };
  });
  // A real right-click opens Firefox's page context menu, with the extension's item in it.
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await until('the context menu', async () =>
    (await ff.contextMenuLabels()).includes('Check this quote') ? true : undefined,
  );
  await ff.clickMenuItem('Check this quote');
}

describe.skipIf(!browserPath)('the Firefox build in Firefox', () => {
  let ff: FirefoxSession;
  let server: TestServer;
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    server = await startServer();
    ff = await launchFirefox({ executablePath: browserPath });
    page = await ff.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(server.url('/news.html'));
    tabId = await ff.tabIdOf(page);
  }, 120_000);

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('highlights exactly the sentences the corpus reports, by verdict', async () => {
    const h = await waitForHighlights(page, 3);
    const all = NAMES.flatMap((n) => h[n]);
    expect(all.some((t) => t.includes('We have no indication or reason to believe'))).toBe(true);
    expect(h.conflicting).toHaveLength(1);
    expect(h.conflicting[0]).toContain('24 of the 32 member states');
    expect([...h.reworded, ...h.identical].some((t) => t.includes('hold the front line'))).toBe(true);
    for (const t of all) expect(t).not.toMatch(/\brain\b|Rovers|lentil|Subscribe|Advertisement/);
    // The page itself is untouched: no element was added around the sentences.
    expect(await page.$$eval('#p-number mark, #p-number span', (els) => els.length)).toBe(0);
  });

  it('counts the matches on the toolbar badge, coloured by the worst verdict', async () => {
    expect(await ff.badgeText(tabId)).toBe('3');
    const colour = await ff.inExtension(async (id: number) => {
      const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
      return (api.action ?? api.browserAction).getBadgeBackgroundColor({ tabId: id });
    }, tabId);
    expect(colour).toEqual([198, 40, 40, 255]);
  });

  it('shows a card with the versions when a highlight is hovered', async () => {
    const at = await pointOf(page, 'conflicting');
    expect(at).toBeDefined();
    await page.mouse.move(at!.x, at!.y);
    const card = await until('the card', () => overlayText(page, 'card'), 10_000);
    expect(card).toContain('24 on this page, 23 in this version');
    expect(
      await until('the outlet in the card', async () => {
        const t = await overlayText(page, 'card');
        return t?.includes('Kronen Zeitung') ? t : undefined;
      }),
    ).toBeDefined();
    await page.screenshot({ path: screenshotPath('firefox-news-hover-card-light') });
    await page.mouse.move(5, 5);
    await until('the card to close', async () => ((await overlayText(page, 'card')) === undefined ? true : undefined));
  });

  it('opens the reader from the card\'s "View in context" (asked of the background)', async () => {
    const at = await pointOf(page, 'conflicting');
    await page.mouse.move(at!.x, at!.y);
    await until('the card', () => overlayText(page, 'card'), 10_000);
    const link = await until('the link in the card', () =>
      page.evaluate(() => {
        const root = document.querySelector('quote-check-ui')?.shadowRoot;
        const a = root?.querySelector('[data-testid=card] a.qc-context-link');
        const r = a?.getBoundingClientRect();
        return r && r.width ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : undefined;
      }),
    );
    // Over the card (which keeps it open), then a real click on the link.
    await page.mouse.move(link.x, link.y, { steps: 5 });
    await page.mouse.click(link.x, link.y);
    const readerTab = await until('a reader tab', () =>
      ff.inExtension(async () => {
        const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
        const tabs = await api.tabs.query({});
        return tabs.find((t) => t.url?.includes('/reader.html?article='))?.id;
      }, null),
    );
    await ff.inExtension(async (id: number) => {
      const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
      await api.tabs.remove(id);
    }, readerTab);
    await page.bringToFront();
    await page.mouse.move(5, 5);
    await until('the card to close', async () => ((await overlayText(page, 'card')) === undefined ? true : undefined));
  });

  it('lists the matched sentences, versions, verdicts and diffs in the popup', async () => {
    const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewport({ width: 420, height: 900 });
    const sentences = await until('the popup sentences', async () => {
      const t = await texts(popup, '[data-testid=popup-sentence]');
      return t.length ? t : undefined;
    });
    expect(sentences).toHaveLength(3);
    const [summary] = await texts(popup, '[data-testid=popup-summary]');
    expect(summary).toMatch(/^3 sentences also reported by \d outlets?; 1 conflicting/);
    const conflicting = '[data-testid=popup-sentence][data-verdict=conflicting]';
    await popup.click(`${conflicting} button`);
    const kronen = `${conflicting} [data-testid=popup-version][data-article="000_fb607a1be5cd114a"]`;
    await popup.waitForSelector(kronen);
    expect((await texts(popup, `${conflicting} [data-testid=popup-version]`)).length).toBeGreaterThanOrEqual(2);
    expect(await popup.$eval(kronen, (e) => e.getAttribute('data-verdict'))).toBe('conflicting');
    expect((await texts(popup, kronen))[0]).toContain('translated from de');
    expect(await texts(popup, `${kronen} [data-testid=popup-diff] del`)).toContainEqual(expect.stringContaining('24'));
    expect(await texts(popup, `${kronen} [data-testid=popup-diff] ins`)).toContainEqual(expect.stringContaining('23'));
    await popup.screenshot({ path: screenshotPath('firefox-popup-light'), fullPage: true });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('switches highlights off and on from the popup', async () => {
    const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
    const toggle = '[data-testid=popup-highlights-toggle]';
    await popup.waitForSelector(toggle);
    await popup.click(toggle);
    await until('no highlight', async () => (total(await highlighted(page)) === 0 ? true : undefined));
    await popup.click(toggle);
    await waitForHighlights(page, 3);
    await popup.close();
  });

  it('answers "Check this quote" from the context menu of a selection', async () => {
    await checkQuoteFromMenu(ff, page);
    const panel = await until('the panel', () => overlayText(page, 'panel'), 10_000);
    expect(panel).toContain('We have no indication');
    expect(panel).toContain('South Shore Journal');
    await page.screenshot({ path: screenshotPath('firefox-news-context-panel-light') });

    const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
    const selection = await until(
      'the selection in the popup',
      async () => (await texts(popup, '[data-testid=popup-selection]'))[0],
    );
    expect(selection).toContain('We have no indication');
    expect((await texts(popup, '[data-testid=popup-selection-sentence]')).length).toBeGreaterThanOrEqual(1);
    await popup.close();
  });

  it('opens the reader at the sentence', async () => {
    const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
    const conflicting = '[data-testid=popup-sentence][data-verdict=conflicting]';
    await popup.waitForSelector(`${conflicting} button`);
    await popup.click(`${conflicting} button`);
    const link = `${conflicting} [data-testid=popup-version][data-article="001_a3d80e40c71e1304"] a.qc-context-link`;
    await popup.waitForSelector(link);
    const href = await popup.$eval(link, (a) => (a as HTMLAnchorElement).href);
    expect(href).toMatch(/^moz-extension:\/\/[^/]+\/reader\.html\?article=001_a3d80e40c71e1304/);
    await popup.close();
    const reader = await ff.openExtensionPage(href.slice(ff.baseUrl.length));
    const target = await until(
      'the reader target',
      async () => (await texts(reader, '[data-testid=reader-target]'))[0],
    );
    expect(target).toContain('23 of the 32 member states');
    await reader.close();
  });

  it('finds nothing on a page with no match, and says so', async () => {
    const other = await ff.newPage();
    await other.goto(server.url('/nomatch.html'));
    const otherTab = await ff.tabIdOf(other);
    const popup = await ff.openExtensionPage(`popup.html?tab=${otherTab}`);
    await until('the nothing state', () =>
      popup.evaluate(() =>
        document.querySelector('[data-testid=popup-status]')?.getAttribute('data-state') === 'nothing'
          ? true
          : undefined,
      ),
    );
    expect(total(await highlighted(other))).toBe(0);
    expect(await ff.badgeText(otherTab)).toBe('');
    await popup.close();
    await other.close();
  });

  it('highlights a German page across languages, and its card names the English versions', async () => {
    const german = await ff.newPage();
    await german.setViewport({ width: 1200, height: 900 });
    await german.goto(server.url('/german.html'));
    const h = await waitForHighlights(german, 2);
    expect(h.conflicting).toHaveLength(1);
    expect(h.conflicting[0]).toContain('24 der 32 Mitgliedsländer');
    const at = await pointOf(german, 'conflicting');
    expect(at).toBeDefined();
    await german.mouse.move(at!.x, at!.y);
    const card = await until(
      'the card across languages',
      async () => {
        const t = await overlayText(german, 'card');
        return t?.includes('Across languages') ? t : undefined;
      },
      10_000,
    );
    expect(card).toContain('the page is in German, this version in English');
    expect(card).toContain('24 on this page, 23 in this version');
    expect(card).toMatch(/Kronen Zeitung|South Shore Journal/);
    await german.screenshot({ path: screenshotPath('firefox-german-card') });
    await german.close();
  });

  it('checks an article inserted after load', async () => {
    const late = await ff.newPage();
    await late.goto(server.url('/late.html'));
    const h = await waitForHighlights(late, 2);
    expect(NAMES.flatMap((n) => h[n]).some((t) => t.includes('Mark Rutte on October 1'))).toBe(true);
    await late.close();
  });

  it('leaves a non-article page alone until asked from the popup', async () => {
    const search = await ff.newPage();
    await search.goto(server.url('/search.html'));
    const searchTab = await ff.tabIdOf(search);
    const popup = await ff.openExtensionPage(`popup.html?tab=${searchTab}`);
    const state = () =>
      popup.evaluate(() => document.querySelector('[data-testid=popup-status]')?.getAttribute('data-state'));
    await until('the not-article state', async () => ((await state()) === 'not-article' ? true : undefined));
    expect(total(await highlighted(search))).toBe(0);
    await popup.evaluate(() =>
      [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Check this page anyway'))!.click(),
    );
    const h = await waitForHighlights(search, 1);
    expect(NAMES.flatMap((n) => h[n]).join(' ')).toContain('Moscow launched a new large-scale offensive');
    await popup.close();
    await search.close();
  });

  it('follows the dark colour scheme in the popup, the card and the panel, with no axe violation', async () => {
    await ff.setColorScheme('dark');
    try {
      const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
      await popup.setViewport({ width: 420, height: 900 });
      await popup.waitForSelector('[data-testid=popup-sentence]');
      expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(28, 29, 33)');
      await popup.screenshot({ path: screenshotPath('firefox-popup-dark'), fullPage: true });
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();

      await page.bringToFront();
      const at = await pointOf(page, 'conflicting');
      await page.mouse.move(at!.x, at!.y);
      await until('the card', () => overlayText(page, 'card'), 10_000);
      const cardBackground = await page.evaluate(() => {
        const card = document.querySelector('quote-check-ui')!.shadowRoot!.querySelector('[data-testid=card]')!;
        return getComputedStyle(card).backgroundColor;
      });
      expect(cardBackground).toBe('rgb(28, 29, 33)');
      await page.screenshot({ path: screenshotPath('firefox-news-hover-card-dark') });
      expect(await axeViolations(page, ['quote-check-ui', '[data-testid=card]'])).toEqual([]);
      await page.mouse.move(5, 5);
      await until('the card to close', async () =>
        (await overlayText(page, 'card')) === undefined ? true : undefined,
      );

      await checkQuoteFromMenu(ff, page);
      await until('the panel', () => overlayText(page, 'panel'), 10_000);
      await page.screenshot({ path: screenshotPath('firefox-news-context-panel-dark') });
      expect(await axeViolations(page, ['quote-check-ui', '[data-testid=panel]'])).toEqual([]);
    } finally {
      await ff.setColorScheme('light');
    }
  });

  it('logs no error from the extension (background, content script or pages)', () => {
    expect(ff.extensionErrors()).toEqual([]);
  });
});
