/**
 * @fileoverview A dynamic group (instance, function or resource principals) granted `manage` on
 * all resources, on IAM resources, or on keys, vaults and secrets: whoever runs code on one
 * matching resource holds that power.
 */
import { ALL_RESOURCES, canonicalType, defineIamRule, IAM_RESOURCE_TYPES, narrowsEveryPath, quoteText, type Term } from '../../src/rule-api.js';

/** Vault, key and secret types, canonical spelling (`manage` lets the holder read, replace, disable or delete them). */
const SECRET_TYPES: ReadonlySet<string> = new Set(['secret-family', 'secrets', 'secret-bundles', 'vaults', 'keys', 'key-family', 'key-delegate']);

function kindOf(name: string): 'all' | 'iam' | 'secrets' | undefined {
  if (name === ALL_RESOURCES) return 'all';
  if (IAM_RESOURCE_TYPES.has(name)) return 'iam';
  return SECRET_TYPES.has(name) ? 'secrets' : undefined;
}

/** A where clause takes the grant out of scope when every alternative names the allowed actions or resources. */
function narrowsWhat(t: Term): boolean {
  return t.kind === 'unknown' || (t.kind === 'include' && (t.role === 'action' || t.role === 'resource'));
}

export default defineIamRule({
  meta: {
    id: 'iam-dynamic-group-broad',
    layer: 'cloud-control',
    level: 'warning',
    securitySeverity: 7.0,
    description: 'A dynamic group (instance principals, functions, other resource principals) is granted manage on all-resources, on IAM resource types, or on vaults, keys and secrets, so compromising one matching instance or function gives that power.',
    remediation: 'Grant the dynamic group only the families and verbs its workload calls (use or read, in its own compartment), narrowed with request.permission = ... or target.<resource>.id = ... where manage is unavoidable.',
    tags: ['oci-iam', 'instance-principals', 'least-privilege'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      allResources: 'Every instance or function matching {{subject}} can manage all resources {{scope}}: whoever runs code on one of them (a compromised workload, anyone who can run commands on it or update it) is an administrator of that scope. Grant only the families the workload calls, with use or read.',
      iam: 'Every instance or function matching {{subject}} can manage {{resource}} {{scope}}: a compromised workload can change identities and policies, and so grant itself anything. Keep IAM administration with a human group.',
      secrets: 'Every instance or function matching {{subject}} can manage {{resource}} {{scope}}: a compromised workload can read, replace or delete secrets and keys (scheduling a key deletion destroys the data it protects). Grant use on the one vault or key it needs (where target.key.id = ...).',
    },
  },
  *checkStatement(ctx) {
    const s = ctx.statement;
    if (s.kind === 'define' || s.kind === 'associate' || s.subject.kind !== 'dynamic-group') return;
    if (s.action.kind !== 'verb' || s.action.verb !== 'manage' || !s.resource || s.resource.unresolved) return;
    const kind = kindOf(canonicalType(s.resource.name));
    if (!kind || narrowsEveryPath(s.where?.condition, narrowsWhat)) return;
    const data = {
      subject: quoteText(ctx.textOf(s.subject)),
      resource: ctx.textOf(s.resource),
      scope: s.location ? `in ${ctx.textOf(s.location)}` : '(location not given)',
    };
    const at = s.resource;
    switch (kind) {
      case 'all': yield { messageId: 'allResources', data, at }; break;
      case 'iam': yield { messageId: 'iam', data, at }; break;
      case 'secrets': yield { messageId: 'secrets', data, at }; break;
    }
  },
});
