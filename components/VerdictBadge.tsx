import type { Verdict } from '../core/types';

const ICON: Record<Verdict, string> = { identical: '=', reworded: '~', conflicting: '!' };

/**
 * The verdict of a version as a badge: an icon character and the word with the colour, so
 * the verdict reads without colour too.
 */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span class={`qc-badge qc-badge--${verdict}`}>
      <span class="qc-badge-icon" aria-hidden="true">
        {ICON[verdict]}
      </span>{' '}
      {verdict}
    </span>
  );
}
