/**
 * @fileoverview Windows HostProcess pods and containers (`windowsOptions.hostProcess: true`)
 * (PSS baseline, check `windowsHostProcess`).
 */
import { defineRule, get, getMap, isTrue, roleName, type Report } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'windows-host-process',
    layer: 'workload',
    level: 'error',
    securitySeverity: 9.2,
    description: 'A pod or container sets windowsOptions.hostProcess to true, running as a Windows HostProcess container directly on the node.',
    remediation: 'Remove windowsOptions.hostProcess or set it to false in the pod securityContext and in every container securityContext.',
    tags: ['pss:baseline', 'psa:windowsHostProcess', 'cis-k8s:5.2.11'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      podHostProcess: 'The pod securityContext sets windowsOptions.hostProcess: true, so every container runs as a HostProcess container on the node ({{containers}}); baseline allows only false or unset.',
      hostProcess: '{{role}} "{{name}}" sets securityContext.windowsOptions.hostProcess: true and runs as a HostProcess container on the node; baseline allows only false or unset.',
    },
    pss: { level: 'baseline', check: 'windowsHostProcess', since: 0 },
  },
  *check(ctx): Generator<Report> {
    const workload = ctx.workload();
    if (!workload) return;
    // Upstream (check_windowsHostProcess.go, one rule since 1.0): the pod securityContext and
    // every init, app and ephemeral container; only a boolean true fails. A pod-level true
    // fails even when a container sets false (Windows forbids mixing HostProcess containers).
    const podValue = get(getMap(workload.podSecurityContext, 'windowsOptions'), 'hostProcess');
    if (podValue && isTrue(podValue)) {
      const names = workload.containers.map((c) => `${roleName(c.role).toLowerCase()} "${c.name}"`);
      yield { messageId: 'podHostProcess', data: { containers: names.join(', ') || 'no containers' }, at: podValue };
    }
    for (const c of workload.containers) {
      const value = get(getMap(c.securityContext, 'windowsOptions'), 'hostProcess');
      if (value && isTrue(value)) {
        yield { messageId: 'hostProcess', data: { role: roleName(c.role), name: c.name }, at: value };
      }
    }
  },
});
