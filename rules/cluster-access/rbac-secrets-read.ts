/**
 * @fileoverview get, list or watch on Secrets: every credential the grant reaches.
 */
import { defineProjectRule, rbacFacts, roleContentHits, ruleGrants, type RbacFact, type RuleFact, type RuleMatch } from '../../src/rule-api.js';

const SECRETS = { group: '', resource: 'secrets' };

/** Reading secrets; a rule narrowed by resourceNames reads only the named ones and is left alone. */
function secretsRead(rule: RuleFact): RuleMatch | undefined {
  if (rule.resourceNames.length > 0) return undefined;
  const hits = ['get', 'list', 'watch'].flatMap((verb) => {
    const g = ruleGrants(rule, verb, SECRETS);
    return g ? [{ verb, item: g.resource }] : [];
  });
  return hits.length ? { items: hits.map((h) => h.item), detail: hits.map((h) => h.verb) } : undefined;
}

export default defineProjectRule<undefined, RbacFact>({
  meta: {
    id: 'rbac-secrets-read',
    layer: 'cluster-access',
    level: 'error',
    securitySeverity: 7.5,
    description: 'A Role or ClusterRole can get, list or watch Secrets: an error cluster-wide, a warning within a namespace.',
    remediation: 'Grant read access only to the named Secrets the holder needs (resourceNames), in its own namespace, or mount them into the pod instead.',
    tags: ['cis-k8s:5.1.2', 'rbac'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      clusterWide: '{{role}} can {{detail}} Secrets cluster-wide: every credential, token and key in every namespace, kube-system included; {{grants}}.',
      namespaced: '{{role}} can {{detail}} Secrets {{scope}}: every credential and service-account token stored there; {{grants}}.',
    },
  },
  collect: (ctx) => rbacFacts(ctx),
  *analyze(facts) {
    for (const hit of roleContentHits(facts, secretsRead)) {
      const data = { role: hit.role, detail: hit.detail, scope: hit.scope, grants: hit.grants };
      yield hit.clusterWide ? { messageId: 'clusterWide', data, at: hit.at, related: hit.related } : { messageId: 'namespaced', data, at: hit.at, level: 'warning', related: hit.related };
    }
  },
});
