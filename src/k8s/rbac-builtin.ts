/**
 * The user-facing ClusterRoles every Kubernetes cluster bootstraps, with the rules that matter
 * to okelint's checks, after Kubernetes' bootstrap policy
 * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go, 1.2x–1.3x). `admin`, `edit` and
 * `view` are aggregated ClusterRoles: their rules come from the `system:aggregate-to-*` roles
 * (and from any ClusterRole of the linted set carrying the same labels), exactly as the
 * aggregation controller computes them:
 * - view: read of most namespaced objects, but NOT secrets, pods/exec, pods/attach, pods/portforward;
 * - edit: view + write of pods, workload controllers, services, configmaps and secrets, read and
 *   write of pods/exec, pods/attach, pods/portforward, pods/proxy and services/proxy, create of
 *   pods/eviction and serviceaccounts/token, impersonate of serviceaccounts;
 * - admin: edit + read/write of roles and rolebindings (no `bind` or `escalate`: the API server's
 *   escalation check still limits what an admin can grant to what the admin holds).
 */
import type { RoleFact, RuleFact } from './rbac.js';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const READ_WRITE = [...READ, ...WRITE];
const AGG = 'rbac.authorization.k8s.io/aggregate-to-';

function rule(verbs: readonly string[], groups: readonly string[], resources: readonly string[], urls: readonly string[] = []): Omit<RuleFact, 'index'> {
  const items = (values: readonly string[]): { value: string }[] => values.map((value) => ({ value }));
  return { verbs: items(verbs), apiGroups: items(groups), resources: items(resources), resourceNames: [], nonResourceURLs: items(urls) };
}

function role(name: string, labels: Record<string, string>, rules: readonly Omit<RuleFact, 'index'>[], aggregateLabel?: string): RoleFact {
  return {
    type: 'role', kind: 'ClusterRole', name, labels, builtin: true,
    rules: rules.map((r, index) => ({ ...r, index })),
    ...(aggregateLabel !== undefined && { aggregationSelectors: [{ all: false, invalid: false, matchLabels: { [AGG + aggregateLabel]: 'true' }, expressions: [] }] }),
  };
}

const WORKLOADS = ['statefulsets', 'statefulsets/scale', 'daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'replicasets', 'replicasets/scale'];

/** Built-in ClusterRoles by name. */
export const BUILTIN_ROLES: ReadonlyMap<string, RoleFact> = new Map([
  role('cluster-admin', {}, [rule(['*'], ['*'], ['*']), rule(['*'], [], [], ['*'])]),
  role('admin', {}, [], 'admin'),
  role('edit', { [AGG + 'admin']: 'true' }, [], 'edit'),
  role('view', { [AGG + 'edit']: 'true' }, [], 'view'),
  role('system:aggregate-to-admin', { [AGG + 'admin']: 'true' }, [
    rule(['create'], ['authorization.k8s.io'], ['localsubjectaccessreviews']),
    rule(READ_WRITE, ['rbac.authorization.k8s.io'], ['roles', 'rolebindings']),
  ]),
  role('system:aggregate-to-edit', { [AGG + 'edit']: 'true' }, [
    rule(READ, [''], ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy']),
    rule(['impersonate'], [''], ['serviceaccounts']),
    rule(WRITE, [''], ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward']),
    rule(['create'], [''], ['pods/eviction']),
    rule(WRITE, [''], ['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/proxy', 'persistentvolumeclaims', 'configmaps', 'secrets']),
    rule(['create'], [''], ['serviceaccounts/token']),
    rule(WRITE, ['apps'], WORKLOADS),
    rule(WRITE, ['autoscaling'], ['horizontalpodautoscalers']),
    rule(WRITE, ['batch'], ['jobs', 'cronjobs']),
    rule(WRITE, ['extensions'], ['daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'ingresses', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale', 'networkpolicies']),
    rule(WRITE, ['policy'], ['poddisruptionbudgets']),
    rule(WRITE, ['networking.k8s.io'], ['networkpolicies', 'ingresses']),
  ]),
  role('system:aggregate-to-view', { [AGG + 'view']: 'true' }, [
    rule(READ, [''], ['pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'configmaps']),
    rule(READ, [''], ['limitranges', 'resourcequotas', 'bindings', 'events', 'pods/status', 'resourcequotas/status', 'namespaces/status', 'replicationcontrollers/status', 'pods/log']),
    rule(READ, [''], ['namespaces']),
    rule(READ, ['discovery.k8s.io'], ['endpointslices']),
    rule(READ, ['apps'], ['controllerrevisions', 'statefulsets', 'statefulsets/status', 'statefulsets/scale', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/status', 'deployments/scale', 'replicasets', 'replicasets/status', 'replicasets/scale']),
    rule(READ, ['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
    rule(READ, ['batch'], ['jobs', 'cronjobs', 'cronjobs/status', 'jobs/status']),
    rule(READ, ['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
    rule(READ, ['networking.k8s.io'], ['networkpolicies', 'ingresses', 'ingresses/status']),
  ]),
  role('system:discovery', {}, [rule(['get'], [], [], ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'])]),
  role('system:basic-user', {}, [
    rule(['create'], ['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']),
    rule(['create'], ['authentication.k8s.io'], ['selfsubjectreviews']),
  ]),
  role('system:public-info-viewer', {}, [rule(['get'], [], [], ['/healthz', '/livez', '/readyz', '/version', '/version/'])]),
].map((r) => [r.name, r]));

/** The roles Kubernetes binds to every authenticated user by default: discovery only. */
export const DISCOVERY_ROLES: ReadonlySet<string> = new Set(['system:discovery', 'system:basic-user', 'system:public-info-viewer']);
