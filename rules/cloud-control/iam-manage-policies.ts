/**
 * @fileoverview `manage policies` (POLICY_CREATE, POLICY_UPDATE) for a principal other than the
 * administrators group: it can write a policy that grants itself anything in that scope.
 */
import {
  capabilityRequests, checkedGrant, defineIamRule, GRANT_DEFAULT_OPTIONS, GRANT_OPTIONS_SCHEMA, grantedCapabilities, grantFindingAt, isAllResources,
  isDelegatedPrincipal, outcomeOf, whereReason, type Capability, type GrantOptions,
} from '../../src/rule-api.js';

const CAPABILITIES: readonly Capability[] = [
  { type: 'policies', permission: 'POLICY_CREATE', verb: 'manage', operations: ['CreatePolicy'] },
  { type: 'policies', permission: 'POLICY_UPDATE', verb: 'manage', operations: ['UpdatePolicy'] },
];

export default defineIamRule<GrantOptions>({
  meta: {
    id: 'iam-manage-policies',
    layer: 'cloud-control',
    level: 'error',
    securitySeverity: 8.5,
    description: 'A principal other than the administrators group can create or update policies (manage policies), so it can write a statement that grants itself anything in that scope; in the tenancy, that is tenancy administration.',
    remediation: 'Keep manage policies with the administrators group (or a reviewed pipeline running as it) and give others inspect or read policies; updating even one named policy is enough to rewrite it.',
    tags: ['oci-iam', 'privilege-escalation'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      tenancy: '{{subject}} can {{what}} in {{location}}{{because}}: it can write a policy such as "allow group <itself> to manage all-resources in tenancy" and become a tenancy administrator. Keep manage policies with the administrators group.',
      compartment: '{{subject}} can {{what}} in {{location}}{{because}}: it can write a policy that grants itself anything in that compartment and those below it. Grant read policies, and leave writing policies to the administrators group.',
    },
    options: GRANT_OPTIONS_SCHEMA,
    defaultOptions: GRANT_DEFAULT_OPTIONS,
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text } = checked;
    // all-resources grants are reported as administration by the all-resources rules.
    if (grant.scope === 'unknown' || !isDelegatedPrincipal(subject) || isAllResources(grant)) return;
    const granted = grantedCapabilities(grant, CAPABILITIES);
    const first = granted[0];
    if (!first) return;
    if (outcomeOf(grant.where, granted.flatMap((g) => capabilityRequests(g.capability))) !== 'open') return;
    const at = grantFindingAt(grant, first);
    const because = whereReason(grant, ctx, ', which still allows CreatePolicy or UpdatePolicy');
    const data = { ...text, because };
    if (grant.scope === 'tenancy') yield { messageId: 'tenancy', data, at };
    else yield { messageId: 'compartment', data, at, level: 'warning' };
  },
});
