import rule from '../../../rules/workload/windows-host-process.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'false, unset, empty windowsOptions and null', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-windows }
      spec:
        os: { name: windows }
        securityContext:
          windowsOptions: { hostProcess: false, runAsUserName: ContainerUser }
        initContainers:
          - name: init
            securityContext: { windowsOptions: {} }
        containers:
          - name: iis
            securityContext:
              windowsOptions:
                hostProcess:
        ephemeralContainers:
          - name: dbg
    ` },
    { name: 'string "true" is not a boolean', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-string }
      spec:
        containers:
          - name: iis
            securityContext:
              windowsOptions: { hostProcess: "true" }
    ` },
  ],
  invalid: [
    {
      name: 'pod level: reported once, naming the containers it covers',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          hostNetwork: true
          securityContext:
            windowsOptions:
              hostProcess: true
              runAsUserName: 'NT AUTHORITY\\SYSTEM'
          initContainers:
            - name: setup
          containers:
            - name: agent
      `,
      errors: [{
        messageId: 'podHostProcess', line: 8, column: 20, endLine: 8, endColumn: 24,
        message: 'The pod securityContext sets windowsOptions.hostProcess: true, so every container runs as a HostProcess container on the node (init container "setup", container "agent"); baseline allows only false or unset.',
      }],
    },
    {
      name: 'pod level true fails even where a container sets false (v1.0, baseline)',
      policy: { level: 'baseline', version: '1.0' },
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: bad-ds }
        spec:
          template:
            spec:
              hostNetwork: true
              securityContext: { windowsOptions: { hostProcess: true } }
              containers:
                - name: agent
                  securityContext: { windowsOptions: { hostProcess: false } }
      `,
      errors: [{ messageId: 'podHostProcess', line: 8, column: 57, endColumn: 61 }],
    },
    {
      name: 'deployment init and app containers',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            spec:
              hostNetwork: true
              initContainers:
                - name: setup
                  securityContext:
                    windowsOptions:
                      hostProcess: true
              containers:
                - name: agent
                  securityContext: { windowsOptions: { hostProcess: true } }
      `,
      errors: [
        {
          messageId: 'hostProcess', line: 12, column: 28, endColumn: 32,
          message: 'Init container "setup" sets securityContext.windowsOptions.hostProcess: true and runs as a HostProcess container on the node; baseline allows only false or unset.',
        },
        { messageId: 'hostProcess', line: 15, column: 61, endColumn: 65 },
      ],
    },
    {
      name: 'cronjob ephemeral container and statefulset app container',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: bad-cron }
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
                      securityContext: { windowsOptions: { hostProcess: true } }
        ---
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
                    windowsOptions: { hostProcess: true }
      `,
      errors: [
        { messageId: 'hostProcess', line: 14, column: 65, message: 'Ephemeral container "dbg" sets securityContext.windowsOptions.hostProcess: true and runs as a HostProcess container on the node; baseline allows only false or unset.' },
        { messageId: 'hostProcess', line: 26, column: 44, endColumn: 48 },
      ],
    },
  ],
});
