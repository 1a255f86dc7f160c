/**
 * @fileoverview AppArmor profiles other than the runtime default or a node-local profile,
 * in the beta annotations or the `appArmorProfile` field (PSS baseline, check `appArmorProfile`).
 */
import { defineRule, get, getMap, isMap, isScalar, missingAnchor, roleName, str, type At, type Report } from '../../src/rule-api.js';

/** Upstream `DeprecatedAppArmorBetaContainerAnnotationKeyPrefix`. */
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const ALLOWED_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

export default defineRule({
  meta: {
    id: 'apparmor-profile',
    layer: 'workload',
    level: 'error',
    securitySeverity: 6.4,
    description: 'A pod or container overrides the default AppArmor profile with one the Pod Security Standards baseline level forbids, such as unconfined.',
    remediation: 'Use appArmorProfile.type RuntimeDefault or Localhost (or the annotation values runtime/default or localhost/<profile>), or remove the override to keep the runtime default.',
    tags: ['pss:baseline', 'psa:appArmorProfile'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      annotation: 'Annotation "{{key}}" sets the AppArmor profile of container "{{container}}" to "{{value}}"; baseline allows only runtime/default, localhost/<profile> or an empty value.',
      podType: 'The pod securityContext sets appArmorProfile.type: "{{value}}", which applies to every container that does not set its own; baseline allows only RuntimeDefault or Localhost.',
      containerType: '{{role}} "{{name}}" sets securityContext.appArmorProfile.type: "{{value}}"; baseline allows only RuntimeDefault or Localhost.',
      podNoType: 'The pod securityContext sets appArmorProfile without a type; baseline allows only RuntimeDefault or Localhost.',
      containerNoType: '{{role}} "{{name}}" sets securityContext.appArmorProfile without a type; baseline allows only RuntimeDefault or Localhost.',
    },
    pss: { level: 'baseline', check: 'appArmorProfile', since: 0 },
  },
  *check(ctx): Generator<Report> {
    const workload = ctx.workload();
    if (!workload) return;
    // Upstream (check_appArmorProfile.go, one rule since 1.0, no Windows exemption).
    // (1) Pod (template) annotations with the beta prefix, whatever container they name.
    const annotations = getMap(workload.podMetadata, 'annotations');
    for (const pair of annotations?.items ?? []) {
      const key = str(pair.key);
      if (key === undefined || !key.startsWith(ANNOTATION_PREFIX)) continue;
      const value = pair.value;
      if (!isScalar(value)) continue;
      // A null value decodes to "" upstream, which is allowed.
      const profile = str(value) ?? '';
      if (profile === '' || profile === 'runtime/default' || profile.startsWith('localhost/')) continue;
      yield { messageId: 'annotation', data: { key, container: key.slice(ANNOTATION_PREFIX.length), value: profile }, at: value };
    }
    // (2) The appArmorProfile field: when present, its type must be RuntimeDefault or Localhost
    // (a missing type is the empty type upstream, which is not allowed either).
    const pod = verdict(get(workload.podSecurityContext, 'appArmorProfile'));
    if (pod.kind === 'bad') {
      yield { messageId: 'podType', data: { value: pod.value }, at: pod.at };
    } else if (pod.kind === 'noType') {
      yield { messageId: 'podNoType', at: missingAnchor(workload.podSpec, ['securityContext', 'appArmorProfile'], workload.podSpec) };
    }
    for (const c of workload.containers) {
      const own = verdict(get(c.securityContext, 'appArmorProfile'));
      const data = { role: roleName(c.role), name: c.name };
      if (own.kind === 'bad') {
        yield { messageId: 'containerType', data: { ...data, value: own.value }, at: own.at };
      } else if (own.kind === 'noType') {
        yield { messageId: 'containerNoType', data, at: missingAnchor(c.node, ['securityContext', 'appArmorProfile'], c.anchor) };
      }
    }
  },
});

type Verdict = { readonly kind: 'allowed' } | { readonly kind: 'noType' } | { readonly kind: 'bad'; readonly value: string; readonly at: At };

/** Judges an `appArmorProfile` value: unset or null is allowed, a map needs an allowed type. */
function verdict(profile: unknown): Verdict {
  if (!isMap(profile)) return { kind: 'allowed' };
  const type = get(profile, 'type');
  if (!type || !isScalar(type) || type.value === null) return { kind: 'noType' };
  const value = str(type) ?? '';
  return ALLOWED_TYPES.has(value) ? { kind: 'allowed' } : { kind: 'bad', value, at: type };
}
