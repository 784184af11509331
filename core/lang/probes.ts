/**
 * Evaluation on the development probes (tests/fixtures/dev-probes.json): sentences in other
 * languages and English paraphrases that report corpus statements, and decoys that must match
 * nothing. A sentence in a language with a lexicon goes through the language layer; English
 * through the matcher.
 */
import type { Matcher } from '../matcher';
import type { Verdict, Version } from '../types';
import { crossVersions } from './cross';
import type { Lexicon } from './lexicon';

export interface Probe {
  id: string;
  lang: string;
  text: string;
  /** [article id, substring of the version's text]: at least one should be found. */
  expect: Array<[string, string]>;
  verdict: Verdict | null;
  note?: string;
}

export interface ProbeResult {
  probe: Probe;
  versions: Version[];
  /** An expected version was found. */
  found: boolean;
  /** ... with the expected verdict. */
  foundWithVerdict: boolean;
  /** A decoy (nothing expected) that matched nothing. */
  clean: boolean;
}

export interface LanguageRow {
  lang: string;
  probes: number;
  foundWithVerdict: number;
  found: number;
  decoys: number;
  decoysClean: number;
}

export function runProbe(matcher: Matcher, probe: Probe, lexicon?: Lexicon): ProbeResult {
  const versions = lexicon ? crossVersions(matcher, probe.text, lexicon, probe.lang) : matcher.versions(probe.text);
  const expected = (v: Version) => probe.expect.some(([a, sub]) => v.article === a && v.text.includes(sub));
  const hits = versions.filter(expected);
  return {
    probe,
    versions,
    found: hits.length > 0,
    foundWithVerdict: hits.some((v) => v.verdict === probe.verdict),
    clean: probe.expect.length === 0 && versions.length === 0,
  };
}

/** Per-language figures, languages in the order they first appear. */
export function tally(results: ProbeResult[]): LanguageRow[] {
  const rows = new Map<string, LanguageRow>();
  for (const r of results) {
    const lang = r.probe.lang;
    let row = rows.get(lang);
    if (!row) rows.set(lang, (row = { lang, probes: 0, foundWithVerdict: 0, found: 0, decoys: 0, decoysClean: 0 }));
    if (r.probe.expect.length) {
      row.probes++;
      if (r.found) row.found++;
      if (r.foundWithVerdict) row.foundWithVerdict++;
    } else {
      row.decoys++;
      if (r.clean) row.decoysClean++;
    }
  }
  return [...rows.values()];
}
