/**
 * @fileoverview Containers that do not set `securityContext.allowPrivilegeEscalation: false`
 * (PSS restricted, check `allowPrivilegeEscalation`).
 */
import { defineRule, get, isFalse, isTrue, isWindowsPod, missingAnchor, roleName } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'allow-privilege-escalation',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 6.5,
    description: 'A container does not set securityContext.allowPrivilegeEscalation to false, so its processes can gain more privileges than their parent.',
    remediation: 'Set securityContext.allowPrivilegeEscalation: false on every container, init container and ephemeral container.',
    tags: ['pss:restricted', 'psa:allowPrivilegeEscalation'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      enabled: '{{role}} "{{name}}" sets allowPrivilegeEscalation: true: a setuid binary or file capability in it can gain root privileges.',
      missing: '{{role}} "{{name}}" does not set securityContext.allowPrivilegeEscalation: false, and the default allows privilege escalation.',
    },
    pss: { level: 'restricted', check: 'allowPrivilegeEscalation', since: 8 },
  },
  *check(ctx) {
    const workload = ctx.workload();
    if (!workload) return;
    // From policy v1.25 Windows pods pass: the field does not exist on Windows.
    if (ctx.pss.minor >= 25 && isWindowsPod(workload)) return;
    for (const c of workload.containers) {
      const value = get(c.securityContext, 'allowPrivilegeEscalation');
      if (isFalse(value)) continue;
      const data = { role: roleName(c.role), name: c.name };
      if (value && isTrue(value)) {
        yield { messageId: 'enabled', data, at: value };
      } else {
        yield { messageId: 'missing', data, at: missingAnchor(c.node, ['securityContext', 'allowPrivilegeEscalation'], c.anchor) };
      }
    }
  },
});

