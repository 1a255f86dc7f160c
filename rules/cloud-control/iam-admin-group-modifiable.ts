/**
 * @fileoverview `use`/`manage` on groups or users in the tenancy (or `use all-resources`, or the
 * GROUP_UPDATE, GROUP_DELETE, USER_UPDATE permissions) whose where clause does not keep the
 * administrators group out of reach (CIS OCI 1.3). `manage groups` alone is reported, which
 * Oracle's checker misses (it wants both "groups" and "users" in one statement).
 */
import {
  ADMIN_GROUPS_OPTION, bound, capabilityRequests, checkedGrant, defineIamRule, EXEMPT_POLICIES_OPTION, GRANT_DEFAULT_OPTIONS, grantedCapabilities,
  grantOf, isAllResources, isDelegatedPrincipal, namedAdmins, outcomeOf, sameSubject, whereReason, type Capability, type Granted, type GrantOptions,
  type IamGrant, type NamedAdminGroup, type Statement,
} from '../../src/rule-api.js';

const MEMBERSHIP = ['AddUserToGroup', 'RemoveUserFromGroup'];
/** Protected when only group OCIDs are configured: the built-in group always exists. */
const BUILT_IN: NamedAdminGroup = { domain: 'default', name: 'administrators', label: 'Administrators' };

/** What changes a group or its membership: GROUP_UPDATE (use groups), GROUP_DELETE (manage), USER_UPDATE (use users). */
const GROUP_CAPABILITIES: readonly Capability[] = [
  { type: 'groups', permission: 'GROUP_UPDATE', verb: 'use', operations: ['UpdateGroup', ...MEMBERSHIP] },
  { type: 'groups', permission: 'GROUP_DELETE', verb: 'manage', operations: ['DeleteGroup'] },
];
const CAPABILITIES: readonly Capability[] = [
  ...GROUP_CAPABILITIES,
  { type: 'users', permission: 'USER_UPDATE', verb: 'use', operations: MEMBERSHIP },
];

/** Requests that act on an administrators group with `capability`. */
function requestsOn(admin: NamedAdminGroup, capability: Capability) {
  return capabilityRequests(capability, { 'target.group.name': bound(admin.label), 'target.domain.name': bound(admin.domain) });
}

/** The first administrators group the grant's condition lets `granted` reach. */
function exposedAdmin(grant: IamGrant, granted: readonly Granted[], admins: readonly NamedAdminGroup[]): NamedAdminGroup | undefined {
  return admins.find((admin) => outcomeOf(grant.where, granted.flatMap((g) => requestsOn(admin, g.capability))) === 'open');
}

/**
 * The same policy grants the same subject groups in the tenancy, and only with the
 * administrators groups excluded: AddUserToGroup needs use groups as well as use users, so the
 * users half alone cannot reach them.
 */
function groupsHalfGuarded(grant: IamGrant, statements: readonly Statement[], admins: readonly NamedAdminGroup[]): boolean {
  const others = statements.flatMap((s) => {
    const g = grantOf(s);
    return g && g.statement !== grant.statement && g.scope === 'tenancy' && sameSubject(g.subject, grant.subject) ? [g] : [];
  });
  const groupGrants = others.map((g) => ({ g, granted: grantedCapabilities(g, GROUP_CAPABILITIES) })).filter((x) => x.granted.length > 0);
  return groupGrants.length > 0 && groupGrants.every(({ g, granted }) => !exposedAdmin(g, granted, admins));
}

export default defineIamRule<GrantOptions>({
  meta: {
    id: 'iam-admin-group-modifiable',
    layer: 'cloud-control',
    level: 'error',
    securitySeverity: 8.5,
    description: "A grant of use or manage on groups or users in the tenancy does not exclude the administrators group, so its holder can add itself (or anyone) to Administrators, or change that group.",
    remediation: "Add where target.group.name != 'Administrators' (inside all {...} with any other condition), and grant inspect on users and groups in separate statements.",
    tags: ['oci-iam', 'cis-oci:1.3', 'privilege-escalation'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      groups: "{{subject}} can {{what}} in {{location}}{{because}}: it can change {{admin}} and its members, and so make itself a tenancy administrator (CIS OCI 1.3). Add where target.group.name != '{{admin}}'.",
      users: "{{subject}} can {{what}} in {{location}}{{because}}: with use groups (from any policy) it can add users to {{admin}} (CIS OCI 1.3). Add where target.group.name != '{{admin}}'.",
      allResources: "{{subject}} can {{what}} in {{location}}{{because}}: that includes use users and use groups, enough to add anyone to {{admin}} (CIS OCI 1.3). Grant the families it needs, and groups and users with where target.group.name != '{{admin}}'.",
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        adminGroups: {
          ...ADMIN_GROUPS_OPTION,
          description: "The tenancy administrators groups, whose grants are not reported and which a condition must exclude: a name (in the Default identity domain), Domain/Name, 'Domain'/'Name', or a group OCID.",
        },
        exemptPolicies: EXEMPT_POLICIES_OPTION,
      },
    },
    defaultOptions: GRANT_DEFAULT_OPTIONS,
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text, admins } = checked;
    if (grant.scope !== 'tenancy' || !isDelegatedPrincipal(subject)) return;
    const allResources = isAllResources(grant);
    // manage all-resources in tenancy is tenancy administration: iam-manage-all-resources-tenancy.
    if (allResources && grant.action.kind === 'verb' && grant.action.verb === 'manage') return;
    const granted = grantedCapabilities(grant, CAPABILITIES);
    const first = granted[0];
    if (!first) return;
    const named = namedAdmins(admins);
    const protectedGroups = named.length > 0 ? named : [BUILT_IN];
    const exposed = exposedAdmin(grant, granted, protectedGroups);
    if (!exposed) return;
    const groups = granted.some((g) => g.capability.type === 'groups');
    if (!allResources && !groups && groupsHalfGuarded(grant, ctx.policy.statements, protectedGroups)) return;
    const at = grant.where ? grant.where.condition : first.at;
    const because = whereReason(grant, ctx, `, which does not exclude ${exposed.label}`);
    const data = { ...text, admin: exposed.label, because };
    if (allResources) yield { messageId: 'allResources', data, at };
    else if (groups) yield { messageId: 'groups', data, at };
    else yield { messageId: 'users', data, at, level: 'warning' };
  },
});
