// The Firefox harness's reading of Firefox's output (no browser needed).
import { describe, expect, it } from 'vitest';
import { isExtensionError } from './harness';

describe('isExtensionError', () => {
  it("counts uncaught errors in the extension's files and every console error", () => {
    expect(
      isExtensionError(
        'JavaScript error: moz-extension://5c1e3f0a-9d2b-4c7e-8a61-0f4b2d9e7c35/background.js, line 6: Error: boom',
      ),
    ).toBe(true);
    expect(isExtensionError('console.error: "boom"')).toBe(true);
    expect(isExtensionError('console.error: (new TypeError("x is undefined"))')).toBe(true);
  });

  it("leaves out Firefox's own files, page errors and other output", () => {
    expect(isExtensionError('JavaScript error: resource:///modules/backup/BackupService.sys.mjs, line 1: Error')).toBe(
      false,
    );
    expect(isExtensionError('JavaScript error: chrome://browser/content/browser.js, line 1: Error')).toBe(false);
    expect(isExtensionError('JavaScript error: http://127.0.0.1:4000/news.html, line 1: Error: the page')).toBe(false);
    expect(isExtensionError('console.warn: "not an error"')).toBe(false);
    expect(isExtensionError('')).toBe(false);
  });
});
