import { describe, expect, it } from 'vitest';
import { insecureDashboardFlags } from '../../../src/k8s/addons.js';
import { workloadOf } from '../../../src/k8s/workload.js';
import { parseK8sFile } from '../../../src/sources/k8s-yaml.js';
import { ROOT } from '../../helpers/cli.js';
import { at, docsExampleCounts, lintPaths, projectLint } from '../../helpers/project-lint.js';
import { yaml } from '../../helpers/rule-tester.js';

const RULE = { rules: ['dashboard-exposed'] };

const DASHBOARD = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: kubernetes-dashboard
    namespace: kubernetes-dashboard
  spec:
    selector:
      matchLabels: { k8s-app: kubernetes-dashboard }
    template:
      metadata:
        labels: { k8s-app: kubernetes-dashboard }
      spec:
        serviceAccountName: kubernetes-dashboard
        containers:
          - name: kubernetes-dashboard
            image: kubernetesui/dashboard:v2.7.0
            args:
              - --auto-generate-certificates
`;

const service = (name: string, type: string, selector = '{ k8s-app: kubernetes-dashboard }', namespace = 'kubernetes-dashboard'): string => yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: ${name}
    namespace: ${namespace}
  spec:
    type: ${type}
    selector: ${selector}
    ports:
      - port: 443
        targetPort: 8443
`;

describe('dashboard-exposed: Services', () => {
  it('flags a LoadBalancer Service that selects the Dashboard pods of another file, at its type', async () => {
    const found = await projectLint({ 'deploy.yaml': DASHBOARD, 'svc.yaml': service('ui', 'LoadBalancer') }, RULE);
    expect(found.map(at)).toEqual(['svc.yaml:7:9 service']);
    expect(found[0]?.message).toBe('Service "ui" exposes the Kubernetes Dashboard as LoadBalancer: the Dashboard is a common attack vector used to gain access to a cluster; keep it ClusterIP and reach it with kubectl port-forward.');
    expect(found[0]?.level).toBe('error');
  });

  it('flags NodePort, and a Service recognised by its selector or name alone (no Deployment in the set)', async () => {
    const found = await projectLint({
      'a.yaml': service('ui', 'NodePort'),
      'b.yaml': service('kubernetes-dashboard', 'LoadBalancer', '{ app: ui }', 'kube-system'),
    }, RULE);
    expect(found.map(at)).toEqual(['a.yaml:7:9 service', 'b.yaml:7:9 service']);
  });

  it('leaves ClusterIP Dashboards, other LoadBalancers, the metrics scraper and other namespaces alone', async () => {
    const found = await projectLint({
      'deploy.yaml': DASHBOARD,
      'cluster-ip.yaml': service('kubernetes-dashboard', 'ClusterIP'),
      'web.yaml': service('web', 'LoadBalancer', '{ app: web }'),
      'scraper.yaml': service('dashboard-metrics-scraper', 'NodePort', '{ k8s-app: dashboard-metrics-scraper }'),
      'elsewhere.yaml': service('proxy', 'LoadBalancer', '{ tier: ui }', 'other'),
    }, RULE);
    expect(found.map(at)).toEqual([]);
  });

  it('matches a custom-labelled Dashboard by its selector across files', async () => {
    const custom = DASHBOARD.replaceAll('{ k8s-app: kubernetes-dashboard }', '{ tier: admin-ui }');
    const found = await projectLint({ 'deploy.yaml': custom, 'svc.yaml': service('admin', 'LoadBalancer', '{ tier: admin-ui }') }, RULE);
    expect(found.map(at)).toEqual(['svc.yaml:7:9 service']);
  });

  it('is reported under the recommended preset too', async () => {
    const found = await projectLint({ 'deploy.yaml': DASHBOARD, 'svc.yaml': service('ui', 'LoadBalancer') }, { ...RULE, preset: 'recommended' });
    expect(found).toHaveLength(1);
  });
});

