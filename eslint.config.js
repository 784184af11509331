// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'generated/',
      'bench/results.json',
      'test-results/',
      'screenshots/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // core/ is the one engine for the content script, the popup, the command line and the
    // tests: it must run in Node as well as in the browser.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', '#imports', '@wxt-dev/*'], message: 'core/ must not import WXT.' },
            { group: ['webextension-polyfill', 'wxt/browser'], message: 'core/ must not import browser APIs.' },
            { group: ['preact', 'preact/*', 'node:*', 'fs', 'path'], message: 'core/ is pure: no UI or Node imports.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'core/ is pure: pass what you need in.' },
        { name: 'document', message: 'core/ is pure: pass the document in.' },
        { name: 'browser', message: 'core/ must not use browser APIs.' },
        { name: 'chrome', message: 'core/ must not use browser APIs.' },
        { name: 'localStorage', message: 'core/ is pure.' },
      ],
    },
  },
);
