// Recall over the seed claims: shown one version of a claim, the matcher finds the others, and extras are not boilerplate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateClaims, type Claim } from '../core/evaluate';
import { Matcher } from '../core/matcher';
import { loadCorpus } from '../scripts/lib/load-corpus';

const { claims } = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'seed-claims.json'), 'utf8')) as {
  claims: Claim[];
};
const report = evaluateClaims(new Matcher(loadCorpus()), claims);

describe('evaluateClaims on the seed claims', () => {
  it('has claims with several versions', () => {
    expect(claims.length).toBeGreaterThan(5);
    expect(report.claims.map((c) => c.id)).toEqual(claims.map((c) => c.id));
    expect(report.expected).toBeGreaterThan(claims.length);
  });

  it('recall is at least 0.95', () => {
    expect(
      report.recall,
      JSON.stringify(
        report.claims.flatMap((c) => c.missed),
        null,
        1,
      ),
    ).toBeGreaterThanOrEqual(0.95);
    expect(report.recall).toBeCloseTo(report.found / report.expected, 10);
  });

  it('per-claim counts add up', () => {
    expect(report.claims.reduce((n, c) => n + c.found, 0)).toBe(report.found);
    expect(report.claims.reduce((n, c) => n + c.expected, 0)).toBe(report.expected);
    for (const c of report.claims) expect(c.missed).toHaveLength(c.expected - c.found);
  });

  it('no extra match is boilerplate', () => {
    expect(report.extras.filter((e) => /subscribe|advertisement|translated/i.test(e.text))).toEqual([]);
  });

  it('throws when a claim version is not in its article', () => {
    const bad: Claim = {
      id: 'bad',
      versions: [{ article: '001_a3d80e40c71e1304', text: 'Not a sentence of this article.' }],
    };
    expect(() => evaluateClaims(new Matcher(loadCorpus()), [bad])).toThrow(/not found in 001_a3d80e40c71e1304/);
  });
});
