/**
 * @fileoverview Worker nodes or pods of a node pool have no network security group: the node
 * pool sets no `nodeConfigDetails.nsgIds` (or has no `nodeConfigDetails` at all, placing nodes
 * with the deprecated `subnetIds`), pods on VCN-native networking have no `podNsgIds`, and a
 * virtual node pool sets no `nsgIds` or `podConfiguration.nsgIds`.
 */
import { defineOkeRule, presence, type ObjectReading, type OkeContext, type OkeReading, type Report } from '../../src/rule-api.js';

const NODE_CONFIG = 'nodeConfigDetails';
const POD_NETWORK = 'nodeConfigDetails.nodePoolPodNetworkOptionDetails';

export default defineOkeRule({
  meta: {
    id: 'oke-node-pool-no-nsg',
    layer: 'node',
    level: 'warning',
    securitySeverity: 4.3,
    description: 'Worker nodes or pods of an OKE node pool have no network security group, so only the subnet\'s security lists (shared by everything in the subnet) filter their traffic.',
    remediation: 'Give the node pool nodeConfigDetails.nsgIds (and podNsgIds for VCN-native pod networking; nsgIds and podConfiguration.nsgIds for virtual node pools) with rules that admit only the traffic the workers and pods need.',
    tags: ['oke', 'network', 'nodes'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      noNodeConfig: '{{resource}} has no {{field}} (it places nodes with the deprecated subnet list): its worker nodes have no network security group, so only the subnet\'s security lists filter their traffic; use {{field}} with NSGs.',
      noWorkerNsg: '{{resource}} sets no {{field}}: its worker nodes have no network security group, so only the subnet\'s security lists filter their traffic; attach an NSG.',
      noPodNsg: '{{resource}} sets no {{field}}: its pods get VNICs with no network security group; attach an NSG to the pods.',
      unresolved: '{{resource}}: the network security groups could not be resolved ({{reason}}), so {{field}} was not checked.',
    },
  },
  *checkOke(ctx): Iterable<Report> {
    if (ctx.resource.kind === 'virtual-node-pool') {
      yield* nsgReports(ctx, 'noWorkerNsg', ctx.read('nsgIds'), 'nsgIds');
      yield* nsgReports(ctx, 'noPodNsg', ctx.read('podConfiguration.nsgIds'), 'podConfiguration.nsgIds');
      return;
    }
    if (ctx.resource.kind !== 'node-pool') return;
    const config = ctx.read(NODE_CONFIG);
    if (config.state === 'unresolved') {
      yield { messageId: 'unresolved', data: { resource: ctx.label, field: ctx.spell(NODE_CONFIG), reason: config.reason }, at: config.at, level: 'note' };
      return;
    }
    if (config.state !== 'object') {
      yield { messageId: 'noNodeConfig', data: { resource: ctx.label, field: ctx.spell(NODE_CONFIG) }, at: config.at };
      return;
    }
    yield* nsgReports(ctx, 'noWorkerNsg', ctx.read('nodeConfigDetails.nsgIds'), 'nodeConfigDetails.nsgIds');
    for (const network of ctx.readAll(POD_NETWORK)) {
      if (network.state === 'unresolved') yield* nsgReports(ctx, 'noPodNsg', network, `${POD_NETWORK}.podNsgIds`);
      if (network.state === 'object' && isVcnNative(ctx, network)) {
        for (const r of ctx.readWithin(network, 'podNsgIds')) yield* nsgReports(ctx, 'noPodNsg', r, `${POD_NETWORK}.podNsgIds`);
      }
    }
  },
});

function isVcnNative(ctx: OkeContext<undefined>, network: ObjectReading): boolean {
  return ctx.readWithin(network, 'cniType').some((c) => c.state === 'value' && String(c.value).toUpperCase() === 'OCI_VCN_IP_NATIVE');
}

/** A finding when the NSG list `r` is missing or empty, a note when it is unknown. */
function* nsgReports(ctx: OkeContext<undefined>, messageId: 'noWorkerNsg' | 'noPodNsg', r: OkeReading, path: string): Iterable<Report> {
  const p = presence(r);
  if (p === 'set') return;
  const resource = ctx.label;
  const field = r.state === 'value' ? r.name : ctx.spell(path);
  if (p === 'unresolved' && r.state === 'unresolved') yield { messageId: 'unresolved', data: { resource, field, reason: r.reason }, at: r.at, level: 'note' };
  else if (messageId === 'noWorkerNsg') yield { messageId: 'noWorkerNsg', data: { resource, field }, at: r.at };
  else yield { messageId: 'noPodNsg', data: { resource, field }, at: r.at };
}
