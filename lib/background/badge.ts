/**
 * The toolbar badge of a tab: how many sentences matched, coloured by the worst verdict.
 */
import type { Verdict } from '../../core/types';
import { worstVerdict, type TabReport } from '../protocol';
import { badge } from './action';

export const BADGE_COLOURS: Record<Verdict, string> = {
  conflicting: '#c62828',
  reworded: '#b26a00',
  identical: '#2e7d32',
};

type ActionHost = Parameters<typeof badge>[0];

/** Sets the tab's badge from its report's matches (no text when there are none). */
export async function showBadge(api: ActionHost, tabId: number, report: Pick<TabReport, 'matches'>): Promise<void> {
  const n = report.matches.length;
  await badge(api).setBadgeText({ tabId, text: n ? String(n) : '' });
  if (n) {
    const worst = worstVerdict(report.matches.flatMap((m) => m.versions));
    await badge(api).setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[worst] });
  }
}

export async function clearBadge(api: ActionHost, tabId: number): Promise<void> {
  await badge(api).setBadgeText({ tabId, text: '' });
}
