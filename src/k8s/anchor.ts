/**
 * Anchoring helpers: where a finding about a missing field points.
 */
import type { Node, Pair, YAMLMap } from 'yaml';
import { isMap, pairOf } from './yaml-access.js';

/**
 * The key of the deepest pair along `path` that exists under `map`, or `fallback` when even
 * the first key is missing. `missingAnchor(container, ['resources', 'limits', 'cpu'], c.anchor)`
 * points at `limits` when there is a `limits` map without `cpu`.
 */
export function missingAnchor(map: YAMLMap | undefined, path: readonly string[], fallback: Node | Pair): Node | Pair {
  let anchor: Node | Pair = fallback;
  let cur: unknown = map;
  for (const key of path) {
    if (!isMap(cur)) break;
    const pair = pairOf(cur, key);
    if (!pair) break;
    anchor = (pair.key as Node | null) ?? anchor;
    cur = pair.value;
  }
  return anchor;
}