describe('dashboard-exposed: Ingress and Gateway routes', () => {
  it('flags an Ingress backend (v1 and the old serviceName form) at the service name', async () => {
    const found = await projectLint({
      'svc.yaml': service('kubernetes-dashboard', 'ClusterIP'),
      'ingress.yaml': yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: dashboard
          namespace: kubernetes-dashboard
        spec:
          ingressClassName: nginx
          rules:
            - host: k8s.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: kubernetes-dashboard
                        port: { number: 443 }
      `,
      'legacy.yaml': yaml`
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: { name: old, namespace: kube-system }
        spec:
          backend:
            serviceName: kubernetes-dashboard
            servicePort: 443
      `,
    }, RULE);
    expect(found.map(at)).toEqual(['ingress.yaml:16:23 ingress', 'legacy.yaml:6:18 ingress']);
    expect(found[0]?.message).toBe('Ingress "dashboard" routes to the Kubernetes Dashboard Service "kubernetes-dashboard": the Dashboard is a common attack vector used to gain access to a cluster; Oracle recommends restricting access within the cluster instead of exposing it through an ingress controller.');
  });

  it('flags an HTTPRoute to a Service that selects the Dashboard, with a cross-namespace backendRef', async () => {
    const found = await projectLint({
      'deploy.yaml': DASHBOARD,
      'svc.yaml': service('admin-ui', 'ClusterIP'),
      'route.yaml': yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: admin, namespace: gateways }
        spec:
          parentRefs: [{ name: public }]
          rules:
            - backendRefs:
                - name: web
                  port: 80
                - name: admin-ui
                  namespace: kubernetes-dashboard
                  port: 443
      `,
    }, RULE);
    expect(found.map(at)).toEqual(['route.yaml:10:17 ingress']);
    expect(found[0]?.message).toMatch(/^HTTPRoute "admin" routes to the Kubernetes Dashboard Service "admin-ui"/);
  });

  it('ignores routes to other Services and to non-Service backends', async () => {
    const found = await projectLint({
      'deploy.yaml': DASHBOARD,
      'route.yaml': yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: web, namespace: kubernetes-dashboard }
        spec:
          rules:
            - backendRefs:
                - { name: web, port: 80 }
                - { group: example.com, kind: Bucket, name: kubernetes-dashboard }
      `,
    }, RULE);
    expect(found.map(at)).toEqual([]);
  });
});

describe('dashboard-exposed: login flags', () => {
  const withArgs = (...args: string[]): string => DASHBOARD.replace(/^( *)- --auto-generate-certificates$/m, (_, indent: string) => args.map((a) => `${indent}- ${a}`).join('\n'));

  it('flags each login-weakening flag at the argument', async () => {
    const found = await projectLint({ 'd.yaml': withArgs('--enable-skip-login', '--enable-insecure-login=true', '--authentication-mode=token,basic') }, RULE);
    expect(found.map(at)).toEqual(['d.yaml:18:15 skipLogin', 'd.yaml:19:15 insecureLogin', 'd.yaml:20:15 basicAuth']);
    expect(found[0]?.message).toBe('Deployment "kubernetes-dashboard" runs the Kubernetes Dashboard with --enable-skip-login (container "kubernetes-dashboard"): anyone who reaches it can skip login and act as the Dashboard\'s own service account.');
  });

  it('reads a flag value given as the next argument, and leaves disabled flags alone', async () => {
    const found = await projectLint({ 'd.yaml': withArgs('--enable-skip-login=false', '--authentication-mode', 'basic', '--enable-insecure-login=0') }, RULE);
    expect(found.map(at)).toEqual(['d.yaml:20:15 basicAuth']);
    expect(found[0]?.message).toContain('with --authentication-mode basic (container');
  });

  it('does not look at the flags of other workloads', async () => {
    const other = withArgs('--enable-skip-login').replace('kubernetesui/dashboard:v2.7.0', 'acme/admin:1.0').replaceAll('kubernetes-dashboard', 'admin');
    expect(await projectLint({ 'd.yaml': other }, RULE)).toEqual([]);
  });

  it('helper: command and args, every container', () => {
    const [r] = parseK8sFile('t.yaml', yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: p }
      spec:
        containers:
          - name: a
            command: [/dashboard, --enable-skip-login=True]
          - name: b
            args: [--authentication-mode=token]
    `).resources;
    const w = r && workloadOf(r);
    expect(w && insecureDashboardFlags(w).map((f) => [f.flag, f.container, f.text])).toEqual([['skipLogin', 'a', '--enable-skip-login=True']]);
  });
});

