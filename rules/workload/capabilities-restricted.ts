/**
 * @fileoverview Containers that do not drop ALL capabilities or add any capability other
 * than NET_BIND_SERVICE (PSS restricted, check `capabilities_restricted`; replaces
 * `capabilities-baseline` from v1.22).
 */
import type { Node } from 'yaml';
import { defineRule, getIn, isSeq, isWindowsPod, missingAnchor, roleName, str } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'capabilities-restricted',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 5.9,
    description: 'A container keeps the runtime\'s default Linux capabilities (it does not drop ALL) or adds a capability other than NET_BIND_SERVICE.',
    remediation: 'Set securityContext.capabilities.drop: [ALL] on every container and add back at most NET_BIND_SERVICE.',
    tags: ['pss:restricted', 'psa:capabilities_restricted'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      noDropAll: '{{role}} "{{name}}" does not drop all capabilities: securityContext.capabilities.drop must contain "ALL" (listing capabilities by name is not enough).',
      forbiddenAdd: '{{role}} "{{name}}" adds capability "{{value}}" in securityContext.capabilities.add: only NET_BIND_SERVICE may be added.',
    },
    pss: { level: 'restricted', check: 'capabilities_restricted', since: 22, overrides: 'capabilities-baseline' },
  },
  *check(ctx) {
    const workload = ctx.workload();
    if (!workload) return;
    // From policy v1.25 Windows pods pass: Linux capabilities do not exist on Windows.
    if (ctx.pss.minor >= 25 && isWindowsPod(workload)) return;
    for (const c of workload.containers) {
      const data = { role: roleName(c.role), name: c.name };
      const drop = getIn(c.node, ['securityContext', 'capabilities', 'drop']);
      const droppedAll = isSeq(drop) && drop.items.some((item) => str(item) === 'ALL');
      if (!droppedAll) {
        yield { messageId: 'noDropAll', data, at: missingAnchor(c.node, ['securityContext', 'capabilities', 'drop'], c.anchor) };
      }
      const add = getIn(c.node, ['securityContext', 'capabilities', 'add']);
      for (const item of isSeq(add) ? (add.items as Node[]) : []) {
        const value = str(item) ?? '';
        if (value === 'NET_BIND_SERVICE') continue;
        // A null item decodes to "", which is not NET_BIND_SERVICE either.
        yield { messageId: 'forbiddenAdd', data: { ...data, value }, at: item ?? add };
      }
    }
  },
});
