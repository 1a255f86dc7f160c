/**
 * @fileoverview A node pool's boot volumes are encrypted with an Oracle-managed key only: no
 * `nodeConfigDetails.kmsKeyId`.
 */
import { defineOkeRule, presence, type Report } from '../../src/rule-api.js';

const KEY = 'nodeConfigDetails.kmsKeyId';

export default defineOkeRule({
  meta: {
    id: 'oke-node-pool-boot-volume-kms',
    layer: 'node',
    level: 'warning',
    securitySeverity: 4.4,
    description: 'An OKE node pool does not encrypt its boot volumes with a customer-managed OCI Vault key (no nodeConfigDetails.kmsKeyId).',
    remediation: 'Set nodeConfigDetails.kmsKeyId (Terraform node_config_details { kms_key_id }) to a Vault master encryption key, with a policy that lets the block volume service use it.',
    tags: ['oke', 'encryption', 'kms', 'cis-oci:5.2.2'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      missing: '{{resource}} has no {{field}}: its boot volumes are encrypted with an Oracle-managed key only; set a customer-managed Vault key.',
      empty: '{{resource}} leaves {{field}} empty ({{value}}{{origin}}): its boot volumes are encrypted with an Oracle-managed key only; set a customer-managed Vault key.',
      unresolved: '{{resource}}: the key that encrypts the boot volumes could not be resolved ({{reason}}), so {{field}} was not checked.',
    },
  },
  *checkOke(ctx): Iterable<Report> {
    if (ctx.resource.kind !== 'node-pool') return;
    const r = ctx.read(KEY);
    if (presence(r) === 'set') return;
    const resource = ctx.label;
    if (r.state === 'unresolved') yield { messageId: 'unresolved', data: { resource, field: ctx.spell(KEY), reason: r.reason }, at: r.at, level: 'note' };
    else if (r.state === 'value') yield { messageId: 'empty', data: { resource, field: r.name, value: JSON.stringify(r.value), origin: r.origin }, at: r.at };
    else yield { messageId: 'missing', data: { resource, field: ctx.spell(KEY) }, at: r.at };
  },
});
