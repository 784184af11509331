/**
 * The inverted index of the corpus sentences, as typed arrays that grow and shrink with the
 * corpus: content-word key -> the sentences holding it (ascending sentence numbers), and per
 * sentence its content keys (for its weight and for taking it out again).
 *
 * Sentence numbers are positions: an added article takes the next numbers (so every posting list
 * stays sorted by appending), a removed one is cut out and the numbers after it move down
 * (one pass over the lists: removing is rarer than adding and may cost more). Nothing outside
 * the matcher keeps these numbers; links name sentences by article and index (types.ts).
 */
import type { ArticleSegment } from './segment';

/** A typed array with spare room at its end, doubled when full. */
class Growing<T extends Uint32Array | Int32Array | Uint16Array | Uint8Array> {
  size = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  reserve(extra: number): void {
    if (this.size + extra <= this.data.length) return;
    const next = this.make(Math.max(this.size + extra, this.data.length * 2, 16));
    next.set(this.data.subarray(0, this.size));
    this.data = next;
  }
  push(v: number): void {
    this.reserve(1);
    this.data[this.size++] = v;
  }
}

const u32 = (n: number) => new Uint32Array(n);
const i32 = (n: number) => new Int32Array(n);
const u16 = (n: number) => new Uint16Array(n);
const u8 = (n: number) => new Uint8Array(n);

export class Postings {
  /** Key -> term number; terms are never dropped (a term no sentence holds has an empty list). */
  private readonly termOf = new Map<string, number>();
  readonly keys: string[] = [];
  private lists: Int32Array[] = [];
  private sizes = new Growing(i32(0), i32);
  /** Per sentence: where its content tokens start in `tokTerm` (one more entry than sentences). */
  private tokStart = new Growing(u32(1), u32);
  private tokTerm = new Growing(u32(0), u32);
  private tokFlags = new Growing(u8(0), u8);
  private stopCount = new Growing(u16(0), u16);
  /** Local -> global term numbers of a key table shared by several segments, made once per table. */
  private readonly shared = new WeakMap<string[], Int32Array>();

  constructor() {
    this.tokStart.size = 1;
  }

  /** Sentences indexed. */
  get count(): number {
    return this.stopCount.size;
  }

  termId(key: string): number | undefined {
    return this.termOf.get(key);
  }

  /** Sentences holding the term (a view: valid until the index changes). */
  list(term: number): Int32Array {
    return this.lists[term]!.subarray(0, this.sizes.data[term]!);
  }

  /** Sentences holding the term. */
  df(term: number): number {
    return this.sizes.data[term]!;
  }

  /** Content tokens of a sentence: term numbers and flags (views). */
  tokensOf(sentence: number): { term: Uint32Array; flags: Uint8Array; stops: number } {
    const from = this.tokStart.data[sentence]!;
    const to = this.tokStart.data[sentence + 1]!;
    return {
      term: this.tokTerm.data.subarray(from, to),
      flags: this.tokFlags.data.subarray(from, to),
      stops: this.stopCount.data[sentence]!,
    };
  }

  /** How many content tokens a sentence has. */
  contentLength(sentence: number): number {
    return this.tokStart.data[sentence + 1]! - this.tokStart.data[sentence]!;
  }

  /**
   * FNV-1a over what sameContent compares: the stop-word count and the content keys in order,
   * a token flagged `loose` (numbers, say) as one value whatever its key. On the arrays
   * themselves: this runs for every sentence at load.
   */
  contentHash(sentence: number, loose: number): number {
    const terms = this.tokTerm.data;
    const flags = this.tokFlags.data;
    let h = Math.imul(0x811c9dc5 ^ this.stopCount.data[sentence]!, 16777619);
    for (let k = this.tokStart.data[sentence]!, end = this.tokStart.data[sentence + 1]!; k < end; k++) {
      h = Math.imul(h ^ ((flags[k]! & loose) !== 0 ? 0xffffffff : terms[k]!), 16777619);
    }
    return h >>> 0;
  }

  /** Same stop-word count and content keys in order, tokens flagged `loose` only alike in that flag. */
  sameContent(a: number, b: number, loose: number): boolean {
    const start = this.tokStart.data;
    const terms = this.tokTerm.data;
    const flags = this.tokFlags.data;
    const n = start[a + 1]! - start[a]!;
    if (this.stopCount.data[a] !== this.stopCount.data[b] || n !== start[b + 1]! - start[b]!) return false;
    for (let k = 0; k < n; k++) {
      const x = start[a]! + k;
      const y = start[b]! + k;
      const xl = (flags[x]! & loose) !== 0;
      if (xl !== ((flags[y]! & loose) !== 0)) return false;
      if (!xl && terms[x] !== terms[y]) return false;
    }
    return true;
  }

