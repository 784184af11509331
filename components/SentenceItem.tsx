import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Version } from '../core/types';
import { worstVerdict } from '../lib/protocol';
import { useTestId } from './testid';
import { Story, useStoryOf } from './Story';
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

type View = 'versions' | 'story';
const VIEWS: View[] = ['versions', 'story'];

/**
 * Versions listed before "Show all": a statement that a hundred outlets reported has a hundred
 * versions, each with its diff, and the list would bury the page. Conflicting versions are
 * always listed (the header's verdict must be visible below it), then the best scores.
 */
export const VERSIONS_SHOWN = 12;

/** The versions listed at first: every conflicting one, then the others up to VERSIONS_SHOWN, in their order. */
export function firstVersions(versions: Version[], limit = VERSIONS_SHOWN): Version[] {
  if (versions.length <= limit) return versions;
  let room = Math.max(0, limit - versions.filter((v) => v.verdict === 'conflicting').length);
  return versions.filter((v) => v.verdict === 'conflicting' || room-- > 0);
}

/**
 * A matched page sentence, collapsed to two lines with its worst verdict and version count;
 * its header is a native button, so Enter and Space expand it. Expanded, the versions (each
 * against the page); where the surface provides a story source (StorySource), two tabs: the
 * versions and the story (the versions by date, see Story and Timeline).
 */
export function SentenceItem({ id, text, versions, contextHref, onSelect, outletOf, defaultOpen }: SentenceItemProps) {
  const [open, setOpen] = useState(defaultOpen ?? false);
  const [view, setView] = useState<View>('versions');
  const panel = useId();
  const ids = { versions: useId(), story: useId() };
  const tabs = { versions: useId(), story: useId() };
  const tid = useTestId('sentence');
  const tidTab = useTestId('tab');
  const worst = worstVerdict(versions);
  const byArticle = new Map(versions.map((v) => [v.article, v.outlet]));
  const outlet = (a: string) => outletOf?.(a) ?? byArticle.get(a);
  const n = versions.length;
  const [all, setAll] = useState(false);
  const shown = all ? versions : firstVersions(versions);
  const firstChanged = shown.findIndex((v) => v.diff.some((d) => d.op !== 'equal'));
  const pageLanguage = versions.find((v) => v.pageLanguage)?.pageLanguage;
  const storyOf = useStoryOf();
  // After "Show all", the keyboard goes on to the list, not back to the top of the popup.
  const listRef = useRef<HTMLUListElement>(null);
  const [moveFocus, setMoveFocus] = useState(false);
  useEffect(() => {
    if (!moveFocus) return;
    listRef.current?.focus();
    setMoveFocus(false);
  }, [moveFocus]);
  const list = (
    <>
      <ul class="qc-versions" ref={listRef} tabIndex={-1} aria-label={`${n} version${n === 1 ? '' : 's'}`}>
        {shown.map((v, i) => (
          <VersionItem
            key={`${v.article}:${v.start}`}
            version={v}
            contextHref={contextHref}
            outletOf={outlet}
            legend={i === firstChanged}
          />
        ))}
      </ul>
      {shown.length < n && (
        <button
          type="button"
          class="qc-more"
          data-testid={`${tid}-more`}
          onClick={() => {
            setAll(true);
            setMoveFocus(true);
          }}
        >
          Show all {n} versions ({n - shown.length} more)
        </button>
      )}
    </>
  );
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
      {!storyOf ? (
        <div class="qc-sentence-body" id={panel} hidden={!open}>
          {list}
        </div>
      ) : (
        <div class="qc-sentence-body" id={panel} hidden={!open}>
          <div class="qc-tabs" role="tablist" aria-label="Show">
            {VIEWS.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                class="qc-tab"
                id={tabs[name]}
                aria-selected={view === name}
                aria-controls={ids[name]}
                tabIndex={view === name ? 0 : -1}
                data-testid={`${tidTab}-${name}`}
                onClick={() => setView(name)}
                onKeyDown={(e) => {
                  // The tab pattern: arrows, Home and End move between the tabs and select one.
                  const at = VIEWS.indexOf(view);
                  const next =
                    e.key === 'ArrowRight'
                      ? (at + 1) % VIEWS.length
                      : e.key === 'ArrowLeft'
                        ? (at + VIEWS.length - 1) % VIEWS.length
                        : e.key === 'Home'
                          ? 0
                          : e.key === 'End'
                            ? VIEWS.length - 1
                            : -1;
                  if (next < 0) return;
                  e.preventDefault();
                  setView(VIEWS[next]!);
                  (e.currentTarget.parentElement?.children[next] as HTMLElement | undefined)?.focus();
                }}
              >
                {name === 'versions' ? `Versions (${n})` : 'Story'}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={ids.versions} aria-labelledby={tabs.versions} hidden={view !== 'versions'}>
            {list}
          </div>
          <div role="tabpanel" class="qc-story" id={ids.story} aria-labelledby={tabs.story} hidden={view !== 'story'}>
            {/* Asked for only when shown: the story compares every version with the one before. */}
            {open && view === 'story' && (
              <Story
                storyOf={storyOf}
                versions={versions}
                page={{ text, ...(pageLanguage ? { language: pageLanguage } : {}) }}
                contextHref={contextHref}
              />
            )}
          </div>
        </div>
      )}
    </li>
  );
}
