/**
 * Recall on a set of claims reported by several articles: shown one version, does the checker
 * find the versions in the other articles? Also lists every match outside the claim's versions
 * so a person can review it.
 */
import type { Matcher } from './matcher';

export interface Claim {
  id: string;
  about?: string;
  versions: Array<{ article: string; text: string }>;
}

export interface ClaimReport {
  id: string;
  found: number;
  expected: number;
  missed: Array<{ shown: string; missing: string }>;
}

export interface Extra {
  claim: string;
  shown: string;
  article: string;
  text: string;
  score: number;
  verdict: string;
}

export interface EvalReport {
  recall: number;
  found: number;
  expected: number;
  claims: ClaimReport[];
  extras: Extra[];
}

export function evaluateClaims(matcher: Matcher, claims: Claim[]): EvalReport {
  const spanOf = (article: string, text: string): [number, number] => {
    const a = matcher.articles.get(article);
    const at = a ? a.text.indexOf(text) : -1;
    if (at < 0) throw new Error(`claim version not found in ${article}: ${text.slice(0, 60)}`);
    return [at, at + text.length];
  };
  const overlaps = (x: [number, number], y: [number, number]) => x[0] < y[1] && y[0] < x[1];
  const reports: ClaimReport[] = [];
  const extras: Extra[] = [];
  let found = 0;
  let expected = 0;
  for (const claim of claims) {
    const spans = claim.versions.map((v) => ({ ...v, span: spanOf(v.article, v.text) }));
    const report: ClaimReport = { id: claim.id, found: 0, expected: 0, missed: [] };
    for (const shown of spans) {
      const versions = matcher.check(shown.text).sentences.flatMap((s) => s.versions);
      for (const target of spans) {
        if (target.article === shown.article) continue;
        report.expected++;
        const hit = versions.some((v) => v.article === target.article && overlaps([v.start, v.end], target.span));
        if (hit) report.found++;
        else
          report.missed.push({
            shown: `${shown.article.slice(0, 3)}: ${shown.text}`,
            missing: `${target.article.slice(0, 3)}: ${target.text}`,
          });
      }
      for (const v of versions) {
        const inClaim = spans.some((t) => t.article === v.article && overlaps([v.start, v.end], t.span));
        if (!inClaim) {
          extras.push({
            claim: claim.id,
            shown: shown.text,
            article: v.article,
            text: v.text,
            score: v.score,
            verdict: v.verdict,
          });
        }
      }
    }
    found += report.found;
    expected += report.expected;
    reports.push(report);
  }
  return { recall: expected ? found / expected : 1, found, expected, claims: reports, extras };
}
