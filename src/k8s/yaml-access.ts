/**
 * Small, allocation-free readers over `yaml` nodes. Rules use these instead of `toJS()` so
 * every value keeps its node (and so its position).
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

export type YNode = Node;
export { isMap, isScalar, isSeq, isPair };
export type { YAMLMap, YAMLSeq, Scalar, Pair };

/** The pair whose key is the scalar `key`, or undefined. */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  for (const item of map.items as Pair<Node, Node | null>[]) {
    const k = item.key;
    if (isScalar(k) && k.value === key) return item;
  }
  return undefined;
}

/** The value node under `key`, or undefined (also for an explicit null value with no node). */
export function get(map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = pairOf(map, key);
  return pair?.value ?? undefined;
}

/** Follow `keys` through nested maps. */
export function getIn(map: unknown, keys: readonly string[]): Node | undefined {
  let cur: unknown = map;
  for (const key of keys) {
    cur = get(cur, key);
    if (cur === undefined) return undefined;
  }
  return cur as Node;
}

export function getMap(map: unknown, key: string): YAMLMap | undefined {
  const v = get(map, key);
  return isMap(v) ? v : undefined;
}

export function getSeq(map: unknown, key: string): YAMLSeq | undefined {
  const v = get(map, key);
  return isSeq(v) ? v : undefined;
}

/** The scalar's value, or undefined for non-scalars. */
export function scalar(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** The scalar value as a string (numbers and booleans are stringified), or undefined. */
export function str(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** True only for a boolean `true` scalar (YAML `true`, JSON `true`). */
export function isTrue(node: unknown): boolean {
  return isScalar(node) && node.value === true;
}

/** True only for a boolean `false` scalar. */
export function isFalse(node: unknown): boolean {
  return isScalar(node) && node.value === false;
}

/** Items of a sequence node, or an empty list. */
export function items(node: unknown): readonly unknown[] {
  return isSeq(node) ? node.items : [];
}
