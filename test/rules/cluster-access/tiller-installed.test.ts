import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/cluster-access/tiller-installed.js';
import { isTillerImage } from '../../../src/k8s/addons.js';
import { lintWith, ruleTester, yaml } from '../../helpers/rule-tester.js';
import { lintPaths } from '../../helpers/project-lint.js';

const deployment = (name: string, image: string, labels = '{ app: web }'): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}
    namespace: kube-system
  spec:
    selector:
      matchLabels: ${labels}
    template:
      metadata:
        labels: ${labels}
      spec:
        containers:
          - name: main
            image: ${image}
`;

ruleTester.run(rule, {
  valid: [
    { name: 'an ordinary workload', code: deployment('web', 'nginx:1.27') },
    { name: 'Helm 3 has no server: a chart-installed app with Helm labels', code: deployment('web', 'nginx:1.27', '{ app.kubernetes.io/managed-by: Helm }') },
    { name: 'a repository that only contains the word', code: deployment('web', 'acme/tiller-dashboard:1.0') },
    { name: 'one Helm label alone', code: deployment('web', 'nginx:1.27', '{ app: helm }') },
    { name: 'the Service in front of Tiller is not reported (the Deployment is)', code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: tiller-deploy
        namespace: kube-system
        labels: { app: helm, name: tiller }
      spec:
        selector: { app: helm, name: tiller }
        ports: [{ name: tiller, port: 44134, targetPort: tiller }]
    ` },
  ],
  invalid: [
    {
      name: 'by image, with the evidence in the message',
      code: deployment('helm-server', 'gcr.io/kubernetes-helm/tiller:v2.16.12'),
      errors: [{
        messageId: 'tiller', line: 15, column: 18, endLine: 15, endColumn: 56,
        message: 'Deployment "helm-server" runs Tiller, the Helm 2 server (image "gcr.io/kubernetes-helm/tiller:v2.16.12"): Tiller has no authentication or authorization for API calls, so anything that can reach it can deploy with its privileges; remove it and use Helm 3.',
      }],
    },
    { name: 'ghcr.io/helm/tiller', code: deployment('x', 'ghcr.io/helm/tiller:v2.17.0'), errors: [{ messageId: 'tiller', line: 15, column: 18 }] },
    { name: 'a mirror', code: deployment('x', 'registry.example.com/google_containers/tiller:v2.14.3'), errors: [{ messageId: 'tiller', line: 15, column: 18 }] },
    {
      name: 'by name when the image is mirrored under another name',
      code: deployment('tiller-deploy', 'registry.example.com/helm-server:v2'),
      errors: [{ messageId: 'tiller', line: 4, column: 9, message: 'Deployment "tiller-deploy" runs Tiller, the Helm 2 server (name "tiller-deploy"): Tiller has no authentication or authorization for API calls, so anything that can reach it can deploy with its privileges; remove it and use Helm 3.' }],
    },
    {
      name: 'by labels, at the name label',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: helm-server
          labels:
            app: helm
            name: tiller
        spec:
          containers:
            - name: main
              image: registry.example.com/helm-server:v2
      `,
      errors: [{ messageId: 'tiller', line: 7, column: 11, endColumn: 17 }],
    },
    { name: 'a DaemonSet counts too', code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: t }
        spec:
          template:
            spec:
              initContainers:
                - { name: init, image: "gcr.io/kubernetes-helm/tiller:v2.8.0" }
              containers:
                - { name: main, image: busybox:1.36 }
      `, errors: [{ messageId: 'tiller', line: 8, column: 32 }] },
  ],
});

describe('tiller-installed helpers', () => {
  it('recognises Tiller repositories by their last component', () => {
    expect(['kubernetes-helm/tiller', 'helm/tiller', 'google_containers/tiller', 'tiller'].map(isTillerImage)).toEqual([true, true, true, true]);
    expect(['kubernetes-helm/helm', 'acme/tiller-ui', 'tillerbot'].map(isTillerImage)).toEqual([false, false, false]);
  });

  it('reports one finding per workload, at the strongest evidence', () => {
    const both = deployment('tiller-deploy', 'gcr.io/kubernetes-helm/tiller:v2.8.0', '{ app: helm, name: tiller }');
    expect(lintWith(rule as never, both).map((f) => [f.start.line, f.message.includes('(image ')])).toEqual([[15, true]]);
  });
});

/**
 * Checkov's example_Tiller fixtures (CKV_K8S_34/44/45), with the verdicts of the peer corpus
 * (shared/corpora/peers/cases.tsv): tiller-deployment.json fails (its image, its name and its
 * labels all say Tiller), nginx-deployment-PASSED.yaml passes. okelint agrees on both.
 */
describe('peer comparison: Checkov example_Tiller', () => {
  const PEERS = new URL('../../../../shared/corpora/peers/', import.meta.url).pathname;
  const cases = readFileSync(`${PEERS}cases.tsv`, 'utf8').trim().split('\n').slice(1)
    .map((l) => l.split('\t')).filter((c) => c[3] === 'tiller') as [string, string, string, string][];

  it('has the two Checkov cases', () => expect(cases.map((c) => c[0]).sort()).toEqual([
    'checkov/example_Tiller/nginx-deployment-PASSED.yaml', 'checkov/example_Tiller/tiller-deployment.json',
  ]));

  for (const [path, , expected] of cases) {
    it(`${path}: ${expected}`, async () => {
      const found = await lintPaths([path], PEERS, { rules: ['tiller-installed'] });
      expect(found.length > 0 ? 'fail' : 'pass').toBe(expected);
      if (expected === 'fail') expect(found.map((f) => `${f.start.line}:${f.start.column}`)).toEqual(['36:22']);
    });
  }
});
