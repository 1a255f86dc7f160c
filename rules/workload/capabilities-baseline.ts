/**
 * @fileoverview Containers that add a Linux capability outside the PSS baseline default set
 * (PSS baseline, check `capabilities_baseline`).
 */
import { defineRule, getMap, getSeq, isScalar, roleName, str } from '../../src/rule-api.js';

/** Upstream `capabilities_allowed_1_0`: the container runtime's default set, matched exactly. */
const ALLOWED: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

export default defineRule({
  meta: {
    id: 'capabilities-baseline',
    layer: 'workload',
    level: 'error',
    securitySeverity: 7.7,
    description: 'A container adds a Linux capability beyond the default set that the Pod Security Standards baseline level allows.',
    remediation: 'Remove the capability from securityContext.capabilities.add, or replace it with one of AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID or SYS_CHROOT.',
    tags: ['pss:baseline', 'psa:capabilities_baseline', 'cis-k8s:5.2.9'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      notAllowed: '{{role}} "{{name}}" adds capability "{{capability}}"; baseline allows only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT.',
      spelling: '{{role}} "{{name}}" adds capability "{{capability}}", which baseline rejects: names are matched exactly, in upper case and without the CAP_ prefix (write "{{suggestion}}").',
    },
    pss: { level: 'baseline', check: 'capabilities_baseline', since: 0 },
  },
  *check(ctx) {
    // Upstream (check_capabilities_baseline.go, one rule since 1.0): only `add` of every init,
    // app and ephemeral container; `drop` is ignored and Windows pods are not exempt.
    for (const c of ctx.workload()?.containers ?? []) {
      const add = getSeq(getMap(c.securityContext, 'capabilities'), 'add');
      for (const item of add?.items ?? []) {
        if (!isScalar(item)) continue;
        // A null entry decodes to "" upstream, which is not in the set either.
        const capability = str(item) ?? '';
        if (ALLOWED.has(capability)) continue;
        const data = { role: roleName(c.role), name: c.name, capability };
        const suggestion = capability.toUpperCase().replace(/^CAP_/, '');
        if (ALLOWED.has(suggestion)) {
          yield { messageId: 'spelling', data: { ...data, suggestion }, at: item };
        } else {
          yield { messageId: 'notAllowed', data, at: item };
        }
      }
    }
  },
});
