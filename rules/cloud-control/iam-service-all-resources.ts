/**
 * @fileoverview A service principal granted `use` or `manage` on all-resources (the legacy
 * tutorial statement `allow service OKE to manage all-resources in tenancy`). Read-only grants
 * such as Cloud Guard's documented `read all-resources in tenancy` are not reported.
 */
import { atLeast, checkedGrant, defineIamRule, isAllResources } from '../../src/rule-api.js';

interface Options {
  readonly exemptPolicies: readonly string[];
}

export default defineIamRule<Options>({
  meta: {
    id: 'iam-service-all-resources',
    layer: 'cloud-control',
    level: 'warning',
    securitySeverity: 6.5,
    description: 'An OCI service is granted use or manage on all-resources, far more than any service documents that it needs; whoever can make the service act (a cluster, a function, a connector) borrows that power.',
    remediation: "Grant the service only the resource types its documentation lists, in the compartment it works in (e.g. allow service oke to use keys in compartment Vault where target.key.id = '<key OCID>').",
    tags: ['oci-iam', 'cis-oci:1.2', 'least-privilege'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      serviceAllResources: '{{subject}} can {{what}} in {{location}}: no service documents a need for all-resources, and anyone who can make the service act on their behalf borrows it. Grant the resource types the service documents, in the compartment it works in.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptPolicies: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          default: [],
          description: 'Names of policies whose statements are not checked (compared case-insensitively; JSON and Terraform policies have names, .policy files do not).',
        },
      },
    },
    defaultOptions: { exemptPolicies: [] },
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text } = checked;
    if (subject.kind !== 'service' || !isAllResources(grant) || grant.action.kind !== 'verb' || !atLeast(grant.action.verb, 'use')) return;
    yield { messageId: 'serviceAllResources', data: { ...text }, at: grant.subject };
  },
});
