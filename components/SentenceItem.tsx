import { useId, useState } from 'preact/hooks';
import type { Version } from '../core/types';
import { worstVerdict } from '../lib/protocol';
import { useTestId } from './testid';
import type { ContextHref } from './types';
import { VerdictBadge } from './VerdictBadge';
import { VersionItem } from './VersionItem';

/** Props of {@link SentenceItem}. */
export interface SentenceItemProps {
  /** The page sentence's id; absent for a checked selection, which has no place on the page. */
  id?: number;
  text: string;
  versions: Version[];
  contextHref: ContextHref;
  /** Called with `id` each time the header is activated (the popup scrolls the page to it). */
  onSelect?: (id: number) => void;
  outletOf?: (article: string) => string | undefined;
  defaultOpen?: boolean;
}

/**
 * A matched page sentence, collapsed to two lines with its worst verdict and version count;
 * its header is a native button, so Enter and Space expand it to the versions.
 */
export function SentenceItem({ id, text, versions, contextHref, onSelect, outletOf, defaultOpen }: SentenceItemProps) {
  const [open, setOpen] = useState(defaultOpen ?? false);
  const panel = useId();
  const tid = useTestId('sentence');
  const worst = worstVerdict(versions);
  const byArticle = new Map(versions.map((v) => [v.article, v.outlet]));
  const outlet = (a: string) => outletOf?.(a) ?? byArticle.get(a);
  const firstChanged = versions.findIndex((v) => v.diff.some((d) => d.op !== 'equal'));
  const n = versions.length;
  return (
    <li class="qc-sentence" data-testid={tid} data-id={id} data-verdict={worst}>
      <button
        type="button"
        class="qc-sentence-head"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => {
          setOpen(!open);
          if (id !== undefined) onSelect?.(id);
        }}
      >
        <span class="qc-sentence-text">{text}</span>
        <span class="qc-sentence-side">
          <VerdictBadge verdict={worst} />
          <span class="qc-count">
            {n} version{n === 1 ? '' : 's'}
          </span>
        </span>
      </button>
      <ul class="qc-versions" id={panel} hidden={!open}>
        {versions.map((v, i) => (
          <VersionItem
            key={`${v.article}:${v.start}`}
            version={v}
            contextHref={contextHref}
            outletOf={outlet}
            legend={i === firstChanged}
          />
        ))}
      </ul>
    </li>
  );
}
