/**
 * @fileoverview App and init containers without CPU or memory limits.
 */
import { defineRule, getIn, isScalar, missingAnchor, roleName } from '../../src/rule-api.js';

type Resource = 'cpu' | 'memory';

export default defineRule<{ resources: Resource[] }>({
  meta: {
    id: 'missing-resource-limits',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 3.5,
    description: 'A container sets no CPU or memory limit, so a runaway or compromised process can starve every other pod on its node.',
    remediation: 'Set resources.limits.cpu and resources.limits.memory on every app and init container.',
    tags: ['nsa-cisa'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      missing: '{{role}} "{{name}}" sets no {{missing}} limit: without limits (or a namespace LimitRange) one pod can starve its node.',
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
          description: 'Which limits each container must set.',
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
      const missing = wanted.filter((r) => !isSet(getIn(c.node, ['resources', 'limits', r])));
      if (missing.length === 0) continue;
      yield {
        messageId: 'missing',
        data: { role: roleName(c.role), name: c.name, missing: missing.join(' and ') },
        at: missingAnchor(c.node, ['resources', 'limits'], c.anchor),
      };
    }
  },
});

/** A quantity is set when it is a scalar other than null or the empty string. */
function isSet(node: unknown): boolean {
  return isScalar(node) && node.value !== null && node.value !== '';
}
