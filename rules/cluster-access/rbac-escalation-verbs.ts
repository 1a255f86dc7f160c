/**
 * @fileoverview escalate or bind on roles, impersonate on users, groups or service accounts.
 */
import { defineProjectRule, rbacFacts, roleContentHits, ruleGrants, type RbacFact, type RuleFact, type RuleMatch, type Target } from '../../src/rule-api.js';

const RBAC = 'rbac.authorization.k8s.io';
const VERBS: readonly (readonly [string, readonly Target[]])[] = [
  ['escalate', [{ group: RBAC, resource: 'roles' }, { group: RBAC, resource: 'clusterroles' }]],
  ['bind', [{ group: RBAC, resource: 'roles' }, { group: RBAC, resource: 'clusterroles' }]],
  ['impersonate', ['users', 'groups', 'serviceaccounts'].map((resource) => ({ group: '', resource }))],
];

function escalation(rule: RuleFact): RuleMatch | undefined {
  const hits = VERBS.flatMap(([verb, targets]) => targets.flatMap((t) => {
    const g = ruleGrants(rule, verb, t);
    return g ? [{ item: g.verb, detail: `${verb} ${t.resource}` }] : [];
  }));
  return hits.length ? { items: hits.map((h) => h.item), detail: hits.map((h) => h.detail) } : undefined;
}

export default defineProjectRule<undefined, RbacFact>({
  meta: {
    id: 'rbac-escalation-verbs',
    layer: 'cluster-access',
    level: 'error',
    securitySeverity: 8.5,
    description: 'A Role or ClusterRole grants escalate or bind on roles, or impersonate on users, groups or service accounts: verbs that bypass RBAC\'s own privilege-escalation check.',
    remediation: 'Remove escalate, bind and impersonate, or narrow bind and impersonate with resourceNames to the exact roles or identities needed.',
    tags: ['cis-k8s:5.1.8', 'rbac'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      clusterWide: '{{role}} grants {{detail}} cluster-wide: its holder can give itself, or act as, any identity or role, up to cluster-admin; {{grants}}.',
      namespaced: '{{role}} grants {{detail}} {{scope}}: its holder can grant itself, or act as, more than it was given there; {{grants}}.',
    },
  },
  collect: (ctx) => rbacFacts(ctx),
  *analyze(facts) {
    for (const hit of roleContentHits(facts, escalation)) {
      const data = { role: hit.role, detail: hit.detail, scope: hit.scope, grants: hit.grants };
      yield hit.clusterWide ? { messageId: 'clusterWide', data, at: hit.at, related: hit.related } : { messageId: 'namespaced', data, at: hit.at, level: 'warning', related: hit.related };
    }
  },
});
