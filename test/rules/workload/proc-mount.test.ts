import rule from '../../../rules/workload/proc-mount.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const userNamespacedUnmasked = yaml`
  apiVersion: v1
  kind: Pod
  metadata: { name: userns }
  spec:
    hostUsers: false
    containers:
      - name: web
        securityContext:
          procMount: Unmasked
`;

ruleTester.run(rule, {
  valid: [
    { name: 'Default, unset and null on every container role', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-default }
      spec:
        initContainers:
          - name: init
            securityContext: { procMount: Default }
        containers:
          - name: web
          - name: side
            securityContext:
              procMount:
        ephemeralContainers:
          - name: dbg
            securityContext: {}
    ` },
    { name: 'v1.35+: a user-namespaced pod passes whatever its procMount', code: userNamespacedUnmasked },
    { name: 'v1.35 exactly, baseline', code: userNamespacedUnmasked, policy: { level: 'baseline', version: '1.35' } },
  ],
  invalid: [
    {
      name: 'before v1.35 hostUsers: false does not help',
      policy: { level: 'baseline', version: '1.34' },
      code: userNamespacedUnmasked,
      errors: [{
        messageId: 'procMount', line: 9, column: 20, endLine: 9, endColumn: 28,
        message: 'Container "web" sets securityContext.procMount: "Unmasked"; baseline allows only Default or unset: the kernel interfaces the runtime masks under /proc become reachable.',
      }],
    },
    {
      name: 'v1.35+: hostUsers true or unset, deployment init and app containers',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            spec:
              hostUsers: true
              initContainers:
                - name: init
                  securityContext: { procMount: Unmasked }
              containers:
                - name: web
                  securityContext:
                    procMount: ""
      `,
      errors: [
        {
          messageId: 'procMountHostUsers', line: 10, column: 41,
          message: 'Init container "init" sets securityContext.procMount: "Unmasked" in a pod that shares the host user namespace; baseline allows only Default or unset unless the pod sets spec.hostUsers: false.',
        },
        { messageId: 'procMountHostUsers', line: 14, column: 24, endColumn: 26 },
      ],
    },
    {
      name: 'cronjob ephemeral container at v1.0',
      policy: { level: 'baseline', version: '1.0' },
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: bad-cron }
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
                      securityContext: { procMount: Unmasked }
      `,
      errors: [{ messageId: 'procMount', line: 14, column: 45, message: 'Ephemeral container "dbg" sets securityContext.procMount: "Unmasked"; baseline allows only Default or unset: the kernel interfaces the runtime masks under /proc become reachable.' }],
    },
    {
      name: 'statefulset, hostUsers unset',
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
                    procMount: Unmasked
      `,
      errors: [{ messageId: 'procMountHostUsers', line: 11, column: 24, endColumn: 32 }],
    },
  ],
});
