/**
 * @fileoverview An OKE cluster turns on the PodSecurityPolicy admission controller
 * (`options.admissionControllerOptions.isPodSecurityPolicyEnabled`): on Kubernetes 1.25 and
 * later PodSecurityPolicy no longer exists, and before that the cluster's pod security relies
 * on an API that is deprecated and disappears on upgrade.
 */
import { booleanState, defineOkeRule, kubernetesMinor, type OkeReading, type Report } from '../../src/rule-api.js';

const FLAG = 'options.admissionControllerOptions.isPodSecurityPolicyEnabled';
const VERSION = 'kubernetesVersion';
const REMOVED_IN = 25;

export default defineOkeRule({
  meta: {
    id: 'oke-psp-admission',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 5.3,
    description: 'An OKE cluster enables the PodSecurityPolicy admission controller: on Kubernetes 1.25 and later PodSecurityPolicy was removed and enforces nothing; before 1.25 the cluster relies on a deprecated API that upgrading silently drops.',
    remediation: 'Set isPodSecurityPolicyEnabled to false and enforce Pod Security Standards with the PodSecurity admission controller (pod-security.kubernetes.io namespace labels), migrating before any upgrade to 1.25.',
    tags: ['oke', 'pod-security', 'psp'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      removed: '{{resource}} enables the PodSecurityPolicy admission controller ({{field}}{{origin}}) on Kubernetes {{version}}: PodSecurityPolicy was removed in 1.25, so OKE does not support it and no pod is checked by it; turn it off and enforce Pod Security Standards with the PodSecurity admission controller.',
      reliedOn: '{{resource}} relies on the PodSecurityPolicy admission controller ({{field}}{{origin}}) on {{version}}: PodSecurityPolicy is deprecated since 1.21 and removed in 1.25, and an upgrade without a migration leaves pods unchecked; migrate to Pod Security Standards (PodSecurity admission) first.',
      unresolved: '{{resource}}: whether the PodSecurityPolicy admission controller is enabled could not be resolved ({{reason}}), so {{field}} was not checked.',
    },
  },
  *checkOke(ctx): Iterable<Report> {
    if (ctx.resource.kind !== 'cluster') return;
    const resource = ctx.label;
    const flag = ctx.read(FLAG);
    if (flag.state === 'unresolved') {
      yield { messageId: 'unresolved', data: { resource, field: ctx.spell(FLAG), reason: flag.reason }, at: flag.at, level: 'note' };
      return;
    }
    if (booleanState(flag) !== 'true' || flag.state !== 'value') return;
    const version = ctx.read(VERSION);
    const minor = version.state === 'value' ? kubernetesMinor(version.value) : undefined;
    const data = { resource, field: flag.name, origin: flag.origin };
    if (minor !== undefined && minor >= REMOVED_IN) yield { messageId: 'removed', data: { ...data, version: versionText(version) }, at: flag.at };
    else yield { messageId: 'reliedOn', data: { ...data, version: minor === undefined ? unknownVersion(version, ctx.spell(VERSION)) : `Kubernetes ${versionText(version)}` }, at: flag.at };
  },
});

function versionText(r: OkeReading): string {
  return r.state === 'value' ? `${String(r.value)}${r.origin}` : '';
}

/** `a Kubernetes version okelint could not read (...)`. */
function unknownVersion(r: OkeReading, field: string): string {
  if (r.state === 'unresolved') return `a Kubernetes version okelint could not resolve (${r.reason})`;
  if (r.state === 'value') return `an unrecognised Kubernetes version (${JSON.stringify(r.value)})`;
  return `an unstated Kubernetes version (no ${field})`;
}
