import rule from '../../../rules/workload/service-account-token-automount.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'pod sets false', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        automountServiceAccountToken: false
        containers:
          - name: web
    ` },
    { name: 'deployment template sets false', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-deploy }
      spec:
        template:
          spec:
            automountServiceAccountToken: false
            containers:
              - name: web
    ` },
    { name: 'not a workload (the ServiceAccount field is a later, cross-document concern)', code: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata: { name: web }
      automountServiceAccountToken: true
    ` },
    { name: 'json pod', code: yaml`
      {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "ok-json"},
       "spec": {"automountServiceAccountToken": false, "containers": [{"name": "web"}]}}
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
                automountServiceAccountToken: false
                containers:
                  - name: web
    ` },
  ],
  invalid: [
    {
      name: 'pod: missing, at the spec key',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          containers:
            - name: web
      `,
      errors: [{
        messageId: 'missing', line: 4, column: 1, endLine: 4, endColumn: 5,
        message: 'The pod does not set automountServiceAccountToken: false, so its service account token is mounted into every container.',
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
              automountServiceAccountToken: true
              containers:
                - name: web
      `,
      errors: [{
        messageId: 'enabled', line: 7, column: 37, endLine: 7, endColumn: 41,
        message: 'The pod sets automountServiceAccountToken: true: anyone who compromises a container gets its service account\'s API access.',
      }],
    },
    {
      name: 'deployment: missing, at the template spec key (not the Deployment spec)',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy-missing }
        spec:
          replicas: 2
          template:
            metadata: { labels: { app: web } }
            spec:
              serviceAccountName: web
              containers:
                - name: web
      `,
      errors: [{ messageId: 'missing', line: 8, column: 5, endLine: 8, endColumn: 9 }],
    },
    {
      name: 'statefulset: a string is not a boolean, at the key',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: bad-sts }
        spec:
          serviceName: db
          template:
            spec:
              automountServiceAccountToken: "false"
              containers:
                - name: db
      `,
      errors: [{ messageId: 'missing', line: 8, column: 7, endLine: 8, endColumn: 35 }],
    },
    {
      name: 'daemonset: null, at the key',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: bad-ds }
        spec:
          template:
            spec:
              automountServiceAccountToken:
              containers:
                - name: agent
      `,
      errors: [{ messageId: 'missing', line: 7, column: 7 }],
    },
    {
      name: 'job',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: { name: bad-job }
        spec:
          template:
            spec: { containers: [{ name: run }] }
      `,
      errors: [{ messageId: 'missing', line: 6, column: 5 }],
    },
    {
      name: 'cronjob',
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
                  automountServiceAccountToken: true
                  containers:
                    - name: main
      `,
      errors: [{ messageId: 'enabled', line: 10, column: 41 }],
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
      `,
      errors: [{ messageId: 'missing', line: 6, column: 5 }],
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
      errors: [{ messageId: 'missing', line: 9, column: 9 }],
    },
    {
      name: 'json pod',
      code: yaml`
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad-json"},
         "spec": {"automountServiceAccountToken": true, "containers": [{"name": "web"}]}}
      `,
      errors: [{ messageId: 'enabled', line: 2, column: 43, endLine: 2, endColumn: 47 }],
    },
    {
      name: 'json pod, missing: at the quoted spec key',
      code: yaml`
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad-json-missing"},
         "spec": {"containers": [{"name": "web"}]}}
      `,
      errors: [{ messageId: 'missing', line: 2, column: 2, endLine: 2, endColumn: 8 }],
    },
  ],
});
