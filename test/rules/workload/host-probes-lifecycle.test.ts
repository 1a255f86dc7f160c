import rule from '../../../rules/workload/host-probes-lifecycle.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const probeHost = yaml`
  apiVersion: v1
  kind: Pod
  metadata: { name: probe-host }
  spec:
    containers:
      - name: web
        livenessProbe:
          httpGet: { host: 169.254.169.254, path: /opc/v2/instance/, port: 80 }
`;

ruleTester.run(rule, {
  valid: [
    { name: 'probes and handlers without a host, empty host, null host', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-probes }
      spec:
        containers:
          - name: web
            livenessProbe:
              httpGet: { path: /healthz, port: 8080, httpHeaders: [{ name: Host, value: example.com }] }
            readinessProbe:
              tcpSocket: { port: 8080, host: "" }
            startupProbe:
              grpc: { port: 9090 }
            lifecycle:
              postStart:
                exec: { command: [sh, -c, "true"] }
              preStop:
                httpGet:
                  host:
                  port: 8080
    ` },
    { name: 'before v1.34 the check does not exist', code: probeHost, policy: { level: 'baseline', version: '1.33' } },
    { name: 'a host elsewhere in the container is not a probe host', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-elsewhere }
      spec:
        containers:
          - name: web
            env: [{ name: host, value: example.com }]
            livenessProbe:
              exec: { command: [curl, -f, "http://example.com"] }
    ` },
  ],
  invalid: [
    {
      name: 'v1.34 exactly: the metadata endpoint from a liveness probe',
      policy: { level: 'baseline', version: '1.34' },
      code: probeHost,
      errors: [{
        messageId: 'probeHost', line: 8, column: 26, endLine: 8, endColumn: 41,
        message: 'Container "web" sets livenessProbe.httpGet.host: "169.254.169.254"; baseline (since v1.34) allows only an empty or unset host: the kubelet would probe that address from the node instead of the pod.',
      }],
    },
    {
      name: 'deployment: every probe and handler, even localhost',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            spec:
              containers:
                - name: web
                  readinessProbe:
                    tcpSocket: { host: 127.0.0.1, port: 8080 }
                  startupProbe:
                    httpGet: { host: localhost, port: 8080 }
                  lifecycle:
                    postStart:
                      httpGet: { host: bad.example, port: 80 }
                    preStop:
                      tcpSocket:
                        host: "::1"
                        port: 80
      `,
      errors: [
        { messageId: 'probeHost', line: 10, column: 32, message: 'Container "web" sets readinessProbe.tcpSocket.host: "127.0.0.1"; baseline (since v1.34) allows only an empty or unset host: the kubelet would probe that address from the node instead of the pod.' },
        { messageId: 'probeHost', line: 12, column: 30, endColumn: 39 },
        {
          messageId: 'lifecycleHost', line: 15, column: 32,
          message: 'Container "web" sets lifecycle.postStart.httpGet.host: "bad.example"; baseline (since v1.34) allows only an empty or unset host: the kubelet would call that address from the node when the hook runs.',
        },
        { messageId: 'lifecycleHost', line: 18, column: 23, endColumn: 28 },
      ],
    },
    {
      name: 'cronjob: a restartable init container (sidecar) and an ephemeral container',
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
                  initContainers:
                    - name: proxy
                      restartPolicy: Always
                      readinessProbe:
                        tcpSocket: { host: 8.8.8.8, port: 53 }
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
                      lifecycle:
                        preStop:
                          httpGet: { host: 10.0.0.1, port: 80 }
      `,
      errors: [
        { messageId: 'probeHost', line: 14, column: 36, message: 'Init container "proxy" sets readinessProbe.tcpSocket.host: "8.8.8.8"; baseline (since v1.34) allows only an empty or unset host: the kubelet would probe that address from the node instead of the pod.' },
        { messageId: 'lifecycleHost', line: 21, column: 36, message: 'Ephemeral container "dbg" sets lifecycle.preStop.httpGet.host: "10.0.0.1"; baseline (since v1.34) allows only an empty or unset host: the kubelet would call that address from the node when the hook runs.' },
      ],
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
                  livenessProbe:
                    tcpSocket:
                      host: db.internal
                      port: 1433
      `,
      errors: [{ messageId: 'probeHost', line: 13, column: 21, endColumn: 32 }],
    },
  ],
});
