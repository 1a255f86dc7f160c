import rule from '../../../rules/workload/selinux-options.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'pod: container types at pod, init, app and ephemeral level; level is not checked', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        securityContext:
          seLinuxOptions: { type: container_t, level: "s0:c1,c2" }
        initContainers:
          - name: init
            securityContext: { seLinuxOptions: { type: container_init_t } }
        containers:
          - name: vm
            securityContext:
              seLinuxOptions:
                type: container_kvm_t
                level: s0
        ephemeralContainers:
          - name: dbg
            securityContext: { seLinuxOptions: {} }
    ` },
    { name: 'empty strings and nulls are unset', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-empty }
      spec:
        template:
          spec:
            securityContext:
              seLinuxOptions: { type: "", user: "", role: "" }
            containers:
              - name: web
                securityContext:
                  seLinuxOptions:
                    type:
                    user: null
    ` },
    { name: 'container_engine_t is allowed from v1.31', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-engine }
      spec:
        containers:
          - name: podman
            securityContext: { seLinuxOptions: { type: container_engine_t } }
    `, policy: { version: '1.31' } },
    { name: 'container_engine_t at the newest version (default policy)', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-engine-latest }
      spec:
        securityContext: { seLinuxOptions: { type: container_engine_t } }
        containers:
          - name: podman
    ` },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { seLinuxOptions: spc_t }
    ` },
  ],
  invalid: [
    {
      name: 'pod-level type, at the value',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          securityContext:
            seLinuxOptions:
              type: spc_t
          containers:
            - name: web
      `,
      errors: [{
        messageId: 'type', line: 7, column: 13, endLine: 7, endColumn: 18,
        message: 'The pod securityContext sets seLinuxOptions.type to "spc_t": only an empty type or container_t, container_init_t, container_kvm_t or container_engine_t is allowed.',
      }],
    },
    {
      name: 'container_engine_t is forbidden before v1.31',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-engine }
        spec:
          containers:
            - name: podman
              securityContext: { seLinuxOptions: { type: container_engine_t } }
      `,
      policy: { version: '1.30' },
      errors: [{
        messageId: 'type', line: 7, column: 50, endLine: 7, endColumn: 68,
        message: 'Container "podman" sets seLinuxOptions.type to "container_engine_t": only an empty type or container_t, container_init_t or container_kvm_t is allowed.',
      }],
    },
    {
      name: 'baseline level v1.0: container user and role',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: bad-sts }
        spec:
          serviceName: db
          template:
            spec:
              containers:
                - name: db
                  securityContext:
                    seLinuxOptions:
                      user: system_u
                      role: system_r
                      type: container_t
      `,
      policy: { level: 'baseline', version: '1.0' },
      errors: [
        { messageId: 'user', line: 12, column: 21, endLine: 12, endColumn: 29, message: 'Container "db" sets seLinuxOptions.user to "system_u": a custom SELinux user is not allowed, leave it empty.' },
        { messageId: 'role', line: 13, column: 21, endLine: 13, endColumn: 29, message: 'Container "db" sets seLinuxOptions.role to "system_r": a custom SELinux role is not allowed, leave it empty.' },
      ],
    },
    {
      name: 'cronjob: init and ephemeral containers',
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
                  initContainers:
                    - name: init
                      securityContext: { seLinuxOptions: { type: unconfined_t } }
                  containers:
                    - name: main
                      securityContext: { seLinuxOptions: { type: container_t } }
                  ephemeralContainers:
                    - name: dbg
                      securityContext: { seLinuxOptions: { role: sysadm_r } }
      `,
      errors: [
        { messageId: 'type', line: 12, column: 58, message: 'Init container "init" sets seLinuxOptions.type to "unconfined_t": only an empty type or container_t, container_init_t, container_kvm_t or container_engine_t is allowed.' },
        { messageId: 'role', line: 18, column: 58, message: 'Ephemeral container "dbg" sets seLinuxOptions.role to "sysadm_r": a custom SELinux role is not allowed, leave it empty.' },
      ],
    },
    {
      name: 'deployment: pod and container both reported; type is case-sensitive',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            spec:
              securityContext:
                seLinuxOptions: { user: unconfined_u }
              containers:
                - name: web
                  securityContext:
                    seLinuxOptions: { type: Container_T }
      `,
      errors: [
        { messageId: 'user', line: 8, column: 33, endLine: 8, endColumn: 45 },
        { messageId: 'type', line: 12, column: 37, endLine: 12, endColumn: 48 },
      ],
    },
    {
      name: 'a number is not a container type',
      code: yaml`
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad-json"},
         "spec": {"containers": [{"name": "web", "securityContext": {"seLinuxOptions": {"type": 7}}}]}}
      `,
      errors: [{ messageId: 'type', line: 2, column: 89, endLine: 2, endColumn: 90 }],
    },
  ],
});
