/**
 * Reading a test page without trusting it: code runs in a fresh isolated world of the page
 * (its DOM, but the browser's own built-ins, whatever the page replaced), and values from the
 * page's main world are copied out by the browser over the DevTools protocol, so no script of
 * the page runs while a test reads it. Also the long-task recorder the pages get before load,
 * and a plain Chromium without the extension for reference loads.
 */
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';

/** Highlight names of the extension, by verdict (lib/page/highlights.ts). */
export const VERDICTS = ['identical', 'reworded', 'conflicting'] as const;

export interface HighlightedRange {
  verdict: string;
  text: string;
  /** Tag of the nearest ancestor that must never be highlighted (form field, editable, code), or ''. */
  inside: string;
}

/** What a page looks like to a reader and to its scripts, the extension's own element left out. */
export interface Snapshot {
  title: string;
  /** `document.body.innerText` */
  text: string;
  /** `<html>` serialised, without `quote-check-ui`. */
  html: string;
  /** Each same-origin iframe's markup and text. */
  frames: string[];
  /** Each open shadow root of the page's own elements. */
  shadows: string[];
  /** Values of form fields and the markup of editable areas. */
  fields: string[];
}

/** The page's report on itself (pages/integrity.js). */
export interface PageReport {
  ready: boolean;
  settledAt: number;
  clicks: number;
  keys: number;
  inputs: number;
  errors: number;
  ownChanges: number;
  foreign: Array<{ what: string; at: number }>;
  hashAtReady: string;
  hashNow: string;
}

export class Probe {
  private world: { loaderId: string; id: number } | undefined;

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<Probe> {
    const cdp = await page.context().newCDPSession(page);
    return new Probe(page, cdp);
  }

  /** `fn(arg)` in a new isolated world of the top frame; the result is copied out as JSON. */
  async isolated<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    // One world per document of the top frame.
    if (this.world?.loaderId !== frameTree.frame.loaderId) {
      const { executionContextId } = await this.cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'quote-check-test-probe',
      });
      this.world = { loaderId: frameTree.frame.loaderId, id: executionContextId };
    }
    const res = await this.cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
      contextId: this.world.id,
      returnByValue: true,
      awaitPromise: true,
    });
    if (res.exceptionDetails)
      throw new Error(`probe failed: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    return res.result.value as T;
  }

  /** The value of an expression in the page's main world, copied out by the browser. */
  async main<T>(expression: string): Promise<T> {
    const res = await this.cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (res.exceptionDetails)
      throw new Error(
        `main-world read failed: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`,
      );
    return res.result.value as T;
  }

  /** Every range the extension highlights, with its verdict and what it is inside. */
  highlights(): Promise<HighlightedRange[]> {
    return this.isolated((verdicts: readonly string[]) => {
      const out: HighlightedRange[] = [];
      for (const verdict of verdicts) {
        const h = CSS.highlights.get(`quote-check-${verdict}`);
        for (const r of h ?? []) {
          const range = r as Range;
          const start = range.startContainer;
          const el = start instanceof Element ? start : start.parentElement;
          const guard = el?.closest('input, textarea, select, [contenteditable], pre, code');
          out.push({ verdict, text: range.toString(), inside: guard ? guard.localName : '' });
        }
      }
      return out;
    }, VERDICTS);
  }

  /** Polls until `count` ranges are highlighted (or the time is up); returns the last reading. */
  async waitForHighlights(count: number, timeoutMs = 15_000): Promise<HighlightedRange[]> {
    const end = Date.now() + timeoutMs;
    let last = await this.highlights();
    while (last.length !== count && Date.now() < end) {
      await this.page.waitForTimeout(100);
      last = await this.highlights();
    }
    return last;
  }

  /** Where to point to hover the first highlighted range of the text `containing`. */
  pointAt(containing: string): Promise<{ x: number; y: number } | undefined> {
    return this.isolated(
      ({ verdicts, containing }) => {
        for (const verdict of verdicts) {
          for (const r of CSS.highlights.get(`quote-check-${verdict}`) ?? []) {
            const range = r as Range;
            if (!range.toString().includes(containing)) continue;
            (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
            const rect = range.getClientRects()[0];
            if (rect) return { x: rect.x + Math.min(12, rect.width / 2), y: rect.y + rect.height / 2 };
          }
        }
        return undefined;
      },
      { verdicts: VERDICTS, containing },
    );
  }

  snapshot(): Promise<Snapshot> {
    return this.isolated(() => {
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      for (const el of clone.querySelectorAll('quote-check-ui')) el.remove();
      const frames: string[] = [];
      for (const f of document.querySelectorAll('iframe')) {
        const d = f.contentDocument;
        frames.push(d ? `${d.documentElement.outerHTML}\n${d.body?.innerText ?? ''}` : '(no document)');
      }
      const shadows: string[] = [];
      const fields: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        if (el.shadowRoot && el.localName !== 'quote-check-ui') shadows.push(`${el.id}: ${el.shadowRoot.innerHTML}`);
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
          fields.push(`${el.id}=${el.value}`);
        else if (el instanceof HTMLElement && el.isContentEditable && !el.parentElement?.isContentEditable)
          fields.push(`${el.id}: ${el.innerHTML}`);
      }
      for (const f of document.querySelectorAll('iframe'))
        for (const el of f.contentDocument?.querySelectorAll('input, textarea') ?? [])
          fields.push(`${f.id} ${el.id}=${(el as HTMLInputElement).value}`);
      return { title: document.title, text: document.body.innerText, html: clone.outerHTML, frames, shadows, fields };
    });
  }

  /** Whether the page's own start-up work is done (cheap: the full report hashes the page). */
  async pageReady(): Promise<boolean> {
    return (await this.main<boolean | undefined>('window.__pageState && window.__pageState.ready')) === true;
  }

  async pageReport(): Promise<PageReport> {
    return JSON.parse(await this.main<string>('window.__pageReport()')) as PageReport;
  }

  /**
   * What is painted on top at a point of the viewport: the tag of the element there, or
   * `host:<tag>` when it is inside a shadow root (hit-tested also through `pointer-events: none`).
   */
  async topAt(x: number, y: number): Promise<string> {
    const { backendNodeId } = await this.cdp.send('DOM.getNodeForLocation', {
      x: Math.round(x),
      y: Math.round(y),
      ignorePointerEventsNone: true,
    });
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId });
    const res = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration:
        'function () { const root = this.getRootNode(); const el = this.nodeType === 1 ? this : this.parentElement; ' +
        "return root && root.host ? 'host:' + root.host.localName : el ? el.localName + (el.id ? '#' + el.id : '') : ''; }",
      returnByValue: true,
    });
    return res.result.value as string;
  }

  detach(): Promise<void> {
    return this.cdp.detach().catch(() => undefined);
  }
}

/** Chromium without the extension, for reference loads of the same pages. */
export function launchPlain(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: process.env.E2E_HEADED !== '1',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Polls `check` every 100 ms until it holds; throws after `timeoutMs`. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first place two long strings differ, with some context, for a readable failure. */
export function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 80), i + 80));
  return `differ at ${i} (lengths ${a.length} and ${b.length}):\n  ${show(a)}\n  ${show(b)}`;
}
