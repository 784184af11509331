/**
 * npm run check -- [--json] [--corpus <folder>] (<text> | --file <page|folder> [--file ...])
 * Checks a text, or saved pages, against the bundled corpus, or against a folder of articles
 * (`--corpus`: .txt, .md or .html with a metadata file or front matter; see
 * scripts/lib/corpus-folder.ts; its index is kept in .cache/ and rebuilt when the folder
 * changes; refused articles are named on stderr and left out). Human output by default.
 * --json: one JSON object for a text or a single file; JSON Lines (one object per file, with its
 * `path`, and `error` instead of `sentences` when that file could not be read) for several files
 * or a folder. Exit codes: 0 all checked, 1 some file failed (several files), 2 bad usage or the
 * single input unreadable (one line on stderr).
 * The corpus index is rebuilt first only when the corpus or the build code changed.
 * A text in a language with a lexicon (German, Portuguese, Norwegian, Bulgarian; lang/) is
 * matched through the language layer (core/lang/): its versions carry `crossLanguage`.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { detectLanguage } from '../core/lang/detect';
import { isLexiconLanguage } from '../core/lang/stem';
import { Matcher } from '../core/matcher';
import type { CheckResult, DiffOp, Version } from '../core/types';
import { filesIn, PAGE_EXTENSIONS } from './lib/article-files';
import { ensureIndex } from './lib/corpus-index';
import { loadCorpus } from './lib/load-corpus';
import { UsageError } from './lib/usage-error';

// Imported when needed (HTML parsing, the language layer): a plain check starts faster without
// them.
const readPageModule = () => import('./lib/read-page');
const languageModules = () => Promise.all([import('../core/lang/cross'), import('./lib/load-lexicon')]);

const USAGE = 'usage: npm run check -- [--json] [--corpus <folder>] (<text> | --file <page.html|page.txt|folder> ...)';

type Input = { kind: 'text'; text: string } | { kind: 'files'; files: string[]; many: boolean };

function parseInput(argv: string[]): { input: Input; json: boolean; corpus?: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        file: { type: 'string', multiple: true },
        corpus: { type: 'string' },
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
  const given = values.file ?? [];
  if (given.length && positionals.length) throw new UsageError(`give text or --file, not both; ${USAGE}`);
  if (!given.length && !positionals.length) throw new UsageError(`nothing to check; ${USAGE}`);
  if (!given.length) {
    const text = positionals.join(' ');
    if (!/[\p{L}\p{N}]/u.test(text)) throw new UsageError('the input has no text to check');
    return { input: { kind: 'text', text }, json: values.json, corpus: values.corpus };
  }
  const folders = given.filter(isFolder);
  const files = given.flatMap((f) => (isFolder(f) ? folderPages(f) : [f]));
  if (!files.length) throw new UsageError(`no .html, .txt or .md files in ${folders.join(', ')}`);
  return {
    input: { kind: 'files', files, many: given.length > 1 || folders.length > 0 },
    json: values.json,
    corpus: values.corpus,
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // reported when the file is read
  }
}

/** Files a folder contributes: pages and texts, found recursively, in name order. */
function folderPages(dir: string): string[] {
  return filesIn(dir, PAGE_EXTENSIONS).map((f) => join(dir, f));
}

/** A page's text, checked to have some. */
async function readChecked(file: string): Promise<string> {
  const { readPage } = await readPageModule();
  const text = readPage(file);
  if (!/[\p{L}\p{N}]/u.test(text)) throw new UsageError(`${file} has no text to check`);
  return text;
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

/** English through the matcher; a language with a lexicon through the language layer. */
async function checkText(matcher: Matcher, text: string): Promise<CheckResult> {
  const lang = detectLanguage(text).lang;
  if (!isLexiconLanguage(lang)) return matcher.check(text);
  const [{ crossCheck }, { loadLexicon }] = await languageModules();
  const lexicon = loadLexicon(lang);
  return lexicon ? crossCheck(matcher, text, lexicon) : matcher.check(text);
}

function formatHuman(result: CheckResult): string {
  const out: string[] = [];
  const matched = result.sentences.filter((s) => s.versions.length);
  result.sentences.forEach((s, i) => {
    if (!s.versions.length) return;
    out.push(`${i + 1}. ${paint('1', s.text)}`);
    for (const v of s.versions) {
      const source = `${v.outlet}, ${v.date}${v.translated ? `, translated from ${v.language}` : ''}${v.crossLanguage ? `, page in ${v.pageLanguage}` : ''} [${v.article}]`;
      out.push(`   ${MARK[v.verdict]} ${source}  score ${v.score.toFixed(2)}${v.via ? ` (via ${v.via})` : ''}`);
      for (const r of v.reasons) {
        out.push(
          `      ${r.kind}: ${r.page ? `"${r.page}"` : '(none)'} on the page, ${r.corpus ? `"${r.corpus}"` : '(none)'} in this version`,
        );
      }
      if (v.verdict !== 'identical') out.push(`      ${v.crossLanguage ? v.text : formatDiff(v.diff)}`);
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

async function main(): Promise<number> {
  const { input, json, corpus } = parseInput(process.argv.slice(2));
  if (corpus !== undefined && !isFolder(corpus)) throw new UsageError(`--corpus ${corpus} is not a folder`);
  const { file } = await ensureIndex({
    corpus,
    onRefused: (err) => console.error(`check: refused ${err.message}`),
  });
  const matcher = new Matcher(loadCorpus(file));
  if (input.kind === 'text' || !input.many) {
    const text = input.kind === 'text' ? input.text : await readChecked(input.files[0]!);
    const result = await checkText(matcher, text);
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${formatHuman(result)}\n`);
    return 0;
  }
  let failed = 0;
  for (const file of input.files) {
    const path = file;
    let result: CheckResult;
    try {
      result = await checkText(matcher, await readChecked(file));
    } catch (err) {
      failed++;
      const error = err instanceof Error ? err.message : String(err);
      if (json) process.stdout.write(`${JSON.stringify({ path, error })}\n`);
      else console.error(`check: ${error}`);
      continue;
    }
    process.stdout.write(json ? `${JSON.stringify({ path, ...result })}\n` : `== ${path}\n${formatHuman(result)}\n\n`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`check: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
