// A page in German: its sentence that reports a corpus statement is highlighted, and the card
// says which English versions report it, across languages, with the number that differs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchOnPage, requireChromium, screenshot, type PageSession } from './harness';
import { highlightedIn, pointOfHighlight, VERDICT_NAMES } from './highlights';

const browserPath = requireChromium();

const highlighted = (page: Page) => page.evaluate(highlightedIn, VERDICT_NAMES);

describe.skipIf(!browserPath)('the extension on a German page', () => {
  let session: PageSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchOnPage('/german.html', { executablePath: browserPath });
    ({ page } = session);
  });

  afterAll(() => session?.close());

  it('highlights the German sentences that report a corpus statement, and nothing else', async () => {
    // The number sentence (24 where the corpus says 23) and the headline that sums it up
    // ("more states reach the alliance's spending target"), as the check command reads the page.
    await expect.poll(async () => Object.values(await highlighted(page)).flat().length, { timeout: 15_000 }).toBe(2);
    const h = await highlighted(page);
    expect(h.conflicting).toHaveLength(1);
    expect(h.conflicting[0]).toContain('24 der 32 Mitgliedsländer');
    expect(h.reworded).toEqual(['Mehr Staaten erreichen das Ausgabenziel der Allianz']);
    for (const t of Object.values(h).flat()) expect(t).not.toMatch(/Wetter|Verteidigungsminister|Herbst/);
  });

  it('shows on the card the English versions, across languages, with the number that differs', async () => {
    const at = await page.evaluate(pointOfHighlight, 'conflicting');
    expect(at).toBeDefined();
    await page.mouse.move(at!.x, at!.y);
    const card = page.locator('[data-testid=card]');
    await card.waitFor({ state: 'visible', timeout: 5000 });
    await expect.poll(() => card.innerText()).toContain('Across languages');
    const text = await card.innerText();
    expect(text).toContain('the page is in German, this version in English');
    expect(text).toMatch(/24 on this page, 23 in this version/);
    expect(text).toMatch(/23 of the 32 member/);
    // No word diff pretends the two languages can be compared word by word.
    expect(await card.locator('[data-testid=card-diff]').count()).toBe(0);
    await screenshot(page, 'german-card');
  });
});
