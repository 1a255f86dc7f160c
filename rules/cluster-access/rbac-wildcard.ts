/**
 * @fileoverview `*` in the verbs, resources or API groups of a Role or ClusterRole.
 */
import { defineProjectRule, rbacFacts, roleContentHits, type RbacFact, type RuleFact, type RuleMatch } from '../../src/rule-api.js';

const FIELDS = ['apiGroups', 'resources', 'verbs'] as const;

function wildcards(rule: RuleFact): RuleMatch | undefined {
  const fields = FIELDS.filter((f) => rule[f].some((i) => i.value === '*'));
  if (fields.length === 0) return undefined;
  return { items: fields.flatMap((f) => rule[f].filter((i) => i.value === '*')), detail: fields };
}

export default defineProjectRule<undefined, RbacFact>({
  meta: {
    id: 'rbac-wildcard',
    layer: 'cluster-access',
    level: 'error',
    securitySeverity: 8.0,
    description: 'A Role or ClusterRole rule uses "*" in its verbs, resources or API groups, granting everything of that kind, including resources and verbs added later.',
    remediation: 'List the exact verbs, resources and API groups the holder needs instead of "*".',
    tags: ['cis-k8s:5.1.3', 'rbac'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      clusterWide: '{{role}} uses "*" in {{detail}} cluster-wide: it grants every matching verb and resource, including those added later (CRDs, new subresources); {{grants}}.',
      namespaced: '{{role}} uses "*" in {{detail}} {{scope}}: it grants every matching verb and resource there, including those added later; {{grants}}.',
    },
  },
  collect: (ctx) => rbacFacts(ctx),
  *analyze(facts) {
    for (const hit of roleContentHits(facts, wildcards)) {
      const data = { role: hit.role, detail: hit.detail, scope: hit.scope, grants: hit.grants };
      yield hit.clusterWide ? { messageId: 'clusterWide', data, at: hit.at, related: hit.related } : { messageId: 'namespaced', data, at: hit.at, level: 'warning', related: hit.related };
    }
  },
});
