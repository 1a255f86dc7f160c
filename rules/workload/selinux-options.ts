/**
 * @fileoverview Custom SELinux options (a type outside the container types, or any user or
 * role) on the pod or a container (PSS baseline, check `seLinuxOptions`).
 */
import type { Node, Pair, YAMLMap } from 'yaml';
import { defineRule, getMap, isScalar, roleName, str, type Report, type Workload } from '../../src/rule-api.js';

/** Types allowed from policy v1.0 (the empty type means the runtime's default). */
const TYPES_1_0 = ['container_t', 'container_init_t', 'container_kvm_t'];
/** Policy v1.31 also allows `container_engine_t`. */
const TYPES_1_31 = [...TYPES_1_0, 'container_engine_t'];

export default defineRule({
  meta: {
    id: 'selinux-options',
    layer: 'workload',
    level: 'error',
    securitySeverity: 7.4,
    description: 'The pod or a container sets an SELinux type outside the container types, or any SELinux user or role, which can lift SELinux confinement.',
    remediation: 'Remove seLinuxOptions.user and seLinuxOptions.role, and leave seLinuxOptions.type empty or set it to one of the container types (container_t, container_init_t, container_kvm_t, container_engine_t from 1.31).',
    tags: ['pss:baseline', 'psa:seLinuxOptions'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      type: '{{subject}} sets seLinuxOptions.type to "{{value}}": only an empty type or {{allowed}} is allowed.',
      user: '{{subject}} sets seLinuxOptions.user to "{{value}}": a custom SELinux user is not allowed, leave it empty.',
      role: '{{subject}} sets seLinuxOptions.role to "{{value}}": a custom SELinux role is not allowed, leave it empty.',
    },
    pss: { level: 'baseline', check: 'seLinuxOptions', since: 0 },
  },
  *check(ctx): Generator<Report> {
    const workload = ctx.workload();
    if (!workload) return;
    const types = ctx.pss.minor >= 31 ? TYPES_1_31 : TYPES_1_0;
    const allowed = types.join(', ').replace(/, ([^,]*)$/, ' or $1');
    for (const { subject, options } of sources(workload)) {
      for (const pair of options.items as Pair<Node, Node | null>[]) {
        const at = pair.value;
        // Unset (or null) and empty values are allowed for every field.
        if (!isScalar(pair.key) || !at || (isScalar(at) && at.value === null)) continue;
        const field = pair.key.value;
        const value = str(at) ?? String(at);
        if (value === '') continue;
        if (field === 'type' && !types.includes(value)) {
          yield { messageId: 'type', data: { subject, value, allowed }, at };
        } else if (field === 'user') {
          yield { messageId: 'user', data: { subject, value }, at };
        } else if (field === 'role') {
          yield { messageId: 'role', data: { subject, value }, at };
        }
      }
    }
  },
});

/** The pod's and every container's `seLinuxOptions` map, with who sets it. */
function* sources(workload: Workload): Generator<{ subject: string; options: YAMLMap }> {
  const pod = getMap(workload.podSecurityContext, 'seLinuxOptions');
  if (pod) yield { subject: 'The pod securityContext', options: pod };
  for (const c of workload.containers) {
    const own = getMap(c.securityContext, 'seLinuxOptions');
    if (own) yield { subject: `${roleName(c.role)} "${c.name}"`, options: own };
  }
}
