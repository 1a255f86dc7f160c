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
      errors: [{ messageId: 'privileged', line: 11, column: 25, endLine: 11, endColumn: 29, message: 'Container "web" runs privileged: a compromise of it is a compromise of the node.' }],
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
        { messageId: 'privileged', line: 12, column: 46 },
        { messageId: 'privileged', line: 17, column: 46 },
      ],
    },
  ],
});
