/**
 * @fileoverview Containers whose effective `runAsNonRoot` is not `true`
 * (PSS restricted, check `runAsNonRoot`).
 */
import { defineRule, get, isFalse, isTrue, isUserNamespaced, missingAnchor, roleName } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'run-as-non-root',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 6.0,
    description: 'A container may run as root because neither it nor its pod sets securityContext.runAsNonRoot to true.',
    remediation: 'Set securityContext.runAsNonRoot: true in the pod securityContext (or on every container) and run the image as a non-zero user.',
    tags: ['pss:restricted', 'psa:runAsNonRoot'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      disabled: '{{role}} "{{name}}" sets runAsNonRoot: false and may run as root.',
      podDisabled: 'The pod securityContext sets runAsNonRoot: false; containers that do not set it to true themselves may run as root ({{containers}}).',
      missing: '{{role}} "{{name}}" may run as root: neither it nor the pod securityContext sets runAsNonRoot: true.',
    },
    pss: { level: 'restricted', check: 'runAsNonRoot', since: 0 },
  },
  *check(ctx) {
    const workload = ctx.workload();
    if (!workload) return;
    // From policy v1.35 user-namespaced pods pass: root in the container is not root on the node.
    if (ctx.pss.minor >= 35 && isUserNamespaced(workload)) return;
    const podValue = get(workload.podSecurityContext, 'runAsNonRoot');
    if (podValue && isFalse(podValue)) {
      // Upstream rejects a pod-level false even when every container overrides it: report it once.
      const inheriting = workload.containers.filter((c) => c.effective('runAsNonRoot')?.from === 'pod').map((c) => `"${c.name}"`);
      yield { messageId: 'podDisabled', data: { containers: inheriting.join(', ') || 'none inherit it' }, at: podValue };
    }
    for (const c of workload.containers) {
      const effective = c.effective('runAsNonRoot');
      if (effective && isTrue(effective.node)) continue;
      const data = { role: roleName(c.role), name: c.name };
      if (effective && isFalse(effective.node)) {
        if (effective.from === 'container') yield { messageId: 'disabled', data, at: effective.node };
        continue;
      }
      // Unset everywhere, or not a boolean. A non-zero runAsUser does not satisfy the check.
      yield { messageId: 'missing', data, at: missingAnchor(c.node, ['securityContext', 'runAsNonRoot'], c.anchor) };
    }
  },
});

