import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' };

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  zip: {
    // The sources package (for store review) holds what builds the extension, not local output.
    excludeSources: ['screenshots/**', 'generated/**', 'bench/results.json', '.vitest/**', 'test-results/**'],
  },
  hooks: {
    // The corpus index (built by `npm run corpus`) ships as a file of the extension, read by the
    // background only when a page is checked.
    'build:publicAssets': (_wxt, files) => {
      files.push({
        absoluteSrc: resolve(import.meta.dirname, 'generated', 'corpus.json'),
        relativeDest: 'corpus.json',
      });
      // The word lists of the language layer: the background fetches one only when a page in
      // its language is checked. The English synonym table (en-*) is not one of them: every
      // check uses it, so the matcher imports it and it ships inside the background script.
      const lists = readdirSync(resolve(import.meta.dirname, 'lang')).filter(
        (x) => x.endsWith('.json') && !x.startsWith('en-'),
      );
      for (const f of lists) {
        files.push({ absoluteSrc: resolve(import.meta.dirname, 'lang', f), relativeDest: `lang/${f}` });
      }
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Quote Check',
    description:
      'Highlights the sentences of a news page that a bundled corpus of reference articles also reports, and how each version differs.',
    // Each permission is explained in the README.
    permissions: ['contextMenus', 'storage'],
    // The toolbar button's icon (the extension's icons, public/icon/, drawn by scripts/icons.ts).
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: TOOLBAR_ICONS },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'quote-check@example.org',
              // No data leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
