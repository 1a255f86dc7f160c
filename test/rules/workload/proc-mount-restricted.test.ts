import rule from '../../../rules/workload/proc-mount-restricted.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'unset, null or Default on init, app and ephemeral containers', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        hostUsers: false
        initContainers:
          - name: init
            securityContext: { procMount: Default }
        containers:
          - name: web
            securityContext:
              procMount:
        ephemeralContainers:
          - name: dbg
    ` },
    { name: 'not checked before v1.35 (proc-mount applies then)', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-old }
      spec:
        containers:
          - name: web
            securityContext: { procMount: Unmasked }
    `, policy: { version: '1.34' } },
    { name: 'a restricted check: not run at the baseline level', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-baseline }
      spec:
        hostUsers: false
        containers:
          - name: web
            securityContext: { procMount: Unmasked }
    `, policy: { level: 'baseline' } },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { procMount: Unmasked }
    ` },
  ],
  invalid: [
    {
      name: 'pod: Unmasked even with hostUsers: false, at the value',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          hostUsers: false
          containers:
            - name: web
              securityContext:
                procMount: Unmasked
      `,
      errors: [{
        messageId: 'procMount', line: 9, column: 20, endLine: 9, endColumn: 28,
        message: 'Container "web" sets securityContext.procMount to "Unmasked": only Default is allowed at the restricted level, even with hostUsers: false.',
      }],
    },
    {
      name: 'deployment at v1.35: an empty string and a lowercase default are not Default',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            spec:
              containers:
                - name: web
                  securityContext: { procMount: "" }
                - name: sidecar
                  securityContext: { procMount: default }
      `,
      policy: { version: '1.35' },
      errors: [
        { messageId: 'procMount', line: 9, column: 41, endLine: 9, endColumn: 43, message: 'Container "web" sets securityContext.procMount to "": only Default is allowed at the restricted level, even with hostUsers: false.' },
        { messageId: 'procMount', line: 11, column: 41, endLine: 11, endColumn: 48 },
      ],
    },
    {
      name: 'statefulset: hostUsers: true',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: bad-sts }
        spec:
          serviceName: db
          template:
            spec:
              hostUsers: true
              containers:
                - name: db
                  securityContext: { procMount: Unmasked }
      `,
      errors: [{ messageId: 'procMount', line: 11, column: 41 }],
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
                  hostUsers: false
                  initContainers:
                    - name: init
                      securityContext: { procMount: Unmasked }
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
                      securityContext:
                        procMount: Unmasked
      `,
      errors: [
        { messageId: 'procMount', line: 13, column: 45, message: 'Init container "init" sets securityContext.procMount to "Unmasked": only Default is allowed at the restricted level, even with hostUsers: false.' },
        { messageId: 'procMount', line: 19, column: 28, message: 'Ephemeral container "dbg" sets securityContext.procMount to "Unmasked": only Default is allowed at the restricted level, even with hostUsers: false.' },
      ],
    },
  ],
});
