import rule from '../../../rules/workload/seccomp-profile-restricted.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'pod-level RuntimeDefault covers init, app and ephemeral containers', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        securityContext:
          seccompProfile: { type: RuntimeDefault }
        initContainers:
          - name: init
        containers:
          - name: web
            securityContext: { seccompProfile: null }
        ephemeralContainers:
          - name: dbg
    ` },
    { name: 'a container may use Localhost while the pod uses RuntimeDefault', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-localhost }
      spec:
        template:
          spec:
            securityContext:
              seccompProfile:
                type: RuntimeDefault
            containers:
              - name: web
                securityContext:
                  seccompProfile: { type: Localhost, localhostProfile: profiles/web.json }
    ` },
    { name: 'container-level profiles on every container, none at pod level', code: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: { name: ok-containers }
      spec:
        serviceName: db
        template:
          spec:
            initContainers:
              - name: init
                securityContext: { seccompProfile: { type: RuntimeDefault } }
            containers:
              - name: db
                securityContext: { seccompProfile: { type: Localhost, localhostProfile: db.json } }
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
    { name: 'not checked before v1.19', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-old }
      spec:
        containers:
          - name: web
    `, policy: { version: '1.18' } },
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
      data: { seccompProfile: Unconfined }
    ` },
  ],
  invalid: [
    {
      name: 'pod without any profile: at the container name',
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
        message: 'Container "web" has no seccomp profile: neither it nor the pod securityContext sets seccompProfile.type to RuntimeDefault or Localhost.',
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
              securityContext:
                windowsOptions: { runAsUserName: ContainerUser }
      `,
      policy: { version: '1.24' },
      errors: [{ messageId: 'missing', line: 8, column: 7, endLine: 8, endColumn: 22 }],
    },
    {
      name: 'pod-level Unconfined is reported once, naming the containers that inherit it',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            spec:
              securityContext:
                seccompProfile:
                  type: Unconfined
              initContainers:
                - name: init
              containers:
                - name: web
                - name: sidecar
                  securityContext: { seccompProfile: { type: RuntimeDefault } }
      `,
      errors: [{
        messageId: 'podType', line: 9, column: 17, endLine: 9, endColumn: 27,
        message: 'The pod securityContext sets seccompProfile.type to "Unconfined" (inherited by "init", "web"): only RuntimeDefault or Localhost are allowed.',
      }],
    },
    {
      name: 'pod-level Unconfined is rejected even when every container overrides it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-overridden }
        spec:
          securityContext: { seccompProfile: { type: Unconfined } }
          containers:
            - name: web
              securityContext: { seccompProfile: { type: RuntimeDefault } }
      `,
      errors: [{
        messageId: 'podType', line: 5, column: 46,
        message: 'The pod securityContext sets seccompProfile.type to "Unconfined" (inherited by no container): only RuntimeDefault or Localhost are allowed.',
      }],
    },
    {
      name: 'cronjob: an uncovered init container and an Unconfined ephemeral container',
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
                      securityContext: { runAsNonRoot: true }
                  containers:
                    - name: main
                      securityContext:
                        seccompProfile: { type: RuntimeDefault }
                  ephemeralContainers:
                    - name: dbg
                      securityContext:
                        seccompProfile: { type: Unconfined }
      `,
      errors: [
        { messageId: 'missing', line: 12, column: 15, endLine: 12, endColumn: 30, message: 'Init container "init" has no seccomp profile: neither it nor the pod securityContext sets seccompProfile.type to RuntimeDefault or Localhost.' },
        { messageId: 'type', line: 20, column: 41, endLine: 20, endColumn: 51, message: 'Ephemeral container "dbg" sets seccompProfile.type to "Unconfined": only RuntimeDefault or Localhost are allowed.' },
      ],
    },
    {
      name: 'profiles without a type, at the seccompProfile keys',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-no-type }
        spec:
          securityContext:
            seccompProfile: {}
          containers:
            - name: web
              securityContext:
                seccompProfile: { localhostProfile: web.json }
      `,
      errors: [
        { messageId: 'podNoType', line: 6, column: 5, endLine: 6, endColumn: 19, message: 'The pod securityContext sets a seccompProfile without a type (inherited by no container): only RuntimeDefault or Localhost are allowed.' },
        { messageId: 'noType', line: 10, column: 9, endLine: 10, endColumn: 23, message: 'Container "web" sets a seccompProfile without a type: only RuntimeDefault or Localhost are allowed.' },
      ],
    },
    {
      name: 'v1.19: linux pods and an explicit os: linux are checked too',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: bad-linux }
        spec:
          template:
            spec:
              os: { name: linux }
              containers:
                - name: agent
                  securityContext:
                    seccompProfile:
      `,
      policy: { version: '1.19' },
      errors: [{ messageId: 'missing', line: 11, column: 13, endLine: 11, endColumn: 27 }],
    },
  ],
});
