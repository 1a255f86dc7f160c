import rule from '../../../rules/workload/unsafe-sysctls.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const V1_0 = 'kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range and net.ipv4.ip_unprivileged_port_start';
const V1_37 = 'kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes, net.ipv4.tcp_rmem, net.ipv4.tcp_wmem, net.ipv4.tcp_slow_start_after_idle and net.ipv4.tcp_notsent_lowat';
const WHY = 'other sysctls can change kernel settings shared with the node and every other pod on it.';

/** A pod setting `names` as sysctls. */
function pod(name: string, ...names: string[]): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name} }\nspec:\n  securityContext:\n    sysctls:\n${names.map((n) => `      - { name: ${n}, value: "1" }\n`).join('')}  containers:\n    - name: web\n`;
}

ruleTester.run(rule, {
  valid: [
    { name: 'the v1.0 set at v1.0', policy: { level: 'baseline', version: '1.0' }, code: pod(
      'ok-v1-0', 'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
      'net.ipv4.ip_unprivileged_port_start',
    ) },
    { name: 'ip_local_reserved_ports from v1.27', policy: { version: '1.27' }, code: pod('ok-v1-27', 'net.ipv4.ip_local_reserved_ports') },
    { name: 'keepalive and fin_timeout from v1.29', policy: { version: '1.29' }, code: pod(
      'ok-v1-29', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
    ) },
    { name: 'tcp_rmem and tcp_wmem from v1.32', policy: { version: '1.32' }, code: pod('ok-v1-32', 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem') },
    { name: 'v1.37 additions at the newest version (default policy)', code: pod('ok-v1-37', 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat') },
    { name: 'values are never checked; empty securityContext and sysctls', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-values }
      spec:
        template:
          spec:
            securityContext:
              sysctls:
                - name: net.ipv4.ip_local_port_range
                  value: "0 0"
            containers:
              - name: web
                securityContext: { sysctls: [{ name: kernel.msgmax, value: "1" }] }
    ` },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { sysctls: "kernel.msgmax" }
    ` },
  ],
  invalid: [
    {
      name: 'pod: an unsafe sysctl, at its name, with the allow-list of the newest version',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          securityContext:
            sysctls:
              - name: net.ipv4.tcp_syncookies
                value: "1"
              - name: kernel.msgmax
                value: "65536"
          containers:
            - name: web
      `,
      errors: [{
        messageId: 'forbidden', line: 9, column: 15, endLine: 9, endColumn: 28,
        message: `The pod sets the sysctl "kernel.msgmax"; baseline v1.37 allows only ${V1_37}: ${WHY}`,
      }],
    },
    {
      name: 'v1.26: ip_local_reserved_ports is not yet allowed',
      policy: { level: 'baseline', version: '1.26' },
      code: pod('bad-v1-26', 'net.ipv4.ip_local_reserved_ports'),
      errors: [{
        messageId: 'forbidden', line: 7, column: 17, endColumn: 49,
        message: `The pod sets the sysctl "net.ipv4.ip_local_reserved_ports"; baseline v1.26 allows only ${V1_0}: ${WHY}`,
      }],
    },
    {
      name: 'v1.28: keepalive sysctls are not yet allowed',
      policy: { version: '1.28' },
      code: pod('bad-v1-28', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time'),
      errors: [{ messageId: 'forbidden', line: 8, column: 17 }],
    },
    {
      name: 'v1.31: tcp_rmem and tcp_wmem are not yet allowed',
      policy: { version: '1.31' },
      code: pod('bad-v1-31', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'),
      errors: [{ messageId: 'forbidden', line: 8, column: 17 }, { messageId: 'forbidden', line: 9, column: 17 }],
    },
    {
      name: 'v1.36: the v1.37 additions are not yet allowed',
      policy: { version: '1.36' },
      code: pod('bad-v1-36', 'net.ipv4.tcp_wmem', 'net.ipv4.tcp_notsent_lowat'),
      errors: [{ messageId: 'forbidden', line: 8, column: 17 }],
    },
    {
      name: 'cronjob: the slash spelling does not match; a sysctl without a name',
      policy: { level: 'baseline', version: '1.0' },
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: bad-cron }
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  securityContext:
                    sysctls:
                      - name: net/ipv4/tcp_syncookies
                        value: "1"
                      - value: "2"
                  containers: [{ name: job }]
      `,
      errors: [
        { messageId: 'forbidden', line: 12, column: 23, message: `The pod sets the sysctl "net/ipv4/tcp_syncookies"; baseline v1.0 allows only ${V1_0}: ${WHY}` },
        { messageId: 'noName', line: 14, column: 17, message: `The pod sets a sysctl without a name in spec.securityContext.sysctls; baseline v1.0 allows only ${V1_0}.` },
      ],
    },
    {
      name: 'statefulset: flow style',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: bad-sts }
        spec:
          serviceName: db
          template:
            spec:
              securityContext: { sysctls: [{ name: vm.max_map_count, value: "262144" }] }
              containers:
                - name: db
      `,
      errors: [{ messageId: 'forbidden', line: 8, column: 44, endColumn: 60 }],
    },
  ],
});
