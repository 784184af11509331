// The English development probes (tests/fixtures/dev-probes.json): the probes found today stay
// found, and the decoys find nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../core/matcher';
import type { Version } from '../core/types';
import { loadCorpus } from '../scripts/lib/load-corpus';

interface Probe {
  id: string;
  lang: string;
  text: string;
  /** [article, substring] pairs: a version of any of them counts as found. Empty: a decoy. */
  expect: Array<[string, string]>;
  verdict?: string;
}

const { probes } = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'dev-probes.json'), 'utf8')) as {
  probes: Probe[];
};
const english = probes.filter((p) => p.lang === 'en');
const matcher = new Matcher(loadCorpus());

function versions(p: Probe): Version[] {
  return matcher.check(p.text).sentences.flatMap((s) => s.versions);
}

function expected(p: Probe): Version[] {
  return versions(p).filter((v) => p.expect.some(([article, text]) => v.article === article && v.text.includes(text)));
}

/**
 * Regression floor, measured on the engine before the precision rules (short texts, shared
 * content, containment and clause windows at check time) were added: these English probes found
 * an expected version then, and must still. A probe that starts to be found may join the list.
 */
const FOUND_BEFORE = [
  'en-3',
  'en-5',
  'en-6',
  'en-7',
  'en-8',
  // Found through synonyms (core/synonyms.ts): "earlier"/"previously" are not paired, but
  // "strings"/"conditions" are (a rarer WordNet sense that Aiksaurus confirms).
  'en-2',
];

describe('English development probes', () => {
  it('has English probes and decoys', () => {
    expect(english.filter((p) => p.expect.length).length).toBeGreaterThanOrEqual(FOUND_BEFORE.length);
    expect(english.filter((p) => !p.expect.length).length).toBeGreaterThan(0);
  });

  it.each(FOUND_BEFORE)('%s still finds an expected version', (id) => {
    const p = english.find((x) => x.id === id)!;
    const found = expected(p);
    expect(
      found.length,
      `${p.text}\n  shown: ${versions(p)
        .map((v) => v.text)
        .join('\n  ')}`,
    ).toBeGreaterThan(0);
  });

  // en-8 drops the negation of "We have no indication or reason to believe that Russia has the
  // strength ...": found at 0.57, it was "reworded" while negations were compared only from 0.6.
  it.each(FOUND_BEFORE)('%s finds an expected version with the expected verdict', (id) => {
    const p = english.find((x) => x.id === id)!;
    expect(
      expected(p).map((v) => v.verdict),
      p.text,
    ).toContain(p.verdict);
  });

  it('en-8 (a dropped negation) names the negation', () => {
    const p = english.find((x) => x.id === 'en-8')!;
    for (const v of expected(p)) expect(v.reasons.map((r) => r.kind)).toContain('negation');
    expect(expected(p).length).toBeGreaterThan(0);
  });

  // With synonyms counted in the containment of a short sentence, "keep" ~ "hold" showed "the
  // Ukrainian soldiers have been able to hold the front line" (0.55) for en-1, a sentence about
  // heavy losses inflicted "at the front ... behind the lines".
  it('en-1 shows no version outside its expected ones', () => {
    const p = english.find((x) => x.id === 'en-1')!;
    const expectedTexts = new Set(expected(p).map((v) => v.text));
    expect(
      versions(p)
        .filter((v) => !expectedTexts.has(v.text))
        .map((v) => `${v.score} ${v.text}`),
    ).toEqual([]);
  });

  // Before the precision rules, en-n2 ("... includes artillery shells, drones and armoured
  // vehicles") matched a corpus clause listing the same nouns; a clause now has to hold most of
  // the other sentence.
  it.each(english.filter((p) => !p.expect.length).map((p) => p.id))('decoy %s finds nothing', (id) => {
    const p = english.find((x) => x.id === id)!;
    expect(versions(p).map((v) => `${v.score} ${v.text}`)).toEqual([]);
  });
});
