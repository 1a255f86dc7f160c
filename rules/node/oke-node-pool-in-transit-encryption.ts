/**
 * @fileoverview A node pool does not encrypt the traffic between its instances and their boot
 * and block volumes: `nodeConfigDetails.isPvEncryptionInTransitEnabled` false or unset (the
 * default is false).
 */
import { booleanState, defineOkeRule, type Report } from '../../src/rule-api.js';

const FLAG = 'nodeConfigDetails.isPvEncryptionInTransitEnabled';

export default defineOkeRule({
  meta: {
    id: 'oke-node-pool-in-transit-encryption',
    layer: 'node',
    level: 'warning',
    securitySeverity: 4.6,
    description: 'An OKE node pool does not enable in-transit encryption for the paravirtualized attachment of its boot and block volumes (off by default), so volume traffic between the worker hosts and storage is unencrypted.',
    remediation: 'Set nodeConfigDetails.isPvEncryptionInTransitEnabled to true (Terraform node_config_details { is_pv_encryption_in_transit_enabled = true }) on a shape and image that support it.',
    tags: ['oke', 'encryption', 'cis-oci:3.3'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      disabled: '{{resource}} turns in-transit encryption of its volume attachments off ({{field}} is {{value}}{{origin}}): traffic between the nodes and their boot and block volumes is unencrypted; set it to true.',
      unset: '{{resource}} does not set {{field}}, which defaults to false: traffic between the nodes and their boot and block volumes is unencrypted; set it to true.',
      unresolved: '{{resource}}: in-transit encryption of the volume attachments could not be resolved ({{reason}}), so {{field}} was not checked.',
    },
  },
  *checkOke(ctx): Iterable<Report> {
    if (ctx.resource.kind !== 'node-pool') return;
    const r = ctx.read(FLAG);
    const resource = ctx.label;
    const state = booleanState(r);
    if (r.state === 'unresolved') yield { messageId: 'unresolved', data: { resource, field: ctx.spell(FLAG), reason: r.reason }, at: r.at, level: 'note' };
    else if (state === 'false' && r.state === 'value') yield { messageId: 'disabled', data: { resource, field: r.name, value: JSON.stringify(r.value), origin: r.origin }, at: r.at };
    else if (state === 'unset') yield { messageId: 'unset', data: { resource, field: ctx.spell(FLAG) }, at: r.at };
  },
});
