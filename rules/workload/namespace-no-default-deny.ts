/**
 * @fileoverview A namespace without a default-deny NetworkPolicy: a policy that selects every pod
 * (`podSelector: {}`) and isolates it with no allowing rule, for ingress and for egress (one policy
 * with both types, or one per direction). Evaluated over the whole linted set; which namespaces
 * are reported depends on the preset (docs/namespace-checks.md).
 */
import { defineProjectRule, indexNamespaces, namespaceFacts, reportableNamespaces, scopeOf, type NamespaceFact, type NamespaceScope } from '../../src/rule-api.js';

export default defineProjectRule<{ scope?: NamespaceScope }, NamespaceFact>({
  meta: {
    id: 'namespace-no-default-deny',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 5.4,
    description: 'A namespace has no default-deny NetworkPolicy selecting all its pods for both ingress and egress.',
    remediation: 'Add a NetworkPolicy with podSelector: {}, policyTypes [Ingress, Egress] and no rules to the namespace, then allow the traffic each workload needs in separate policies.',
    tags: ['network-policy', 'cis-k8s:5.3.2', 'namespace-wide'],
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
      missing: '{{where}} has no default-deny NetworkPolicy for {{missing}}: without one, a compromised pod can freely reach (or be reached from) the rest of the cluster.',
    },
  },
  *collect(ctx) {
    yield* namespaceFacts(ctx, ['namespace', 'workload', 'policy']);
  },
  *analyze(facts, ctx) {
    for (const { entry, at, where } of reportableNamespaces(indexNamespaces(facts), scopeOf(ctx.options, ctx.preset))) {
      const ingress = entry.policies.some((p) => p.selector.all && p.denyAllIngress);
      const egress = entry.policies.some((p) => p.selector.all && p.denyAllEgress);
      if (ingress && egress) continue;
      const missing = !ingress && !egress ? 'ingress or egress' : ingress ? 'egress' : 'ingress';
      yield { messageId: 'missing', data: { where, missing }, at };
    }
  },
});
