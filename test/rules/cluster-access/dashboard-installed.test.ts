import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/cluster-access/dashboard-installed.js';
import { isDashboardImage, isDashboardName } from '../../../src/k8s/addons.js';
import { okelint, ROOT } from '../../helpers/cli.js';
import { lintPaths } from '../../helpers/project-lint.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const workload = (name: string, image: string, labels = '{ app: web }'): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}
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

const MESSAGE = (kind: string, name: string, evidence: string): string =>
  `${kind} "${name}" runs the Kubernetes Dashboard (${evidence}), a common attack vector for gaining access to a cluster; Oracle does not recommend it on production clusters.`;

ruleTester.run(rule, {
  valid: [
    { name: 'an ordinary workload', code: workload('web', 'nginx:1.27') },
    { name: 'the metrics scraper that ships with the Dashboard', code: workload('dashboard-metrics-scraper', 'kubernetesui/metrics-scraper:v1.0.8', '{ k8s-app: dashboard-metrics-scraper }') },
    { name: 'the scraper of the Helm chart, whatever its chart label', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: kubernetes-dashboard-metrics-scraper
        labels: { helm.sh/chart: kubernetes-dashboard-7.10.0, app.kubernetes.io/name: kubernetes-dashboard-metrics-scraper }
      spec:
        template:
          spec:
            containers: [{ name: scraper, image: "docker.io/kubernetesui/dashboard-metrics-scraper:1.2.2" }]
    ` },
    { name: 'other dashboards', code: workload('grafana', 'grafana/grafana:11.2.0', '{ app: grafana-dashboard }') },
    { name: 'the Dashboard Service itself (the workload is reported)', code: yaml`
      apiVersion: v1
      kind: Service
      metadata: { name: kubernetes-dashboard, labels: { k8s-app: kubernetes-dashboard } }
      spec:
        selector: { k8s-app: kubernetes-dashboard }
        ports: [{ port: 443, targetPort: 8443 }]
    ` },
  ],
  invalid: [
    {
      name: 'the official image',
      code: workload('kubernetes-dashboard', 'kubernetesui/dashboard:v2.7.0', '{ k8s-app: kubernetes-dashboard }'),
      errors: [{ messageId: 'dashboard', line: 14, column: 18, endColumn: 47, message: MESSAGE('Deployment', 'kubernetes-dashboard', 'image "kubernetesui/dashboard:v2.7.0"') }],
    },
    { name: 'the old gcr image', code: workload('ui', 'k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1'), errors: [{ messageId: 'dashboard', line: 14, column: 18 }] },
    { name: 'the v7 api image', code: workload('ui', 'docker.io/kubernetesui/dashboard-api:1.10.1'), errors: [{ messageId: 'dashboard', line: 14, column: 18 }] },
    {
      name: 'by name when the image is mirrored',
      code: workload('helm-kubernetes-dashboard', 'registry.example.com/ui:2.7.0'),
      errors: [{ messageId: 'dashboard', line: 4, column: 9, message: MESSAGE('Deployment', 'helm-kubernetes-dashboard', 'name "helm-kubernetes-dashboard"') }],
    },
    {
      name: 'by app label',
      code: workload('ui', 'registry.example.com/ui:2.7.0', '{ k8s-app: kubernetes-dashboard }'),
      errors: [{ messageId: 'dashboard', line: 10, column: 26, message: MESSAGE('Deployment', 'ui', 'label k8s-app=kubernetes-dashboard') }],
    },
    {
      name: 'by Helm chart label',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: ui
          labels:
            helm.sh/chart: kubernetes-dashboard-6.0.8
        spec:
          template:
            spec:
              containers: [{ name: main, image: "registry.example.com/ui:2.7.0" }]
      `,
      errors: [{ messageId: 'dashboard', line: 6, column: 20, message: MESSAGE('Deployment', 'ui', 'chart label helm.sh/chart=kubernetes-dashboard-6.0.8') }],
    },
  ],
});

