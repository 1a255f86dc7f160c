import rule from '../../../rules/workload/apparmor-profile.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'allowed annotation values: runtime/default, localhost/*, empty and null', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok-annotations
        annotations:
          container.apparmor.security.beta.kubernetes.io/web: runtime/default
          container.apparmor.security.beta.kubernetes.io/init: localhost/k8s-nginx
          container.apparmor.security.beta.kubernetes.io/side: ""
          container.apparmor.security.beta.kubernetes.io/dbg:
          seccomp.security.alpha.kubernetes.io/pod: unconfined
      spec:
        containers:
          - name: web
    ` },
    { name: 'allowed field types at pod and container level', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-fields }
      spec:
        securityContext:
          appArmorProfile: { type: RuntimeDefault }
        initContainers:
          - name: init
            securityContext:
              appArmorProfile: { type: Localhost, localhostProfile: k8s-apparmor-example }
        containers:
          - name: web
            securityContext:
              appArmorProfile:
        ephemeralContainers:
          - name: dbg
    ` },
    { name: 'a Deployment\'s own annotations are not the pod template\'s', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: ok-outer
        annotations:
          container.apparmor.security.beta.kubernetes.io/web: unconfined
      spec:
        template:
          spec:
            containers:
              - name: web
    ` },
    { name: 'other annotation prefixes', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok-prefix
        annotations:
          apparmor.security.beta.kubernetes.io/web: unconfined
          container.apparmor.security.beta.kubernetes.io: unconfined
      spec:
        containers:
          - name: web
    ` },
  ],
  invalid: [
    {
      name: 'pod annotations: one finding per annotation, whatever container it names',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: bad-pod
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: unconfined
            container.apparmor.security.beta.kubernetes.io/ghost: docker-default
            container.apparmor.security.beta.kubernetes.io/init: runtime/default
        spec:
          containers:
            - name: web
      `,
      errors: [
        {
          messageId: 'annotation', line: 6, column: 57, endLine: 6, endColumn: 67,
          message: 'Annotation "container.apparmor.security.beta.kubernetes.io/web" sets the AppArmor profile of container "web" to "unconfined"; baseline allows only runtime/default, localhost/<profile> or an empty value.',
        },
        { messageId: 'annotation', line: 7, column: 59, endColumn: 73 },
      ],
    },
    {
      name: 'deployment template annotations at v1.0',
      policy: { level: 'baseline', version: '1.0' },
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            metadata:
              annotations: { container.apparmor.security.beta.kubernetes.io/web: Unconfined }
            spec:
              containers:
                - name: web
      `,
      errors: [{ messageId: 'annotation', line: 7, column: 74, endColumn: 84 }],
    },
    {
      name: 'pod-level field: reported once at the type',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: bad-sts }
        spec:
          serviceName: db
          template:
            spec:
              securityContext:
                appArmorProfile:
                  type: Unconfined
              containers:
                - name: db
      `,
      errors: [{
        messageId: 'podType', line: 10, column: 17, endLine: 10, endColumn: 27,
        message: 'The pod securityContext sets appArmorProfile.type: "Unconfined", which applies to every container that does not set its own; baseline allows only RuntimeDefault or Localhost.',
      }],
    },
    {
      name: 'cronjob: init and ephemeral containers, a missing type at both levels',
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
                  securityContext:
                    appArmorProfile: {}
                  initContainers:
                    - name: setup
                      securityContext: { appArmorProfile: { type: unconfined } }
                  containers:
                    - name: main
                      securityContext:
                        appArmorProfile: { localhostProfile: foo }
                  ephemeralContainers:
                    - name: dbg
                      securityContext:
                        appArmorProfile:
                          type: Unconfined
      `,
      errors: [
        { messageId: 'podNoType', line: 11, column: 13, endColumn: 28, message: 'The pod securityContext sets appArmorProfile without a type; baseline allows only RuntimeDefault or Localhost.' },
        { messageId: 'containerType', line: 14, column: 59, message: 'Init container "setup" sets securityContext.appArmorProfile.type: "unconfined"; baseline allows only RuntimeDefault or Localhost.' },
        { messageId: 'containerNoType', line: 18, column: 17, endColumn: 32, message: 'Container "main" sets securityContext.appArmorProfile without a type; baseline allows only RuntimeDefault or Localhost.' },
        { messageId: 'containerType', line: 23, column: 25, message: 'Ephemeral container "dbg" sets securityContext.appArmorProfile.type: "Unconfined"; baseline allows only RuntimeDefault or Localhost.' },
      ],
    },
  ],
});
