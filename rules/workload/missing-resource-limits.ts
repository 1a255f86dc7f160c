/**
 * @fileoverview App and init containers without CPU or memory limits.
 */
import { defineRule, missingResources, roleName, type ResourceName } from '../../src/rule-api.js';

export default defineRule<{ resources: ResourceName[] }>({
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
    for (const m of missingResources(ctx.workload(), 'limits', ctx.options.resources)) {
      yield {
        messageId: 'missing',
        data: { role: roleName(m.container.role), name: m.container.name, missing: m.missing.join(' and ') },
        at: m.at,
      };
    }
  },
});
