import rule from '../../../rules/workload/readonly-root-filesystem.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'pod: init and app containers set true, ephemeral containers are exempt', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        initContainers:
          - name: init
            securityContext: { readOnlyRootFilesystem: true }
        containers:
          - name: web
            securityContext:
              readOnlyRootFilesystem: true
        ephemeralContainers:
          - name: dbg
            securityContext: { readOnlyRootFilesystem: false }
    ` },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { readOnlyRootFilesystem: "false" }
    ` },
    { name: 'json pod', code: yaml`
      {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "ok-json"},
       "spec": {"containers": [{"name": "web", "securityContext": {"readOnlyRootFilesystem": true}}]}}
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
                containers:
                  - name: web
                    securityContext: { readOnlyRootFilesystem: true }
    ` },
  ],
  invalid: [
    {
      name: 'pod without securityContext: at the container name',
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
        message: 'Container "web" does not set securityContext.readOnlyRootFilesystem: true, so its root filesystem is writable.',
      }],
    },
    {
      name: 'deployment: false, at the value',
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
                    readOnlyRootFilesystem: false
      `,
      errors: [{
        messageId: 'disabled', line: 10, column: 37, endLine: 10, endColumn: 42,
        message: 'Container "web" sets readOnlyRootFilesystem: false: an intruder can modify its binaries and drop tools into it.',
      }],
    },
    {
      name: 'statefulset: securityContext without the field, at the securityContext key',
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
                    runAsNonRoot: true
      `,
      errors: [{ messageId: 'missing', line: 10, column: 11, endLine: 10, endColumn: 26 }],
    },
    {
      name: 'daemonset: a string is not a boolean, at the key',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: bad-ds }
        spec:
          template:
            spec:
              containers:
                - name: agent
                  securityContext:
                    readOnlyRootFilesystem: "true"
      `,
      errors: [{ messageId: 'missing', line: 10, column: 13, endLine: 10, endColumn: 35 }],
    },
    {
      name: 'job: pod-level settings do not count (the field does not inherit)',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: { name: bad-job }
        spec:
          template:
            spec:
              securityContext: { runAsNonRoot: true }
              containers:
                - name: run
      `,
      errors: [{ messageId: 'missing', line: 9, column: 11 }],
    },
    {
      name: 'cronjob: init and app containers, not the ephemeral one',
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
                      securityContext: { readOnlyRootFilesystem: false }
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
      `,
      errors: [
        { messageId: 'disabled', line: 12, column: 58, message: 'Init container "init" sets readOnlyRootFilesystem: false: an intruder can modify its binaries and drop tools into it.' },
        { messageId: 'missing', line: 14, column: 15 },
      ],
    },
    {
      name: 'custom resource with spec.template.spec.containers (Argo Rollout)',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: { name: bad-rollout }
        spec:
          template:
            spec:
              containers:
                - name: web
                  securityContext: {}
      `,
      errors: [{ messageId: 'missing', line: 9, column: 11 }],
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
                      securityContext: { readOnlyRootFilesystem: false }
      `,
      errors: [{ messageId: 'disabled', line: 12, column: 58 }],
    },
    {
      name: 'json pod',
      code: yaml`
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad-json"},
         "spec": {"containers": [{"name": "web", "securityContext": {"readOnlyRootFilesystem": false}}]}}
      `,
      errors: [{ messageId: 'disabled', line: 2, column: 88, endLine: 2, endColumn: 93 }],
    },
  ],
});
