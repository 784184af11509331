/**
 * Prints one plain closing line, "<suite>: N passed, N failed[, N skipped]", after vitest's own
 * report, so any log reader sees the count without parsing vitest's layout.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class TallyReporter implements Reporter {
  constructor(private readonly suite = 'tests') {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    process.stdout.write(
      `\n${this.suite}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}