describe('dashboard-exposed: cluster-admin for its service account', () => {
  const binding = (kind: string, subject: string, namespace: string, role = 'cluster-admin'): string => yaml`
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ${kind}
    metadata:
      name: dashboard-admin
      namespace: kubernetes-dashboard
    roleRef:
      apiGroup: rbac.authorization.k8s.io
      kind: ClusterRole
      name: ${role}
    subjects:
      - kind: ServiceAccount
        name: ${subject}
        namespace: ${namespace}
  `;

  it('flags a ClusterRoleBinding of cluster-admin to the Dashboard service account, at the subject', async () => {
    const found = await projectLint({ 'deploy.yaml': DASHBOARD, 'crb.yaml': binding('ClusterRoleBinding', 'kubernetes-dashboard', 'kubernetes-dashboard') }, RULE);
    expect(found.map(at)).toEqual(['crb.yaml:12:11 clusterAdmin']);
    expect(found[0]?.message).toBe('ClusterRoleBinding "dashboard-admin" binds the Kubernetes Dashboard\'s service account "kubernetes-dashboard/kubernetes-dashboard" to cluster-admin: whoever gets into the Dashboard controls the whole cluster; bind it to the minimal Role the Dashboard ships with.');
  });

  it('follows a custom service account name from the Deployment in another file', async () => {
    const custom = DASHBOARD.replace('serviceAccountName: kubernetes-dashboard', 'serviceAccountName: ui-admin');
    const found = await projectLint({ 'deploy.yaml': custom, 'rb.yaml': binding('RoleBinding', 'ui-admin', 'kubernetes-dashboard') }, RULE);
    expect(found.map(at)).toEqual(['rb.yaml:12:11 clusterAdmin']);
  });

  it('recognises the Dashboard service account by name when the Deployment is not in the set', async () => {
    const found = await projectLint({ 'crb.yaml': binding('ClusterRoleBinding', 'kubernetes-dashboard', 'kube-system') }, RULE);
    expect(found.map(at)).toEqual(['crb.yaml:12:11 clusterAdmin']);
  });

  it('leaves other subjects, other namespaces and other roles alone', async () => {
    const found = await projectLint({
      'deploy.yaml': DASHBOARD,
      'a.yaml': binding('ClusterRoleBinding', 'admin-user', 'kubernetes-dashboard'),
      'b.yaml': binding('ClusterRoleBinding', 'ui-admin', 'kubernetes-dashboard'),
      'c.yaml': binding('ClusterRoleBinding', 'kubernetes-dashboard', 'kubernetes-dashboard', 'view'),
    }, RULE);
    expect(found.map(at)).toEqual([]);
  });
});

describe('dashboard-exposed: the rendered Dashboard install', () => {
  const DIR = 'fixtures/cluster-access/dashboard-exposed/dashboard-install';
  const FILES = ['00-namespace.yaml', '01-config.yaml', '02-rbac.yaml', '03-service.yaml', '04-deployment.yaml', '05-metrics-scraper.yaml'].map((f) => `${DIR}/${f}`);

  it('with its Service switched to LoadBalancer: one finding, at the type', async () => {
    const found = await lintPaths(FILES, ROOT, { rules: ['dashboard-exposed', 'dashboard-installed', 'tiller-installed'] });
    expect(found.map((f) => `${f.ruleId} ${f.file}:${f.start.line}:${f.start.column}`)).toEqual([
      `dashboard-exposed ${DIR}/03-service.yaml:11:9`,
      `dashboard-installed ${DIR}/04-deployment.yaml:24:18`,
    ]);
  });
});

describe('dashboard-exposed docs examples (the project pass runs; test/docs.test.ts lints per file only)', () => {
  it('Incorrect fires, Correct does not', async () => {
    const { incorrect, correct } = await docsExampleCounts('cluster-access', 'dashboard-exposed');
    expect(incorrect.length).toBe(1);
    expect(correct.length).toBe(1);
    expect(incorrect[0]).toBeGreaterThan(0);
    expect(correct).toEqual([0]);
  });
});
