import rule from '../../../rules/workload/run-as-non-root.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'pod-level true covers init, app and ephemeral containers', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        securityContext: { runAsNonRoot: true }
        initContainers:
          - name: init
        containers:
          - name: web
            securityContext: { readOnlyRootFilesystem: true }
        ephemeralContainers:
          - name: dbg
    ` },
    { name: 'every container sets true itself', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-containers }
      spec:
        template:
          spec:
            containers:
              - name: web
                securityContext: { runAsNonRoot: true }
              - name: sidecar
                securityContext: { runAsNonRoot: true, runAsUser: 1000 }
    ` },
    { name: 'pod-level null is unset, container true', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-null }
      spec:
        securityContext: { runAsNonRoot: null }
        containers:
          - name: web
            securityContext: { runAsNonRoot: true }
    ` },
    { name: 'user-namespaced pods (hostUsers: false) are exempt from v1.35', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-userns-1-35 }
      spec:
        hostUsers: false
        securityContext: { runAsNonRoot: false }
        containers:
          - name: web
    `, policy: { version: '1.35' } },
    { name: 'a restricted check: not run at the baseline level', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-baseline }
      spec:
        containers:
          - name: web
    `, policy: { level: 'baseline', version: '1.30' } },
    { name: 'user-namespaced pods (hostUsers: false) are exempt (newest version)', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-userns }
      spec:
        hostUsers: false
        containers:
          - name: web
    ` },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { runAsNonRoot: "false" }
    ` },
    { name: 'json pod', code: yaml`
      {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "ok-json"},
       "spec": {"securityContext": {"runAsNonRoot": true}, "containers": [{"name": "web"}]}}
    ` },
    { name: 'list wrapping a deployment', code: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: apps/v1
          kind: Deployment
          metadata: { name: ok-listed }
          spec:
            template:
              spec:
                securityContext: { runAsNonRoot: true }
                containers:
                  - name: web
    ` },
    { name: 'argo rollout with pod-level true', code: yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: { name: ok-rollout }
      spec:
        template:
          spec:
            securityContext:
              runAsNonRoot: true
            containers:
              - name: web
    ` },
  ],
  invalid: [
    {
      name: 'hostUsers: false is not exempt before v1.35',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-userns-old }
        spec:
          hostUsers: false
          containers:
            - name: web
      `,
      policy: { version: '1.34' },
      errors: [{ messageId: 'missing', line: 7, column: 7, endLine: 7, endColumn: 16 }],
    },
    {
      name: 'v1.0: pod false with hostUsers: false',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-v1-0 }
        spec:
          template:
            spec:
              hostUsers: false
              securityContext: { runAsNonRoot: false }
              containers:
                - name: web
      `,
      policy: { version: '1.0' },
      errors: [{ messageId: 'podDisabled', line: 8, column: 40, endLine: 8, endColumn: 45, message: 'The pod securityContext sets runAsNonRoot: false; containers that do not set it to true themselves may run as root ("web").' }],
    },
    {
      name: 'pod without any setting: at the container name',
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
        messageId: 'missing', line: 6, column: 7, endLine: 6, endColumn: 16,
        message: 'Container "web" may run as root: neither it nor the pod securityContext sets runAsNonRoot: true.',
      }],
    },
    {
      name: 'a non-zero runAsUser does not satisfy the check: at the container securityContext key',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-uid }
        spec:
          securityContext:
            runAsUser: 10001
          containers:
            - name: web
              securityContext:
                runAsUser: 10002
      `,
      errors: [{ messageId: 'missing', line: 9, column: 7, endLine: 9, endColumn: 22 }],
    },
    {
      name: 'deployment: container false overrides pod true',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-override }
        spec:
          template:
            spec:
              securityContext: { runAsNonRoot: true }
              containers:
                - name: web
                  securityContext: { runAsNonRoot: false }
                - name: ok
      `,
      errors: [{
        messageId: 'disabled', line: 10, column: 44, endLine: 10, endColumn: 49,
        message: 'Container "web" sets runAsNonRoot: false and may run as root.',
      }],
    },
    {
      name: 'statefulset: pod false reported once, naming the containers that inherit it',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: bad-pod-false }
        spec:
          serviceName: db
          template:
            spec:
              securityContext:
                runAsNonRoot: false
              initContainers:
                - name: init
              containers:
                - name: db
                - name: metrics
                  securityContext: { runAsNonRoot: true }
      `,
      errors: [{
        messageId: 'podDisabled', line: 9, column: 23, endLine: 9, endColumn: 28,
        message: 'The pod securityContext sets runAsNonRoot: false; containers that do not set it to true themselves may run as root ("init", "db").',
      }],
    },
    {
      name: 'daemonset: pod false is rejected even when every container overrides it',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: bad-all-override }
        spec:
          template:
            spec:
              securityContext: { runAsNonRoot: false }
              containers:
                - name: agent
                  securityContext: { runAsNonRoot: true }
      `,
      errors: [{
        messageId: 'podDisabled', line: 7, column: 40,
        message: 'The pod securityContext sets runAsNonRoot: false; containers that do not set it to true themselves may run as root (none inherit it).',
      }],
    },
    {
      name: 'job: pod false and container false',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: { name: bad-job }
        spec:
          template:
            spec:
              securityContext: { runAsNonRoot: false }
              containers:
                - name: run
                  securityContext: { runAsNonRoot: false }
      `,
      errors: [
        { messageId: 'podDisabled', line: 7, column: 40 },
        { messageId: 'disabled', line: 10, column: 44 },
      ],
    },
    {
      name: 'cronjob: init, app and ephemeral containers with nothing set',
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
                  containers:
                    - name: main
                      securityContext: { runAsUser: 1000 }
                  ephemeralContainers:
                    - name: dbg
      `,
      errors: [
        { messageId: 'missing', line: 11, column: 15, message: 'Init container "init" may run as root: neither it nor the pod securityContext sets runAsNonRoot: true.' },
        { messageId: 'missing', line: 14, column: 15 },
        { messageId: 'missing', line: 16, column: 15, message: 'Ephemeral container "dbg" may run as root: neither it nor the pod securityContext sets runAsNonRoot: true.' },
      ],
    },
    {
      name: 'argo rollout: a string is not a boolean, at the key',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: { name: bad-rollout }
        spec:
          template:
            spec:
              containers:
                - name: web
                  securityContext:
                    runAsNonRoot: "true"
      `,
      errors: [{ messageId: 'missing', line: 10, column: 13, endLine: 10, endColumn: 25 }],
    },
    {
      name: 'list wrapping a deployment',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: Deployment
            metadata: { name: bad-listed }
            spec:
              template:
                spec:
                  containers:
                    - name: web
      `,
      errors: [{ messageId: 'missing', line: 11, column: 15 }],
    },
    {
      name: 'json pod with pod-level false',
      code: yaml`
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad-json"},
         "spec": {"securityContext": {"runAsNonRoot": false}, "containers": [{"name": "web"}]}}
      `,
      errors: [{ messageId: 'podDisabled', line: 2, column: 47, endLine: 2, endColumn: 52 }],
    },
    {
      name: 'hostUsers: true is not exempt',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-hostusers }
        spec:
          hostUsers: true
          containers:
            - name: web
      `,
      errors: [{ messageId: 'missing', line: 7, column: 7 }],
    },
  ],
});
