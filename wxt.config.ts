import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Quote Check',
    description:
      'Highlights the sentences of a news page that a bundled corpus of reference articles also reports, and how each version differs.',
    permissions: [],
    browser_specific_settings: {
      gecko: {
        id: 'quote-check@example.org',
        // No data leaves the browser.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
