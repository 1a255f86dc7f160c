/**
 * @fileoverview Write access in the tenancy to the identity plumbing around users and groups:
 * dynamic groups (matching rules), identity domains, identity providers (group mappings),
 * authentication policies and network sources. A where clause that names the operations or the
 * objects (`request.operation = 'AddIdpGroupMapping'`, `target.domain.name = ...`) clears it.
 */
import {
  checkedGrant, defineIamRule, GRANT_DEFAULT_OPTIONS, GRANT_OPTIONS_SCHEMA, grantedCapabilities, isAllResources, isDelegatedPrincipal,
  targetNarrowing, whereReason, type Capability, type GrantOptions,
} from '../../src/rule-api.js';

/** Updating (use) or creating and deleting (manage) each identity type. */
function writes(type: string, prefix: string): Capability[] {
  return [
    { type, permission: `${prefix}_UPDATE`, verb: 'use' },
    { type, permission: `${prefix}_CREATE`, verb: 'manage' },
    { type, permission: `${prefix}_DELETE`, verb: 'manage' },
  ];
}

const CAPABILITIES: readonly Capability[] = [
  ...writes('dynamic-groups', 'DYNAMIC_GROUP'),
  ...writes('domains', 'DOMAIN'),
  ...writes('identity-providers', 'IDENTITY_PROVIDER'),
  ...writes('authentication-policies', 'AUTHENTICATION_POLICY'),
  ...writes('network-sources', 'NETWORK_SOURCE'),
];

const RISKS: Readonly<Record<string, string>> = {
  'dynamic-groups': "it can change a dynamic group's matching rule so that an instance or function it controls gets that group's grants",
  'domains': 'it administers identity domains, the Default domain that holds the administrators group included',
  'identity-providers': 'it can map a group of an external identity provider to the administrators group',
  'authentication-policies': "it can weaken the tenancy's sign-on policy (password rules, network restrictions)",
  'network-sources': 'it can widen the network sources that sign-on and policies trust',
};

export default defineIamRule<GrantOptions>({
  meta: {
    id: 'iam-identity-admin',
    layer: 'cloud-control',
    level: 'warning',
    securitySeverity: 7.0,
    description: 'A principal other than the administrators group can update, create or delete dynamic groups, identity domains, identity providers, authentication policies or network sources in the tenancy, each a way to take over identities or weaken sign-on.',
    remediation: "Keep these grants with the administrators group, or name the operations and objects allowed (where any {request.operation = 'AddIdpGroupMapping', ...} or target.domain.name = '...').",
    tags: ['oci-iam', 'privilege-escalation'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      identityAdmin: '{{subject}} can {{what}} in {{location}}{{because}}: {{risk}}. Keep it with the administrators group, or name the operations and objects it may change.',
    },
    options: GRANT_OPTIONS_SCHEMA,
    defaultOptions: GRANT_DEFAULT_OPTIONS,
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text } = checked;
    if (grant.scope !== 'tenancy' || !isDelegatedPrincipal(subject) || isAllResources(grant)) return;
    const first = grantedCapabilities(grant, CAPABILITIES)[0];
    if (!first || targetNarrowing(grant.where) !== 'open') return;
    const at = grant.where ? grant.where.condition : first.at;
    const because = whereReason(grant, ctx, ', which names no operation or object');
    yield { messageId: 'identityAdmin', data: { ...text, because, risk: RISKS[first.capability.type] ?? '' }, at };
  },
});
