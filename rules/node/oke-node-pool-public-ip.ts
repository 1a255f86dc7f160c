/**
 * @fileoverview Worker nodes of a node pool get public IP addresses: a node with a public IP in
 * the node pool's GET output (`nodes[].publicIp`), a VNIC that asks for one
 * (`assignPublicIp: true`), or, in Terraform, a placement subnet declared in the same file
 * whose VNICs may have public IPs (`prohibit_public_ip_on_vnic` not true).
 */
import { booleanState, defineOkeRule, type OkeContext, type OkeReading, type Report } from '../../src/rule-api.js';

const SUBNET_PATHS = ['nodeConfigDetails.placementConfigs.subnetId', 'subnetIds'];

export default defineOkeRule({
  meta: {
    id: 'oke-node-pool-public-ip',
    layer: 'node',
    level: 'warning',
    securitySeverity: 6.4,
    description: 'Worker nodes of an OKE node pool have public IP addresses (or are placed in a subnet that gives them one), so they are exposed to the internet instead of sitting in a private subnet.',
    remediation: 'Place node pools in private subnets (prohibit_public_ip_on_vnic = true), with a NAT gateway for outbound internet access and a service gateway for OCI services, and reach nodes through the Bastion service.',
    tags: ['oke', 'network', 'nodes'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      nodePublicIp: '{{resource}} has a worker node with a public IP address ({{field}}): the node is reachable from the internet; move the node pool to a private subnet.',
      assignPublicIp: '{{resource}} asks for public IP addresses on its nodes\' VNICs ({{field}} is {{value}}{{origin}}): the nodes are reachable from the internet; set it to false and use a private subnet.',
      publicSubnet: '{{resource}} places its worker nodes in subnet oci_core_subnet.{{subnet}}, whose VNICs may have public IPs ({{because}}): the nodes get public IP addresses; use a private subnet (prohibit_public_ip_on_vnic = true) with a NAT gateway.',
      unresolved: '{{resource}}: whether its worker nodes get public IP addresses could not be resolved ({{reason}}), so {{field}} was not checked.',
    },
  },
  *checkOke(ctx): Iterable<Report> {
    if (ctx.resource.kind !== 'node-pool') return;
    const resource = ctx.label;
    for (const r of ctx.readAll('nodes.publicIp')) {
      if (r.state === 'value' && typeof r.value === 'string' && r.value.trim() !== '') yield { messageId: 'nodePublicIp', data: { resource, field: r.name }, at: r.at };
    }
    for (const r of ctx.findAll('assignPublicIp')) {
      if (booleanState(r) === 'true' && r.state === 'value') yield { messageId: 'assignPublicIp', data: { resource, field: r.name, value: JSON.stringify(r.value), origin: r.origin }, at: r.at };
      else if (r.state === 'unresolved') yield { messageId: 'unresolved', data: { resource, field: r.name, reason: r.reason }, at: r.at, level: 'note' };
    }
    yield* subnetReports(ctx, SUBNET_PATHS.flatMap((p) => ctx.readAll(p)));
  },
});

/** Terraform: placement subnets of the same file that let VNICs have public IPs. */
function* subnetReports(ctx: OkeContext<undefined>, readings: readonly OkeReading[]): Iterable<Report> {
  const resource = ctx.label;
  for (const r of readings) {
    if (r.state !== 'unresolved') continue;
    for (const ref of r.references) {
      const subnet = ref.type === 'oci_core_subnet' ? ctx.resource.subnets.get(ref.name) : undefined;
      if (!subnet) continue;
      const at = { span: ref.span };
      if (subnet.publicIps === 'allowed') yield { messageId: 'publicSubnet', data: { resource, subnet: subnet.name, because: subnet.because }, at };
      else if (subnet.publicIps !== 'prohibited') yield { messageId: 'unresolved', data: { resource, field: `oci_core_subnet.${subnet.name}`, reason: subnet.because }, at, level: 'note' };
    }
  }
}
