/**
 * @fileoverview create, update or patch on pods or on a controller that creates pods.
 */
import { defineProjectRule, rbacFacts, roleContentHits, ruleGrants, type RbacFact, type RuleFact, type RuleMatch, type Target } from '../../src/rule-api.js';

/** Pods and every built-in controller that creates pods from a template. */
const POD_MAKERS: readonly Target[] = [
  { group: '', resource: 'pods' },
  ...['deployments', 'replicasets', 'statefulsets', 'daemonsets'].map((resource) => ({ group: 'apps', resource })),
  ...['jobs', 'cronjobs'].map((resource) => ({ group: 'batch', resource })),
  { group: '', resource: 'replicationcontrollers' },
  ...['deployments', 'replicasets', 'daemonsets'].map((resource) => ({ group: 'extensions', resource })),
];

/** create needs no name (resourceNames cannot narrow it); update and patch of a named object can still rewrite its pod template. */
function podCreation(rule: RuleFact): RuleMatch | undefined {
  const hits = ['create', 'update', 'patch'].flatMap((verb) => {
    if (verb === 'create' && rule.resourceNames.length > 0) return [];
    return POD_MAKERS.flatMap((t) => {
      const g = ruleGrants(rule, verb, t);
      return g ? [{ resource: t.resource, item: g.resource }] : [];
    });
  });
  return hits.length ? { items: hits.map((h) => h.item), detail: hits.map((h) => h.resource) } : undefined;
}

function how(detail: string): string {
  return detail === 'pods'
    ? 'that is creating pods directly'
    : 'creating or changing these controllers creates pods on the holder\'s behalf (a Deployment creates pods), so this is indirect pod creation';
}

export default defineProjectRule<undefined, RbacFact>({
  meta: {
    id: 'rbac-pod-create-indirect',
    layer: 'cluster-access',
    level: 'warning',
    securitySeverity: 6.8,
    description: 'A Role or ClusterRole can create, update or patch pods, or a controller that creates pods (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController).',
    remediation: 'Give pod-creating rights only to the deployer that needs them, in its own namespace, and enforce Pod Security admission there so the pods it creates stay restricted.',
    tags: ['cis-k8s:5.1.4', 'rbac'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      clusterWide: '{{role}} can create or change {{detail}} cluster-wide: {{how}}; whoever holds it can run any image with any service account of any namespace, kube-system included; {{grants}}.',
      namespaced: '{{role}} can create or change {{detail}} {{scope}}: {{how}}; whoever holds it can run any image with any service account of the namespace; {{grants}}.',
    },
  },
  collect: (ctx) => rbacFacts(ctx),
  *analyze(facts) {
    for (const hit of roleContentHits(facts, podCreation)) {
      const data = { role: hit.role, detail: hit.detail, scope: hit.scope, grants: hit.grants, how: how(hit.detail) };
      yield hit.clusterWide ? { messageId: 'clusterWide', data, at: hit.at, related: hit.related } : { messageId: 'namespaced', data, at: hit.at, related: hit.related };
    }
  },
});
