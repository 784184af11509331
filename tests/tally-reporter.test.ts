// The closing tally counts a test file that failed to load as a failure.
import { describe, expect, it } from 'vitest';
import { tally, tallyLine } from './tally-reporter';

type States = Array<'passed' | 'failed' | 'skipped'>;
function moduleOf(states: States, errors: unknown[] = [], state = 'passed') {
  const tests = states.map((s) => ({ result: () => ({ state: s }) }));
  return {
    children: { size: tests.length, allTests: () => tests.values() },
    errors: () => errors,
    state: () => state,
  } as unknown as Parameters<typeof tally>[0][number];
}

describe('tally', () => {
  it('counts tests by state', () => {
    const t = tally([moduleOf(['passed', 'passed', 'failed']), moduleOf(['skipped'])]);
    expect(t).toEqual({ passed: 2, failed: 1, skipped: 1, brokenFiles: 0 });
    expect(tallyLine('unit', t)).toBe('unit: 2 passed, 1 failed, 1 skipped');
  });

  it('counts a file that failed to load as a failure', () => {
    const broken = moduleOf([], [{ message: 'SyntaxError' }], 'failed');
    const t = tally([moduleOf(['passed']), broken]);
    expect(t.brokenFiles).toBe(1);
    expect(tallyLine('unit', t)).toBe('unit: 1 passed, 1 failed (1 test file failed to load)');
  });

  it('counts a failed file with no tests and no error message as broken too', () => {
    expect(tally([moduleOf([], [], 'failed')]).brokenFiles).toBe(1);
  });
});
