/**
 * Which CPU/memory limits or requests a workload's containers leave unset.
 */
import type { Node, Pair } from 'yaml';
import { missingAnchor } from './anchor.js';
import type { ContainerView, Workload } from './workload.js';
import { getIn, isScalar } from './yaml-access.js';

export type ResourceName = 'cpu' | 'memory';

export interface MissingResources {
  readonly container: ContainerView;
  readonly missing: readonly ResourceName[];
  readonly at: Node | Pair;
}

/**
 * App and init containers (ephemeral ones cannot have resources) that leave any of `wanted`
 * unset under `resources.<section>`. For requests, a set limit counts: Kubernetes defaults a
 * missing request to the limit.
 */
export function* missingResources(
  workload: Workload | undefined,
  section: 'limits' | 'requests',
  wanted: readonly ResourceName[],
): Generator<MissingResources> {
  for (const c of workload?.containers ?? []) {
    if (c.role === 'ephemeral') continue;
    const missing = wanted.filter((r) =>
      !isSet(getIn(c.node, ['resources', section, r])) && (section === 'limits' || !isSet(getIn(c.node, ['resources', 'limits', r]))));
    if (missing.length) yield { container: c, missing, at: missingAnchor(c.node, ['resources', section], c.anchor) };
  }
}

/** A quantity is set when it is a scalar other than null or the empty string. */
function isSet(node: unknown): boolean {
  return isScalar(node) && node.value !== null && node.value !== '';
}
