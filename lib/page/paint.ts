/**
 * The matches painted on the page: a Range per matched sentence, highlighted by its worst
 * verdict. A sentence whose text changed since it was read (the page moved on while the check
 * ran) is skipped, not painted at the wrong place; the re-check that follows paints it.
 */
import type { Verdict } from '../../core/types';
import type { MatchedSentence } from '../protocol';
import { blockRange, type Slicer } from './blocks';
import { clearHighlights, HIGHLIGHT_NAMES, showHighlights } from './highlights';
import type { PageSentence } from './scan';

export interface Highlighter {
  show(byVerdict: Record<Verdict, Range[]>): void;
  clear(): void;
  /** Takes away what this content script showed, leaving another script's highlights. */
  clearOwn(): void;
}

/** A Range over the sentence, when its text in the page is still what was read. */
export function liveRange(s: PageSentence): Range | undefined {
  const { block } = s;
  if (!block.el.isConnected) return undefined;
  for (const seg of block.segments) {
    if (seg.end <= s.start || seg.start >= s.end) continue;
    if (!seg.node.isConnected || seg.node.data !== block.text.slice(seg.start, seg.end)) return undefined;
  }
  try {
    return blockRange(block, s.start, s.end);
  } catch {
    return undefined; // an offset past a node's end: the page changed in a way not seen above
  }
}

/** Ranges of the matched sentences, by sentence id and by verdict. */
export async function matchRanges(
  sentences: PageSentence[],
  matches: MatchedSentence[],
  slices?: Slicer,
): Promise<{ ranges: Map<number, Range>; byVerdict: Record<Verdict, Range[]> }> {
  const ranges = new Map<number, Range>();
  const byVerdict: Record<Verdict, Range[]> = { identical: [], reworded: [], conflicting: [] };
  for (const m of matches) {
    const s = sentences[m.id];
    const range = s && s.id === m.id ? liveRange(s) : undefined;
    if (range) {
      ranges.set(m.id, range);
      byVerdict[m.worst].push(range);
    }
    if (slices?.due()) await slices.pause();
  }
  return { ranges, byVerdict };
}

/** The CSS Custom Highlight registry of the page (see highlights.ts). */
export function cssHighlighter(doc: Document): Highlighter {
  let own: Array<[string, unknown]> = [];
  const registry = () =>
    typeof CSS !== 'undefined' && 'highlights' in CSS ? (CSS.highlights as Map<string, unknown>) : undefined;
  return {
    show(byVerdict) {
      showHighlights(byVerdict, doc);
      const names = Object.values(HIGHLIGHT_NAMES);
      own = names.flatMap((name) =>
        registry()?.has(name) ? [[name, registry()!.get(name)] as [string, unknown]] : [],
      );
    },
    clear() {
      clearHighlights();
      own = [];
    },
    clearOwn() {
      for (const [name, highlight] of own) if (registry()?.get(name) === highlight) registry()!.delete(name);
      own = [];
    },
  };
}
