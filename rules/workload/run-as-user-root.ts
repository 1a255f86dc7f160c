/**
 * @fileoverview An explicit `runAsUser: 0` on the pod or a container (PSS restricted, check
 * `runAsUser`).
 */
import type { Node } from 'yaml';
import { defineRule, get, isUserNamespaced, roleName, scalar, type Report } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'run-as-user-root',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 7.1,
    description: 'The pod or a container explicitly sets runAsUser to 0, so its processes run as root.',
    remediation: 'Set runAsUser to a non-zero UID (or remove it and build the image with a non-root USER) and set runAsNonRoot: true.',
    tags: ['pss:restricted', 'psa:runAsUser'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      podRoot: 'The pod securityContext sets runAsUser: 0, which is forbidden even when containers override it; containers that do not set their own runAsUser run as root ({{containers}}).',
      root: '{{role}} "{{name}}" sets runAsUser: 0 and runs as root: any non-zero UID is allowed.',
    },
    pss: { level: 'restricted', check: 'runAsUser', since: 23 },
  },
  *check(ctx): Generator<Report> {
    const workload = ctx.workload();
    if (!workload) return;
    // From policy v1.35 user-namespaced pods pass: UID 0 in the container is not root on the node.
    if (ctx.pss.minor >= 35 && isUserNamespaced(workload)) return;
    const pod = get(workload.podSecurityContext, 'runAsUser');
    if (isRoot(pod)) {
      const inheriting = workload.containers.filter((c) => c.effective('runAsUser')?.from === 'pod').map((c) => `"${c.name}"`);
      yield { messageId: 'podRoot', data: { containers: inheriting.join(', ') || 'none inherit it' }, at: pod };
    }
    for (const c of workload.containers) {
      const own = get(c.securityContext, 'runAsUser');
      if (isRoot(own)) yield { messageId: 'root', data: { role: roleName(c.role), name: c.name }, at: own };
    }
  },
});

/** An integer 0 (a quoted "0" is a string the API would reject, not a UID). */
function isRoot(node: Node | undefined): node is Node {
  const v = scalar(node);
  return v === 0 || v === 0n;
}
