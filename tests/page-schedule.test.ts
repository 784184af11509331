// @vitest-environment happy-dom
// Re-checks of a changing page: one check at a time, one more after a change during a run,
// debounced on the page's changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRunner } from '../lib/page/runner';
import { debounce, RECHECK_MAX_WAIT_MS, RECHECK_QUIET_MS, watchChanges, type Timers } from '../lib/page/schedule';

const timers: Timers = {
  setTimeout: (handler, ms) => setTimeout(handler, ms) as unknown as number,
  clearTimeout: (id) => clearTimeout(id),
};

/** A promise and its resolve, to hold a run open. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('runner', () => {
  it('runs one check at a time', async () => {
    const gate = deferred();
    const task = vi.fn(() => gate.promise);
    const runner = createRunner(task);
    const first = runner.request();
    expect(runner.running).toBe(true);
    gate.resolve();
    await first;
    expect(task).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(runner.running).toBe(false));
  });

  it('runs once more after a run during which a check was asked (the page changed meanwhile)', async () => {
    const gates = [deferred(), deferred()];
    let runs = 0;
    const runner = createRunner(() => gates[runs++]!.promise);
    const first = runner.request();
    const again = runner.request();
    const andAgain = runner.request();
    expect(runs).toBe(1);
    gates[0]!.resolve();
    await first;
    await vi.waitFor(() => expect(runs).toBe(2));
    gates[1]!.resolve();
    await Promise.all([again, andAgain]);
    expect(runs).toBe(2);
    await vi.waitFor(() => expect(runner.running).toBe(false));
  });

  it('runs again after a failed run', async () => {
    let runs = 0;
    const runner = createRunner(async () => {
      runs++;
      if (runs === 1) throw new Error('boom');
    });
    await expect(runner.request()).rejects.toThrow('boom');
    await runner.request();
    expect(runs).toBe(2);
  });

  it('never runs two checks at once, whenever it is asked', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const runner = createRunner(async () => {
      runs++;
      most = Math.max(most, ++active);
      await new Promise((r) => setTimeout(r, 1));
      active--;
    });
    const asked: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      asked.push(runner.request());
      // Asked at every point of a run's life: before it starts, while it runs, as it ends.
      for (let j = 0; j < i % 4; j++) await Promise.resolve();
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(asked);
    expect(most).toBe(1);
    expect(runs).toBeLessThan(20);
  });
});

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires after a quiet time', () => {
    const fire = vi.fn();
    const d = debounce(fire, timers);
    d.poke();
    vi.advanceTimersByTime(RECHECK_QUIET_MS - 1);
    d.poke();
    vi.advanceTimersByTime(RECHECK_QUIET_MS - 1);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(RECHECK_MAX_WAIT_MS);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('fires at the latest after the longest wait on a page that never stops changing', () => {
    const fire = vi.fn();
    const d = debounce(fire, timers);
    for (let t = 0; t < RECHECK_MAX_WAIT_MS + 500; t += 100) {
      d.poke();
      vi.advanceTimersByTime(100);
    }
    expect(fire).toHaveBeenCalledTimes(1);
    // The changes after that first check start a new wait.
    vi.advanceTimersByTime(RECHECK_QUIET_MS);
    expect(fire).toHaveBeenCalledTimes(2);
  });

  it('fires nothing once cancelled', () => {
    const fire = vi.fn();
    const d = debounce(fire, timers);
    d.poke();
    d.cancel();
    vi.advanceTimersByTime(RECHECK_MAX_WAIT_MS);
    expect(fire).not.toHaveBeenCalled();
  });
});

describe('watchChanges', () => {
  it('reports the page’s changes, not those inside the extension’s own box', async () => {
    document.body.innerHTML = '<main><p>One.</p></main><div id="own"></div>';
    const own = document.getElementById('own')!;
    const changed = vi.fn();
    const stop = watchChanges(document.body, changed, (n) => own.contains(n));
    own.append(document.createElement('span'));
    await new Promise((r) => setTimeout(r, 0));
    expect(changed).not.toHaveBeenCalled();
    document.querySelector('main')!.append(document.createElement('p'));
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    (document.querySelector('p')!.firstChild as Text).data = 'Two.';
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(2));
    stop();
    document.querySelector('main')!.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 0));
    expect(changed).toHaveBeenCalledTimes(2);
  });
});
