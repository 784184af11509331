// Input that must not become code: a page whose sentences carry HTML and script payloads (each
// of which, if it ever ran, would add one to a counter) is checked; the payloads reach the hover
// card, the "Check this quote" panel, the popup, the search box and the reader page, and every
// surface must show them as text: the counters stay at zero, no element or event-handler
// attribute is created from them, and each payload can be read, character for character.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloadPage, servePages } from './generated-pages';
import {
  launchExtension,
  requireChromium,
  type ExtensionChrome,
  type ExtensionSession,
  type TestServer,
  dispatchCheckQuote,
} from './harness';
import { MAX_TEXT } from '../../lib/protocol';
import { PAYLOADS } from './payloads';
import { Probe } from './probe';

// Runs inside the extension's service worker (worker.evaluate).
declare const chrome: ExtensionChrome;

const browserPath = requireChromium();

/** In the extension's own pages: the counter the payloads would increment, and CSP reports. */
function installCounters(): void {
  if (location.protocol !== 'chrome-extension:') return;
  const w = window as unknown as { __xss: number; __cspViolations: string[] };
  w.__xss = 0;
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective}`));
}

/**
 * Elements and attributes a payload could have produced inside `root`, if any: tags no surface
 * of the extension uses, `on*` attributes, script-bearing URLs, and links that lead anywhere but
 * the reader page or a web address.
 */
function foreignMarkup(root: ParentNode & Node): string[] {
  const tags = new Set(
    (
      'script img svg iframe object embed video audio source math form base meta link details marquee template ' +
      'textarea select style noscript frame frameset x body foreignobject animate mtext'
    ).split(' '),
  );
  const bad: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName.toLowerCase();
    // The popup's own logo: the extension's icon (its other attributes are still checked).
    const logo = tag === 'img' && el.classList.contains('qc-logo') && el.getAttribute('src') === '/icon/32.png';
    if ((tags.has(tag) && !logo) || (tag === 'input' && !el.hasAttribute('data-testid'))) bad.push(`<${tag}>`);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad.push(`${tag}[${a.name}]`);
      if (/^(src|srcdoc|data|action|formaction|poster|background)$/i.test(a.name) && !(logo && a.name === 'src'))
        bad.push(`${tag}[${a.name}]`);
      if (/^\s*(javascript|vbscript|data):/i.test(a.value)) bad.push(`${tag}[${a.name}=${a.value}]`);
    }
  }
  for (const a of root.querySelectorAll('a[href]')) {
    const href = (a as HTMLAnchorElement).href;
    // The extension's reader (a sentence in context) and library page, or a web address.
    if (!/^chrome-extension:\/\/[a-p]{32}\/(reader\.html\?|library\.html$)|^https?:\/\//.test(href))
      bad.push(`a[href=${href}]`);
  }
  return bad;
}

/** The payloads that `text` does not contain, character for character. */
const missing = (text: string, payloads: readonly string[] = PAYLOADS) => payloads.filter((p) => !text.includes(p));

describe.skipIf(!browserPath)('payloads in the page stay text everywhere', () => {
  let ext: ExtensionSession;
  let server: TestServer;
  let page: Page;
  let probe: Probe;
  let tabId: number;

  const pageCounter = () => probe.main<number>('window.__xss');
  async function extensionPageCounters(p: Page) {
    return p.evaluate(() => {
      const w = window as unknown as { __xss: number; __cspViolations: string[] };
      return { xss: w.__xss, csp: w.__cspViolations };
    });
  }

  beforeAll(async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    server = await servePages({ 'payloads.html': payloadPage(PAYLOADS) });
    ext = await launchExtension({ executablePath: browserPath });
    await ext.context.addInitScript(installCounters);
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    probe = await Probe.attach(page);
    await page.goto(server.url('/payloads.html'));
    tabId = (await ext.tabIdOf(page))!;
    // One highlight per payload: each payload sits inside a corpus sentence.
    expect(await probe.waitForHighlights(PAYLOADS.length)).toHaveLength(PAYLOADS.length);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('puts every payload into the page text unchanged, and nothing runs on load', async () => {
    expect(missing(await probe.isolated(() => document.body.innerText))).toEqual([]);
    expect(await pageCounter()).toBe(0);
  });

  it('shows them as text in the hover card', async () => {
    // A real hover first, then every matched sentence's card in turn (as the popup opens them).
    const at = await probe.pointAt('Stoltenberg will hand over');
    await page.mouse.move(at!.x, at!.y);
    const card = page.locator('[data-testid=card]');
    await card.waitFor({ state: 'visible', timeout: 5000 });
    let seen = '';
    for (let id = 0; id < 400 && missing(seen).length; id++) {
      const ok = await ext.worker.evaluate(
        async ({ tab, id }) => {
          const reply: unknown = await chrome.tabs.sendMessage(tab, { type: 'content:reveal', id });
          return (reply as { ok?: boolean } | undefined)?.ok === true;
        },
        { tab: tabId, id },
      );
      if (!ok) continue;
      await card.waitFor({ state: 'visible' });
      seen += `\n${await card.innerText()}`;
      expect(await card.evaluate(foreignMarkup)).toEqual([]);
    }
    expect(missing(seen)).toEqual([]);
    await page.mouse.move(3, 3);
    expect(await pageCounter()).toBe(0);
  });

  /** Selects the paragraphs of payloads `from` to `to` and asks "Check this quote". */
  async function checkQuote(from: number, to: number): Promise<string> {
    const selected = await probe.isolated(
      ({ from, to }) => {
        const range = document.createRange();
        range.setStartBefore(document.getElementById(`x${from}`)!);
        range.setEndAfter(document.getElementById(`x${to}`)!);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return sel.toString();
      },
      { from, to },
    );
    await dispatchCheckQuote(ext.worker, selected, tabId);
    return selected;
  }

  it('shows them as text in the "Check this quote" panel', async () => {
    const panel = page.locator('[data-testid=panel]');
    const half = Math.ceil(PAYLOADS.length / 2);
    for (const [from, to] of [
      [0, half - 1],
      [half, PAYLOADS.length - 1],
    ] as const) {
      const payloads = PAYLOADS.slice(from, to + 1);
      expect(missing(await checkQuote(from, to), payloads)).toEqual([]);
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
      await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain(payloads.at(-1));
      // Every sentence of the selection is listed, readable; the matched ones with their versions.
      expect(missing(await panel.innerText(), payloads)).toEqual([]);
      expect(await panel.locator('[data-testid=panel-selection-sentence]').count()).toBe(payloads.length);
      expect(await panel.evaluate(foreignMarkup)).toEqual([]);
      expect(await pageCounter()).toBe(0);
    }
  });

  it('answers a selection longer than a message may carry, up to that length', async () => {
    const selected = await checkQuote(0, PAYLOADS.length - 1);
    expect(selected.length).toBeGreaterThan(MAX_TEXT);
    const panel = page.locator('[data-testid=panel]');
    const shown = PAYLOADS.filter((p) => selected.slice(0, MAX_TEXT).includes(p));
    expect(shown.length).toBeGreaterThan(PAYLOADS.length / 2);
    await expect.poll(async () => missing(await panel.innerText(), shown), { timeout: 10_000 }).toEqual([]);
    expect(await panel.evaluate(foreignMarkup)).toEqual([]);
    // The popup shows the second half's check again for the next test.
    await checkQuote(Math.ceil(PAYLOADS.length / 2), PAYLOADS.length - 1);
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain(PAYLOADS.at(-1));
  });

  it('shows them as text in the popup: the checked selection, the matches and their diffs', async () => {
    const { popup } = await ext.openPopupFor(page);
    await popup.setViewportSize({ width: 420, height: 900 });
    const sentences = popup.locator('[data-testid=popup-sentence]');
    await expect.poll(() => sentences.count(), { timeout: 10_000 }).toBe(PAYLOADS.length);
    await popup.locator('[data-testid=popup-selection]').waitFor();
    // The page's sentences, visible in the list of matches.
    expect(missing(await popup.locator('main').innerText())).toEqual([]);
    // The diffs against each version hold the payload's words (only on the page).
    const diffs = await popup.locator('[data-testid=popup-diff]').evaluateAll((els) => els.map((e) => e.textContent));
    expect(diffs.join('\n')).toContain('onerror=window.__xss++');
    // The selection as checked (the last one: the second half of the payloads).
    const lastChecked = PAYLOADS.slice(Math.ceil(PAYLOADS.length / 2));
    expect(missing(await popup.locator('[data-testid=popup-selection]').innerText(), lastChecked)).toEqual([]);
    // A payload typed into the search box.
    const search = popup.locator('[data-testid=popup-search-input]');
    for (const p of PAYLOADS.slice(0, 3)) {
      await search.fill(p.slice(0, 200));
      await popup
        .locator('.qc-search-status')
        .getByText(/found|No sentence/)
        .waitFor();
    }
    expect(await popup.locator('#app').evaluate((el) => el.querySelectorAll('*').length)).toBeGreaterThan(100);
    expect(await popup.locator('#app').evaluate(foreignMarkup)).toEqual([]);
    expect(await extensionPageCounters(popup)).toEqual({ xss: 0, csp: [] });
    await popup.close();
  });

  it('shows them as text in the reader page', async () => {
    const reader = await ext.context.newPage();
    for (const p of PAYLOADS) {
      const url = `${ext.baseUrl}reader.html?article=${encodeURIComponent(p)}&start=${encodeURIComponent(p)}&end=1`;
      await reader.goto(url);
      const status = reader.locator('[data-testid=reader-status][data-state=error]');
      await status.waitFor();
      expect(await status.innerText()).toContain(`no article ${p} in the corpus`);
      expect(await reader.locator('#app').evaluate(foreignMarkup)).toEqual([]);
      expect(await extensionPageCounters(reader)).toEqual({ xss: 0, csp: [] });
    }
    await reader.close();
  });

  it('ran nothing anywhere and logged no error', async () => {
    expect(await pageCounter()).toBe(0);
    expect(ext.extensionErrors()).toEqual([]);
    expect(ext.consoleErrors).toEqual([]);
  });
});
