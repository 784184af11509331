import type { SentenceKind, Version } from '../core/types';
import { Diff } from './Diff';
import { Reasons } from './Reasons';
import { useTestId } from './testid';
import type { ContextHref } from './types';
import { VerdictBadge } from './VerdictBadge';

const KIND: Record<SentenceKind, string> = { headline: 'headline', pullquote: 'pull quote', body: '' };

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });
/** "German" for "de"; the code itself when the browser has no name for it. */
export function languageName(code: string): string {
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Props of {@link VersionItem}. */
export interface VersionItemProps {
  version: Version;
  contextHref: ContextHref;
  /** The outlet of a corpus article, to name the version a `via` version was found through. */
  outletOf?: (article: string) => string | undefined;
  /** Show the key of the diff marks. */
  legend?: boolean;
}

/**
 * One corpus version of a page sentence: where it comes from, its verdict and why, the word
 * diff against the page, and a link to read it in its article.
 */
export function VersionItem({ version: v, contextHref, outletOf, legend }: VersionItemProps) {
  const tid = useTestId('version');
  const via = v.via ? (outletOf?.(v.via) ?? v.via) : undefined;
  const attribution = v.attribution?.some((d) => d.op !== 'equal') ? v.attribution : undefined;
  const kind = KIND[v.kind];
  return (
    <li
      class={`qc-version qc-version--${v.verdict}`}
      data-testid={tid}
      data-article={v.article}
      data-verdict={v.verdict}
    >
      <div class="qc-version-head">
        <VerdictBadge verdict={v.verdict} />
        <span class="qc-outlet">{v.outlet}</span>
      </div>
      <p class="qc-meta">
        <time dateTime={v.date}>{v.date}</time>
        {' · '}
        {v.translated ? <span class="qc-translated">translated from {v.language}</span> : <span>{v.language}</span>}
        {kind && (
          <>
            {' · '}
            <span class="qc-kind">{kind}</span>
          </>
        )}
      </p>
      {v.crossLanguage && (
        <p class="qc-cross" data-testid={`${tid}-cross`}>
          <span class="qc-cross-pair" aria-hidden="true">
            {v.pageLanguage ?? '?'} → en
          </span>{' '}
          Across languages: the page is in {languageName(v.pageLanguage ?? 'und')}, this version in English
        </p>
      )}
      <Reasons reasons={v.reasons} />
      {v.crossLanguage ? (
        // A word diff between two languages would mark every word: the version's own words instead.
        <blockquote class="qc-cross-text" lang="en">
          {v.text}
        </blockquote>
      ) : (
        <Diff ops={v.diff} legend={legend} />
      )}
      {attribution && (
        <div class="qc-attribution">
          <p class="qc-attribution-label">Attribution differs:</p>
          <Diff ops={attribution} testId="attribution" />
        </div>
      )}
      {via && <p class="qc-via">found via {via}</p>}
      <a class="qc-context-link" href={contextHref(v)} target="_blank" rel="noopener">
        View in context
      </a>
    </li>
  );
}
