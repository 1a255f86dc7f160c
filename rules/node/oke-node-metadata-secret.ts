/**
 * @fileoverview Credential-like literals in a node pool's `nodeMetadata` (including cloud-init
 * `user_data`, decoded from base64): instance metadata is readable by every pod on the node
 * that can reach the metadata endpoint. The value is never shown: the finding names the entry
 * and the kind of secret, and its span is masked in reports.
 */
import { defineOkeRule, mapEntries, metadataSecret, type Report } from '../../src/rule-api.js';

const METADATA = 'nodeMetadata';

export default defineOkeRule({
  meta: {
    id: 'oke-node-metadata-secret',
    layer: 'node',
    level: 'error',
    securitySeverity: 8.1,
    description: 'A node pool puts a credential in its node metadata or cloud-init user data, where the instance metadata service serves it to anything on the node, pods included.',
    remediation: 'Remove the secret from node metadata, rotate it, and let the node fetch it at boot from OCI Vault with its instance principal (scoped by a dynamic group policy).',
    tags: ['oke', 'secrets', 'nodes', 'imds'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      secret: '{{resource}} puts {{kind}} in node metadata ({{field}}{{where}}): instance metadata is readable by every pod on the node that can reach 169.254.169.254; keep secrets in OCI Vault and fetch them at boot.',
      unresolved: '{{resource}}: {{count}} of {{field}} could not be resolved ({{reason}}), so {{them}} not checked for credentials.',
    },
  },
  *checkOke(ctx): Iterable<Report> {
    if (ctx.resource.kind !== 'node-pool') return;
    const resource = ctx.label;
    const metadata = ctx.read(METADATA);
    const { entries, unresolved } = mapEntries(metadata);
    const field = metadata.state === 'missing' ? ctx.spell(METADATA) : metadata.name;
    for (const e of entries) {
      if (typeof e.value !== 'string') continue;
      const found = metadataSecret(e.name, e.value);
      if (!found) continue;
      const at = found.range && e.locate ? { span: e.locate(found.range[0], found.range[1]) } : e.valueAt;
      yield { messageId: 'secret', data: { resource, kind: found.kind, field: `${field}.${e.name}`, where: found.where }, at, redact: true };
    }
    const first = unresolved[0];
    if (!first) return;
    const count = metadata.state === 'unresolved' ? 'the value' : unresolved.length === 1 ? '1 part' : `${unresolved.length} parts`;
    yield { messageId: 'unresolved', data: { resource, count, field, reason: first.reason, them: unresolved.length === 1 ? 'it was' : 'they were' }, at: first.at, level: 'note' };
  },
});
