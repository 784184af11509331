/** After DOMContentLoaded and a moment of idle time, as `document_idle` would run. */
export async function documentReady(doc: Document = document, win: Window = window): Promise<void> {
  if (doc.readyState === 'loading') {
    await new Promise<void>((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
  }
  await new Promise<void>((resolve) =>
    typeof win.requestIdleCallback === 'function'
      ? win.requestIdleCallback(() => resolve(), { timeout: 300 })
      : win.setTimeout(() => resolve(), 0),
  );
}
