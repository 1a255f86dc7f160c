import rule from '../../../rules/workload/run-as-user-root.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'unset everywhere (runAsNonRoot is a different check)', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-unset }
      spec:
        containers:
          - name: web
    ` },
    { name: 'non-zero UIDs at pod, init, app and ephemeral level', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-uids }
      spec:
        securityContext: { runAsUser: 10001 }
        initContainers:
          - name: init
            securityContext: { runAsUser: 1 }
        containers:
          - name: web
            securityContext:
              runAsUser: 65532
        ephemeralContainers:
          - name: dbg
            securityContext: { runAsUser: null }
    ` },
    { name: 'a quoted "0" is not the integer 0', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-string }
      spec:
        containers:
          - name: web
            securityContext: { runAsUser: "0" }
    ` },
    { name: 'not checked before v1.23', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-old }
      spec:
        securityContext: { runAsUser: 0 }
        containers:
          - name: web
    `, policy: { version: '1.22' } },
    { name: 'user-namespaced pods (hostUsers: false) pass from v1.35', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-userns }
      spec:
        template:
          spec:
            hostUsers: false
            securityContext: { runAsUser: 0 }
            containers:
              - name: web
                securityContext: { runAsUser: 0 }
    `, policy: { version: '1.35' } },
    { name: 'a restricted check: not run at the baseline level', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-baseline }
      spec:
        containers:
          - name: web
            securityContext: { runAsUser: 0 }
    `, policy: { level: 'baseline' } },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { runAsUser: "0" }
    ` },
  ],
  invalid: [
    {
      name: 'pod-level 0, naming the containers that inherit it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          securityContext:
            runAsUser: 0
          initContainers:
            - name: init
          containers:
            - name: web
            - name: sidecar
              securityContext: { runAsUser: 1000 }
      `,
      errors: [{
        messageId: 'podRoot', line: 6, column: 16, endLine: 6, endColumn: 17,
        message: 'The pod securityContext sets runAsUser: 0, which is forbidden even when containers override it; containers that do not set their own runAsUser run as root ("init", "web").',
      }],
    },
    {
      name: 'pod-level 0 is rejected even when every container overrides it',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: bad-sts }
        spec:
          serviceName: db
          template:
            spec:
              securityContext: { runAsUser: 0 }
              containers:
                - name: db
                  securityContext: { runAsUser: 999 }
      `,
      errors: [{
        messageId: 'podRoot', line: 8, column: 37,
        message: 'The pod securityContext sets runAsUser: 0, which is forbidden even when containers override it; containers that do not set their own runAsUser run as root (none inherit it).',
      }],
    },
    {
      name: 'deployment: container 0 overriding a non-zero pod UID',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            spec:
              securityContext: { runAsUser: 1000 }
              containers:
                - name: web
                  securityContext:
                    runAsUser: 0
      `,
      errors: [{
        messageId: 'root', line: 11, column: 24, endLine: 11, endColumn: 25,
        message: 'Container "web" sets runAsUser: 0 and runs as root: any non-zero UID is allowed.',
      }],
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
                      securityContext: { runAsUser: 0 }
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
                      securityContext: { runAsUser: 0 }
      `,
      errors: [
        { messageId: 'root', line: 12, column: 45, message: 'Init container "init" sets runAsUser: 0 and runs as root: any non-zero UID is allowed.' },
        { messageId: 'root', line: 17, column: 45, message: 'Ephemeral container "dbg" sets runAsUser: 0 and runs as root: any non-zero UID is allowed.' },
      ],
    },
    {
      name: 'hostUsers: false does not pass before v1.35; pod and container both reported',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-userns-old }
        spec:
          hostUsers: false
          securityContext: { runAsUser: 0 }
          containers:
            - name: web
              securityContext: { runAsUser: 0 }
      `,
      policy: { version: '1.34' },
      errors: [
        { messageId: 'podRoot', line: 6, column: 33 },
        { messageId: 'root', line: 9, column: 37 },
      ],
    },
    {
      name: 'json pod at v1.23',
      code: yaml`
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad-json"},
         "spec": {"containers": [{"name": "web", "securityContext": {"runAsUser": 0}}]}}
      `,
      policy: { version: '1.23' },
      errors: [{ messageId: 'root', line: 2, column: 75, endLine: 2, endColumn: 76 }],
    },
  ],
});
