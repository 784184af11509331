/**
 * Re-checks of a page that changes after load (an article loaded late, a live blog, a
 * single-page app that replaces its article): after a quiet time, or at the latest after a
 * longer wait on a page that never stops changing.
 */

/** A changed page is checked again after this quiet time ... */
export const RECHECK_QUIET_MS = 500;
/** ... or at the latest after this long, on a page that never stops changing. */
export const RECHECK_MAX_WAIT_MS = 3000;

export interface Timers {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
}

export interface Debounced {
  /** Something changed: fire after the quiet time, or the longest wait since the first change. */
  poke(): void;
  cancel(): void;
}

export function debounce(
  fire: () => void,
  timers: Timers,
  quietMs = RECHECK_QUIET_MS,
  maxWaitMs = RECHECK_MAX_WAIT_MS,
): Debounced {
  let quiet: number | undefined;
  let first: number | undefined;
  const cancel = () => {
    timers.clearTimeout(quiet);
    timers.clearTimeout(first);
    quiet = first = undefined;
  };
  const run = () => {
    cancel();
    fire();
  };
  return {
    poke() {
      timers.clearTimeout(quiet);
      quiet = timers.setTimeout(run, quietMs);
      first ??= timers.setTimeout(run, maxWaitMs);
    },
    cancel,
  };
}

/**
 * Calls `changed` when the page's text or structure changes, except changes only inside
 * `ignore` (the extension's own card and panel). Returns a function that stops watching.
 */
export function watchChanges(root: Node, changed: () => void, ignore?: (node: Node) => boolean): () => void {
  const observer = new MutationObserver((records) => {
    if (ignore && records.every((r) => ignore(r.target))) return;
    changed();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}

/** Timers that stop with the content script (WXT's `ctx.setTimeout`). */
export function contextTimers(ctx: { setTimeout(handler: () => void, timeout?: number): number }): Timers {
  return {
    setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
    clearTimeout: (id) => clearTimeout(id),
  };
}
