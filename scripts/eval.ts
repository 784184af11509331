/**
 * npm run eval: recall of the checker on the development claims (tests/fixtures/seed-claims.json),
 * a per-claim table, and every match outside the claims' versions for review.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateClaims, type Claim } from '../core/evaluate';
import { Matcher } from '../core/matcher';
import { loadCorpus } from './lib/load-corpus';

const fixture = resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'seed-claims.json');
const { claims } = JSON.parse(readFileSync(fixture, 'utf8')) as { claims: Claim[] };
const report = evaluateClaims(new Matcher(loadCorpus()), claims);

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
