import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import TallyReporter from './tests/tally-reporter';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // The end-to-end suite needs the built extension and a browser: vitest.e2e.config.ts.
    exclude: [...configDefaults.exclude, 'tests/e2e/**'],
    // Some tests start the command-line tools in a child process: seconds on a busy machine.
    testTimeout: 30_000,
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', new TallyReporter('unit')],
  },
});
