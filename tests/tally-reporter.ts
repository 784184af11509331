/**
 * Prints one plain closing line, "<suite>: N passed, N failed[, N skipped][, N files failed to
 * load]", after vitest's own report, so any log reader sees the count without parsing vitest's
 * layout. A test file that fails to load (a syntax or import error, a throw at the top level)
 * has no tests to count, so it is counted as a failure of its own.
 */
import type { Reporter, TestModule } from 'vitest/node';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** Test files with an error of their own (failed to load or to collect). */
  brokenFiles: number;
}

export function tally(modules: ReadonlyArray<Pick<TestModule, 'children' | 'errors' | 'state'>>): Tally {
  const t: Tally = { passed: 0, failed: 0, skipped: 0, brokenFiles: 0 };
  for (const m of modules) {
    if (m.errors().length || (m.state() === 'failed' && !m.children.size)) t.brokenFiles++;
    for (const test of m.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') t.passed++;
      else if (state === 'failed') t.failed++;
      else t.skipped++;
    }
  }
  return t;
}

export function tallyLine(suite: string, t: Tally): string {
  const failed = t.failed + t.brokenFiles;
  return (
    `${suite}: ${t.passed} passed, ${failed} failed` +
    (t.skipped ? `, ${t.skipped} skipped` : '') +
    (t.brokenFiles ? ` (${t.brokenFiles} test file${t.brokenFiles === 1 ? '' : 's'} failed to load)` : '')
  );
}

export default class TallyReporter implements Reporter {
  constructor(private readonly suite = 'tests') {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    process.stdout.write(`\n${tallyLine(this.suite, tally(modules))}\n`);
  }
}
