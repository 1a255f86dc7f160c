/**
 * @fileoverview Containers that set `securityContext.procMount` to anything but `Default`
 * (PSS baseline, check `procMount`).
 */
import { defineRule, get, isScalar, isUserNamespaced, roleName, str } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'proc-mount',
    layer: 'workload',
    level: 'error',
    securitySeverity: 6.3,
    description: 'A container sets securityContext.procMount to a value other than Default, unmasking the kernel interfaces under /proc that the container runtime normally hides.',
    remediation: 'Remove securityContext.procMount or set it to Default, or run the pod in a user namespace with spec.hostUsers: false if it really needs an unmasked /proc.',
    tags: ['pss:baseline', 'psa:procMount'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      procMount: '{{role}} "{{name}}" sets securityContext.procMount: "{{value}}"; baseline allows only Default or unset: the kernel interfaces the runtime masks under /proc become reachable.',
      procMountHostUsers: '{{role}} "{{name}}" sets securityContext.procMount: "{{value}}" in a pod that shares the host user namespace; baseline allows only Default or unset unless the pod sets spec.hostUsers: false.',
    },
    pss: { level: 'baseline', check: 'procMount', since: 0 },
  },
  *check(ctx) {
    const workload = ctx.workload();
    if (!workload) return;
    // Upstream (check_procMount.go): 1.0 to 1.34 apply the plain rule; from 1.35 a pod in its
    // own user namespace (spec.hostUsers: false) passes whatever its procMount.
    const userNamespaceRelief = ctx.pss.minor >= 35;
    if (userNamespaceRelief && isUserNamespaced(workload)) return;
    for (const c of workload.containers) {
      const value = get(c.securityContext, 'procMount');
      // Unset or null passes; any other value, even an empty string, is not `Default`.
      if (!value || !isScalar(value) || value.value === null) continue;
      const text = str(value) ?? '';
      if (text === 'Default') continue;
      const data = { role: roleName(c.role), name: c.name, value: text };
      if (userNamespaceRelief) {
        yield { messageId: 'procMountHostUsers', data, at: value };
      } else {
        yield { messageId: 'procMount', data, at: value };
      }
    }
  },
});
