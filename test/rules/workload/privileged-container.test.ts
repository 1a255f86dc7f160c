import rule from '../../../rules/workload/privileged-container.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        containers:
          - name: web
            image: nginx
            securityContext: { privileged: false }
    `,
    { name: 'unset, empty securityContext and null', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-unset }
      spec:
        initContainers:
          - name: init
            securityContext: {}
        containers:
          - name: web
          - name: side
            securityContext:
              privileged:
    ` },
    { name: 'string "true" is not a boolean', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-string }
      spec:
        containers:
          - name: web
            securityContext:
              privileged: "true"
    ` },
    { name: 'a pod-level privileged field does not exist upstream', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod-level }
      spec:
        securityContext: { privileged: true }
        containers:
          - name: web
    ` },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { privileged: "true" }
    ` },
  ],
  invalid: [
    {
      name: 'deployment app container',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad }
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx
                  securityContext:
                    privileged: true
      `,
      errors: [{
        messageId: 'privileged', line: 11, column: 25, endLine: 11, endColumn: 29,
        message: 'Container "web" sets securityContext.privileged: true; baseline allows only false or unset: a compromise of it is a compromise of the node.',
      }],
    },
    {
      name: 'cronjob init and ephemeral containers',
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
                      securityContext: { privileged: true }
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
                      securityContext: { privileged: true }
      `,
      errors: [
        { messageId: 'privileged', line: 12, column: 46, message: 'Init container "init" sets securityContext.privileged: true; baseline allows only false or unset: a compromise of it is a compromise of the node.' },
        { messageId: 'privileged', line: 17, column: 46, message: 'Ephemeral container "dbg" sets securityContext.privileged: true; baseline allows only false or unset: a compromise of it is a compromise of the node.' },
      ],
    },
    {
      name: 'statefulset at baseline v1.0, windows pods are not exempt',
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
              containers:
                - name: db
                  securityContext:
                    privileged: true
      `,
      errors: [{ messageId: 'privileged', line: 12, column: 25, endColumn: 29 }],
    },
  ],
});
