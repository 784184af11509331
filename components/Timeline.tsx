import { formatDate } from '../core/partial-date';
import type { Change, Timeline as TimelineData, TimelineEntry } from '../core/timeline';
import { Diff } from './Diff';
import { useTestId } from './testid';
import type { ContextHref } from './types';
import { languageName } from './VersionItem';

/** Props of {@link Timeline}. */
export interface TimelineProps {
  /** Built by core/timeline.ts `buildTimeline` (in the background, see components/Story.tsx). */
  timeline: TimelineData;
  contextHref: ContextHref;
  /** `article:start` of the sentence being read (the reader), marked "this article". */
  current?: string;
}

/** How an entry's date stands against the one before, in words; nothing when plainly after. */
export function orderNote(e: TimelineEntry): string | undefined {
  if (e.order === 'same-date') {
    const unit = e.span?.precision === 'day' ? 'day' : (e.span?.precision ?? 'date');
    return `same ${unit} as the one before, which came first is not known`;
  }
  if (e.order === 'order-unknown') return 'order against the one before not known';
  return undefined;
}

/** "Kronen Zeitung, June 2024", listing each outlet once. */
function outletsWithDates(entries: TimelineEntry[]): string {
  const seen = new Map<string, string>();
  for (const e of entries) if (!seen.has(e.outlet)) seen.set(e.outlet, formatDate(e.date));
  return [...seen].map(([o, d]) => `${o} (${d})`).join(', ');
}

/** One line on which version came first, as far as the dates tell. */
export function earliestSummary(entries: TimelineEntry[], certain: boolean): string {
  const first = entries.filter((e) => e.earliest);
  if (!first.length) return 'No version has a known date.';
  if (certain) return `Earliest known version: ${first[0]!.outlet}, ${formatDate(first[0]!.date)}.`;
  return `Which came first is not known: ${outletsWithDates(first)} could each be the earliest; their dates do not tell.`;
}

/** What changed against the earlier entry, in words. */
export function changeText(change: Change, against: string): string {
  switch (change.kind) {
    case 'same':
      return `Same words as ${against}.`;
    case 'wording':
      return `Worded differently from ${against}.`;
    case 'detail':
      return `A detail differs from ${against}:`;
    case 'language':
      return change.details.length
        ? `In another language than ${against}; a detail differs:`
        : `In another language than ${against}.`;
  }
}

/**
 * The story of a quote: its versions by date, earliest first, the earliest known marked, the
 * translations named, and what changed along the way. A list in time order; every mark is a
 * word as well as a style, so it reads the same to a screen reader.
 */
export function Timeline({ timeline, contextHref, current }: TimelineProps) {
  const tid = useTestId('timeline');
  const byId = new Map(timeline.entries.map((e) => [e.id, e]));
  const name = (id: string) => {
    const e = byId.get(id);
    if (!e) return 'the one before';
    return e.version ? `${e.outlet} (${formatDate(e.date)})` : e.outlet.toLowerCase();
  };
  return (
    <div class="qc-timeline" data-testid={tid} data-certain={timeline.earliestCertain}>
      <p class="qc-timeline-summary" data-testid={`${tid}-summary`}>
        {earliestSummary(timeline.entries, timeline.earliestCertain)}
      </p>
      <p class="qc-legend">
        <del class="qc-del">struck through</del>: only in the earlier version; <ins class="qc-ins">underlined</ins>: new
        in this one
      </p>
      <ol class="qc-timeline-list" aria-label="Versions by date, earliest first">
        {timeline.entries.map((e) => {
          const v = e.version;
          const note = orderNote(e);
          const translation = e.translation;
          return (
            <li
              key={e.id}
              class={`qc-tl-entry${e.earliest ? ' qc-tl-entry--earliest' : ''}${v ? '' : ' qc-tl-entry--page'}`}
              data-testid={`${tid}-entry`}
              data-article={v?.article ?? 'page'}
              data-earliest={e.earliest}
              data-order={e.order}
              aria-current={e.id === current ? 'true' : undefined}
            >
              <p class="qc-tl-when">
                {v ? <time dateTime={e.date}>{formatDate(e.date)}</time> : <span>date not known</span>}
                {note && <span class="qc-tl-note"> · {note}</span>}
              </p>
              <p class="qc-tl-who">
                <span class="qc-outlet">{e.outlet}</span>
                {e.earliest && (
                  <span class="qc-tag qc-tag--earliest" data-testid={`${tid}-earliest`}>
                    earliest known
                  </span>
                )}
                {e.id === current && <span class="qc-tag">this article</span>}
                {translation && (
                  <span class="qc-tag qc-tag--translation">
                    translated from {languageName(translation.from)}
                    {translation.of ? `, of ${name(translation.of)}` : ''}
                  </span>
                )}
              </p>
              {e.change ? (
                <div class="qc-tl-change" data-change={e.change.kind}>
                  <p class="qc-tl-change-text">{changeText(e.change, name(e.change.against))}</p>
                  {e.change.details.length > 0 && (
                    <ul class="qc-reasons">
                      {e.change.details.map((d, i) => (
                        <li key={i}>
                          <span class="qc-reason-kind">{d.kind}:</span> {d.before || '(none)'} → {d.after || '(none)'}
                        </li>
                      ))}
                    </ul>
                  )}
                  {e.change.kind === 'language' || e.change.kind === 'same' ? (
                    // The page's own words in its own language, when known.
                    <blockquote class="qc-tl-text" lang={!v && e.language ? e.language : undefined}>
                      {e.text}
                    </blockquote>
                  ) : (
                    <Diff ops={e.change.diff} testId="timeline-diff" />
                  )}
                </div>
              ) : (
                <blockquote class="qc-tl-text">{e.text}</blockquote>
              )}
              {v && e.id !== current && (
                <a class="qc-context-link" href={contextHref(v)} target="_blank" rel="noopener">
                  View in context
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