describe('dashboard recognition', () => {
  it('images', () => {
    expect(['kubernetesui/dashboard', 'kubernetesui/dashboard-web', 'kubernetes-dashboard-amd64', 'google_containers/kubernetes-dashboard'].map(isDashboardImage)).toEqual([true, true, true, true]);
    expect(['kubernetesui/metrics-scraper', 'kubernetesui/dashboard-metrics-scraper', 'acme/dashboard', 'grafana/grafana'].map(isDashboardImage)).toEqual([false, false, false, false]);
  });
  it('names', () => {
    expect(['kubernetes-dashboard', 'helm-kubernetes-dashboard', 'kubernetes-dashboard-kong'].map(isDashboardName)).toEqual([true, true, true]);
    expect(['dashboard-metrics-scraper', 'kubernetes-dashboard-metrics-scraper', 'dashboard'].map(isDashboardName)).toEqual([false, false, false]);
  });
});

const FIXTURES = 'fixtures/cluster-access/dashboard-installed/default-install';
const ADDON_RULES = ['tiller-installed', 'dashboard-installed', 'dashboard-exposed'];

describe('the default ClusterIP install of the Dashboard', () => {
  it('is only dashboard-installed, once, on the Dashboard Deployment (not the scraper)', async () => {
    const files = ['00-namespace.yaml', '01-config.yaml', '02-rbac.yaml', '03-dashboard.yaml', '04-metrics-scraper.yaml'].map((f) => `${FIXTURES}/${f}`);
    const found = await lintPaths(files, ROOT, { rules: ADDON_RULES, preset: 'recommended' });
    expect(found.map((f) => `${f.ruleId} ${f.file}:${f.start.line}:${f.start.column}`)).toEqual([`dashboard-installed ${FIXTURES}/03-dashboard.yaml:39:18`]);
  });
});

/**
 * Checkov's example_KubernetesDashboard fixtures (CKV_K8S_33), with the peer corpus verdicts
 * (shared/corpora/peers/cases.tsv). okelint agrees on all four: the chart install is found by its
 * image; the nginx Deployment and the image-less Pod carry the Dashboard's app labels (okelint
 * takes a workload that labels itself as the Dashboard for the Dashboard, as Checkov does); the
 * Pod labelled aaa=bbb is not the Dashboard.
 */
describe('peer comparison: Checkov example_KubernetesDashboard', () => {
  const PEERS = new URL('../../../../shared/corpora/peers/', import.meta.url).pathname;
  const cases = readFileSync(join(PEERS, 'cases.tsv'), 'utf8').trim().split('\n').slice(1)
    .map((l) => l.split('\t')).filter((c) => c[3] === 'dashboard') as [string, string, string, string][];
  const where: Record<string, string[]> = {
    'checkov/example_KubernetesDashboard/kube-dashboard-FAILED.yaml': ['171:16 image "k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1"'],
    'checkov/example_KubernetesDashboard/kube-dashboard-no-image-FAILED.yaml': ['5:10 label app=kubernetes-dashboard'],
    'checkov/example_KubernetesDashboard/kube-dashboard-no-image-PASSED.yaml': [],
    'checkov/example_KubernetesDashboard/nginx-deployment-FAILED.yaml': ['7:14 label k8s-app=kubernetes-dashboard'],
  };

  it('has the four Checkov cases', () => expect(cases.map((c) => c[0]).sort()).toEqual(Object.keys(where)));

  for (const [path, , expected] of cases) {
    it(`${path}: ${expected}`, async () => {
      const found = await lintPaths([path], PEERS, { rules: ['dashboard-installed'] });
      expect(found.length > 0 ? 'fail' : 'pass').toBe(expected);
      expect(found.map((f) => `${f.start.line}:${f.start.column} ${/\((.*)\), a common/.exec(f.message)?.[1] ?? ''}`)).toEqual(where[path]);
    });
  }
});

describe('text report', () => {
  it('shows cluster-access and workload findings on separate summary lines', async () => {
    const r = await okelint([`${FIXTURES}/03-dashboard.yaml`, '--no-color', '--rule', 'dashboard-installed=error', '--fail-level', 'none'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const summary = r.stdout.slice(r.stdout.indexOf('Security layers:'));
    expect(summary).toMatch(/^ {2}cluster-access {2}1 error\b/m);
    expect(summary).toMatch(/^ {2}workload {8}\d+ (?:error|warning)/m);
    expect(r.stdout).toMatch(/dashboard-installed/);
  });
});
