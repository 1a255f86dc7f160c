/**
 * @fileoverview Kubernetes Secrets of an OKE cluster are encrypted at rest with an
 * Oracle-managed key only: the cluster has no `kmsKeyId` (a customer-managed Vault key).
 */
import { defineOkeRule, presence, type Report } from '../../src/rule-api.js';

const KEY = 'kmsKeyId';

export default defineOkeRule({
  meta: {
    id: 'oke-secrets-kms',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 4.8,
    description: 'An OKE cluster does not encrypt Kubernetes Secrets with a customer-managed OCI Vault key (no kmsKeyId), so the secrets in etcd are protected only by an Oracle-managed key you cannot rotate, disable or audit.',
    remediation: 'Set kmsKeyId on the cluster to a Vault master encryption key and allow the OKE service to use it (Allow service oke to use keys in compartment <c> where target.key.id = \'<key OCID>\').',
    tags: ['oke', 'secrets', 'encryption', 'kms'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      missing: '{{resource}} has no {{field}}: Kubernetes Secrets are encrypted at rest with an Oracle-managed key only; set a customer-managed Vault key.',
      empty: '{{resource}} leaves {{field}} empty ({{value}}{{origin}}): Kubernetes Secrets are encrypted at rest with an Oracle-managed key only; set a customer-managed Vault key.',
      unresolved: '{{resource}}: the key that encrypts Kubernetes Secrets could not be resolved ({{reason}}), so {{field}} was not checked.',
      notListed: '{{resource}} comes from list output, which does not include {{field}}: the key that encrypts Kubernetes Secrets was not checked; lint the cluster\'s get output (oci ce cluster get) instead.',
    },
  },
  *checkOke(ctx): Iterable<Report> {
    if (ctx.resource.kind !== 'cluster') return;
    const r = ctx.read(KEY);
    const p = presence(r);
    if (p === 'set') return;
    const resource = ctx.label;
    if (r.state === 'unresolved') yield { messageId: 'unresolved', data: { resource, field: ctx.spell(KEY), reason: r.reason }, at: r.at, level: 'note' };
    else if (r.state === 'missing' && ctx.resource.listed) yield { messageId: 'notListed', data: { resource, field: ctx.spell(KEY) }, at: r.at, level: 'note' };
    else if (r.state === 'value') yield { messageId: 'empty', data: { resource, field: r.name, value: JSON.stringify(r.value), origin: r.origin }, at: r.at };
    else yield { messageId: 'missing', data: { resource, field: ctx.spell(KEY) }, at: r.at };
  },
});
