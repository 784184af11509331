import type { ComponentChildren } from 'preact';

/** Props of {@link ArticleText}. */
export interface ArticleTextProps {
  text: string;
  /** The target sentence as [start, end) offsets into `text`; absent when none is asked for. */
  target?: { start: number; end: number };
}

/** Lines of `text` with their offsets; a line break separates paragraphs in the corpus. */
function paragraphs(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out.filter((p) => text.slice(p.start, p.end).trim());
}

/**
 * A corpus article paragraph by paragraph, with the target sentence marked. Offsets index the
 * original text, so the mark falls exactly where the check found the sentence.
 */
export function ArticleText({ text, target }: ArticleTextProps) {
  let marked = false;
  return (
    <div class="qc-reader-text">
      {paragraphs(text).map((p) => {
        const from = target ? Math.max(p.start, target.start) : 0;
        const to = target ? Math.min(p.end, target.end) : 0;
        let body: ComponentChildren = text.slice(p.start, p.end);
        if (from < to) {
          const first = !marked;
          marked = true;
          body = [
            text.slice(p.start, from),
            <mark key="m" id={first ? 'target' : undefined} data-testid={first ? 'reader-target' : undefined}>
              {text.slice(from, to)}
            </mark>,
            text.slice(to, p.end),
          ];
        }
        return <p key={p.start}>{body}</p>;
      })}
    </div>
  );
}