  private intern(key: string): number {
    let id = this.termOf.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.termOf.set(key, id);
      this.lists.push(new Int32Array(4));
      this.sizes.push(0);
    }
    return id;
  }

  private globalIds(terms: string[]): Int32Array {
    const known = this.shared.get(terms);
    if (known && known.length === terms.length) return known;
    const ids = Int32Array.from(terms, (k) => this.intern(k));
    this.shared.set(terms, ids);
    return ids;
  }

  /**
   * Appends the segments' sentences (numbered from `count` on, in order). Sizes every posting
   * list once for the whole batch, so loading a corpus is two passes over its tokens.
   */
  add(segments: readonly ArticleSegment[]): void {
    const mapped = segments.map((s) => this.globalIds(s.terms));
    // Pass 1: how much each list grows (a key counts once per sentence).
    const grow = new Int32Array(this.keys.length);
    const lastSeen = new Int32Array(this.keys.length).fill(-1);
    let sentence = this.count;
    let tokens = 0;
    for (const [k, seg] of segments.entries()) {
      const ids = mapped[k]!;
      let t = 0;
      for (let i = 0; i < seg.length.length; i++, sentence++) {
        for (const end = t + seg.length[i]!; t < end; t++) {
          const g = ids[seg.term[t]!]!;
          if (lastSeen[g] !== sentence) {
            lastSeen[g] = sentence;
            grow[g]!++;
          }
        }
      }
      tokens += seg.term.length;
    }
    for (let g = 0; g < grow.length; g++) {
      const need = this.sizes.data[g]! + grow[g]!;
      const list = this.lists[g]!;
      if (need > list.length) {
        const next = new Int32Array(segments.length > 1 ? need : Math.max(need, list.length * 2));
        next.set(list.subarray(0, this.sizes.data[g]!));
        this.lists[g] = next;
      }
    }
    // Pass 2: fill the lists and the per-sentence arrays.
    const sentences = segments.reduce((n, s) => n + s.length.length, 0);
    this.tokStart.reserve(sentences);
    this.stopCount.reserve(sentences);
    this.tokTerm.reserve(tokens);
    this.tokFlags.reserve(tokens);
    sentence = this.count;
    const sizes = this.sizes.data;
    for (const [k, seg] of segments.entries()) {
      const ids = mapped[k]!;
      let t = 0;
      for (let i = 0; i < seg.length.length; i++, sentence++) {
        for (const end = t + seg.length[i]!; t < end; t++) {
          const g = ids[seg.term[t]!]!;
          this.tokTerm.data[this.tokTerm.size++] = g;
          this.tokFlags.data[this.tokFlags.size++] = seg.flags[t]!;
          const list = this.lists[g]!;
          if (sizes[g] === 0 || list[sizes[g]! - 1] !== sentence) list[sizes[g]!++] = sentence;
        }
        this.stopCount.data[this.stopCount.size++] = seg.stops[i]!;
        this.tokStart.data[this.tokStart.size++] = this.tokTerm.size;
      }
    }
  }

  /** Takes sentences `from` .. `to` - 1 out; the later ones move down by `to - from`. */
  remove(from: number, to: number): void {
    const cut = to - from;
    if (cut <= 0) return;
    const sizes = this.sizes.data;
    for (let g = 0; g < this.lists.length; g++) {
      const list = this.lists[g]!;
      const n = sizes[g]!;
      if (n === 0 || list[n - 1]! < from) continue;
      let w = 0;
      for (let r = 0; r < n; r++) {
        const id = list[r]!;
        if (id < from) list[w++] = id;
        else if (id >= to) list[w++] = id - cut;
      }
      sizes[g] = w;
    }
    const tFrom = this.tokStart.data[from]!;
    const tTo = this.tokStart.data[to]!;
    const tCut = tTo - tFrom;
    this.tokTerm.data.copyWithin(tFrom, tTo, this.tokTerm.size);
    this.tokFlags.data.copyWithin(tFrom, tTo, this.tokFlags.size);
    this.tokTerm.size -= tCut;
    this.tokFlags.size -= tCut;
    this.stopCount.data.copyWithin(from, to, this.stopCount.size);
    this.stopCount.size -= cut;
    const starts = this.tokStart.data;
    for (let i = to; i < this.tokStart.size; i++) starts[i - cut] = starts[i]! - tCut;
    this.tokStart.size -= cut;
  }
}
