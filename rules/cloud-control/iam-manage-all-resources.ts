/**
 * @fileoverview `manage all-resources` in a compartment: an administrator of everything there
 * rather than a service-level administrator (CIS OCI 1.1). The tenancy-wide grant is
 * iam-manage-all-resources-tenancy's; a service's, iam-service-all-resources'.
 */
import { checkedGrant, defineIamRule, GRANT_DEFAULT_OPTIONS, GRANT_OPTIONS_SCHEMA, isAllResources, isDelegatedPrincipal, type GrantOptions } from '../../src/rule-api.js';

export default defineIamRule<GrantOptions>({
  meta: {
    id: 'iam-manage-all-resources',
    layer: 'cloud-control',
    level: 'warning',
    securitySeverity: 6.5,
    description: 'A principal can manage all-resources in a compartment: it administers every service there (and every compartment below it), instead of being a service-level administrator.',
    remediation: 'Replace manage all-resources with the families the group administers (manage cluster-family, manage instance-family, use virtual-network-family ...), each in the compartment that holds them.',
    tags: ['oci-iam', 'cis-oci:1.1', 'least-privilege'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      compartmentAdmin: '{{subject}} can {{what}} in {{location}}: an administrator of every service there and in every compartment below it, not a service-level administrator (CIS OCI 1.1). Grant the families it administers instead (e.g. manage cluster-family, use virtual-network-family).',
    },
    options: GRANT_OPTIONS_SCHEMA,
    defaultOptions: GRANT_DEFAULT_OPTIONS,
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text } = checked;
    if (!isAllResources(grant) || grant.action.kind !== 'verb' || grant.action.verb !== 'manage' || grant.scope === 'tenancy') return;
    if (!isDelegatedPrincipal(subject) || !grant.resource) return;
    yield { messageId: 'compartmentAdmin', data: { ...text }, at: grant.resource };
  },
});
