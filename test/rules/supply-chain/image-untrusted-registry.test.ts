import rule from '../../../rules/supply-chain/image-untrusted-registry.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const ACME = { registries: ['iad.ocir.io/acme'] };

const pod = (name: string, image: string): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: { name: ${name} }
  spec:
    containers:
      - name: app
        image: ${image}
`;

ruleTester.run(rule, {
  valid: [
    { name: 'off while registries is empty (the default)', code: pod('ok-default', 'nginx:1.27') },
    { name: 'explicitly empty list', code: pod('ok-empty', 'docker.io/evil/miner:1.0'), options: { registries: [] } },
    { name: 'prefix match on whole components', code: pod('ok-prefix', 'iad.ocir.io/acme/web:1.0'), options: ACME },
    { name: 'nested repository under the prefix', code: pod('ok-nested', 'iad.ocir.io/acme/platform/team/api@sha256:0f3c6a1d2e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d'), options: ACME },
    { name: 'the prefix itself as repository', code: pod('ok-exact', 'iad.ocir.io/acme:1.0'), options: ACME },
    { name: 'registry host compared without case', code: pod('ok-case', 'IAD.OCIR.IO/acme/web:1.0'), options: ACME },
    { name: 'bare registry trusts everything on it', code: pod('ok-bare', 'ghcr.io/someone/tool:2'), options: { registries: ['ghcr.io'] } },
    { name: 'registry with a port', code: pod('ok-port', 'registry.acme.internal:5000/team/app:2.0'), options: { registries: ['registry.acme.internal:5000'] } },
    { name: 'implicit Docker Hub images resolve to docker.io/library', code: pod('ok-hub', 'nginx:1.27'), options: { registries: ['docker.io/library'] } },
    { name: 'index.docker.io is docker.io', code: pod('ok-index', 'index.docker.io/library/nginx:1.27'), options: { registries: ['docker.io/library'] } },
    { name: 'invalid references are left to image-latest-tag', code: pod('ok-invalid', 'Nginx/Web:1.0'), options: ACME },
    { name: 'several registries', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-several }
      spec:
        template:
          spec:
            initContainers:
              - name: init
                image: phx.ocir.io/acme/init:1
            containers:
              - name: app
                image: iad.ocir.io/acme/app:1
    `, options: { registries: ['iad.ocir.io/acme', 'phx.ocir.io/acme'] } },
  ],
  invalid: [
    {
      name: 'implicit Docker Hub image',
      code: pod('bad-hub', 'nginx:1.27'),
      options: ACME,
      errors: [{
        messageId: 'untrusted', line: 7, column: 14, endLine: 7, endColumn: 24,
        message: 'Image "nginx:1.27" of container "app" comes from registry docker.io (as docker.io/library/nginx), which is not under a trusted registry or prefix.',
      }],
    },
    {
      name: 'a prefix is not a string prefix: acme does not trust acmecorp',
      code: pod('bad-acmecorp', '"iad.ocir.io/acmecorp/web:1.0"'),
      options: ACME,
      errors: [{
        messageId: 'untrusted', line: 7, column: 14, endColumn: 44,
        message: 'Image "iad.ocir.io/acmecorp/web:1.0" of container "app" comes from registry iad.ocir.io (as iad.ocir.io/acmecorp/web), which is not under a trusted registry or prefix.',
      }],
    },
    {
      name: 'same namespace in another region',
      code: pod('bad-region', 'phx.ocir.io/acme/web:1.0'),
      options: ACME,
      errors: [{ messageId: 'untrusted', line: 7, column: 14 }],
    },
    {
      name: 'docker.io/nginx is not docker.io/library/nginx prefixed by "nginx"',
      code: pod('bad-no-library', 'docker.io/nginx:1.27'),
      options: { registries: ['nginx'] },
      errors: [{ messageId: 'untrusted', line: 7, column: 14 }],
    },
    {
      name: 'port must match',
      code: pod('bad-port', 'registry.acme.internal/team/app:2.0'),
      options: { registries: ['registry.acme.internal:5000'] },
      errors: [{
        messageId: 'untrusted', line: 7, column: 14,
        message: 'Image "registry.acme.internal/team/app:2.0" of container "app" comes from registry registry.acme.internal (as registry.acme.internal/team/app), which is not under a trusted registry or prefix.',
      }],
    },
    {
      name: 'cronjob init, app and ephemeral containers',
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
                      image: iad.ocir.io/acme/job:1.0
                  ephemeralContainers:
                    - name: dbg
                      image: 'localhost:5000/debug:1'
      `,
      options: ACME,
      errors: [
        { messageId: 'untrusted', line: 12, column: 22, message: 'Image "busybox" of container "init" comes from registry docker.io (as docker.io/library/busybox), which is not under a trusted registry or prefix.' },
        { messageId: 'untrusted', line: 18, column: 22, endColumn: 46, message: 'Image "localhost:5000/debug:1" of container "dbg" comes from registry localhost:5000 (as localhost:5000/debug), which is not under a trusted registry or prefix.' },
      ],
    },
  ],
});
