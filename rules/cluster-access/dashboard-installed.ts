/**
 * @fileoverview The Kubernetes Dashboard, recognised by its image (`kubernetesui/dashboard*`,
 * `kubernetes-dashboard*`), its name, or its app and Helm chart labels. The metrics scraper that
 * ships with it is not reported. One finding per workload, at the strongest evidence; whether it
 * is reachable from outside is `dashboard-exposed`.
 */
import { dashboardEvidence, defineRule } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'dashboard-installed',
    layer: 'cluster-access',
    level: 'warning',
    securitySeverity: 5.3,
    description: 'A workload runs the Kubernetes Dashboard, a common attack vector for gaining access to a cluster.',
    remediation: 'Remove the Dashboard from production clusters and use kubectl or the OCI Console instead; if you keep it, leave its Service as ClusterIP and reach it through kubectl port-forward.',
    tags: ['addon:dashboard'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      dashboard: '{{kind}} "{{name}}" runs the Kubernetes Dashboard ({{evidence}}), a common attack vector for gaining access to a cluster; Oracle does not recommend it on production clusters.',
    },
  },
  *check(ctx) {
    const evidence = dashboardEvidence(ctx.resource, ctx.workload());
    if (!evidence) return;
    yield { messageId: 'dashboard', data: { kind: ctx.resource.kind, name: ctx.resource.name ?? '', evidence: evidence.what }, at: evidence.node };
  },
});
