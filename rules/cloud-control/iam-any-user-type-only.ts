/**
 * @fileoverview A grant to `any-user` or `any-group` narrowed only by the kind of principal
 * (`request.principal.type = 'cluster'`, or a workload's namespace and service account without
 * its cluster): every principal of that kind in the tenancy matches.
 */
import {
  atLeast, checkedGrant, clip, comparisonsOn, defineIamRule, effectiveVerb, EXEMPT_DEFAULT_OPTIONS, EXEMPT_OPTIONS_SCHEMA, PRINCIPAL_TYPE_VARIABLES,
  principalNarrowing, type Condition, type ExemptOptions,
} from '../../src/rule-api.js';

/** The narrowing names OKE workloads (workload identity), whose namespace and service account every cluster shares. */
function isWorkload(condition: Condition): boolean {
  return comparisonsOn(condition, (p) => PRINCIPAL_TYPE_VARIABLES.includes(p)).some((c) =>
    c.kind === 'comparison' && (c.left.path.toLowerCase() !== 'request.principal.type' || c.right.some((v) => v.kind === 'string' && v.value.toLowerCase() === 'workload')));
}

export default defineIamRule<ExemptOptions>({
  meta: {
    id: 'iam-any-user-type-only',
    layer: 'cloud-control',
    level: 'warning',
    securitySeverity: 5.5,
    description: "A grant to any-user or any-group is narrowed only by the kind of principal (request.principal.type, or an OKE workload's namespace and service account), so every principal of that kind in the tenancy gets it: every cluster, every function, every workload with that name in any cluster.",
    remediation: "Add the principal's identity to the condition: request.principal.id or request.principal.compartment.id (for OKE workloads, request.principal.cluster_id).",
    tags: ['oci-iam', 'least-privilege'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      typeOnly: "{{subject}} can {{what}} in {{location}}, narrowed only by {{narrowing}}: every principal of that type in the tenancy gets it. Add request.principal.id or request.principal.compartment.id.",
      workloadNoCluster: '{{subject}} can {{what}} in {{location}}, narrowed by {{narrowing}} but not by cluster: a workload with the same namespace and service account in any cluster of the tenancy gets it. Add request.principal.cluster_id.',
    },
    options: EXEMPT_OPTIONS_SCHEMA,
    defaultOptions: EXEMPT_DEFAULT_OPTIONS,
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text } = checked;
    if ((subject.kind !== 'any-user' && subject.kind !== 'any-group') || !grant.where?.keyword) return;
    if (principalNarrowing(grant.where) !== 'type') return;
    const condition = grant.where.condition;
    const at = comparisonsOn(condition, (p) => p === 'request.principal.type')[0] ?? condition;
    const data = { ...text, narrowing: clip(ctx.textOf(at), 60) };
    // Reading or listing by every principal of a kind is a note; using or managing, a warning.
    const level = atLeast(effectiveVerb(grant.action), 'use') ? 'warning' : 'note';
    if (isWorkload(condition)) yield { messageId: 'workloadNoCluster', data, at, level };
    else yield { messageId: 'typeOnly', data, at, level };
  },
});
