/**
 * @fileoverview An explicit seccomp profile other than the runtime default or a localhost
 * profile, on the pod or a container (PSS baseline, check `seccompProfile_baseline`).
 * Up to policy v1.18 only the alpha annotations count; from v1.19 only the fields do.
 */
import type { Node, Pair, YAMLMap } from 'yaml';
import { defineRule, get, getMap, isMap, isScalar, missingAnchor, roleName, str, type Report, type Workload } from '../../src/rule-api.js';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
const ALLOWED_TYPES = ['RuntimeDefault', 'Localhost'];

export default defineRule({
  meta: {
    id: 'seccomp-profile-baseline',
    layer: 'workload',
    level: 'error',
    securitySeverity: 6.8,
    description: 'The pod or a container explicitly sets a seccomp profile other than RuntimeDefault or Localhost, such as Unconfined, which turns syscall filtering off.',
    remediation: 'Set seccompProfile.type to RuntimeDefault (or Localhost with a reviewed profile) instead of Unconfined, and remove unconfined seccomp annotations.',
    tags: ['pss:baseline', 'psa:seccompProfile_baseline'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      type: '{{subject}} sets seccompProfile.type to "{{value}}": only RuntimeDefault or Localhost are allowed, other profiles turn syscall filtering off.',
      noType: '{{subject}} sets a seccompProfile without a type: only RuntimeDefault or Localhost are allowed.',
      annotation: 'Annotation {{key}} is "{{value}}" for {{target}}: only runtime/default, docker/default or localhost/<profile> are allowed.',
    },
    pss: { level: 'baseline', check: 'seccompProfile_baseline', since: 0 },
  },
  *check(ctx): Generator<Report> {
    const workload = ctx.workload();
    if (!workload) return;
    if (ctx.pss.minor < 19) {
      // Policy v1.0-v1.18: the alpha annotations only (the fields did not exist yet).
      for (const { pair, key, target } of seccompAnnotations(workload)) {
        const value = str(pair.value) ?? '';
        if (value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/')) continue;
        // A null value decodes to "": report it at the key.
        const at = pair.value && !isNullNode(pair.value) ? pair.value : pair.key;
        yield { messageId: 'annotation', data: { key, value, target }, at };
      }
      return;
    }
    // Policy v1.19 and later: the fields only (the annotations are ignored).
    for (const { subject, sc } of securityContexts(workload)) {
      const profile = get(sc, 'seccompProfile');
      if (!profile || isNullNode(profile)) continue;
      const type = isMap(profile) ? get(profile, 'type') : profile;
      if (type === undefined || isNullNode(type)) {
        yield { messageId: 'noType', data: { subject }, at: missingAnchor(sc, ['seccompProfile', 'type'], profile) };
        continue;
      }
      const value = str(type) ?? String(type);
      if (!ALLOWED_TYPES.includes(value)) yield { messageId: 'type', data: { subject, value }, at: type };
    }
  },
});

/** The seccomp alpha annotations that apply: the pod's, and one per container that exists. */
function* seccompAnnotations(workload: Workload): Generator<{ pair: Pair<Node, Node | null>; key: string; target: string }> {
  const annotations = getMap(workload.podMetadata, 'annotations');
  if (!annotations) return;
  const roles = new Map<string, string>();
  for (const c of workload.containers) if (!roles.has(c.name)) roles.set(c.name, `${roleName(c.role).toLowerCase()} "${c.name}"`);
  for (const pair of annotations.items as Pair<Node, Node | null>[]) {
    const key = str(pair.key);
    if (key === undefined) continue;
    if (key === POD_ANNOTATION) yield { pair, key, target: 'the pod' };
    else if (key.startsWith(CONTAINER_ANNOTATION)) {
      const target = roles.get(key.slice(CONTAINER_ANNOTATION.length));
      if (target) yield { pair, key, target };
    }
  }
}

/** The pod securityContext and every container's, with who sets them. */
function* securityContexts(workload: Workload): Generator<{ subject: string; sc: YAMLMap }> {
  if (workload.podSecurityContext) yield { subject: 'The pod securityContext', sc: workload.podSecurityContext };
  for (const c of workload.containers) {
    if (c.securityContext) yield { subject: `${roleName(c.role)} "${c.name}"`, sc: c.securityContext };
  }
}

function isNullNode(node: Node): boolean {
  return isScalar(node) && node.value === null;
}
