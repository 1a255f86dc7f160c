/**
 * @fileoverview Bindings that grant anonymous requests, or every authenticated user, more than discovery.
 */
import { chainText, defineProjectRule, grantsRelated, DISCOVERY_ROLES, describeBinding, describeSubject, RbacGraph, rbacFacts, type RbacFact } from '../../src/rule-api.js';

const ANONYMOUS = new Set(['system:anonymous', 'system:unauthenticated']);

export default defineProjectRule<undefined, RbacFact>({
  meta: {
    id: 'rbac-anonymous-binding',
    layer: 'cluster-access',
    level: 'error',
    securitySeverity: 9.4,
    description: 'A binding grants system:anonymous or system:unauthenticated anything, or system:authenticated anything beyond the discovery roles.',
    remediation: 'Remove the subject from the binding and bind the role to the specific users, groups or service accounts that need it.',
    tags: ['cis-k8s:5.1.1', 'rbac'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      anonymous: '{{chain}}: anyone who can reach the API endpoint gets this role without any credential.',
      authenticated: '{{chain}}: every authenticated identity gets this role, including every service account of every pod and every OCI user allowed to use the cluster; Kubernetes grants them only discovery by default.',
    },
  },
  collect: (ctx) => rbacFacts(ctx),
  *analyze(facts) {
    const graph = new RbacGraph(facts);
    for (const binding of graph.bindings) {
      const ref = binding.roleRef;
      const bound = graph.resolve(binding);
      for (const subject of binding.subjects) {
        if (subject.kind !== 'User' && subject.kind !== 'Group') continue;
        const g = bound && { subject, binding, bound };
        const chain = g ? chainText(g) : `${describeSubject(subject)} → ${describeBinding(binding)} → ${ref.kind} ${ref.name}`;
        const related = g ? grantsRelated([g]) : [{ at: binding.at, message: `${describeBinding(binding)} grants ${ref.kind} ${ref.name}` }];
        if (ANONYMOUS.has(subject.name) && !(ref.kind === 'ClusterRole' && ref.name === 'system:public-info-viewer')) {
          yield { messageId: 'anonymous', data: { chain }, at: subject.at, related };
        } else if (subject.name === 'system:authenticated' && !(ref.kind === 'ClusterRole' && DISCOVERY_ROLES.has(ref.name))) {
          yield { messageId: 'authenticated', data: { chain }, at: subject.at, related };
        }
      }
    }
  },
});
