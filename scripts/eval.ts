/**
 * npm run eval: recall of the checker on the development claims (tests/fixtures/seed-claims.json),
 * a per-claim table, and every match outside the claims' versions for review; then the
 * development probes (tests/fixtures/dev-probes.json) per language: sentences in German,
 * Portuguese, Norwegian and Bulgarian go through the language layer (core/lang/).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateClaims, type Claim } from '../core/evaluate';
import { runProbe, tally, type Probe } from '../core/lang/probes';
import { Matcher } from '../core/matcher';
import { loadCorpus } from './lib/load-corpus';
import { loadLexicon } from './lib/load-lexicon';

const fixtures = resolve(import.meta.dirname, '..', 'tests', 'fixtures');
const { claims } = JSON.parse(readFileSync(resolve(fixtures, 'seed-claims.json'), 'utf8')) as { claims: Claim[] };
const matcher = new Matcher(loadCorpus());
const report = evaluateClaims(matcher, claims);

console.log('claim                          found/expected');
for (const c of report.claims) console.log(`${c.id.padEnd(30)} ${c.found}/${c.expected}`);
console.log(`\nrecall ${report.recall.toFixed(3)} (${report.found}/${report.expected})`);
const missed = report.claims.flatMap((c) => c.missed.map((m) => ({ claim: c.id, ...m })));
if (missed.length) {
  console.log('\nmissed:');
  for (const m of missed) console.log(`- [${m.claim}] shown ${m.shown}\n    missing ${m.missing}`);
}
console.log(`\nmatches outside the claim's versions (${report.extras.length}), for review:`);
for (const e of report.extras) {
  console.log(`- [${e.claim}] ${e.article.slice(0, 3)} ${e.verdict} ${e.score}: ${e.text}\n    shown: ${e.shown}`);
}

const { probes } = JSON.parse(readFileSync(resolve(fixtures, 'dev-probes.json'), 'utf8')) as { probes: Probe[] };
const results = probes.map((p) => runProbe(matcher, p, loadLexicon(p.lang)));
console.log('\ndevelopment probes (en: the matcher; others: the language layer)');
console.log('lang  probes  found, verdict as expected  found  decoys clean');
for (const r of tally(results)) {
  console.log(
    `${r.lang.padEnd(5)} ${String(r.probes).padStart(6)}  ${String(r.foundWithVerdict).padStart(25)}  ${String(r.found).padStart(5)}  ${`${r.decoysClean}/${r.decoys}`.padStart(12)}`,
  );
}
const wrong = results.filter((r) => (r.probe.expect.length ? !r.foundWithVerdict : !r.clean));
if (wrong.length) {
  console.log('\nprobes not as expected:');
  for (const r of wrong) {
    console.log(`- [${r.probe.id}] ${r.probe.text}`);
    for (const v of r.versions.slice(0, 3))
      console.log(`    ${v.article.slice(0, 3)} ${v.verdict} ${v.score}: ${v.text}`);
  }
}
