/**
 * @fileoverview PodSecurityPolicy objects (`policy/v1beta1`, `extensions/v1beta1`): the API was
 * removed in Kubernetes 1.25, and OKE enables the PodSecurity admission controller from 1.23.
 */
import { defineRule, type Report } from '../../src/rule-api.js';

const PSP_API_VERSIONS = new Set(['policy/v1beta1', 'extensions/v1beta1']);

export default defineRule({
  meta: {
    id: 'pod-security-policy-removed',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 4.3,
    description: 'A PodSecurityPolicy object is declared, an API removed in Kubernetes 1.25 that no longer constrains pods on current OKE clusters.',
    remediation: 'Delete the PodSecurityPolicy (and the RBAC granting use of it) and label each namespace with pod-security.kubernetes.io/enforce at the Pod Security Standard level that matches the policy, baseline or restricted.',
    tags: ['pss', 'deprecated-api'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      removed: 'PodSecurityPolicy "{{name}}" ({{apiVersion}}) uses an API removed in Kubernetes 1.25: OKE clusters from 1.25 do not run the PodSecurityPolicy admission controller, so it cannot be applied there and constrains nothing; OKE enables the PodSecurity admission controller from 1.23: label namespaces with pod-security.kubernetes.io/enforce instead.',
    },
  },
  *check(ctx): Generator<Report> {
    const { resource } = ctx;
    if (resource.kind !== 'PodSecurityPolicy' || !PSP_API_VERSIONS.has(resource.apiVersion)) return;
    yield { messageId: 'removed', data: { name: resource.name ?? '', apiVersion: resource.apiVersion }, at: resource.kindNode };
  },
});
