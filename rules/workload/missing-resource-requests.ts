/**
 * @fileoverview App and init containers without CPU or memory requests (a limit counts as the
 * request, as Kubernetes defaults a missing request to the limit).
 */
import { defineRule, getIn, isScalar, missingAnchor, roleName } from '../../src/rule-api.js';

type Resource = 'cpu' | 'memory';

export default defineRule<{ resources: Resource[] }>({
  meta: {
    id: 'missing-resource-requests',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 2.5,
    description: 'A container sets no CPU or memory request, so the scheduler cannot reserve capacity for it and it is the first to be evicted.',
    remediation: 'Set resources.requests.cpu and resources.requests.memory (or the matching limits) on every app and init container.',
    tags: [],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      missing: '{{role}} "{{name}}" sets no {{missing}} request (nor a limit it would default to): the scheduler can overcommit its node.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        resources: {
          type: 'array',
          items: { enum: ['cpu', 'memory'] },
          uniqueItems: true,
          default: ['cpu', 'memory'],
          description: 'Which requests each container must set (a limit also counts as the request).',
        },
      },
    },
    defaultOptions: { resources: ['cpu', 'memory'] },
  },
  *check(ctx) {
    const wanted = ctx.options.resources;
    for (const c of ctx.workload()?.containers ?? []) {
      // Ephemeral containers cannot have resources.
      if (c.role === 'ephemeral') continue;
      const missing = wanted.filter((r) =>
        !isSet(getIn(c.node, ['resources', 'requests', r])) && !isSet(getIn(c.node, ['resources', 'limits', r])));
      if (missing.length === 0) continue;
      yield {
        messageId: 'missing',
        data: { role: roleName(c.role), name: c.name, missing: missing.join(' and ') },
        at: missingAnchor(c.node, ['resources', 'requests'], c.anchor),
      };
    }
  },
});

/** A quantity is set when it is a scalar other than null or the empty string. */
function isSet(node: unknown): boolean {
  return isScalar(node) && node.value !== null && node.value !== '';
}
