/**
 * @fileoverview Tiller, the in-cluster server of Helm 2, recognised by its image
 * (`gcr.io/kubernetes-helm/tiller`, `ghcr.io/helm/tiller` and mirrors), its name `tiller-deploy`
 * or its labels `app=helm, name=tiller`. One finding per workload, at the strongest evidence.
 */
import { defineRule, tillerEvidence } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'tiller-installed',
    layer: 'cluster-access',
    level: 'error',
    securitySeverity: 8.8,
    description: 'A workload runs Tiller, the Helm 2 server, which answers API calls with no authentication or authorization.',
    remediation: 'Migrate the releases to Helm 3 (which has no in-cluster server) and delete the Tiller Deployment, its Service and its service account binding.',
    tags: ['addon:tiller', 'helm2'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      tiller: '{{kind}} "{{name}}" runs Tiller, the Helm 2 server ({{evidence}}): Tiller has no authentication or authorization for API calls, so anything that can reach it can deploy with its privileges; remove it and use Helm 3.',
    },
  },
  *check(ctx) {
    const evidence = tillerEvidence(ctx.resource, ctx.workload());
    if (!evidence) return;
    yield { messageId: 'tiller', data: { kind: ctx.resource.kind, name: ctx.resource.name ?? '', evidence: evidence.what }, at: evidence.node };
  },
});
