// The built extension asks for exactly the permissions the README justifies: the first column of
// its "Permissions and privacy" table (each backticked name) is the set of the manifest's
// permissions, host permissions, optional permissions and content script match patterns.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, REPO_ROOT } from './harness';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
  web_accessible_resources?: Array<{ resources: string[]; matches?: string[] }>;
  externally_connectable?: unknown;
}

const manifestPath = join(EXTENSION_DIR, 'manifest.json');

/** The backticked names in the first column of the README's permissions table. */
function readmePermissions(readme: string): string[] {
  const section = /^## Permissions and privacy\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1];
  if (!section) throw new Error('README has no "Permissions and privacy" section');
  const rows = section.split('\n').filter((l) => /^\|/.test(l));
  // Header and separator first, then one row per permission.
  expect(rows[0]).toMatch(/^\|\s*permission\s*\|/);
  expect(rows[1]).toMatch(/^\|[\s|:-]+\|$/);
  return rows.slice(2).flatMap((row) => {
    const first = row.split('|')[1] ?? '';
    return [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  });
}

describe.skipIf(!existsSync(manifestPath))('the manifest and the README', () => {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

  it('asks for exactly the permissions the README explains', () => {
    const asked = new Set([
      ...(manifest.permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
      ...(manifest.content_scripts ?? []).flatMap((c) => c.matches),
    ]);
    const explained = readmePermissions(readme);
    expect(explained.length).toBeGreaterThan(0);
    expect([...asked].sort()).toEqual([...new Set(explained)].sort());
  });

  it('has none of what the README says it does without', () => {
    const said = /^No (.+) or host permission beyond the content script's pages\.$/m.exec(readme)?.[1];
    expect(said).toBeDefined();
    const without = [...said!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    expect(without).toEqual(expect.arrayContaining(['tabs', 'activeTab', 'scripting']));
    for (const p of without) expect(manifest.permissions ?? []).not.toContain(p);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    // No web page may message the extension (see tests/e2e/isolation.e2e.test.ts).
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('makes only the content script stylesheet web-accessible, as the README says', () => {
    expect(readme).toMatch(/content script's stylesheet is listed as a web-accessible resource/);
    expect((manifest.web_accessible_resources ?? []).flatMap((w) => w.resources)).toEqual([
      'content-scripts/content.css',
    ]);
  });
});
