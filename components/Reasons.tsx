import type { Reason } from '../core/types';

/**
 * One reason as a sentence: "24 on this page, 23 in this version"; a word present on one
 * side only (typically a negation) reads as "missing" or "added in this version".
 */
export function reasonText(r: Reason): string {
  const q = (s: string) => (r.kind === 'negation' ? `"${s}"` : s);
  if (!r.page && !r.corpus) return 'differs in this version';
  if (r.page && !r.corpus) return `${q(r.page)} missing in this version`;
  if (!r.page && r.corpus) return `${q(r.corpus)} added in this version`;
  return `${q(r.page)} on this page, ${q(r.corpus)} in this version`;
}

/** Why a version conflicts with the page, one readable line per difference. */
export function Reasons({ reasons }: { reasons: Reason[] }) {
  if (!reasons.length) return null;
  return (
    <ul class="qc-reasons">
      {reasons.map((r, i) => (
        <li key={i}>
          <span class="qc-reason-kind">{r.kind}:</span> {reasonText(r)}
        </li>
      ))}
    </ul>
  );
}
