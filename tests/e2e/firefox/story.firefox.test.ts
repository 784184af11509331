// The story of a quote in a real Firefox: the popup's Story tab on the news page and the reader's
// story of a corpus sentence (ui:get-cluster through Firefox's background page), each with the
// earliest version the sources' dates allow.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../scripts/lib/load-corpus';
import { screenshotPath, startServer, type TestServer } from '../harness';
import { launchFirefox, requireFirefox, until, type FirefoxSession } from './harness';

const browserPath = requireFirefox();

/** The timeline's entries as [article, earliest], once there are at least `min`. */
function entries(page: Page, timeline: string, min: number): Promise<Array<[string, string]>> {
  return until(`${min} timeline entries`, async () => {
    const list = await page.$$eval(`${timeline} [data-testid$=-timeline-entry]`, (els) =>
      els.map((e): [string, string] => [e.getAttribute('data-article')!, e.getAttribute('data-earliest')!]),
    );
    return list.length >= min ? list : undefined;
  });
}

describe.skipIf(!browserPath)('the story of a quote in Firefox', () => {
  let ff: FirefoxSession;
  let server: TestServer;
  let tabId: number;

  beforeAll(async () => {
    server = await startServer();
    ff = await launchFirefox({ executablePath: browserPath });
    const page = await ff.newPage();
    await page.goto(server.url('/news.html'));
    tabId = await ff.tabIdOf(page);
  }, 120_000);

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('shows the story of a matched sentence in the popup, no version known to be first', async () => {
    const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewport({ width: 420, height: 900 });
    const conflicting = '[data-testid=popup-sentence][data-verdict=conflicting]';
    await until('the conflicting sentence', async () => ((await popup.$(`${conflicting} button`)) ? true : undefined));
    await popup.click(`${conflicting} button`);
    await popup.click(`${conflicting} [data-testid=popup-tab-story]`);
    const list = await entries(popup, `${conflicting} [data-testid=popup-timeline]`, 4);
    // 000 and 001 are known only to June 2024, 002 to 27 June 2024: none is known to be first.
    expect(new Set(list.map(([a]) => a))).toEqual(
      new Set(['000_fb607a1be5cd114a', '001_a3d80e40c71e1304', '002_7b03f4becdd2075e', 'page']),
    );
    for (const [article, earliest] of list) expect(earliest).toBe(article === 'page' ? 'false' : 'true');
    await popup.screenshot({ path: screenshotPath('firefox-story-popup-light'), fullPage: true });
    await popup.close();
  });

  it('shows the reader’s sentence in its story, the 2022 version first', async () => {
    const eastern = loadCorpus().articles.find((a) => a.id === '003_ade93db7d64a4f7e')!;
    const s = eastern.sentences.find((x) =>
      eastern.text.slice(x.start, x.end).startsWith('Stoltenberg said at the conclusion of the meeting'),
    )!;
    const reader = await ff.openExtensionPage(`reader.html?article=${eastern.id}&start=${s.start}&end=${s.end}`);
    expect(await entries(reader, '[data-testid=reader-timeline]', 2)).toEqual([
      ['004_ffd2c1fc0b86dfc0', 'true'],
      ['003_ade93db7d64a4f7e', 'false'],
    ]);
    await reader.screenshot({ path: screenshotPath('firefox-story-reader-light') });
    await reader.close();
  });

  it('logs no error from the extension', () => {
    expect(ff.extensionErrors()).toEqual([]);
  });
});
