/**
 * @fileoverview A grant to `any-user` or `any-group` whose where clause does not say which
 * principal (no principal OCID, compartment, cluster, user, group or group tag). Grants narrowed
 * only by `request.principal.type` are iam-any-user-type-only's.
 */
import {
  canonicalType, checkedGrant, defineIamRule, effectiveVerb, EXEMPT_DEFAULT_OPTIONS, EXEMPT_OPTIONS_SCHEMA, IAM_RESOURCE_TYPES, isAllResources,
  permissionResource, principalNarrowing, type ExemptOptions, type IamGrant, type Level,
} from '../../src/rule-api.js';

/** The grant reaches IAM resource types (users, groups, policies ...), or all-resources. */
function reachesIam(grant: IamGrant): boolean {
  if (grant.action.kind === 'permissions') return grant.action.items.some((i) => IAM_RESOURCE_TYPES.has(permissionResource(i.value) ?? ''));
  return isAllResources(grant) || (grant.resource !== undefined && IAM_RESOURCE_TYPES.has(canonicalType(grant.resource.name)));
}

/** manage, or use on IAM types: error; use, or read on IAM types: warning; read: note; inspect: not reported. */
function levelOf(grant: IamGrant): Level | undefined {
  const verb = effectiveVerb(grant.action);
  const iam = reachesIam(grant);
  if (verb === 'manage' || (verb === 'use' && iam)) return 'error';
  if (verb === 'use' || (verb === 'read' && iam)) return 'warning';
  return verb === 'read' ? 'note' : undefined;
}

export default defineIamRule<ExemptOptions>({
  meta: {
    id: 'iam-any-user-grant',
    layer: 'cloud-control',
    level: 'error',
    securitySeverity: 8.0,
    description: 'A grant to any-user or any-group does not say which principal may use it, so every user, instance, resource and service principal of the tenancy (any-group: every group and dynamic group) gets it.',
    remediation: "Grant a named group or dynamic group, or add where request.principal.id = '<OCID>' (or request.principal.compartment.id, request.principal.cluster_id, request.user.id) so only the intended principal matches.",
    tags: ['oci-iam', 'least-privilege'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      anyUser: '{{subject}} can {{what}} in {{location}}: every user, instance, resource and service principal in the tenancy gets it. Name the principal with where request.principal.id, request.principal.compartment.id or request.user.id, or grant a group.',
      anyGroup: '{{subject}} can {{what}} in {{location}}: every user of every group and every dynamic group in the tenancy gets it. Name the principal with where request.principal.id, request.principal.compartment.id or request.user.id, or grant a group.',
    },
    options: EXEMPT_OPTIONS_SCHEMA,
    defaultOptions: EXEMPT_DEFAULT_OPTIONS,
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text } = checked;
    if (subject.kind !== 'any-user' && subject.kind !== 'any-group') return;
    if (principalNarrowing(grant.where) !== 'none') return;
    const level = levelOf(grant);
    if (!level) return;
    if (subject.kind === 'any-user') yield { messageId: 'anyUser', data: { ...text }, at: grant.subject, level };
    else yield { messageId: 'anyGroup', data: { ...text }, at: grant.subject, level };
  },
});
