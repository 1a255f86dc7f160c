/**
 * @fileoverview The Kubernetes Dashboard reachable from outside the cluster or with weakened
 * login, across the whole linted set: a LoadBalancer or NodePort Service that selects the
 * Dashboard's pods (or is named or selects like the Dashboard), an Ingress or Gateway API route
 * whose backend is such a Service, the login-weakening flags `--enable-skip-login`,
 * `--enable-insecure-login` and `--authentication-mode=basic`, and a RoleBinding or
 * ClusterRoleBinding that gives the Dashboard's service account `cluster-admin`.
 */
import {
  dashboardEvidence, defineProjectRule, get, getMap, getSeq, insecureDashboardFlags, isDashboardName, isDashboardSelector,
  items, labelsOf, mapSelectorMatches, serviceAccountOf, str, stringMap,
  type Anchor, type Labels, type ProjectReport,
} from '../../src/rule-api.js';

type Fact =
  | { readonly t: 'dashboard'; readonly ns: string; readonly labels: Labels; readonly sa: string }
  | { readonly t: 'flag'; readonly flag: 'skipLogin' | 'insecureLogin' | 'basicAuth'; readonly kind: string; readonly name: string; readonly container: string; readonly text: string; readonly at: Anchor }
  | { readonly t: 'service'; readonly ns: string; readonly name: string; readonly selector: Labels; readonly exposed?: { readonly type: string; readonly at: Anchor } }
  | { readonly t: 'backend'; readonly kind: string; readonly name: string; readonly ns: string; readonly service: string; readonly at: Anchor }
  | { readonly t: 'binding'; readonly kind: string; readonly name: string; readonly ns: string; readonly subject: string; readonly at: Anchor };

const INGRESS_GROUPS = /^(?:networking\.k8s\.io|extensions)\//;
const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute']);
const EXPOSED_TYPES = new Set(['LoadBalancer', 'NodePort']);

