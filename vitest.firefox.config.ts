import { defineConfig } from 'vitest/config';
import TallyReporter from './tests/tally-reporter';

// End-to-end tests of the Firefox build in a real Firefox (see tests/e2e/firefox/harness.ts).
// Build first: `npm run corpus && npx wxt build -b firefox`; then
// `npx vitest run --config vitest.firefox.config.ts`.
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.firefox.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser at a time: the tests share the machine's CPU and the built extension.
    fileParallelism: false,
    reporters: ['default', new TallyReporter('firefox')],
  },
});
