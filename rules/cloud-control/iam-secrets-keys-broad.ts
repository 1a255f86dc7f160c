/**
 * @fileoverview Vault, key and secret access across the whole tenancy: use or manage on vaults,
 * keys, secrets or their families, or reading secret contents (secret-bundles), in tenancy and
 * not narrowed to named vaults, keys, secrets or operations.
 */
import {
  checkedGrant, defineIamRule, GRANT_DEFAULT_OPTIONS, GRANT_OPTIONS_SCHEMA, grantedCapabilities, isAllResources, isDelegatedPrincipal,
  targetNarrowing, whereReason, type Capability, type GrantOptions,
} from '../../src/rule-api.js';

/** What reaches key material or secret contents. */
const CAPABILITIES: readonly Capability[] = [
  { type: 'vaults', permission: 'VAULT_UPDATE', verb: 'use' },
  { type: 'vaults', permission: 'VAULT_CREATE', verb: 'manage' },
  { type: 'keys', permission: 'KEY_ENCRYPT', verb: 'use' },
  { type: 'keys', permission: 'KEY_DECRYPT', verb: 'use' },
  { type: 'keys', permission: 'KEY_CREATE', verb: 'manage' },
  { type: 'secrets', permission: 'SECRET_UPDATE', verb: 'use' },
  { type: 'secrets', permission: 'SECRET_CREATE', verb: 'manage' },
  { type: 'secret-bundles', permission: 'SECRET_BUNDLE_READ', verb: 'read' },
];

const REACH: Readonly<Record<string, string>> = {
  vaults: 'every vault',
  keys: 'every key (decrypting whatever it protects)',
  secrets: 'every secret',
  'secret-bundles': 'the contents of every secret',
};

export default defineIamRule<GrantOptions>({
  meta: {
    id: 'iam-secrets-keys-broad',
    layer: 'cloud-control',
    level: 'warning',
    securitySeverity: 6.5,
    description: 'A principal can use or manage vaults, keys or secrets, or read secret contents, in every compartment of the tenancy, not only the vault, key or secret it needs.',
    remediation: "Grant it in the compartment that holds the vault (compartment instead of tenancy), and name the object: where target.vault.id = '<OCID>', target.key.id = '<OCID>' or target.secret.name = '<name>'.",
    tags: ['oci-iam', 'secrets', 'least-privilege'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      tenancyWide: '{{subject}} can {{what}} in {{location}}{{because}}: that reaches {{reach}} in every compartment. Grant it in the compartment that holds the vault, with where target.vault.id, target.key.id or target.secret.name.',
    },
    options: GRANT_OPTIONS_SCHEMA,
    defaultOptions: GRANT_DEFAULT_OPTIONS,
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text } = checked;
    // all-resources grants are reported as administration by the all-resources rules.
    if (grant.scope !== 'tenancy' || !grant.location || !isDelegatedPrincipal(subject) || isAllResources(grant)) return;
    const granted = grantedCapabilities(grant, CAPABILITIES);
    if (granted.length === 0 || targetNarrowing(grant.where) !== 'open') return;
    const types = new Set(granted.map((g) => g.capability.type));
    // Secret contents say more than the secrets' metadata.
    if (types.has('secret-bundles')) types.delete('secrets');
    const reach = [...types].map((t) => REACH[t] ?? t).join(' and ');
    const because = whereReason(grant, ctx, ', which names no vault, key or secret');
    yield { messageId: 'tenancyWide', data: { ...text, because, reach }, at: grant.where ? grant.where.condition : grant.location };
  },
});
