/**
 * The highlight styles, added when the page starts to load: adding a stylesheet later makes the
 * browser restyle the whole page at once, a long task on a very long page. Only a constructed
 * stylesheet with `::highlight()` rules: nothing on the page changes until there is a highlight.
 */
import { ensureStyles } from '../lib/page/highlights';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    ensureStyles(document);
  },
});
