/**
 * @fileoverview Bindings to cluster-admin, and cluster-wide bindings to admin or edit.
 */
import { chainText, defineProjectRule, grantsRelated, isAllUsersSubject, isSystemComponent, RbacGraph, rbacFacts, type RbacFact } from '../../src/rule-api.js';

export default defineProjectRule<undefined, RbacFact>({
  meta: {
    id: 'rbac-cluster-admin-binding',
    layer: 'cluster-access',
    level: 'error',
    securitySeverity: 9.1,
    description: 'A subject is bound to cluster-admin (by a ClusterRoleBinding or a RoleBinding), or to admin or edit by a ClusterRoleBinding, which grants them in every namespace.',
    remediation: 'Bind a role scoped to what the subject does, with a RoleBinding in the namespaces it works in; keep cluster-admin for break-glass access through the OCI IAM-mapped administrators.',
    tags: ['cis-k8s:5.1.1', 'rbac'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      clusterAdmin: '{{chain}}: cluster-admin everywhere, every secret, node and workload of the cluster, and the power to grant anything.',
      namespaceAdmin: '{{chain}}: cluster-admin within namespace "{{namespace}}", full control of it including its Roles, bindings and Secrets.',
      broadBuiltin: '{{chain}}: a ClusterRoleBinding grants "{{role}}" in every namespace, kube-system included, with its Secrets, pod creation and exec.',
    },
  },
  collect: (ctx) => rbacFacts(ctx),
  *analyze(facts) {
    const graph = new RbacGraph(facts);
    for (const binding of graph.bindings) {
      const { kind, name } = binding.roleRef;
      if (kind !== 'ClusterRole' || !(name === 'cluster-admin' || ((name === 'admin' || name === 'edit') && binding.kind === 'ClusterRoleBinding'))) continue;
      for (const g of graph.grantsVia(binding)) {
        // Control-plane identities are cluster-admin by design; all-users groups are rbac-anonymous-binding's.
        if (isSystemComponent(g.subject) || isAllUsersSubject(g.subject)) continue;
        const data = { chain: chainText(g), role: name, namespace: binding.namespace ?? 'its namespace' };
        if (name !== 'cluster-admin') yield { messageId: 'broadBuiltin', data, at: g.subject.at, related: grantsRelated([g]) };
        else if (binding.kind === 'ClusterRoleBinding') yield { messageId: 'clusterAdmin', data, at: g.subject.at, related: grantsRelated([g]) };
        else yield { messageId: 'namespaceAdmin', data, at: g.subject.at, related: grantsRelated([g]) };
      }
    }
  },
});
