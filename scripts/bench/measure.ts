/** Statistics, timing and size helpers: every figure is a median with its min and max. */
import { gzipSync } from 'node:zlib';

export interface Stat {
  median: number;
  min: number;
  max: number;
  /** How many runs (or samples) the figure is over. */
  n: number;
}

export function stat(values: readonly number[]): Stat {
  if (!values.length) throw new Error('no values to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, n: sorted.length };
}

/** The same statistic in other units (ms -> µs per sentence, say). */
export function scale(s: Stat, factor: number): Stat {
  return { median: s.median * factor, min: s.min * factor, max: s.max * factor, n: s.n };
}

/** Ratio of two medians, with the extremes crossed (min / max .. max / min). */
export function ratio(a: Stat, b: Stat): Stat {
  return { median: a.median / b.median, min: a.min / b.max, max: a.max / b.min, n: Math.min(a.n, b.n) };
}

/** Milliseconds one call takes. */
export function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export interface RunPolicy {
  /** Runs wanted. */
  runs: number;
  /** Stop early (after at least one run) when the next run would end past this many ms in all. */
  budgetMs: number;
}

/** Times `fn` up to `policy.runs` times, fewer when the budget would be exceeded. */
export function timeRuns(fn: () => void, policy: RunPolicy): number[] {
  const times: number[] = [];
  let total = 0;
  while (times.length < policy.runs) {
    const last = time(fn);
    times.push(last);
    total += last;
    if (total + last > policy.budgetMs) break;
  }
  return times;
}

/** Frees what can be freed before a measurement, when node runs with --expose-gc. */
export function collect(): void {
  const g = globalThis as { gc?: () => void };
  g.gc?.();
  g.gc?.();
}

export interface Bytes {
  raw: number;
  gzip: number;
}

export function bytesOf(data: string | Uint8Array): Bytes {
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  return { raw: buf.length, gzip: gzipSync(buf).length };
}

export function addBytes(items: readonly Bytes[]): Bytes {
  return items.reduce((t, b) => ({ raw: t.raw + b.raw, gzip: t.gzip + b.gzip }), { raw: 0, gzip: 0 });
}
