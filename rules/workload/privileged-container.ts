/**
 * @fileoverview Containers running with `securityContext.privileged: true`
 * (PSS baseline, check `privileged`).
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
    tags: ['pss:baseline', 'psa:privileged', 'cis-k8s:5.2.2'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      privileged: '{{role}} "{{name}}" sets securityContext.privileged: true; baseline allows only false or unset: a compromise of it is a compromise of the node.',
    },
    pss: { level: 'baseline', check: 'privileged', since: 0 },
  },
  *check(ctx) {
    // Upstream (check_privileged.go, one rule since 1.0): every init, app and ephemeral
    // container; only a boolean true fails, and Windows pods are not exempt.
    for (const c of ctx.workload()?.containers ?? []) {
      const value = get(c.securityContext, 'privileged');
      if (value && isTrue(value)) {
        yield { messageId: 'privileged', data: { role: roleName(c.role), name: c.name }, at: value };
      }
    }
  },
});
