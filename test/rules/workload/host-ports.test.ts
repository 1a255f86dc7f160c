import rule from '../../../rules/workload/host-ports.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'containerPort alone, hostPort 0 and null', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-ports }
      spec:
        initContainers:
          - name: init
            ports: [{ containerPort: 9000 }]
        containers:
          - name: web
            ports:
              - containerPort: 8080
                hostPort: 0
              - containerPort: 8443
                hostPort:
        ephemeralContainers:
          - name: dbg
    ` },
    { name: 'a quoted hostPort does not decode as an int32', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-quoted }
      spec:
        template:
          spec:
            containers:
              - name: web
                ports:
                  - containerPort: 8080
                    hostPort: "8080"
    ` },
    { name: 'hostNetwork is another check (hostNamespaces)', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-hostnetwork }
      spec:
        hostNetwork: true
        containers:
          - name: web
            ports: [{ containerPort: 80 }]
    ` },
  ],
  invalid: [
    {
      name: 'pod: one finding per host port, named port',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          containers:
            - name: web
              ports:
                - name: http
                  containerPort: 8080
                  hostPort: 80
                - containerPort: 8443
                - containerPort: 9443
                  hostPort: 443
      `,
      errors: [
        {
          messageId: 'hostPort', line: 10, column: 21, endLine: 10, endColumn: 23,
          message: 'Container "web" binds host port 80 to containerPort 8080 ("http"); baseline allows only hostPort 0 or unset: the port opens on the node\'s own addresses, outside any Service or load balancer.',
        },
        {
          messageId: 'hostPort', line: 13, column: 21, endLine: 13, endColumn: 24,
          message: 'Container "web" binds host port 443 to containerPort 9443; baseline allows only hostPort 0 or unset: the port opens on the node\'s own addresses, outside any Service or load balancer.',
        },
      ],
    },
    {
      name: 'daemonset at baseline v1.0: init container, no containerPort',
      policy: { level: 'baseline', version: '1.0' },
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: bad-ds }
        spec:
          template:
            spec:
              initContainers:
                - name: probe
                  ports: [{ hostPort: 9100 }]
              containers:
                - name: agent
      `,
      errors: [{
        messageId: 'hostPort', line: 9, column: 31,
        message: 'Init container "probe" binds host port 9100 to ports[0]; baseline allows only hostPort 0 or unset: the port opens on the node\'s own addresses, outside any Service or load balancer.',
      }],
    },
    {
      name: 'cronjob ephemeral container',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: bad-cron }
        spec:
          schedule: "@hourly"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
                      ports:
                        - containerPort: 2345
                          hostPort: 2345
      `,
      errors: [{ messageId: 'hostPort', line: 16, column: 29, endColumn: 33 }],
    },
    {
      name: 'statefulset, windows pods are not exempt',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: bad-sts }
        spec:
          serviceName: db
          template:
            spec:
              os: { name: windows }
              containers:
                - name: db
                  ports: [{ containerPort: 1433, hostPort: 1433 }]
      `,
      errors: [{ messageId: 'hostPort', line: 11, column: 52, endColumn: 56 }],
    },
  ],
});
