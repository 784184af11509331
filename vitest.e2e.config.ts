import { defineConfig } from 'vitest/config';
import TallyReporter from './tests/tally-reporter';

// End-to-end tests: a real Chromium with the built extension (see tests/e2e/harness.ts).
// Build first: `npm run corpus && npx wxt build`; then `npx vitest run --config vitest.e2e.config.ts`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the tests share the machine's CPU and the built extension.
    fileParallelism: false,
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', new TallyReporter('e2e')],
  },
});
