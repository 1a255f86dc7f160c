/**
 * @fileoverview Pod specs that do not set `automountServiceAccountToken: false`.
 */
import { defineRule, get, isFalse, isScalar, isTrue, missingAnchor } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'service-account-token-automount',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 5.0,
    description: 'A pod mounts its service account token, handing a Kubernetes API credential to every process in it.',
    remediation: 'Set automountServiceAccountToken: false in the pod spec unless the workload calls the Kubernetes API.',
    tags: ['cis-k8s:5.1.6'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      enabled: 'The pod sets automountServiceAccountToken: true: anyone who compromises a container gets its service account\'s API access.',
      missing: 'The pod does not set automountServiceAccountToken: false, so its service account token is mounted into every container.',
    },
  },
  *check(ctx) {
    const workload = ctx.workload();
    if (!workload) return;
    const value = get(workload.podSpec, 'automountServiceAccountToken');
    if (isFalse(value)) return;
    if (value && isTrue(value)) {
      yield { messageId: 'enabled', at: value };
    } else {
      const specKey = workload.podSpecPair?.key;
      const fallback = isScalar(specKey) ? specKey : workload.podSpec;
      yield { messageId: 'missing', at: missingAnchor(workload.podSpec, ['automountServiceAccountToken'], fallback) };
    }
  },
});
