/**
 * @fileoverview Containers running with `securityContext.privileged: true`.
 */
import { defineRule, get, isTrue, roleName } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'privileged-container',
    layer: 'workload',
    level: 'error',
    securitySeverity: 9.3,
    description: 'A container runs privileged, with every capability and full access to the host devices.',
    remediation: 'Remove securityContext.privileged or set it to false, and grant only the specific capabilities the container needs.',
    tags: ['pss:baseline', 'cis-k8s:5.2.2'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      privileged: '{{role}} "{{name}}" runs privileged: a compromise of it is a compromise of the node.',
    },
  },
  *check(ctx) {
    for (const c of ctx.workload()?.containers ?? []) {
      const value = get(c.securityContext, 'privileged');
      if (isTrue(value) && value) {
        yield { messageId: 'privileged', data: { role: roleName(c.role), name: c.name }, at: value };
      }
    }
  },
});
