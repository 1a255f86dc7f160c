/**
 * @fileoverview `manage all-resources` in a compartment: an administrator of everything there
 * rather than a service-level administrator (CIS OCI 1.1). The tenancy-wide grant is
 * iam-manage-all-resources-tenancy's; a service's, iam-service-all-resources'.
 */
import { checkedGrant, defineIamRule, isAllResources, isDelegatedPrincipal } from '../../src/rule-api.js';

interface Options {
  readonly adminGroups: readonly string[];
  readonly exemptPolicies: readonly string[];
}

export default defineIamRule<Options>({
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
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        adminGroups: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          default: ['Administrators'],
          description: "The tenancy administrators groups, whose grants are not reported: a name (in the Default identity domain), Domain/Name, 'Domain'/'Name', or a group OCID.",
        },
        exemptPolicies: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          default: [],
          description: 'Names of policies whose statements are not checked (compared case-insensitively; JSON and Terraform policies have names, .policy files do not).',
        },
      },
    },
    defaultOptions: { adminGroups: ['Administrators'], exemptPolicies: [] },
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
