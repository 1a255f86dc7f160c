/**
 * @fileoverview The OKE cluster's Kubernetes API endpoint is reachable from the internet: a
 * public IP on the endpoint (`endpointConfig.isPublicIpEnabled`), a public endpoint in a GET
 * response (`endpoints.publicEndpoint`), or no endpoint configuration at all (a cluster that is
 * not VCN-native, whose endpoint is always public).
 */
import { booleanState, defineOkeRule, type Report } from '../../src/rule-api.js';

const FLAG = 'endpointConfig.isPublicIpEnabled';

export default defineOkeRule({
  meta: {
    id: 'oke-public-api-endpoint',
    layer: 'cluster-access',
    level: 'error',
    securitySeverity: 8.6,
    description: 'The Kubernetes API endpoint of an OKE cluster is public: a public IP on the endpoint, a public endpoint in the cluster\'s GET output, or a cluster created without an endpoint configuration (not VCN-native).',
    remediation: 'Give the cluster a VCN-native endpoint in a private subnet with no public IP (isPublicIpEnabled false, with an NSG) and reach it through the OCI Bastion service, a VPN or FastConnect.',
    tags: ['oke', 'network', 'control-plane'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      publicIp: '{{resource}} gives its Kubernetes API endpoint a public IP ({{field}} is {{value}}{{origin}}): the control plane is reachable from the internet; keep the endpoint private and reach it through a bastion or VPN.',
      publicEndpoint: '{{resource}} has a public Kubernetes API endpoint ({{field}}): the control plane is reachable from the internet; make the endpoint private and reach it through a bastion or VPN.',
      notVcnNative: '{{resource}} has no {{field}}: a cluster created without one is not VCN-native, and its Kubernetes API endpoint is public with no way to restrict access; create the cluster with a private VCN-native endpoint.',
      unresolved: '{{resource}}: whether the Kubernetes API endpoint has a public IP could not be resolved ({{reason}}), so {{field}} was not checked.',
    },
  },
  *checkOke(ctx): Iterable<Report> {
    if (ctx.resource.kind !== 'cluster') return;
    const resource = ctx.label;
    const flag = ctx.read(FLAG);
    const state = booleanState(flag);
    if (state === 'true' && flag.state === 'value') {
      yield { messageId: 'publicIp', data: { resource, field: flag.name, value: JSON.stringify(flag.value), origin: flag.origin }, at: flag.at };
      return;
    }
    if (state === 'unresolved' && flag.state === 'unresolved') {
      yield { messageId: 'unresolved', data: { resource, field: ctx.spell(FLAG), reason: flag.reason }, at: flag.at, level: 'note' };
      return;
    }
    const endpoint = ctx.read('endpoints.publicEndpoint');
    if (endpoint.state === 'value' && typeof endpoint.value === 'string' && endpoint.value.trim() !== '') {
      yield { messageId: 'publicEndpoint', data: { resource, field: endpoint.name }, at: endpoint.at };
      return;
    }
    const config = ctx.read('endpointConfig');
    if (config.state === 'missing' || (config.state === 'value' && config.value === null)) {
      yield { messageId: 'notVcnNative', data: { resource, field: ctx.spell('endpointConfig') }, at: config.at };
    }
  },
});
