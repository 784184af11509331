/**
 * Whether a page is itself one of the corpus articles: its address is the article's known
 * address, or nearly all of its matched sentences are identical to sentences of one article.
 * Then the popup lists the other outlets' versions rather than the page matching itself.
 */
import type { CorpusData } from '../../core/types';
import type { MatchedSentence, TabReport } from '../protocol';

/** Share of the checked sentences that must be identical to one article. */
const SELF_SHARE = 0.8;
/** Fewest identical sentences before a page counts as a corpus article. */
const SELF_MIN = 5;

function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}

export function findSelfArticle(
  data: CorpusData,
  url: string,
  raw: MatchedSentence[],
  checked: number,
): TabReport['self'] {
  const here = canonicalUrl(url);
  for (const a of data.articles) {
    if (a.meta.urlIsArticle && a.meta.url && canonicalUrl(a.meta.url) === here)
      return { article: a.id, outlet: a.meta.outlet };
  }
  const identical = new Map<string, number>();
  for (const m of raw) {
    for (const id of new Set(m.versions.filter((v) => v.verdict === 'identical').map((v) => v.article))) {
      identical.set(id, (identical.get(id) ?? 0) + 1);
    }
  }
  for (const [id, n] of identical) {
    if (n >= SELF_MIN && n >= SELF_SHARE * checked) {
      const a = data.articles.find((x) => x.id === id);
      if (a) return { article: a.id, outlet: a.meta.outlet };
    }
  }
  return undefined;
}
