/**
 * @fileoverview pods/exec, pods/attach, pods/portforward and the proxy subresources.
 */
import { defineProjectRule, rbacFacts, roleContentHits, ruleGrants, type RbacFact, type RuleFact, type RuleMatch } from '../../src/rule-api.js';

/** Streaming subresources are opened with create (SPDY) or get (WebSocket upgrade on older API servers). */
const STREAM_VERBS = ['create', 'get'];
const PROXY_VERBS = ['get', 'create', 'update', 'patch', 'delete'];
const TARGETS: readonly (readonly [string, readonly string[]])[] = [
  ['pods/exec', STREAM_VERBS], ['pods/attach', STREAM_VERBS], ['pods/portforward', STREAM_VERBS],
  ['pods/proxy', PROXY_VERBS], ['services/proxy', PROXY_VERBS], ['nodes/proxy', PROXY_VERBS],
];

function streaming(rule: RuleFact): RuleMatch | undefined {
  const hits = TARGETS.flatMap(([resource, verbs]) => {
    for (const verb of verbs) {
      const g = ruleGrants(rule, verb, { group: '', resource });
      if (g) return [{ resource, item: g.resource }];
    }
    return [];
  });
  return hits.length ? { items: hits.map((h) => h.item), detail: hits.map((h) => h.resource) } : undefined;
}

export default defineProjectRule<undefined, RbacFact>({
  meta: {
    id: 'rbac-exec-attach-proxy',
    layer: 'cluster-access',
    level: 'error',
    securitySeverity: 8.2,
    description: 'A Role or ClusterRole grants pods/exec, pods/attach, pods/portforward or a proxy subresource (pods/proxy, services/proxy, nodes/proxy): a shell in, or a tunnel to, running workloads and kubelets.',
    remediation: 'Keep exec, attach, port-forward and proxy rights for break-glass roles bound to named people, in a single namespace, and never grant nodes/proxy outside the control plane.',
    tags: ['cis-k8s:5.1.10', 'rbac'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      clusterWide: '{{role}} grants {{detail}} cluster-wide: a shell in, or a tunnel to, any pod or kubelet, with every secret and token they hold; {{grants}}.',
      namespaced: '{{role}} grants {{detail}} {{scope}}: a shell in, or a tunnel to, its pods and the secrets they mount; {{grants}}.',
    },
  },
  collect: (ctx) => rbacFacts(ctx),
  *analyze(facts) {
    for (const hit of roleContentHits(facts, streaming)) {
      const data = { role: hit.role, detail: hit.detail, scope: hit.scope, grants: hit.grants };
      yield hit.clusterWide ? { messageId: 'clusterWide', data, at: hit.at, related: hit.related } : { messageId: 'namespaced', data, at: hit.at, level: 'warning', related: hit.related };
    }
  },
});
