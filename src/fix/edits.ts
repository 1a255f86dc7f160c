/**
 * Text edits: the unit every autofix is made of. An edit replaces the half-open range
 * `[start, end)` of the file text (UTF-16 offsets, the engine's span convention) with `text`;
 * `start === end` inserts. Edits of one fix never overlap; insertions at the same offset keep
 * the order they were made in.
 */

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Sorts edits by offset and merges insertions at the same offset (in the order given).
 * Returns undefined when two edits overlap.
 */
export function normalizeEdits(edits: readonly Edit[]): Edit[] | undefined {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i).map((x) => x.e);
  const out: Edit[] = [];
  for (const e of sorted) {
    if (e.start > e.end) return undefined;
    const prev = out[out.length - 1];
    if (prev && prev.start === e.start && prev.end === e.start && e.end === e.start) {
      out[out.length - 1] = { start: prev.start, end: prev.end, text: prev.text + e.text };
      continue;
    }
    if (prev && e.start < prev.end) return undefined;
    // An insertion at the start of a replacement goes before it: merge to keep the order explicit.
    if (prev && prev.start === prev.end && prev.start === e.start) {
      out[out.length - 1] = { start: e.start, end: e.end, text: prev.text + e.text };
      continue;
    }
    out.push(e);
  }
  return out;
}

/** Applies non-overlapping edits (see normalizeEdits) to `text`. Throws on overlapping edits. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const norm = normalizeEdits(edits);
  if (!norm) throw new Error('overlapping edits');
  let out = '';
  let at = 0;
  for (const e of norm) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
