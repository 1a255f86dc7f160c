/**
 * @fileoverview Containers that set `securityContext.procMount` to anything but Default, even in
 * a user-namespaced pod (PSS restricted, check `procMount_restricted`; replaces `proc-mount`
 * from v1.35).
 */
import { defineRule, get, isScalar, roleName, str } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'proc-mount-restricted',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 5.6,
    description: 'A container sets securityContext.procMount to a value other than Default, such as Unmasked, which exposes the unmasked /proc even in a user-namespaced pod.',
    remediation: 'Remove securityContext.procMount or set it to Default on every container, also in pods with hostUsers: false.',
    tags: ['pss:restricted', 'psa:procMount_restricted'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      procMount: '{{role}} "{{name}}" sets securityContext.procMount to "{{value}}": only Default is allowed at the restricted level, even with hostUsers: false.',
    },
    pss: { level: 'restricted', check: 'procMount_restricted', since: 35, overrides: 'proc-mount' },
  },
  *check(ctx) {
    for (const c of ctx.workload()?.containers ?? []) {
      const value = get(c.securityContext, 'procMount');
      if (!value || (isScalar(value) && value.value === null)) continue;
      const text = str(value) ?? String(value);
      if (text !== 'Default') yield { messageId: 'procMount', data: { role: roleName(c.role), name: c.name, value: text }, at: value };
    }
  },
});
