/**
 * @fileoverview App and init containers without CPU or memory requests (a limit counts as the
 * request, as Kubernetes defaults a missing request to the limit).
 */
import { defineRule, missingResources, roleName, type ResourceName } from '../../src/rule-api.js';

export default defineRule<{ resources: ResourceName[] }>({
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
    for (const m of missingResources(ctx.workload(), 'requests', ctx.options.resources)) {
      yield {
        messageId: 'missing',
        data: { role: roleName(m.container.role), name: m.container.name, missing: m.missing.join(' and ') },
        at: m.at,
      };
    }
  },
});
