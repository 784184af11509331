/**
 * axe-core for the end-to-end tests, in Chromium (Playwright) and Firefox (puppeteer) alike:
 * evaluate `AXE_SOURCE` in the page (evaluated, not added as a <script>: extension pages allow
 * no inline script), then `runAxe` with a selector path into shadow roots or null for the whole
 * document, and `describeViolations` on its result.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeOutcome {
  violations: Array<{
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: unknown; failureSummary?: string }>;
  }>;
  /** How many rules passed: a scope that matched nothing would pass vacuously. */
  passes: number;
}

/** Runs in the page: axe on the document, or on the content under a shadow-piercing selector path. */
export async function runAxe(within: string[] | null): Promise<AxeOutcome> {
  type Axe = { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown; passes: unknown[] }> };
  const axe = (window as unknown as { axe: Axe }).axe;
  const context = within ? { include: { fromShadowDom: within } } : document;
  const result = await axe.run(context, { resultTypes: ['violations'] });
  return { violations: result.violations as AxeOutcome['violations'], passes: result.passes.length };
}

/** One line per element in violation: rule, impact, help, where, and what to fix. */
export function describeViolations(outcome: AxeOutcome): string[] {
  return outcome.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`),
  );
}
