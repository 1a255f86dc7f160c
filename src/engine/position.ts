/**
 * Turns report anchors into spans, object paths and line/column positions. This is the only
 * place (with the reporters and the LSP) where offsets become lines.
 */
import { isMap, isNode, isPair, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import type { At } from './rule-api.js';
import type { Position, Span } from './types.js';

/** The span an anchor covers: a node's value range, a pair from key start to value end, an IAM node's span. */
export function spanOf(at: At): Span {
  if (isPair(at)) {
    const pair = at as Pair<Node | null, Node | null>;
    const start = pair.key?.range?.[0] ?? pair.value?.range?.[0] ?? 0;
    const end = pair.value?.range?.[1] ?? pair.key?.range?.[1] ?? start;
    return { start, end };
  }
  if (isNode(at)) {
    const range = at.range;
    return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
  }
  if ('span' in at) return { start: at.span.start, end: at.span.end };
  const range = at.range;
  return { start: range[0], end: range[1] };
}

/** Field path from `root` to `target` (a node, or a pair whose key is the target), or []. */
export function pathTo(root: Node, target: At): (string | number)[] {
  const goal: unknown = isPair(target) ? (target as Pair).key : target;
  const path: (string | number)[] = [];
  return search(root, goal, path) ? path : [];
}

function search(node: unknown, goal: unknown, path: (string | number)[]): boolean {
  if (node === goal) return true;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isNode(pair.key) && 'value' in pair.key ? String((pair.key as { value: unknown }).value) : String(pair.key);
      path.push(key);
      if (pair.key === goal || search(pair.value, goal, path)) return true;
      path.pop();
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      path.push(i);
      if (search(node.items[i], goal, path)) return true;
      path.pop();
    }
  }
  return false;
}

/** 1-based line and column (UTF-16 code units) of an offset. */
export function positionOf(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** The text of the 1-based `line` without its line break. */
export function lineTextOf(text: string, lineCounter: LineCounter, line: number): string {
  const start = lineCounter.lineStarts[line - 1] ?? text.length;
  const next = lineCounter.lineStarts[line];
  let end = next === undefined ? text.length : next - 1;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return text.slice(start, Math.max(start, end));
}
