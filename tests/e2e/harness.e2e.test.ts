// Checks the harness itself: without these, a "no errors" assertion could pass because nothing
// was being collected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  requireChromium,
  startServer,
  type ExtensionChrome,
  type ExtensionSession,
  type TestServer,
} from './harness';

// Runs inside the extension's service worker (worker.evaluate).
declare const chrome: ExtensionChrome;

const browserPath = requireChromium();

describe('test server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('serves the pages on 127.0.0.1 with their content types', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const html = await fetch(server.url('/news.html'));
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<article');
    expect((await fetch(server.url('/news.js'))).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(server.url('/site.css'))).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers 404 for unknown paths and paths outside its folder', async () => {
    expect((await fetch(server.url('/missing.html'))).status).toBe(404);
    expect((await fetch(`${server.origin}/%2e%2e/harness.ts`)).status).toBe(404);
    expect((await fetch(`${server.origin}/..%2fharness.ts`)).status).toBe(404);
  });

  it('delays a response by ?delay=ms', async () => {
    const start = Date.now();
    expect((await fetch(server.url('/nomatch.html?delay=400'))).status).toBe(200);
    expect(Date.now() - start).toBeGreaterThanOrEqual(390);
  });
});

describe.skipIf(!browserPath)('error collection and tab ids', () => {
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

  it('records console errors and uncaught errors of pages, the popup and the service worker', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/nomatch.html'));
    await page.evaluate(() => {
      console.error('probe: page console');
      setTimeout(() => {
        throw new Error('probe: page uncaught');
      });
    });
    await ext.worker.evaluate(() => {
      console.error('probe: worker console');
      setTimeout(() => {
        throw new Error('probe: worker uncaught');
      });
      void Promise.reject(new Error('probe: worker rejection'));
    });
    const { popup } = await ext.openPopupFor(page);
    await popup.evaluate(() => console.error('probe: popup console'));
    await expect.poll(() => ext.consoleErrors.length).toBeGreaterThanOrEqual(6);

    const find = (text: string) => ext.consoleErrors.find((e) => e.includes(text));
    expect(find('probe: page console')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/nomatch\.html \[console\.error\]/);
    expect(find('probe: page uncaught')).toContain('[pageerror]');
    expect(find('probe: worker console')).toContain(`${ext.baseUrl}`);
    expect(find('probe: worker uncaught')).toBeDefined();
    expect(find('probe: worker rejection')).toBeDefined();
    expect(find('probe: popup console')).toContain(`${ext.baseUrl}popup.html`);

    const fromExtension = ext.extensionErrors().join('\n');
    expect(fromExtension).toContain('probe: worker console');
    expect(fromExtension).toContain('probe: popup console');
    expect(fromExtension).not.toContain('probe: page');
  });

  it('records failed requests', async () => {
    const page = await ext.context.newPage();
    void page.goto(server.url('/late.html?delay=5000')).catch(() => undefined);
    await page.waitForTimeout(300);
    await page.goto('about:blank');
    await expect.poll(() => ext.failedRequests.join('\n')).toContain('/late.html?delay=5000');
  });

  it('finds the tab id of each page', async () => {
    const a = await ext.context.newPage();
    await a.goto(server.url('/news.html'));
    const b = await ext.context.newPage();
    await b.goto(server.url('/search.html'));
    const idA = await ext.tabIdOf(a);
    const idB = await ext.tabIdOf(b);
    expect(idA).toBeTypeOf('number');
    expect(idB).toBeTypeOf('number');
    expect(idA).not.toBe(idB);
    await b.close();
    const alive = await ext.worker.evaluate(
      (ids) =>
        Promise.all(
          ids.map((id) =>
            chrome.tabs.get(id).then(
              () => true,
              () => false,
            ),
          ),
        ),
      [idA!, idB!],
    );
    expect(alive).toEqual([true, false]);

    const { popup, tabId } = await ext.openPopup('/news.html');
    expect(tabId).toBe(idA);
    expect(popup.url()).toBe(`${ext.baseUrl}popup.html?tab=${idA}`);
  });
});