export default defineProjectRule<undefined, Fact>({
  meta: {
    id: 'dashboard-exposed',
    layer: 'cluster-access',
    level: 'error',
    securitySeverity: 9.1,
    description: 'The Kubernetes Dashboard is exposed outside the cluster (LoadBalancer, NodePort, Ingress, Gateway route), lets users skip or weaken login, or runs as cluster-admin.',
    remediation: 'Keep the Dashboard Service as ClusterIP behind kubectl port-forward, drop the skip-login, insecure-login and basic-auth flags, and bind its service account only to the minimal Role it ships with.',
    tags: ['addon:dashboard', 'cis-k8s:5.1.1'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      service: 'Service "{{name}}" exposes the Kubernetes Dashboard as {{type}}: the Dashboard is a common attack vector used to gain access to a cluster; keep it ClusterIP and reach it with kubectl port-forward.',
      ingress: '{{kind}} "{{name}}" routes to the Kubernetes Dashboard Service "{{service}}": the Dashboard is a common attack vector used to gain access to a cluster; Oracle recommends restricting access within the cluster instead of exposing it through an ingress controller.',
      skipLogin: '{{kind}} "{{name}}" runs the Kubernetes Dashboard with {{flag}} (container "{{container}}"): anyone who reaches it can skip login and act as the Dashboard\'s own service account.',
      insecureLogin: '{{kind}} "{{name}}" runs the Kubernetes Dashboard with {{flag}} (container "{{container}}"): login over plain HTTP sends bearer tokens in the clear.',
      basicAuth: '{{kind}} "{{name}}" runs the Kubernetes Dashboard with {{flag}} (container "{{container}}"): basic authentication accepts passwords instead of tokens and is removed from current Dashboard releases.',
      clusterAdmin: '{{kind}} "{{name}}" binds the Kubernetes Dashboard\'s service account "{{subject}}" to cluster-admin: whoever gets into the Dashboard controls the whole cluster; bind it to the minimal Role the Dashboard ships with.',
    },
  },
  *collect(ctx) {
    const r = ctx.resource;
    const ns = r.namespace ?? '';
    const spec = getMap(r.node, 'spec');
    if (r.kind === 'Service' && r.apiVersion === 'v1') {
      const typeNode = get(spec, 'type');
      const type = str(typeNode) ?? 'ClusterIP';
      const fact: Fact = {
        t: 'service', ns, name: r.name ?? '', selector: stringMap(get(spec, 'selector')),
        ...(EXPOSED_TYPES.has(type) && typeNode && { exposed: { type, at: ctx.anchor(typeNode) } }),
      };
      yield fact;
      return;
    }
    if (r.kind === 'Ingress' && INGRESS_GROUPS.test(r.apiVersion)) {
      const backends = [get(spec, 'defaultBackend'), get(spec, 'backend')];
      for (const rule of items(get(spec, 'rules'))) {
        for (const path of items(get(get(rule, 'http'), 'paths'))) backends.push(get(path, 'backend'));
      }
      for (const backend of backends) {
        const nameNode = get(get(backend, 'service'), 'name') ?? get(backend, 'serviceName');
        const service = str(nameNode);
        if (nameNode && service) yield { t: 'backend', kind: r.kind, name: r.name ?? '', ns, service, at: ctx.anchor(nameNode) };
      }
      return;
    }
    if (ROUTE_KINDS.has(r.kind) && r.apiVersion.startsWith('gateway.networking.k8s.io/')) {
      for (const rule of items(get(spec, 'rules'))) {
        for (const ref of items(get(rule, 'backendRefs'))) {
          const kind = str(get(ref, 'kind')) ?? 'Service';
          const group = str(get(ref, 'group')) ?? '';
          const nameNode = get(ref, 'name');
          const service = str(nameNode);
          if (kind !== 'Service' || group !== '' || !nameNode || !service) continue;
          yield { t: 'backend', kind: r.kind, name: r.name ?? '', ns: str(get(ref, 'namespace')) ?? ns, service, at: ctx.anchor(nameNode) };
        }
      }
      return;
    }
    if ((r.kind === 'ClusterRoleBinding' || r.kind === 'RoleBinding') && r.apiVersion.startsWith('rbac.authorization.k8s.io/')) {
      const roleRef = getMap(r.node, 'roleRef');
      if (str(get(roleRef, 'kind')) !== 'ClusterRole' || str(get(roleRef, 'name')) !== 'cluster-admin') return;
      for (const subject of getSeq(r.node, 'subjects')?.items ?? []) {
        const nameNode = get(subject, 'name');
        const name = str(nameNode);
        if (str(get(subject, 'kind')) !== 'ServiceAccount' || !nameNode || !name) continue;
        const subjectNs = str(get(subject, 'namespace')) ?? (r.kind === 'RoleBinding' ? ns : '');
        yield { t: 'binding', kind: r.kind, name: r.name ?? '', ns: subjectNs, subject: name, at: ctx.anchor(nameNode) };
      }
      return;
    }
    const workload = ctx.workload();
    if (!workload || !dashboardEvidence(r, workload)) return;
    yield { t: 'dashboard', ns, labels: labelsOf(workload.podMetadata), sa: serviceAccountOf(workload) };
    for (const f of insecureDashboardFlags(workload)) {
      yield { t: 'flag', flag: f.flag, kind: r.kind, name: r.name ?? '', container: f.container, text: f.text, at: ctx.anchor(f.node) };
    }
  },
  *analyze(facts): Generator<ProjectReport> {
    const dashboards = facts.filter((f) => f.t === 'dashboard');
    const dashboardServices = new Set<string>();
    for (const f of facts) {
      if (f.t !== 'service') continue;
      const selects = dashboards.some((d) => d.ns === f.ns && mapSelectorMatches(f.selector, d.labels));
      if (selects || isDashboardSelector(f.selector) || isDashboardName(f.name)) dashboardServices.add(`${f.ns}/${f.name}`);
    }
    for (const f of facts) {
      switch (f.t) {
        case 'service':
          if (f.exposed && dashboardServices.has(`${f.ns}/${f.name}`)) {
            yield { messageId: 'service', data: { name: f.name, type: f.exposed.type }, at: f.exposed.at };
          }
          break;
        case 'backend':
          if (dashboardServices.has(`${f.ns}/${f.service}`) || isDashboardName(f.service)) {
            yield { messageId: 'ingress', data: { kind: f.kind, name: f.name, service: f.service }, at: f.at };
          }
          break;
        case 'flag': {
          const data = { kind: f.kind, name: f.name, container: f.container, flag: f.text };
          if (f.flag === 'skipLogin') yield { messageId: 'skipLogin', data, at: f.at };
          else if (f.flag === 'insecureLogin') yield { messageId: 'insecureLogin', data, at: f.at };
          else yield { messageId: 'basicAuth', data, at: f.at };
          break;
        }
        case 'binding':
          if (dashboards.some((d) => d.sa === f.subject && d.ns === f.ns) || isDashboardName(f.subject)) {
            const subject = f.ns === '' ? f.subject : `${f.ns}/${f.subject}`;
            yield { messageId: 'clusterAdmin', data: { kind: f.kind, name: f.name, subject }, at: f.at };
          }
          break;
        case 'dashboard':
          break;
      }
    }
  },
});

