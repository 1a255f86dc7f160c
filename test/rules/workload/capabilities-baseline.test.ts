import rule from '../../../rules/workload/capabilities-baseline.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'the whole default set on init, app and ephemeral containers', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-defaults }
      spec:
        initContainers:
          - name: init
            securityContext:
              capabilities:
                add: [AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD]
        containers:
          - name: web
            securityContext:
              capabilities:
                add: [NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT]
        ephemeralContainers:
          - name: dbg
            securityContext:
              capabilities: { add: [KILL] }
    ` },
    { name: 'drop is ignored, even of ALL or unknown names', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-drop }
      spec:
        template:
          spec:
            containers:
              - name: web
                securityContext:
                  capabilities:
                    drop: [ALL, SYS_ADMIN, bogus]
    ` },
    { name: 'no securityContext, empty capabilities, empty add', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-empty }
      spec:
        containers:
          - name: a
          - name: b
            securityContext: { capabilities: {} }
          - name: c
            securityContext: { capabilities: { add: [] } }
    ` },
    { name: 'a pod-level capabilities field does not exist upstream', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod-level }
      spec:
        securityContext:
          capabilities: { add: [SYS_ADMIN] }
        containers:
          - name: web
    ` },
  ],
  invalid: [
    {
      name: 'pod: NET_RAW on the app container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          containers:
            - name: web
              securityContext:
                capabilities:
                  drop: [ALL]
                  add:
                    - NET_BIND_SERVICE
                    - NET_RAW
      `,
      errors: [{
        messageId: 'notAllowed', line: 12, column: 15, endLine: 12, endColumn: 22,
        message: 'Container "web" adds capability "NET_RAW"; baseline allows only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT.',
      }],
    },
    {
      name: 'deployment: one finding per offending item, spelling hints for chown and CAP_CHOWN',
      policy: { level: 'baseline' },
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
                      add: [SYS_ADMIN, chown, CAP_CHOWN, CHOWN, SYS_PTRACE]
      `,
      errors: [
        { messageId: 'notAllowed', line: 11, column: 21, endColumn: 30 },
        {
          messageId: 'spelling', line: 11, column: 32, endColumn: 37,
          message: 'Container "web" adds capability "chown", which baseline rejects: names are matched exactly, in upper case and without the CAP_ prefix (write "CHOWN").',
        },
        { messageId: 'spelling', line: 11, column: 39, endColumn: 48 },
        { messageId: 'notAllowed', line: 11, column: 57, endColumn: 67 },
      ],
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
                    - name: setup
                      securityContext:
                        capabilities: { add: [NET_ADMIN] }
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
                      securityContext:
                        capabilities: { add: [SYS_PTRACE] }
      `,
      errors: [
        { messageId: 'notAllowed', line: 13, column: 39, message: 'Init container "setup" adds capability "NET_ADMIN"; baseline allows only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT.' },
        { messageId: 'notAllowed', line: 19, column: 39, message: 'Ephemeral container "dbg" adds capability "SYS_PTRACE"; baseline allows only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT.' },
      ],
    },
    {
      name: 'statefulset at restricted v1.21 (before capabilities_restricted exists), windows not exempt',
      policy: { level: 'restricted', version: '1.21' },
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
                  securityContext:
                    capabilities:
                      add: ["ALL"]
      `,
      errors: [{ messageId: 'notAllowed', line: 13, column: 21, endColumn: 26 }],
    },
  ],
});
