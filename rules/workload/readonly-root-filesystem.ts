/**
 * @fileoverview App and init containers that do not set
 * `securityContext.readOnlyRootFilesystem: true`.
 */
import { defineRule, get, isFalse, isTrue, missingAnchor, roleName } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'readonly-root-filesystem',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 4.0,
    description: 'A container can write to its root filesystem because it does not set securityContext.readOnlyRootFilesystem to true.',
    remediation: 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir volume at each path the container must write to.',
    tags: ['nsa-cisa'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      disabled: '{{role}} "{{name}}" sets readOnlyRootFilesystem: false: an intruder can modify its binaries and drop tools into it.',
      missing: '{{role}} "{{name}}" does not set securityContext.readOnlyRootFilesystem: true, so its root filesystem is writable.',
    },
  },
  *check(ctx) {
    for (const c of ctx.workload()?.containers ?? []) {
      // Ephemeral (debug) containers are exempt: they exist to run tools interactively.
      if (c.role === 'ephemeral') continue;
      const value = get(c.securityContext, 'readOnlyRootFilesystem');
      if (isTrue(value)) continue;
      const data = { role: roleName(c.role), name: c.name };
      if (value && isFalse(value)) {
        yield { messageId: 'disabled', data, at: value };
      } else {
        yield { messageId: 'missing', data, at: missingAnchor(c.node, ['securityContext', 'readOnlyRootFilesystem'], c.anchor) };
      }
    }
  },
});
