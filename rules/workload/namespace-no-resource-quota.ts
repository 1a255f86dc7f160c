/**
 * @fileoverview A namespace without a ResourceQuota in the linted set. Evaluated over the whole
 * linted set; which namespaces are reported depends on the preset (docs/namespace-checks.md).
 */
import { defineProjectRule, indexNamespaces, namespaceFacts, reportableNamespaces, scopeOf, type NamespaceFact, type NamespaceScope } from '../../src/rule-api.js';

export default defineProjectRule<{ scope?: NamespaceScope }, NamespaceFact>({
  meta: {
    id: 'namespace-no-resource-quota',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 3.5,
    description: 'A namespace has no ResourceQuota capping the CPU, memory, storage and object counts its workloads can claim.',
    remediation: 'Add a ResourceQuota to the namespace with limits on requests.cpu, requests.memory, limits.memory and object counts sized for its workloads.',
    tags: ['resources', 'namespace-wide'],
    appliesTo: ['k8s'],
    recommended: true,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        scope: {
          type: 'string',
          enum: ['declared', 'all'],
          description: 'declared: report only namespaces whose Namespace object is linted; all: also namespaces that only hold workloads. Default: all under the strict preset, declared otherwise.',
        },
      },
    },
    messages: {
      missing: '{{where}} has no ResourceQuota: one compromised or runaway workload can claim the CPU, memory and objects the rest of the cluster needs.',
    },
  },
  *collect(ctx) {
    yield* namespaceFacts(ctx, ['namespace', 'workload', 'quota']);
  },
  *analyze(facts, ctx) {
    for (const { entry, at, where } of reportableNamespaces(indexNamespaces(facts), scopeOf(ctx.options, ctx.preset))) {
      if (entry.quotas === 0) yield { messageId: 'missing', data: { where }, at };
    }
  },
});
