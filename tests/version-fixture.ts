/** A corpus version for component tests: an English body sentence, reworded, with `over` laid on. */
import type { Version } from '../core/types';

export const version = (over: Partial<Version> = {}): Version => ({
  article: 'x',
  outlet: 'X',
  date: '2024-06-27',
  language: 'en',
  translated: false,
  kind: 'body',
  text: 'Currently 23 of the 32 member countries meet the target.',
  start: 0,
  end: 10,
  score: 0.9,
  verdict: 'reworded',
  reasons: [],
  diff: [],
  ...over,
});
