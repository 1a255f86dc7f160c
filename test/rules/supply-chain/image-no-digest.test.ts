import rule from '../../../rules/supply-chain/image-no-digest.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const DIGEST = 'sha256:0f3c6a1d2e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';
const SHA512 = `sha512:${'ab'.repeat(64)}`;

ruleTester.run(rule, {
  valid: [
    { name: 'digest-only, tag and digest, sha512, port registry', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pinned }
      spec:
        containers:
          - name: digest-only
            image: iad.ocir.io/acme/web@${DIGEST}
          - name: tag-and-digest
            image: "iad.ocir.io/acme/platform/web:1.4.2@${DIGEST}"
          - name: sha512
            image: nginx:1.27@${SHA512}
          - name: port
            image: registry.acme.internal:5000/team/app:2.0@${DIGEST}
    ` },
    { name: 'no tag and :latest are image-latest-tag findings, not this rule\'s', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-left-to-latest-tag }
      spec:
        containers:
          - name: untagged
            image: nginx
          - name: latest
            image: nginx:latest
          - name: port-untagged
            image: registry.acme.internal:5000/team/app
    ` },
    { name: 'invalid references are image-latest-tag findings', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-invalid }
      spec:
        containers:
          - name: upper
            image: iad.ocir.io/Acme/web:1.0
          - name: bad-digest
            image: nginx:1.27@sha256:abc
          - name: template
            image: "{{ .Values.image }}:1.0"
    ` },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: images }
      data:
        image: nginx:1.27
    ` },
  ],
  invalid: [
    {
      name: 'pod with a tag only',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad }
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
      `,
      errors: [{
        messageId: 'noDigest', line: 7, column: 14, endLine: 7, endColumn: 26,
        message: 'Image "nginx:1.27.3" of container "web" is pinned only by its tag "1.27.3", which anyone who can push to the repository can move; add its @sha256: digest.',
      }],
    },
    {
      name: 'deployment with a port registry, a nested OCIR path and an uppercase tag',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad }
        spec:
          template:
            spec:
              containers:
                - name: port
                  image: "registry.acme.internal:5000/team/app:2.0"
                - name: nested
                  image: iad.ocir.io/acme/platform/team/api:3.1.0-rc.1
                - name: upper-tag
                  image: 'busybox:LATEST'
      `,
      errors: [
        { messageId: 'noDigest', line: 9, column: 18, endColumn: 60, message: 'Image "registry.acme.internal:5000/team/app:2.0" of container "port" is pinned only by its tag "2.0", which anyone who can push to the repository can move; add its @sha256: digest.' },
        { messageId: 'noDigest', line: 11, column: 18, endColumn: 63 },
        { messageId: 'noDigest', line: 13, column: 18, endColumn: 34 },
      ],
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
                      image: busybox:1.36.1
                  containers:
                    - name: main
                      image: busybox:1.36.1@${DIGEST}
                  ephemeralContainers:
                    - name: dbg
                      image: iad.ocir.io/acme/tools:0.9
      `,
      errors: [
        { messageId: 'noDigest', line: 12, column: 22 },
        { messageId: 'noDigest', line: 18, column: 22, message: 'Image "iad.ocir.io/acme/tools:0.9" of container "dbg" is pinned only by its tag "0.9", which anyone who can push to the repository can move; add its @sha256: digest.' },
      ],
    },
  ],
});
