import rule from '../../../rules/workload/missing-resource-limits.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'pod: init and app containers set both, ephemeral containers cannot', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        initContainers:
          - name: init
            resources: { limits: { cpu: 100m, memory: 64Mi } }
        containers:
          - name: web
            resources:
              limits:
                cpu: 1
                memory: 512Mi
        ephemeralContainers:
          - name: dbg
    ` },
    { name: 'option: only memory required', options: { resources: ['memory'] }, code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-memory }
      spec:
        containers:
          - name: web
            resources: { limits: { memory: 512Mi } }
    ` },
    { name: 'option: nothing required', options: { resources: [] }, code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-none }
      spec:
        containers:
          - name: web
    ` },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: LimitRange
      metadata: { name: defaults }
      spec:
        limits:
          - type: Container
            default: { cpu: 500m, memory: 256Mi }
    ` },
    { name: 'json pod', code: yaml`
      {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "ok-json"},
       "spec": {"containers": [{"name": "web", "resources": {"limits": {"cpu": "500m", "memory": "1Gi"}}}]}}
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
                    resources: { limits: { cpu: 200m, memory: 128Mi } }
    ` },
  ],
  invalid: [
    {
      name: 'pod without resources: at the container name',
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
        message: 'Container "web" sets no cpu and memory limit: without limits (or a namespace LimitRange) one pod can starve its node.',
      }],
    },
    {
      name: 'deployment: only a cpu limit, at the limits key',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            spec:
              containers:
                - name: web
                  resources:
                    limits:
                      cpu: 500m
      `,
      errors: [{
        messageId: 'missing', line: 10, column: 13, endLine: 10, endColumn: 19,
        message: 'Container "web" sets no memory limit: without limits (or a namespace LimitRange) one pod can starve its node.',
      }],
    },
    {
      name: 'statefulset: requests only, at the resources key',
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
                  resources:
                    requests: { cpu: 1, memory: 1Gi }
      `,
      errors: [{ messageId: 'missing', line: 10, column: 11, endLine: 10, endColumn: 20 }],
    },
    {
      name: 'daemonset: empty and null values count as missing',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: bad-ds }
        spec:
          template:
            spec:
              containers:
                - name: agent
                  resources:
                    limits: { cpu: "", memory: null }
      `,
      errors: [{ messageId: 'missing', line: 10, column: 13, message: 'Container "agent" sets no cpu and memory limit: without limits (or a namespace LimitRange) one pod can starve its node.' }],
    },
    {
      name: 'job: option requires memory only',
      options: { resources: ['memory'] },
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: { name: bad-job }
        spec:
          template:
            spec:
              containers:
                - name: run
                  resources: { limits: { cpu: 100m } }
      `,
      errors: [{ messageId: 'missing', line: 9, column: 24, message: 'Container "run" sets no memory limit: without limits (or a namespace LimitRange) one pod can starve its node.' }],
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
                      resources: { limits: { memory: 64Mi } }
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
      `,
      errors: [
        { messageId: 'missing', line: 12, column: 28, message: 'Init container "init" sets no cpu limit: without limits (or a namespace LimitRange) one pod can starve its node.' },
        { messageId: 'missing', line: 14, column: 15 },
      ],
    },
    {
      name: 'custom resource with spec.template.spec.containers (Argo Rollout): empty limits',
      code: yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: { name: bad-rollout }
        spec:
          template:
            spec:
              containers:
                - name: web
                  resources: { limits: {} }
      `,
      errors: [{ messageId: 'missing', line: 9, column: 24 }],
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
      name: 'json pod',
      code: yaml`
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad-json"},
         "spec": {"containers": [{"name": "web", "resources": {"limits": {"cpu": "500m"}}}]}}
      `,
      errors: [{ messageId: 'missing', line: 2, column: 56, endLine: 2, endColumn: 64 }],
    },
  ],
});
