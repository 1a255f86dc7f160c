/**
 * @fileoverview Pods sharing the node's network, process or IPC namespace
 * (`spec.hostNetwork`, `spec.hostPID`, `spec.hostIPC`) (PSS baseline, check `hostNamespaces`).
 */
import { defineRule, get, isTrue, type Report } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'host-namespaces',
    layer: 'workload',
    level: 'error',
    securitySeverity: 8.2,
    description: 'A pod shares the node\'s network, process or IPC namespace through hostNetwork, hostPID or hostIPC.',
    remediation: 'Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false) and reach the node through a Service or a dedicated, reviewed node agent instead.',
    tags: ['pss:baseline', 'psa:hostNamespaces', 'cis-k8s:5.2.3', 'cis-k8s:5.2.4', 'cis-k8s:5.2.5'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      hostNetwork: 'The pod sets hostNetwork: true and shares the node\'s network namespace: it sees every interface of the node, can bind its ports and reach the instance metadata endpoint, and NetworkPolicies do not apply to it; baseline allows only false or unset.',
      hostPID: 'The pod sets hostPID: true and shares the node\'s process namespace: it sees every process on the node, including other pods\', with their environment and command lines; baseline allows only false or unset.',
      hostIPC: 'The pod sets hostIPC: true and shares the node\'s IPC namespace: it can read and write the shared memory and message queues of every process on the node; baseline allows only false or unset.',
    },
    pss: { level: 'baseline', check: 'hostNamespaces', since: 0 },
  },
  *check(ctx): Generator<Report> {
    const podSpec = ctx.workload()?.podSpec;
    if (!podSpec) return;
    // Upstream (check_hostNamespaces.go, one rule since 1.0): only a boolean true fails, and
    // Windows pods are not exempt. One finding per field, at its value.
    const hostNetwork = get(podSpec, 'hostNetwork');
    if (isTrue(hostNetwork) && hostNetwork) yield { messageId: 'hostNetwork', at: hostNetwork };
    const hostPID = get(podSpec, 'hostPID');
    if (isTrue(hostPID) && hostPID) yield { messageId: 'hostPID', at: hostPID };
    const hostIPC = get(podSpec, 'hostIPC');
    if (isTrue(hostIPC) && hostIPC) yield { messageId: 'hostIPC', at: hostIPC };
  },
});
