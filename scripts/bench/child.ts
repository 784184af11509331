/**
 * Measurements that need a fresh process (peak memory of an index build) or a hard time limit
 * (a synchronous build that may run for minutes) run in a child Node process. The child prints
 * progress on stderr and, on stdout, `@ready` when the timed part starts and `@result <json>`
 * at the end.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Largest heap a child may grow to (MB): the 10,000-article index needs over 1 GB. */
const CHILD_HEAP_MB = 8192;

export interface ChildOutcome<T> {
  result?: T;
  /** The limit was reached and the child was stopped. */
  timedOut: boolean;
  /** Milliseconds from `@ready` (or the start) to the end or the stop. */
  elapsedMs: number;
}

export interface ChildOptions {
  /** Stop the child this many ms after it printed `@ready`. */
  limitMs?: number;
}

/** Runs `script` (a path under scripts/bench) with one JSON argument. */
export function runChild<T>(script: string, arg: unknown, opts: ChildOptions = {}): Promise<ChildOutcome<T>> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--expose-gc',
      `--max-old-space-size=${CHILD_HEAP_MB}`,
      resolve(ROOT, 'scripts', 'bench', script),
      JSON.stringify(arg),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((ok, fail) => {
    let started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    let result: T | undefined;
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line === '@ready') {
          started = performance.now();
          if (opts.limitMs !== undefined) {
            timer = setTimeout(() => {
              timedOut = true;
              child.kill('SIGKILL');
            }, opts.limitMs);
          }
        } else if (line.startsWith('@result ')) {
          result = JSON.parse(line.slice('@result '.length)) as T;
        }
      }
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const elapsedMs = performance.now() - started;
      // A child that sends results step by step keeps the steps it finished.
      if (timedOut) ok({ timedOut, elapsedMs, result });
      else if (code !== 0 || result === undefined)
        fail(new Error(`bench child ${script} failed (${signal ?? `exit code ${code}`})`));
      else ok({ result, timedOut, elapsedMs });
    });
  });
}

/** In a child: the argument the parent passed. */
export function childArg<T>(): T {
  const raw = process.argv[2];
  if (!raw) throw new Error('this script is started by scripts/bench.ts');
  return JSON.parse(raw) as T;
}

/** In a child: the timed part starts now. */
export function signalReady(): void {
  process.stdout.write('@ready\n');
}

/** In a child: hand the result back. */
export function sendResult(result: unknown): void {
  process.stdout.write(`@result ${JSON.stringify(result)}\n`);
}

/** In a child: a progress line for the person watching. */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
