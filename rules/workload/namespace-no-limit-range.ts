/**
 * @fileoverview A namespace without a LimitRange in the linted set. Evaluated over the whole
 * linted set; which namespaces are reported depends on the preset (docs/namespace-checks.md).
 */
import { defineProjectRule, indexNamespaces, namespaceFacts, reportableNamespaces, scopeOf, type NamespaceFact, type NamespaceScope } from '../../src/rule-api.js';

export default defineProjectRule<{ scope?: NamespaceScope }, NamespaceFact>({
  meta: {
    id: 'namespace-no-limit-range',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 3.1,
    description: 'A namespace has no LimitRange giving containers default and maximum CPU and memory.',
    remediation: 'Add a LimitRange to the namespace with default, defaultRequest and max values for container cpu and memory.',
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
      missing: '{{where}} has no LimitRange: containers that set no limits get none, and nothing stops one from requesting unreasonably high or low values.',
    },
  },
  *collect(ctx) {
    yield* namespaceFacts(ctx, ['namespace', 'workload', 'limitRange']);
  },
  *analyze(facts, ctx) {
    for (const { entry, at, where } of reportableNamespaces(indexNamespaces(facts), scopeOf(ctx.options, ctx.preset))) {
      if (entry.limitRanges === 0) yield { messageId: 'missing', data: { where }, at };
    }
  },
});
