/**
 * A unified diff (`diff -u` / `git diff` hunks) between two texts, for `--fix-dry-run`.
 *
 * Lines are compared whole, terminator included: a `\r` stays part of the line, so CRLF files
 * diff and patch as they are, and a last line without a newline is marked with
 * `\ No newline at end of file` as GNU diff and git do. The line matching is Myers' O((N+M)·D)
 * shortest edit script after trimming the common head and tail; autofix changes are a few lines
 * in a file, so D is small. Past MAX_EDIT_DISTANCE the middle is given as one replacement,
 * which is still a correct (if not minimal) diff.
 *
 * Written here rather than taken from the `diff` package: this is ~120 lines with no options
 * to get wrong, and the output is checked against GNU patch and `git apply` in the tests.
 */

/** Lines of context around each change (the `diff -u` default). */
export const CONTEXT_LINES = 3;
/** Beyond this many inserted plus deleted lines the middle is not matched line by line. */
export const MAX_EDIT_DISTANCE = 2000;

export interface DiffOptions {
  /** Name on the `---` line (e.g. `a/deploy/web.yaml`). */
  readonly oldName: string;
  /** Name on the `+++` line (e.g. `b/deploy/web.yaml`). */
  readonly newName: string;
  readonly context?: number;
}

type Op = readonly [kind: ' ' | '-' | '+', line: string];

/** The unified diff from `before` to `after`; '' when they are equal. */
export function unifiedDiff(before: string, after: string, opts: DiffOptions): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = editScript(a, b);
  const context = opts.context ?? CONTEXT_LINES;
  let out = `--- ${opts.oldName}\n+++ ${opts.newName}\n`;
  for (const hunk of hunks(ops, context)) out += hunk;
  return out;
}

/** Lines with their terminators (`\n`, so `\r\n` keeps its `\r`); the last may have none. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    lines.push(text.slice(at, end));
    at = end;
  }
  return lines;
}

/** The edit script: common head, Myers over the middle, common tail. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = a.slice(0, head).map((l) => [' ', l] as const);
  ops.push(...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)));
  for (const l of a.slice(a.length - tail)) ops.push([' ', l]);
  return ops;
}

/** Myers' greedy shortest edit script, backtracked through the saved frontiers. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length, m = b.length, max = n + m;
  if (max > MAX_EDIT_DISTANCE) return replaceAll(a, b);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  /** Frontier d-1 as round d saw it, diagonals -d-1 … d+1 only (index k + d + 1). */
  const trace: Int32Array[] = [];
  const at = (arr: Int32Array, base: number, k: number): number => arr[base + k] ?? 0;
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && at(v, offset, k - 1) < at(v, offset, k + 1));
      let x = down ? at(v, offset, k + 1) : at(v, offset, k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) { done = true; break; }
    }
  }
  // Walk back from (n, m): each saved frontier tells which diagonal the path came from.
  const ops: Op[] = [];
  let x = n, y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const prev = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && at(prev, d + 1, k - 1) < at(prev, d + 1, k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prev, d + 1, prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--; y--;
      ops.push([' ', a[x] as string]);
    }
    if (d === 0) break;
    if (down) ops.push(['+', b[--y] as string]);
    else ops.push(['-', a[--x] as string]);
  }
  return ops.reverse();
}

function replaceAll(a: readonly string[], b: readonly string[]): Op[] {
  return [...a.map((l) => ['-', l] as const), ...b.map((l) => ['+', l] as const)];
}

/** Groups the script into hunks with `context` lines around changes; changes closer than 2·context share a hunk. */
function hunks(ops: readonly Op[], context: number): string[] {
  const changed = ops.flatMap((op, i) => (op[0] === ' ' ? [] : [i]));
  const out: string[] = [];
  let i = 0;
  while (i < changed.length) {
    const first = changed[i] as number;
    let last = first;
    while (i + 1 < changed.length && (changed[i + 1] as number) - last <= 2 * context + 1) last = changed[++i] as number;
    i++;
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length, last + context + 1);
    out.push(hunk(ops, from, to));
  }
  return out;
}

function hunk(ops: readonly Op[], from: number, to: number): string {
  // Line numbers (1-based) of the hunk's first line in each file: count what precedes it.
  let oldStart = 1, newStart = 1;
  for (const [kind] of ops.slice(0, from)) {
    if (kind !== '+') oldStart++;
    if (kind !== '-') newStart++;
  }
  let oldCount = 0, newCount = 0, body = '';
  for (const [kind, line] of ops.slice(from, to)) {
    if (kind !== '+') oldCount++;
    if (kind !== '-') newCount++;
    body += line.endsWith('\n') ? `${kind}${line}` : `${kind}${line}\n\\ No newline at end of file\n`;
  }
  // An empty side is numbered by the line before it (`-0,0` for an empty file).
  const range = (start: number, count: number): string => `${count === 0 ? start - 1 : start},${count}`;
  return `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${body}`;
}
