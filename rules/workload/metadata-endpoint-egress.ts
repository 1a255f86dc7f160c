/**
 * @fileoverview Pods whose egress can reach 169.254.169.254, the instance metadata endpoint that
 * hands out the node's instance-principal certificates. Two ways, over the whole linted set:
 * - a NetworkPolicy egress rule allows it: no `to` (every destination) or an ipBlock whose CIDR
 *   contains the address without an `except` that removes it, on a port list that lets TCP 80
 *   through. Reported at that rule or CIDR whatever the preset: the policy is in the set.
 * - pods no egress policy selects: reported once per namespace, at its Namespace object or its
 *   first such workload, under the namespace noise policy (docs/namespace-checks.md).
 * Pods on the host network are left to `host-namespaces`: no NetworkPolicy applies to them.
 */
import {
  defineProjectRule, indexNamespaces, nameList, namespaceFacts, reportableNamespaces, scopeOf, selectorMatches,
  type NamespaceFact, type NamespaceScope, type ProjectReport,
} from '../../src/rule-api.js';

export default defineProjectRule<{ scope?: NamespaceScope }, NamespaceFact>({
  meta: {
    id: 'metadata-endpoint-egress',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 7.4,
    description: 'Pods can send traffic to 169.254.169.254, the instance metadata endpoint that serves the node\'s instance-principal credentials.',
    remediation: 'Give every namespace a default-deny egress NetworkPolicy and write egress allowances with ipBlock.except: [169.254.169.254/32] (or narrower CIDRs that leave it out).',
    tags: ['network-policy', 'oke:instance-principals', 'namespace-wide'],
    appliesTo: ['k8s'],
    recommended: true,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        scope: {
          type: 'string',
          enum: ['declared', 'all'],
          description: 'declared: report namespaces without egress policy only when their Namespace object is linted; all: also namespaces that only hold workloads. Default: all under the strict preset, declared otherwise.',
        },
      },
    },
    messages: {
      ipBlock: 'NetworkPolicy "{{policy}}" allows egress to {{cidr}}, which contains the instance metadata endpoint 169.254.169.254: a compromised pod can take the node\'s instance-principal credentials; add 169.254.169.254/32 to ipBlock.except.',
      anyDestination: 'NetworkPolicy "{{policy}}" allows egress to every destination, including the instance metadata endpoint 169.254.169.254: a compromised pod can take the node\'s instance-principal credentials; list destinations with ipBlock and except 169.254.169.254/32.',
      unrestricted: '{{where}}: no egress NetworkPolicy selects {{count}} ({{names}}), so their pods can reach the instance metadata endpoint 169.254.169.254 and take the node\'s instance-principal credentials.',
      noEgressPolicy: '{{where}} has no NetworkPolicy restricting the egress of all its pods: any pod in it can reach the instance metadata endpoint 169.254.169.254 and take the node\'s instance-principal credentials.',
    },
  },
  *collect(ctx) {
    yield* namespaceFacts(ctx, ['namespace', 'workload', 'policy']);
  },
  *analyze(facts, ctx): Generator<ProjectReport> {
    for (const f of facts) {
      if (f.t !== 'policy') continue;
      for (const allow of f.metadataAllows) {
        if (allow.reason === 'ipBlock') yield { messageId: 'ipBlock', data: { policy: f.name, cidr: allow.cidr ?? '' }, at: allow.at };
        else yield { messageId: 'anyDestination', data: { policy: f.name }, at: allow.at };
      }
    }
    for (const { entry, at, where } of reportableNamespaces(indexNamespaces(facts), scopeOf(ctx.options, ctx.preset))) {
      const egress = entry.policies.filter((p) => p.egress);
      const pods = entry.workloads.filter((w) => !w.hostNetwork);
      if (pods.length === 0) {
        if (entry.workloads.length === 0 && !egress.some((p) => p.selector.all)) yield { messageId: 'noEgressPolicy', data: { where }, at };
        continue;
      }
      const open = pods.filter((w) => !egress.some((p) => selectorMatches(p.selector, w.labels)));
      if (open.length === 0) continue;
      const count = open.length === 1 ? '1 workload' : `${open.length} workloads`;
      yield { messageId: 'unrestricted', data: { where, count, names: nameList(open.map((w) => w.name)) }, at: entry.namespaceAt ?? open[0]?.at ?? at };
    }
  },
});
