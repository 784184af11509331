/**
 * The page's sentences sent to the background in batches: the first batch starts the tab's
 * report over, the next ones add to it; the last reply holds all the page's matches.
 */
import type { send as Send } from '../connector';
import { MAX_BATCH, type MatchedSentence } from '../protocol';

/** Longest sentence text sent; a longer "sentence" (a run-on list) is checked up to there. */
export const MAX_SENTENCE_TEXT = 5000;

export interface CheckRequest {
  url: string;
  title: string;
  sentences: Array<{ id: number; text: string }>;
}

/**
 * Sends the sentences and returns the page's matches. Rejects when the background fails (its
 * `{ error }`, through `send`), and stops, returning undefined, as soon as `stopped()` says the
 * answer is no longer wanted (the page changed, the extension was reloaded).
 */
export async function checkSentences(
  send: typeof Send,
  { url, title, sentences }: CheckRequest,
  stopped: () => boolean = () => false,
): Promise<MatchedSentence[] | undefined> {
  let matches: MatchedSentence[] = [];
  for (let i = 0; i === 0 || i < sentences.length; i += MAX_BATCH) {
    if (stopped()) return undefined;
    const batch = sentences
      .slice(i, i + MAX_BATCH)
      .map(({ id, text }) => ({ id, text: text.slice(0, MAX_SENTENCE_TEXT) }));
    ({ matches } = await send({ type: 'page:check', url, title, sentences: batch, reset: i === 0 }));
  }
  return stopped() ? undefined : matches;
}
