/**
 * @fileoverview Containers not confined by a RuntimeDefault or Localhost seccomp profile,
 * set on the container or inherited from the pod (PSS restricted, check
 * `seccompProfile_restricted`; replaces `seccomp-profile-baseline` from v1.19).
 */
import type { Node, Pair, YAMLMap } from 'yaml';
import { defineRule, get, isMap, isScalar, isWindowsPod, missingAnchor, roleName, str, type Report } from '../../src/rule-api.js';

const ALLOWED_TYPES = ['RuntimeDefault', 'Localhost'];

export default defineRule({
  meta: {
    id: 'seccomp-profile-restricted',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 5.3,
    description: 'A container runs without a RuntimeDefault or Localhost seccomp profile, set on it or inherited from the pod, so every syscall is open to it.',
    remediation: 'Set securityContext.seccompProfile.type: RuntimeDefault in the pod securityContext (or Localhost with a reviewed profile), and on no container a different type.',
    tags: ['pss:restricted', 'psa:seccompProfile_restricted'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      podType: 'The pod securityContext sets seccompProfile.type to "{{value}}" (inherited by {{containers}}): only RuntimeDefault or Localhost are allowed.',
      podNoType: 'The pod securityContext sets a seccompProfile without a type (inherited by {{containers}}): only RuntimeDefault or Localhost are allowed.',
      type: '{{role}} "{{name}}" sets seccompProfile.type to "{{value}}": only RuntimeDefault or Localhost are allowed.',
      noType: '{{role}} "{{name}}" sets a seccompProfile without a type: only RuntimeDefault or Localhost are allowed.',
      missing: '{{role}} "{{name}}" has no seccomp profile: neither it nor the pod securityContext sets seccompProfile.type to RuntimeDefault or Localhost.',
    },
    pss: { level: 'restricted', check: 'seccompProfile_restricted', since: 19, overrides: 'seccomp-profile-baseline' },
  },
  *check(ctx): Generator<Report> {
    const workload = ctx.workload();
    if (!workload) return;
    // From policy v1.25 Windows pods pass: the API rejects seccompProfile on them.
    if (ctx.pss.minor >= 25 && isWindowsPod(workload)) return;
    const pod = profileOf(workload.podSecurityContext);
    if (pod && !pod.valid) {
      // Upstream also counts the containers that inherit it; report once, naming them.
      const inheriting = workload.containers.filter((c) => !profileOf(c.securityContext)).map((c) => `"${c.name}"`);
      const containers = inheriting.join(', ') || 'no container';
      if (pod.value === undefined) yield { messageId: 'podNoType', data: { containers }, at: pod.at };
      else yield { messageId: 'podType', data: { value: pod.value, containers }, at: pod.at };
    }
    for (const c of workload.containers) {
      const own = profileOf(c.securityContext);
      const data = { role: roleName(c.role), name: c.name };
      if (own) {
        if (own.valid) continue;
        if (own.value === undefined) yield { messageId: 'noType', data, at: own.at };
        else yield { messageId: 'type', data: { ...data, value: own.value }, at: own.at };
      } else if (!pod) {
        yield { messageId: 'missing', data, at: missingAnchor(c.node, ['securityContext', 'seccompProfile'], c.anchor) };
      }
    }
  },
});

interface Profile {
  /** The type, or undefined when the profile has none. */
  readonly value?: string;
  readonly valid: boolean;
  /** The type's value node, or the `seccompProfile` key when the type is missing. */
  readonly at: Node | Pair;
}

/** The explicit `seccompProfile` of a securityContext, or undefined when it is unset or null. */
function profileOf(sc: YAMLMap | undefined): Profile | undefined {
  const profile = get(sc, 'seccompProfile');
  if (!profile || isNullNode(profile)) return undefined;
  const type = isMap(profile) ? get(profile, 'type') : profile;
  if (type === undefined || isNullNode(type)) {
    return { valid: false, at: missingAnchor(sc, ['seccompProfile', 'type'], profile) };
  }
  const value = str(type) ?? String(type);
  return { value, valid: ALLOWED_TYPES.includes(value), at: type };
}

function isNullNode(node: Node): boolean {
  return isScalar(node) && node.value === null;
}
