/**
 * Maps offsets in a decoded string (escapes resolved, heredoc indentation removed, pieces
 * joined) back to raw offsets in the file it came from.
 *
 * A map is a list of segments, each starting at decoded index `d[k]` and raw offset `r[k]`.
 * In a `step 1` segment each decoded unit is one raw unit (plain text); in a `step 0` segment
 * every decoded unit maps to `r[k]` (an escape such as `\u00e9`, or an interpolated value that
 * stands for a whole `${...}`). Lookups are a binary search, so maps stay small (one segment per
 * escape or line) and queries are O(log n).
 */

export interface OffsetMap {
  readonly d: readonly number[];
  readonly r: readonly number[];
  readonly step: readonly (0 | 1)[];
  /** Length of the decoded string. */
  readonly length: number;
  /** The raw offset that the decoded end (`length`) maps to. */
  readonly rawEnd: number;
}

/** The raw offset of decoded index `i` (clamped to `[0, length]`; `length` maps to `rawEnd`). */
export function mapOffset(map: OffsetMap, i: number): number {
  if (!(i < map.length)) return map.rawEnd;
  const idx = Math.max(0, Math.floor(i));
  let lo = 0;
  let hi = map.d.length - 1;
  if (hi < 0) return map.rawEnd;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((map.d[mid] ?? 0) <= idx) lo = mid;
    else hi = mid - 1;
  }
  const d = map.d[lo] ?? 0;
  const r = map.r[lo] ?? 0;
  return map.step[lo] === 1 ? r + (idx - d) : r;
}

/**
 * The raw span of decoded `[start, end)`. Text joined from several places (a `join` of list items
 * written apart) may map out of order; the end is then clamped so the span is never inverted.
 */
export function mapSpan(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  const s = mapOffset(map, start);
  let e = mapOffset(map, end);
  if (e < s && end > start) e = mapOffset(map, end - 1) + 1;
  return { start: s, end: Math.max(s, e) };
}

/** Builds a map while a decoded string is assembled left to right. */
export class MapBuilder {
  private readonly d: number[] = [];
  private readonly r: number[] = [];
  private readonly step: (0 | 1)[] = [];
  length = 0;

  /** `n` decoded units copied one for one from raw offset `raw`. */
  plain(raw: number, n: number): void {
    if (n <= 0) return;
    const k = this.d.length - 1;
    const lastD = this.d[k];
    const lastR = this.r[k];
    const contiguous = k >= 0 && this.step[k] === 1 && lastD !== undefined && lastR !== undefined && lastR + (this.length - lastD) === raw;
    if (!contiguous) this.push(this.length, raw, 1);
    this.length += n;
  }

  /** `n` decoded units that all map to raw offset `raw`. */
  fixed(raw: number, n: number): void {
    if (n <= 0) return;
    const k = this.d.length - 1;
    if (!(k >= 0 && this.step[k] === 0 && this.r[k] === raw)) this.push(this.length, raw, 0);
    this.length += n;
  }

  /** Appends `[from, to)` of another map. */
  append(map: OffsetMap, from = 0, to = map.length): void {
    for (let i = from; i < to; ) {
      const k = segmentAt(map, i);
      const segEnd = Math.min(to, map.d[k + 1] ?? map.length);
      const raw = mapOffset(map, i);
      if (map.step[k] === 1) this.plain(raw, segEnd - i);
      else this.fixed(raw, segEnd - i);
      i = segEnd;
    }
  }

  finish(rawEnd: number): OffsetMap {
    return { d: this.d, r: this.r, step: this.step, length: this.length, rawEnd };
  }

  private push(d: number, r: number, step: 0 | 1): void {
    this.d.push(d);
    this.r.push(r);
    this.step.push(step);
  }
}

function segmentAt(map: OffsetMap, i: number): number {
  let lo = 0;
  let hi = map.d.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((map.d[mid] ?? 0) <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The map of the decoded substring `[from, to)`. */
export function sliceMap(map: OffsetMap, from: number, to: number): OffsetMap {
  const a = Math.max(0, Math.min(from, map.length));
  const b = Math.max(a, Math.min(to, map.length));
  const m = new MapBuilder();
  m.append(map, a, b);
  return m.finish(b >= map.length ? map.rawEnd : mapOffset(map, b));
}

/** A map in which every decoded unit maps to `span.start` and the end maps to `span.end`. */
export function fixedMap(length: number, start: number, end: number): OffsetMap {
  const m = new MapBuilder();
  m.fixed(start, length);
  return m.finish(end);
}

/** A one-for-one map of `length` units starting at raw offset `start`. */
export function plainMap(length: number, start: number): OffsetMap {
  const m = new MapBuilder();
  m.plain(start, length);
  return m.finish(start + length);
}
