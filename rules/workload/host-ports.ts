/**
 * @fileoverview Container ports bound to a port of the node (`ports[*].hostPort`)
 * (PSS baseline, check `hostPorts`).
 */
import { defineRule, get, getSeq, isMap, roleName, scalar, str } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'host-ports',
    layer: 'workload',
    level: 'error',
    securitySeverity: 5.3,
    description: 'A container binds one of its ports to a port of the node through ports[*].hostPort, which the Pod Security Standards baseline level forbids.',
    remediation: 'Remove hostPort (or set it to 0) and expose the container through a Service, an ingress or a load balancer instead.',
    tags: ['pss:baseline', 'psa:hostPorts', 'cis-k8s:5.2.13'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      hostPort: '{{role}} "{{name}}" binds host port {{hostPort}} to {{target}}; baseline allows only hostPort 0 or unset: the port opens on the node\'s own addresses, outside any Service or load balancer.',
    },
    pss: { level: 'baseline', check: 'hostPorts', since: 0 },
  },
  *check(ctx) {
    // Upstream (check_hostPorts.go, one rule since 1.0): every init, app and ephemeral
    // container; any hostPort other than 0 fails, whatever the containerPort.
    for (const c of ctx.workload()?.containers ?? []) {
      const ports = getSeq(c.node, 'ports')?.items ?? [];
      for (const [index, port] of ports.entries()) {
        if (!isMap(port)) continue;
        const value = get(port, 'hostPort');
        const hostPort = scalar(value);
        // The field is an int32: a quoted value does not decode, so only numbers count.
        if (!value || typeof hostPort !== 'number' || hostPort === 0) continue;
        const containerPort = str(get(port, 'containerPort'));
        const portName = str(get(port, 'name'));
        const target = containerPort !== undefined
          ? `containerPort ${containerPort}${portName ? ` ("${portName}")` : ''}`
          : `ports[${index}]`;
        yield { messageId: 'hostPort', data: { role: roleName(c.role), name: c.name, hostPort, target }, at: value };
      }
    }
  },
});
