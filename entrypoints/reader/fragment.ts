/**
 * Links to a sentence in the original article with a URL text fragment (`#:~:text=`), so the
 * browser scrolls to and highlights it on the outlet's own page.
 */

/** Words kept from each end of a long sentence in the `textStart,textEnd` form. */
const EDGE_WORDS = 5;
/** Sentences longer than this link by their ends: shorter links that survive small edits. */
const LONG_CHARS = 120;

/** One part of a text directive: percent-encoded, with `-`, `,` and `&` (its syntax) escaped too. */
export function encodeFragmentPart(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** The `:~:text=` directive for a sentence: the whole text, or its first and last words. */
export function textDirective(sentence: string): string {
  const words = sentence.trim().split(/\s+/).filter(Boolean);
  if (sentence.length > LONG_CHARS && words.length > 2 * EDGE_WORDS) {
    const first = words.slice(0, EDGE_WORDS).join(' ');
    const last = words.slice(-EDGE_WORDS).join(' ');
    return `:~:text=${encodeFragmentPart(first)},${encodeFragmentPart(last)}`;
  }
  return `:~:text=${encodeFragmentPart(words.join(' '))}`;
}

/** The original article's address, scrolled to `sentence` where the browser supports it. */
export function originalHref(url: string, sentence: string): string {
  const directive = textDirective(sentence);
  // A fragment directive follows an existing fragment rather than adding a second '#'.
  return url.includes('#') ? `${url}${directive}` : `${url}#${directive}`;
}

/** Only web addresses become links: corpus metadata never yields a script or file link. */
export function isWebUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}
