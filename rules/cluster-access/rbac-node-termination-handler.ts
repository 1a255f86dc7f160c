/**
 * @fileoverview A service account that may evict or delete pods, or update nodes, cluster-wide.
 */
import { chainText, defineProjectRule, grantsRelated, isServiceAccountSubject, RbacGraph, rbacFacts, ruleGrants, type RbacFact, type RuleFact } from '../../src/rule-api.js';

const POWERS: readonly (readonly [string, readonly string[], string])[] = [
  ['evict pods', ['create'], 'pods/eviction'],
  ['delete pods', ['delete', 'deletecollection'], 'pods'],
  ['update nodes', ['update', 'patch'], 'nodes'],
  ['delete nodes', ['delete', 'deletecollection'], 'nodes'],
];

function powersOf(rules: readonly RuleFact[]): string[] {
  return POWERS.filter(([, verbs, resource]) => rules.some((r) => verbs.some((v) => ruleGrants(r, v, { group: '', resource })))).map(([p]) => p);
}

export default defineProjectRule<undefined, RbacFact>({
  meta: {
    id: 'rbac-node-termination-handler',
    layer: 'cluster-access',
    level: 'warning',
    securitySeverity: 5.5,
    description: 'A service account may evict or delete pods, or update or delete nodes, cluster-wide, as the node-termination-handler of preemptible OKE nodes can: a pod on one node can then disrupt every other node.',
    remediation: 'Scope eviction and node updates to the node the pod runs on with an admission policy (e.g. OPA Gatekeeper or a ValidatingAdmissionPolicy), or grant them per namespace with RoleBindings.',
    tags: ['oke:preemptible-nodes', 'rbac'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      clusterWide: '{{chain}}: this service account may {{powers}} cluster-wide, so a compromised pod on one node can evict pods on, or update, every other node.',
    },
  },
  collect: (ctx) => rbacFacts(ctx),
  *analyze(facts) {
    const graph = new RbacGraph(facts);
    for (const binding of graph.bindings) {
      const bound = graph.resolve(binding);
      // cluster-admin bindings are rbac-cluster-admin-binding's.
      if (binding.kind !== 'ClusterRoleBinding' || !bound || (bound.builtin && bound.name === 'cluster-admin')) continue;
      const powers = powersOf(graph.effectiveRules(bound).map((r) => r.rule));
      if (powers.length === 0) continue;
      for (const g of graph.grantsVia(binding)) {
        if (!isServiceAccountSubject(g.subject)) continue;
        yield { messageId: 'clusterWide', data: { chain: chainText(g), powers: powers.join(', ') }, at: g.subject.at, related: grantsRelated([g]) };
      }
    }
  },
});
