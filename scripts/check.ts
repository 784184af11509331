/**
 * npm run check -- [--json] (<text> | --file <page.html|page.txt>)
 * Checks a text, or a saved page, against the bundled corpus. Human output by default;
 * --json prints exactly one JSON object. Errors: one line on stderr and exit code 2.
 */
import { parseArgs } from 'node:util';
import { Matcher } from '../core/matcher';
import type { CheckResult, DiffOp, Version } from '../core/types';
import { loadCorpus } from './lib/load-corpus';
import { readPage, UsageError } from './lib/read-page';

const USAGE = 'usage: npm run check -- [--json] (<text> | --file <page.html|page.txt>)';

function readInput(argv: string[]): { text: string; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.file !== undefined && positionals.length) throw new UsageError(`give text or --file, not both; ${USAGE}`);
  if (values.file === undefined && !positionals.length) throw new UsageError(`nothing to check; ${USAGE}`);
  const text = values.file !== undefined ? readPage(values.file) : positionals.join(' ');
  if (!/[\p{L}\p{N}]/u.test(text)) throw new UsageError('the input has no text to check');
  return { text, json: values.json };
}

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (tty ? `\u001b[${code}m${s}\u001b[0m` : s);

const MARK: Record<Version['verdict'], string> = {
  identical: paint('32', '= identical  '),
  reworded: paint('33', '~ reworded   '),
  conflicting: paint('31;1', '! conflicting'),
};

/** Word diff in wdiff style, readable without colour: [-page only-] {+version only+}. */
function formatDiff(diff: DiffOp[]): string {
  return diff
    .map((d) =>
      d.op === 'equal' ? d.text : d.op === 'delete' ? paint('31', `[-${d.text}-]`) : paint('32', `{+${d.text}+}`),
    )
    .join(' ');
}

function formatHuman(result: CheckResult): string {
  const out: string[] = [];
  const matched = result.sentences.filter((s) => s.versions.length);
  result.sentences.forEach((s, i) => {
    if (!s.versions.length) return;
    out.push(`${i + 1}. ${paint('1', s.text)}`);
    for (const v of s.versions) {
      const source = `${v.outlet}, ${v.date}${v.translated ? `, translated from ${v.language}` : ''} [${v.article}]`;
      out.push(`   ${MARK[v.verdict]} ${source}  score ${v.score.toFixed(2)}${v.via ? ` (via ${v.via})` : ''}`);
      for (const r of v.reasons) {
        out.push(
          `      ${r.kind}: ${r.page ? `"${r.page}"` : '(none)'} on the page, ${r.corpus ? `"${r.corpus}"` : '(none)'} in this version`,
        );
      }
      if (v.verdict !== 'identical') out.push(`      ${formatDiff(v.diff)}`);
    }
    out.push('');
  });
  const outlets = new Set(matched.flatMap((s) => s.versions.map((v) => v.outlet)));
  const conflicting = matched.filter((s) => s.versions.some((v) => v.verdict === 'conflicting')).length;
  out.push(
    matched.length
      ? `${matched.length} of ${result.sentences.length} sentences also reported by ${outlets.size} outlet${outlets.size === 1 ? '' : 's'}; ${conflicting} with a conflicting version.`
      : `None of the ${result.sentences.length} sentences is reported in the corpus.`,
  );
  return out.join('\n');
}

try {
  const { text, json } = readInput(process.argv.slice(2));
  const result = new Matcher(loadCorpus()).check(text);
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${formatHuman(result)}\n`);
} catch (err) {
  console.error(`check: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
