/**
 * Child process: times the cross-article link build (core/links.ts) on the first `articles`
 * generated articles. Run by scripts/bench.ts with a time limit, since the build is one
 * synchronous call that may take minutes.
 */
import { linkArticles } from '../../core/links';
import { Matcher } from '../../core/matcher';
import { loadCorpus } from '../lib/load-corpus';
import { childArg, sendResult, signalReady } from './child';
import { corpusOf, generateArticles, sourcePool } from './generate';
import { time } from './measure';

export interface LinksArg {
  articles: number;
  seed: number;
}

export interface LinksResult {
  ms: number;
  links: number;
  sentences: number;
}

const arg = childArg<LinksArg>();
const matcher = new Matcher(corpusOf(generateArticles(sourcePool(loadCorpus()), arg.seed, arg.articles)));
signalReady();
let links = 0;
const ms = time(() => {
  links = linkArticles(matcher).length;
});
sendResult({ ms, links, sentences: matcher.sentences.length } satisfies LinksResult);
