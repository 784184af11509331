import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  requireChromium,
  screenshot,
  startServer,
  type ExtensionChrome,
  type ExtensionSession,
  type TestServer,
} from './harness';

// Runs inside the extension's service worker (worker.evaluate).
declare const chrome: ExtensionChrome;

const browserPath = requireChromium();

describe.skipIf(!browserPath)('extension smoke test', () => {
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

  it('runs its service worker', () => {
    expect(ext.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\//);
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('has the manifest of the build', async () => {
    expect(await ext.worker.evaluate(() => chrome.runtime.getManifest().name)).toBe('Quote Check');
  });

  it('registers the context menu item', async () => {
    // update() rejects for an id that does not exist.
    await expect(ext.worker.evaluate(() => chrome.contextMenus.update('check-quote', {}))).resolves.not.toThrow();
  });

  it('opens a news page without errors', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/news.html'));
    expect(await page.locator('h1').count()).toBe(1);
    await page.waitForTimeout(2000);
    expect(
      await page.evaluate(() => (window as unknown as { __pageState: { ready: boolean } }).__pageState.ready),
    ).toBe(true);
    await screenshot(page, 'smoke-news');
    expect(ext.extensionErrors()).toEqual([]);
    expect(ext.consoleErrors).toEqual([]);
    expect(ext.failedRequests).toEqual([]);
  });
});
