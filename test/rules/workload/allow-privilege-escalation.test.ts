import rule from '../../../rules/workload/allow-privilege-escalation.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'pod: init, app and ephemeral containers all set false', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        initContainers:
          - name: init
            securityContext: { allowPrivilegeEscalation: false }
        containers:
          - name: web
            securityContext:
              allowPrivilegeEscalation: false
        ephemeralContainers:
          - name: dbg
            securityContext: { allowPrivilegeEscalation: false }
    ` },
    { name: 'not checked before v1.8', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-v1-7 }
      spec:
        containers:
          - name: web
            securityContext: { allowPrivilegeEscalation: true }
    `, policy: { version: '1.7' } },
    { name: 'a restricted check: not run at the baseline level', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-baseline }
      spec:
        containers:
          - name: web
    `, policy: { level: 'baseline' } },
    { name: 'windows pods are exempt from v1.25', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-windows-1-25 }
      spec:
        os: { name: windows }
        containers:
          - name: iis
            securityContext: { allowPrivilegeEscalation: true }
    `, policy: { version: '1.25' } },
    { name: 'windows pods are exempt (newest version)', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-windows }
      spec:
        os: { name: windows }
        containers:
          - name: iis
    ` },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { allowPrivilegeEscalation: "true" }
    ` },
    { name: 'a kind without a pod spec', code: yaml`
      apiVersion: v1
      kind: Service
      metadata: { name: s }
      spec: { template: { spec: {} } }
    ` },
    { name: 'json pod', code: yaml`
      {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "ok-json"},
       "spec": {"containers": [{"name": "web", "securityContext": {"allowPrivilegeEscalation": false}}]}}
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
                    securityContext: { allowPrivilegeEscalation: false }
    ` },
  ],
  invalid: [
    {
      name: 'windows pods are not exempt before v1.25',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-windows-old }
        spec:
          os: { name: windows }
          containers:
            - name: iis
      `,
      policy: { version: '1.24' },
      errors: [{ messageId: 'missing', line: 7, column: 7, endLine: 7, endColumn: 16 }],
    },
    {
      name: 'v1.8, the first version with the check',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-v1-8 }
        spec:
          containers:
            - name: web
              securityContext: { allowPrivilegeEscalation: true }
      `,
      policy: { version: '1.8' },
      errors: [{ messageId: 'enabled', line: 7, column: 52, endLine: 7, endColumn: 56 }],
    },
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
        message: 'Container "web" does not set securityContext.allowPrivilegeEscalation: false, and the default allows privilege escalation.',
      }],
    },
    {
      name: 'deployment: true, at the value',
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
                    allowPrivilegeEscalation: true
      `,
      errors: [{
        messageId: 'enabled', line: 10, column: 39, endLine: 10, endColumn: 43,
        message: 'Container "web" sets allowPrivilegeEscalation: true: a setuid binary or file capability in it can gain root privileges.',
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
                    allowPrivilegeEscalation: "false"
      `,
      errors: [{ messageId: 'missing', line: 10, column: 13, endLine: 10, endColumn: 37 }],
    },
    {
      name: 'job: null value, at the key',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: { name: bad-job }
        spec:
          template:
            spec:
              containers:
                - name: run
                  securityContext:
                    allowPrivilegeEscalation:
      `,
      errors: [{ messageId: 'missing', line: 10, column: 13 }],
    },
    {
      name: 'cronjob: init, app and ephemeral containers',
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
                      securityContext: { allowPrivilegeEscalation: true }
                  containers:
                    - name: main
                      securityContext: { allowPrivilegeEscalation: false }
                  ephemeralContainers:
                    - name: dbg
      `,
      errors: [
        { messageId: 'enabled', line: 12, column: 60, message: 'Init container "init" sets allowPrivilegeEscalation: true: a setuid binary or file capability in it can gain root privileges.' },
        { messageId: 'missing', line: 17, column: 15, message: 'Ephemeral container "dbg" does not set securityContext.allowPrivilegeEscalation: false, and the default allows privilege escalation.' },
      ],
    },
    {
      name: 'custom resource with spec.template.spec.containers (Argo Rollout)',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: { name: bad-rollout }
        spec:
          strategy: { canary: {} }
          template:
            spec:
              containers:
                - name: web
                  securityContext: {}
      `,
      errors: [{ messageId: 'missing', line: 10, column: 11 }],
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
                      securityContext: { allowPrivilegeEscalation: true }
      `,
      errors: [{ messageId: 'enabled', line: 12, column: 60 }],
    },
    {
      name: 'json pod',
      code: yaml`
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad-json"},
         "spec": {"containers": [{"name": "web", "securityContext": {"allowPrivilegeEscalation": true}}]}}
      `,
      errors: [{ messageId: 'enabled', line: 2, column: 90, endLine: 2, endColumn: 94 }],
    },
    {
      name: 'a container without a name: at its map',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-unnamed }
        spec:
          containers:
            - image: nginx
      `,
      errors: [{ messageId: 'missing', line: 6, column: 7, message: 'Container "" does not set securityContext.allowPrivilegeEscalation: false, and the default allows privilege escalation.' }],
    },
    {
      name: 'privileged containers still report by the field',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-privileged }
        spec:
          os: { name: linux }
          containers:
            - name: root
              securityContext: { privileged: true, capabilities: { add: [SYS_ADMIN] } }
      `,
      errors: [{ messageId: 'missing', line: 8, column: 7 }],
    },
  ],
});
