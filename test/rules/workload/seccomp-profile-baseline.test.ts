import rule from '../../../rules/workload/seccomp-profile-baseline.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'unset everywhere passes the baseline check', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-unset }
      spec:
        containers:
          - name: web
    ` },
    { name: 'RuntimeDefault and Localhost at pod, init, app and ephemeral level', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-types }
      spec:
        securityContext:
          seccompProfile: { type: RuntimeDefault }
        initContainers:
          - name: init
            securityContext: { seccompProfile: { type: Localhost, localhostProfile: profiles/init.json } }
        containers:
          - name: web
            securityContext:
              seccompProfile:
                type: RuntimeDefault
        ephemeralContainers:
          - name: dbg
            securityContext: { seccompProfile: null }
    ` },
    { name: 'v1.19+: the alpha annotations are ignored', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok-annotations-ignored
        annotations:
          seccomp.security.alpha.kubernetes.io/pod: unconfined
      spec:
        containers:
          - name: web
    `, policy: { level: 'baseline', version: '1.19' } },
    { name: 'v1.18: the fields are ignored, valid annotations pass', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-annotations }
      spec:
        template:
          metadata:
            annotations:
              seccomp.security.alpha.kubernetes.io/pod: runtime/default
              container.seccomp.security.alpha.kubernetes.io/web: localhost/profiles/web.json
              container.seccomp.security.alpha.kubernetes.io/init: docker/default
          spec:
            securityContext:
              seccompProfile: { type: Unconfined }
            initContainers:
              - name: init
            containers:
              - name: web
    `, policy: { level: 'baseline', version: '1.18' } },
    { name: 'v1.18: annotations of containers that do not exist are ignored', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok-other-container
        annotations:
          container.seccomp.security.alpha.kubernetes.io/gone: unconfined
      spec:
        containers:
          - name: web
    `, policy: { level: 'baseline', version: '1.18' } },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { seccompProfile: Unconfined }
    ` },
  ],
  invalid: [
    {
      name: 'pod-level Unconfined, at the value',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          securityContext:
            seccompProfile:
              type: Unconfined
          containers:
            - name: web
      `,
      errors: [{
        messageId: 'type', line: 7, column: 13, endLine: 7, endColumn: 23,
        message: 'The pod securityContext sets seccompProfile.type to "Unconfined": only RuntimeDefault or Localhost are allowed, other profiles turn syscall filtering off.',
      }],
    },
    {
      name: 'baseline v1.19: init and ephemeral containers in a cronjob',
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
                      securityContext: { seccompProfile: { type: Unconfined } }
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
                      securityContext:
                        seccompProfile:
                          type: runtime/default
      `,
      policy: { level: 'baseline', version: '1.19' },
      errors: [
        { messageId: 'type', line: 12, column: 58, message: 'Init container "init" sets seccompProfile.type to "Unconfined": only RuntimeDefault or Localhost are allowed, other profiles turn syscall filtering off.' },
        { messageId: 'type', line: 19, column: 25, endLine: 19, endColumn: 40 },
      ],
    },
    {
      name: 'a seccompProfile without a type, at its key',
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
                    seccompProfile: { localhostProfile: db.json }
      `,
      errors: [{
        messageId: 'noType', line: 11, column: 13, endLine: 11, endColumn: 27,
        message: 'Container "db" sets a seccompProfile without a type: only RuntimeDefault or Localhost are allowed.',
      }],
    },
    {
      name: 'v1.18: unconfined pod annotation on a deployment template',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            metadata:
              annotations:
                seccomp.security.alpha.kubernetes.io/pod: unconfined
            spec:
              containers:
                - name: web
      `,
      policy: { level: 'baseline', version: '1.18' },
      errors: [{
        messageId: 'annotation', line: 8, column: 51, endLine: 8, endColumn: 61,
        message: 'Annotation seccomp.security.alpha.kubernetes.io/pod is "unconfined" for the pod: only runtime/default, docker/default or localhost/<profile> are allowed.',
      }],
    },
    {
      name: 'v1.0 at restricted (no override yet): container annotations of init and ephemeral containers; an empty value fails',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: bad-annotations
          annotations:
            container.seccomp.security.alpha.kubernetes.io/init: ""
            container.seccomp.security.alpha.kubernetes.io/web: localhost/web.json
            container.seccomp.security.alpha.kubernetes.io/dbg: unconfined
        spec:
          securityContext:
            seccompProfile: { type: Unconfined }
          initContainers:
            - name: init
          containers:
            - name: web
          ephemeralContainers:
            - name: dbg
      `,
      policy: { level: 'restricted', version: '1.0' },
      errors: [
        { messageId: 'annotation', line: 6, column: 58, endLine: 6, endColumn: 60, message: 'Annotation container.seccomp.security.alpha.kubernetes.io/init is "" for init container "init": only runtime/default, docker/default or localhost/<profile> are allowed.' },
        { messageId: 'annotation', line: 8, column: 57, message: 'Annotation container.seccomp.security.alpha.kubernetes.io/dbg is "unconfined" for ephemeral container "dbg": only runtime/default, docker/default or localhost/<profile> are allowed.' },
      ],
    },
    {
      name: 'v1.18: a null annotation value, at the key',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: bad-null
          annotations:
            container.seccomp.security.alpha.kubernetes.io/web:
        spec:
          containers:
            - name: web
      `,
      policy: { level: 'baseline', version: '1.18' },
      errors: [{ messageId: 'annotation', line: 6, column: 5, endLine: 6, endColumn: 55 }],
    },
  ],
});
