/**
 * @fileoverview `manage all-resources in tenancy` granted to anyone but the tenancy
 * administrators group (CIS OCI 1.2). Dynamic groups, any-user and any-group count too
 * (Oracle's checker looks only at `allow group`); services are left to iam-service-all-resources.
 */
import { checkedGrant, clip, defineIamRule, GRANT_DEFAULT_OPTIONS, GRANT_OPTIONS_SCHEMA, isAllResources, type GrantOptions } from '../../src/rule-api.js';

export default defineIamRule<Required<GrantOptions>>({
  meta: {
    id: 'iam-manage-all-resources-tenancy',
    layer: 'cloud-control',
    level: 'error',
    securitySeverity: 9.3,
    description: 'A principal other than the tenancy administrators group can manage all-resources in the tenancy: it administers every resource, every cluster and every IAM policy, so it can grant itself anything.',
    remediation: 'Keep manage all-resources in tenancy for the Administrators group; give other groups the service families they need (manage cluster-family, use virtual-network-family) in their own compartments.',
    tags: ['oci-iam', 'cis-oci:1.2', 'least-privilege'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      tenancyAdmin: '{{subject}} can {{what}} in {{location}}: only the administrators group ({{admins}}) should administer the whole tenancy (CIS OCI 1.2). Grant the service families it needs in its own compartment instead.',
      tenancyAdminConditioned: '{{subject}} can {{what}} in {{location}} {{condition}}: only the administrators group ({{admins}}) should administer the whole tenancy, with or without a condition (CIS OCI 1.2). Grant the service families it needs in its own compartment instead.',
    },
    options: GRANT_OPTIONS_SCHEMA,
    defaultOptions: GRANT_DEFAULT_OPTIONS,
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text } = checked;
    if (!isAllResources(grant) || grant.action.kind !== 'verb' || grant.action.verb !== 'manage' || grant.scope !== 'tenancy') return;
    if (subject.admin || subject.opaque || subject.kind === 'service') return;
    // Only administrators and hidden names: who gets the grant is not known (iam-unresolved says so).
    if ((subject.kind === 'group' || subject.kind === 'dynamic-group' || subject.kind === 'resource') && subject.others.length === 0) return;
    const data = { ...text, admins: ctx.options.adminGroups.join(', ') || 'none configured' };
    if (grant.where) {
      yield { messageId: 'tenancyAdminConditioned', data: { ...data, condition: clip(ctx.textOf(grant.where)) }, at: grant.subject };
    } else {
      yield { messageId: 'tenancyAdmin', data, at: grant.subject };
    }
  },
});
