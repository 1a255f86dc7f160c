/**
 * @fileoverview A service principal granted `use` or `manage` on all-resources (the legacy
 * tutorial statement `allow service OKE to manage all-resources in tenancy`). Read-only grants
 * such as Cloud Guard's documented `read all-resources in tenancy` are not reported.
 */
import { atLeast, checkedGrant, defineIamRule, EXEMPT_DEFAULT_OPTIONS, EXEMPT_OPTIONS_SCHEMA, isAllResources, type ExemptOptions } from '../../src/rule-api.js';

export default defineIamRule<ExemptOptions>({
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
    options: EXEMPT_OPTIONS_SCHEMA,
    defaultOptions: EXEMPT_DEFAULT_OPTIONS,
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text } = checked;
    if (subject.kind !== 'service' || !isAllResources(grant) || grant.action.kind !== 'verb' || !atLeast(grant.action.verb, 'use')) return;
    yield { messageId: 'serviceAllResources', data: { ...text }, at: grant.subject };
  },
});
