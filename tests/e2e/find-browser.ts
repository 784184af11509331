/**
 * Finding the browser an end-to-end suite drives: an environment variable, else the usual
 * Debian locations. A missing browser skips the suite after a loud warning, or fails the run in
 * CI (`CI=true`).
 */
import { accessSync, constants } from 'node:fs';

export interface BrowserSpec {
  /** As a reader names it: "Chromium", "Firefox". */
  name: string;
  /** The environment variable that points at an executable. */
  envVar: string;
  candidates: string[];
  /** The Debian package to install. */
  apt: string;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to use: `$<envVar>`, else the first candidate that runs; undefined if none. */
export function findBrowser(spec: BrowserSpec): string | undefined {
  const fromEnv = process.env[spec.envVar];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    process.stderr.write(`${spec.envVar}=${fromEnv} is not an executable file; looking in the usual places.\n`);
  }
  return spec.candidates.find(isExecutable);
}

/**
 * For test files: the browser path, or undefined (after a loud warning) so the suite can
 * `describe.skipIf(!browserPath)`. In CI (`CI=true`) a missing browser is an error instead.
 */
export function requireBrowser(spec: BrowserSpec): string | undefined {
  const path = findBrowser(spec);
  if (path) return path;
  const looked = `$${spec.envVar}, ${spec.candidates.join(', ')}`;
  if (process.env.CI === 'true')
    throw new Error(
      `No ${spec.name} found for the end-to-end tests (looked at ${looked}). ` +
        `Install it with "sudo apt-get install -y ${spec.apt}" or set ${spec.envVar}.`,
    );
  const bar = '!'.repeat(78);
  process.stderr.write(
    [
      '',
      bar,
      `!!  ${spec.name.toUpperCase()} END-TO-END TESTS SKIPPED: no ${spec.name} was found.`,
      `!!  Looked at ${looked}.`,
      `!!  To run them: sudo apt-get install -y ${spec.apt}`,
      `!!  or point ${spec.envVar} at a ${spec.name} executable.`,
      '!!  (In CI, with CI=true, a missing browser fails the run instead.)',
      bar,
      '',
      '',
    ].join('\n'),
  );
  return undefined;
}
