import rule from '../../../rules/supply-chain/image-latest-tag.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const DIGEST = 'sha256:0f3c6a1d2e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';

ruleTester.run(rule, {
  valid: [
    { name: 'explicit tags, digests, ports and nested OCIR paths', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pinned }
      spec:
        containers:
          - name: tagged
            image: iad.ocir.io/acme/web:1.4.2
          - name: digest-only
            image: iad.ocir.io/acme/web@${DIGEST}
          - name: tag-and-digest
            image: "iad.ocir.io/acme/web:1.4.2@${DIGEST}"
          - name: latest-with-digest
            image: nginx:latest@${DIGEST}
          - name: port
            image: registry.acme.internal:5000/team/app:2.0
          - name: nested
            image: 'iad.ocir.io/acme/platform/team/api:3.1.0-rc.1'
          - name: upper-tag
            image: busybox:LATEST
    ` },
    { name: 'missing, null and empty images are left to schema checks', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-missing }
      spec:
        template:
          spec:
            initContainers:
              - name: init
            containers:
              - name: null-image
                image:
              - name: empty-image
                image: ""
    ` },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: images }
      data:
        image: nginx
    ` },
  ],
  invalid: [
    {
      name: 'pod without a tag',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad }
        spec:
          containers:
            - name: web
              image: nginx
      `,
      errors: [{
        messageId: 'noTag', line: 7, column: 14, endLine: 7, endColumn: 19,
        message: 'Image "nginx" of container "web" has no tag, so it means :latest and changes under you.',
      }],
    },
    {
      name: 'deployment with a quoted :latest image',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad }
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: "iad.ocir.io/acme/web:latest"
      `,
      errors: [{
        messageId: 'latest', line: 9, column: 18, endLine: 9, endColumn: 47,
        message: 'Image "iad.ocir.io/acme/web:latest" of container "web" uses the :latest tag without a digest, so it changes under you.',
      }],
    },
    {
      name: 'registry with a port and no tag (the port is not a tag)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad }
        spec:
          containers:
            - name: app
              image: registry.acme.internal:5000/team/app
            - name: nested
              image: 'iad.ocir.io/acme/platform/team/api'
      `,
      errors: [
        { messageId: 'noTag', line: 7, column: 14, endColumn: 50 },
        { messageId: 'noTag', line: 9, column: 14, endColumn: 50 },
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
                      image: busybox
                  containers:
                    - name: main
                      image: busybox:1.36.1@${DIGEST}
                  ephemeralContainers:
                    - name: dbg
                      image: busybox:latest
      `,
      errors: [
        { messageId: 'noTag', line: 12, column: 22, message: 'Image "busybox" of container "init" has no tag, so it means :latest and changes under you.' },
        { messageId: 'latest', line: 18, column: 22 },
      ],
    },
    {
      name: 'uppercase and malformed references',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad }
        spec:
          containers:
            - name: upper
              image: iad.ocir.io/Acme/web:1.0
            - name: empty-tag
              image: "nginx:"
            - name: short-digest
              image: nginx@sha256:abc
            - name: trailing-space
              image: "nginx:1.27 "
      `,
      errors: [
        { messageId: 'invalid', line: 7, column: 14, endColumn: 38, message: 'Image "iad.ocir.io/Acme/web:1.0" of container "upper" is not a valid image reference: repository name must be lowercase.' },
        { messageId: 'invalid', line: 9, column: 14, message: 'Image "nginx:" of container "empty-tag" is not a valid image reference: empty tag.' },
        { messageId: 'invalid', line: 11, column: 14, message: 'Image "nginx@sha256:abc" of container "short-digest" is not a valid image reference: sha256 digest must be 64 hex characters.' },
        { messageId: 'invalid', line: 13, column: 14, message: 'Image "nginx:1.27 " of container "trailing-space" is not a valid image reference: trailing whitespace.' },
      ],
    },
    {
      name: 'unrendered templates and non-string values',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad }
        spec:
          template:
            spec:
              containers:
                - name: raw
                  image: {{ .Values.image }}
                - name: quoted
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                - name: number
                  image: 42
                - name: list
                  image: [nginx]
      `,
      errors: [
        { messageId: 'invalid', line: 9, column: 18, endLine: 9, endColumn: 37, message: 'Image "{{ .Values.image }}" of container "raw" is not a valid image reference: contains an unexpanded template placeholder.' },
        { messageId: 'invalid', line: 11, column: 18, message: 'Image "{{ .Values.image.repository }}:{{ .Values.image.tag }}" of container "quoted" is not a valid image reference: contains an unexpanded template placeholder.' },
        { messageId: 'invalid', line: 13, column: 18, endColumn: 20, message: 'Image "42" of container "number" is not a valid image reference: is a number, not a string.' },
        { messageId: 'invalid', line: 15, column: 18, message: 'Image "[nginx]" of container "list" is not a valid image reference: is a list, not a string.' },
      ],
    },
    {
      name: 'block scalar image',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad }
        spec:
          containers:
            - name: web
              image: >-
                nginx
      `,
      errors: [{ messageId: 'noTag', line: 7, column: 14 }],
    },
  ],
});
