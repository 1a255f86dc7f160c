import rule from '../../../rules/workload/host-namespaces.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        hostNetwork: false
        hostPID: false
        hostIPC: false
        containers:
          - name: web
    `,
    { name: 'unset, null and quoted values', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-strings }
      spec:
        template:
          spec:
            hostNetwork: "true"
            hostPID:
            hostIPC: null
            containers:
              - name: web
    ` },
    { name: 'container-level fields do not exist upstream', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-container-level }
      spec:
        containers:
          - name: web
            hostNetwork: true
            securityContext: { hostPID: true }
    ` },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { hostNetwork: "true" }
    ` },
  ],
  invalid: [
    {
      name: 'pod: one finding per field, at the value',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          hostNetwork: true
          hostPID: true
          hostIPC: true
          containers:
            - name: web
      `,
      errors: [
        {
          messageId: 'hostNetwork', line: 5, column: 16, endLine: 5, endColumn: 20,
          message: 'The pod sets hostNetwork: true and shares the node\'s network namespace: it sees every interface of the node, can bind its ports and reach the instance metadata endpoint, and NetworkPolicies do not apply to it; baseline allows only false or unset.',
        },
        {
          messageId: 'hostPID', line: 6, column: 12, endColumn: 16,
          message: 'The pod sets hostPID: true and shares the node\'s process namespace: it sees every process on the node, including other pods\', with their environment and command lines; baseline allows only false or unset.',
        },
        {
          messageId: 'hostIPC', line: 7, column: 12, endColumn: 16,
          message: 'The pod sets hostIPC: true and shares the node\'s IPC namespace: it can read and write the shared memory and message queues of every process on the node; baseline allows only false or unset.',
        },
      ],
    },
    {
      name: 'deployment hostNetwork',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            spec:
              hostNetwork: true
              hostPID: false
              containers:
                - name: web
      `,
      errors: [{ messageId: 'hostNetwork', line: 7, column: 20, endColumn: 24 }],
    },
    {
      name: 'cronjob hostPID, flow style',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: bad-cron }
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec: { hostPID: true, containers: [{ name: dump }] }
      `,
      errors: [{ messageId: 'hostPID', line: 9, column: 26, endColumn: 30 }],
    },
    {
      name: 'statefulset hostIPC at baseline v1.0, windows pods are not exempt',
      policy: { level: 'baseline', version: '1.0' },
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: bad-sts }
        spec:
          serviceName: db
          template:
            spec:
              os: { name: windows }
              hostIPC: true
              containers:
                - name: db
      `,
      errors: [{ messageId: 'hostIPC', line: 9, column: 16, endColumn: 20 }],
    },
    {
      name: 'JSON pod',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad-json"},\n "spec": {"hostNetwork": true, "containers": [{"name": "c"}]}}\n',
      errors: [{ messageId: 'hostNetwork', line: 2, column: 26, endColumn: 30 }],
    },
  ],
});
