/**
 * The corpus pipeline: raw article files in, the generated index out (pure: the caller reads
 * the files). Each article is checked and built by corpus-article.ts; this links the versions
 * of the same statement across articles and stores the index.
 */
import { articleOf, CorpusError, type ArticleInput } from './corpus-article';
import { linkArticles } from './links';
import { packSegments } from './index/segment';
import { Matcher } from './matcher';
import type { CorpusArticle, CorpusData } from './types';

export { articleOf, buildArticle, CorpusError, MAX_ARTICLE_BYTES, type ArticleInput } from './corpus-article';

/**
 * The whole corpus: validated, segmented, linked. Throws CorpusError on a bad article, or, when
 * `onRefused` is given, reports it there and goes on without it (a user's folder of articles);
 * with no article left it throws.
 */
export function buildCorpus(inputs: ArticleInput[], onRefused?: (err: CorpusError) => void): CorpusData {
  const articles: CorpusArticle[] = [];
  for (const input of [...inputs].sort((x, y) => x.id.localeCompare(y.id))) {
    try {
      articles.push(articleOf(input));
    } catch (err) {
      if (!(onRefused && err instanceof CorpusError)) throw err;
      onRefused(err);
    }
  }
  if (!articles.length) throw new CorpusError('corpus', 'no article could be read');
  const matcher = new Matcher({ format: 2, articles, links: [] });
  const links = linkArticles(matcher);
  // Each article's retrieval data, stored ready to use (loading then tokenises nothing).
  const segments = packSegments(articles.map((a) => matcher.segmentOf(a.id)!));
  return { format: 2, articles, links, segments };
}
