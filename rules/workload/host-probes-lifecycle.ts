/**
 * @fileoverview Probes and lifecycle handlers that send the kubelet to another host
 * (`httpGet.host` / `tcpSocket.host`) (PSS baseline since v1.34, check `hostProbesAndHostLifecycle`).
 */
import { defineRule, get, getMap, isScalar, roleName, str, type At } from '../../src/rule-api.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['postStart', 'preStop'] as const;
const ACTIONS = ['httpGet', 'tcpSocket'] as const;

export default defineRule({
  meta: {
    id: 'host-probes-lifecycle',
    layer: 'workload',
    level: 'error',
    securitySeverity: 5.4,
    description: 'A probe or lifecycle handler sets httpGet.host or tcpSocket.host, so the kubelet connects from the node to an address the pod chooses.',
    remediation: 'Remove the host field so the kubelet targets the pod\'s own IP, and send any Host header through httpGet.httpHeaders instead.',
    tags: ['pss:baseline', 'psa:hostProbesAndHostLifecycle'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      probeHost: '{{role}} "{{name}}" sets {{field}}: "{{host}}"; baseline (since v1.34) allows only an empty or unset host: the kubelet would probe that address from the node instead of the pod.',
      lifecycleHost: '{{role}} "{{name}}" sets {{field}}: "{{host}}"; baseline (since v1.34) allows only an empty or unset host: the kubelet would call that address from the node when the hook runs.',
    },
    pss: { level: 'baseline', check: 'hostProbesAndHostLifecycle', since: 34 },
  },
  *check(ctx) {
    // Upstream (check_hostProbesAndHostLifecycle.go, one rule since 1.34): every init, app and
    // ephemeral container; any non-empty host fails, even 127.0.0.1 or localhost.
    for (const c of ctx.workload()?.containers ?? []) {
      const data = { role: roleName(c.role), name: c.name };
      for (const probe of PROBES) {
        for (const [action, value, host] of hosts(getMap(c.node, probe))) {
          yield { messageId: 'probeHost', data: { ...data, field: `${probe}.${action}.host`, host }, at: value };
        }
      }
      const lifecycle = getMap(c.node, 'lifecycle');
      for (const handler of HANDLERS) {
        for (const [action, value, host] of hosts(getMap(lifecycle, handler))) {
          yield { messageId: 'lifecycleHost', data: { ...data, field: `lifecycle.${handler}.${action}.host`, host }, at: value };
        }
      }
    }
  },
});

/** The non-empty `host` values of a probe's or handler's httpGet and tcpSocket actions. */
function* hosts(owner: unknown): Generator<readonly [string, At, string]> {
  for (const action of ACTIONS) {
    const value = get(getMap(owner, action), 'host');
    if (!value || !isScalar(value)) continue;
    const host = str(value) ?? '';
    if (host !== '') yield [action, value, host];
  }
}
