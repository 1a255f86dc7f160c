/**
 * Pod Security Standards policy: which level and version a workload is evaluated at, and
 * which checks apply (upstream policy/registry.go: a check's rule is the newest one at or
 * below the version; restricted checks override their baseline counterparts from their
 * first version on).
 */
import type { K8sResource } from './resource.js';
import { get, getMap, str } from './yaml-access.js';

export type PssLevel = 'privileged' | 'baseline' | 'restricted';

/** The newest Kubernetes minor version in which a PSS check changed (1.37: sysctls). */
export const LATEST_PSS_MINOR = 37;

/** PSS facts a rule declares in `meta.pss`. */
export interface PssMeta {
  /** Level the check belongs to. */
  readonly level: 'baseline' | 'restricted';
  /** Upstream check id, e.g. `capabilities_restricted`. */
  readonly check: string;
  /** First minor version (1.x) with a rule for this check. */
  readonly since: number;
  /** Rule id of the baseline check this restricted check replaces (from `since` on). */
  readonly overrides?: string;
}

/** The policy a workload is evaluated at. */
export interface PssPolicy {
  readonly level: PssLevel;
  /** Kubernetes minor version: 30 means v1.30. */
  readonly minor: number;
  /** Where the level came from. */
  readonly source: 'default' | 'namespace';
  readonly namespace?: string;
  /** The namespace's `warn` and `audit` labels, as written, for messages. */
  readonly warn?: string;
  readonly audit?: string;
}

/** Parses `v1.30`, `1.30` or `latest` to a minor number (newer than known → the newest). */
export function parseMinor(version: string | undefined): number | undefined {
  if (version === undefined) return undefined;
  if (version === 'latest') return LATEST_PSS_MINOR;
  const m = /^v?1\.(\d{1,3})$/.exec(version.trim());
  return m ? Math.min(Number(m[1]), LATEST_PSS_MINOR) : undefined;
}

const LEVELS: readonly PssLevel[] = ['privileged', 'baseline', 'restricted'];
const PREFIX = 'pod-security.kubernetes.io/';

/** PSA labels of a Namespace object, or undefined when it has none of them. */
export interface NamespaceLabels {
  readonly enforce?: PssLevel;
  readonly enforceVersion?: number;
  readonly warn?: string;
  readonly audit?: string;
}

export function namespaceLabelsOf(ns: K8sResource): NamespaceLabels {
  const labels = getMap(ns.metadata, 'labels');
  const label = (key: string): string | undefined => str(get(labels, PREFIX + key));
  const enforce = label('enforce');
  // As the admission controller: an invalid level is evaluated as restricted, and an
  // enforce-version other than `latest` or `v1.<minor>` (no leading zeros) as the latest.
  const level = enforce === undefined ? undefined : (LEVELS.find((l) => l === enforce) ?? 'restricted');
  const rawVersion = label('enforce-version');
  const version = rawVersion !== undefined && /^(latest|v1\.(0|[1-9]\d*))$/.test(rawVersion) ? parseMinor(rawVersion) : undefined;
  const warn = label('warn');
  const audit = label('audit');
  const withVersion = (name: string, v: string | undefined): string | undefined => {
    if (!v) return undefined;
    const ver = label(`${name}-version`);
    return ver ? `${v}:${ver}` : v;
  };
  return {
    ...(level && { enforce: level }),
    ...(version !== undefined && { enforceVersion: version }),
    ...(warn && { warn: withVersion('warn', warn) }),
    ...(audit && { audit: withVersion('audit', audit) }),
  };
}

/**
 * Whether the PSS rule `ruleId` runs under `policy`. `overriddenBy` maps a baseline rule id
 * to the enabled restricted check that replaces it.
 */
export function pssApplies(ruleId: string, meta: PssMeta, policy: PssPolicy, overriddenBy: ReadonlyMap<string, PssMeta>): boolean {
  if (policy.level === 'privileged') return false;
  if (meta.level === 'restricted' && policy.level !== 'restricted') return false;
  if (policy.minor < meta.since) return false;
  if (policy.level === 'restricted') {
    const over = overriddenBy.get(ruleId);
    if (over && policy.minor >= over.since) return false;
  }
  return true;
}

/** Message suffix naming the namespace policy a finding was evaluated under. */
export function policyNote(policy: PssPolicy): string {
  if (policy.source !== 'namespace') return '';
  const extra = [policy.warn && `warn=${policy.warn}`, policy.audit && `audit=${policy.audit}`].filter(Boolean).join(', ');
  return ` (namespace "${policy.namespace}" enforces ${policy.level}:v1.${policy.minor}${extra ? `; ${extra}` : ''})`;
}
