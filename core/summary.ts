/** The one-line summary of a page's matches, shared by the popup, the panel and the tests. */
import type { Verdict, Version } from './types';

export interface SummaryInput {
  versions: Version[];
  worst: Verdict;
}

export interface Summary {
  sentences: number;
  outlets: number;
  conflicting: number;
  text: string;
}

/**
 * "6 sentences also reported by 3 other outlets; 1 conflicting". Outlets are counted apart from
 * `selfOutlet`, the page's own outlet when the page is a corpus article.
 */
export function summarize(matches: SummaryInput[], selfOutlet?: string): Summary {
  const outlets = new Set(matches.flatMap((m) => m.versions.map((v) => v.outlet)).filter((o) => o !== selfOutlet));
  const conflicting = matches.filter((m) => m.worst === 'conflicting').length;
  const n = matches.length;
  if (!n)
    return { sentences: 0, outlets: 0, conflicting: 0, text: 'No sentence of this page is reported in the corpus.' };
  const text =
    `${n} sentence${n === 1 ? '' : 's'} also reported by ${outlets.size} ${selfOutlet ? 'other ' : ''}outlet${outlets.size === 1 ? '' : 's'}` +
    `; ${conflicting} conflicting`;
  return { sentences: n, outlets: outlets.size, conflicting, text };
}
