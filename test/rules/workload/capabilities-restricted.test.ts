import rule from '../../../rules/workload/capabilities-restricted.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'drop ALL on init, app and ephemeral containers; NET_BIND_SERVICE may be added', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        initContainers:
          - name: init
            securityContext: { capabilities: { drop: [ALL] } }
        containers:
          - name: web
            securityContext:
              capabilities:
                drop: [NET_RAW, ALL]
                add: [NET_BIND_SERVICE]
        ephemeralContainers:
          - name: dbg
            securityContext: { capabilities: { drop: ["ALL"], add: [] } }
    ` },
    { name: 'windows pods pass from v1.25', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-windows }
      spec:
        os: { name: windows }
        containers:
          - name: iis
    `, policy: { version: '1.25' } },
    { name: 'not checked before v1.22', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-old }
      spec:
        containers:
          - name: web
            securityContext: { capabilities: { add: [SYS_ADMIN] } }
    `, policy: { version: '1.21' } },
    { name: 'a restricted check: not run at the baseline level', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-baseline }
      spec:
        containers:
          - name: web
    `, policy: { level: 'baseline' } },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { capabilities: SYS_ADMIN }
    ` },
  ],
  invalid: [
    {
      name: 'no securityContext: at the container name',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          containers:
            - name: web
              image: nginx
      `,
      errors: [{
        messageId: 'noDropAll', line: 6, column: 7, endLine: 6, endColumn: 16,
        message: 'Container "web" does not drop all capabilities: securityContext.capabilities.drop must contain "ALL" (listing capabilities by name is not enough).',
      }],
    },
    {
      name: 'windows pods are not exempt before v1.25: at the securityContext key',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-windows-old }
        spec:
          os: { name: windows }
          containers:
            - name: iis
              securityContext: {}
      `,
      policy: { version: '1.24' },
      errors: [{ messageId: 'noDropAll', line: 8, column: 7, endLine: 8, endColumn: 22 }],
    },
    {
      name: 'deployment: drop without ALL (case-sensitive, by name is not enough), at the drop key; forbidden adds at their values',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            spec:
              containers:
                - name: web
                  securityContext:
                    capabilities:
                      drop: [all, CHOWN, KILL]
                      add:
                        - NET_BIND_SERVICE
                        - CHOWN
                        - CAP_SYS_ADMIN
      `,
      errors: [
        { messageId: 'noDropAll', line: 11, column: 15, endLine: 11, endColumn: 19 },
        { messageId: 'forbiddenAdd', line: 14, column: 19, endLine: 14, endColumn: 24, message: 'Container "web" adds capability "CHOWN" in securityContext.capabilities.add: only NET_BIND_SERVICE may be added.' },
        { messageId: 'forbiddenAdd', line: 15, column: 19, endLine: 15, endColumn: 32, message: 'Container "web" adds capability "CAP_SYS_ADMIN" in securityContext.capabilities.add: only NET_BIND_SERVICE may be added.' },
      ],
    },
    {
      name: 'statefulset at v1.22: capabilities without drop, at the capabilities key',
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
                    capabilities:
                      add: [NET_BIND_SERVICE]
      `,
      policy: { version: '1.22' },
      errors: [{ messageId: 'noDropAll', line: 11, column: 13, endLine: 11, endColumn: 25 }],
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
                      securityContext: { capabilities: { drop: [ALL], add: [NET_RAW] } }
                  containers:
                    - name: main
                      securityContext: { capabilities: { drop: [ALL] } }
                  ephemeralContainers:
                    - name: dbg
                      securityContext: { runAsNonRoot: true }
      `,
      errors: [
        { messageId: 'forbiddenAdd', line: 12, column: 69, endLine: 12, endColumn: 76, message: 'Init container "init" adds capability "NET_RAW" in securityContext.capabilities.add: only NET_BIND_SERVICE may be added.' },
        { messageId: 'noDropAll', line: 18, column: 15, endLine: 18, endColumn: 30, message: 'Ephemeral container "dbg" does not drop all capabilities: securityContext.capabilities.drop must contain "ALL" (listing capabilities by name is not enough).' },
      ],
    },
    {
      name: 'json pod',
      code: yaml`
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad-json"},
         "spec": {"containers": [{"name": "web", "securityContext": {"capabilities": {"drop": ["ALL"], "add": ["SYS_PTRACE"]}}}]}}
      `,
      errors: [{ messageId: 'forbiddenAdd', line: 2, column: 104, endLine: 2, endColumn: 116 }],
    },
  ],
});
