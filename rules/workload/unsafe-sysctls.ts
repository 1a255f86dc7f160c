/**
 * @fileoverview Pod sysctls outside the safe set of the policy version
 * (`spec.securityContext.sysctls[*].name`) (PSS baseline, check `sysctls`).
 */
import { defineRule, get, getSeq, isMap, pairOf, str, type Report } from '../../src/rule-api.js';

/** The safe sysctls of policy v1.0. */
const SYSCTLS_1_0 = [
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
/** Policy v1.27 adds `net.ipv4.ip_local_reserved_ports`. */
const SYSCTLS_1_27 = [...SYSCTLS_1_0, 'net.ipv4.ip_local_reserved_ports'];
/** Policy v1.29 adds the TCP keepalive and FIN timeout sysctls. */
const SYSCTLS_1_29 = [
  ...SYSCTLS_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
/** Policy v1.32 adds the TCP buffer sizes. */
const SYSCTLS_1_32 = [...SYSCTLS_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
/** Policy v1.37 adds `net.ipv4.tcp_slow_start_after_idle` and `net.ipv4.tcp_notsent_lowat`. */
const SYSCTLS_1_37 = [...SYSCTLS_1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];

/** The allow-list of the newest rule at or below `minor`. */
function allowedAt(minor: number): readonly string[] {
  if (minor >= 37) return SYSCTLS_1_37;
  if (minor >= 32) return SYSCTLS_1_32;
  if (minor >= 29) return SYSCTLS_1_29;
  if (minor >= 27) return SYSCTLS_1_27;
  return SYSCTLS_1_0;
}

export default defineRule({
  meta: {
    id: 'unsafe-sysctls',
    layer: 'workload',
    level: 'error',
    securitySeverity: 6.8,
    description: 'A pod sets a sysctl outside the namespaced, safe set the baseline Pod Security Standard allows at its policy version.',
    remediation: 'Remove the sysctl from spec.securityContext.sysctls, or set it on the node pool (for example through an OKE node pool cloud-init script) if the workload truly needs it.',
    tags: ['pss:baseline', 'psa:sysctls'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      forbidden: 'The pod sets the sysctl "{{sysctl}}"; baseline v1.{{minor}} allows only {{allowed}}: other sysctls can change kernel settings shared with the node and every other pod on it.',
      noName: 'The pod sets a sysctl without a name in spec.securityContext.sysctls; baseline v1.{{minor}} allows only {{allowed}}.',
    },
    pss: { level: 'baseline', check: 'sysctls', since: 0 },
  },
  *check(ctx): Generator<Report> {
    const workload = ctx.workload();
    if (!workload) return;
    // Upstream (check_sysctls.go): every spec.securityContext.sysctls[*].name must be in the
    // allow-list of the version, matched exactly (a slash-separated spelling does not match);
    // values are never checked. The list grew at 1.27, 1.29, 1.32 and 1.37.
    const minor = ctx.pss.minor;
    const list = allowedAt(minor);
    const allowed = list.join(', ').replace(/, ([^,]*)$/, ' and $1');
    for (const item of getSeq(workload.podSecurityContext, 'sysctls')?.items ?? []) {
      if (!isMap(item)) continue;
      const nameNode = get(item, 'name');
      const sysctl = str(nameNode);
      if (!nameNode || sysctl === undefined || sysctl === '') {
        yield { messageId: 'noName', data: { minor, allowed }, at: pairOf(item, 'name')?.key ?? item };
      } else if (!list.includes(sysctl)) {
        yield { messageId: 'forbidden', data: { sysctl, minor, allowed }, at: nameNode };
      }
    }
  },
});
