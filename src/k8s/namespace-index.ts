/**
 * Facts and the index behind the namespace-wide rules (`namespace-no-default-deny`,
 * `metadata-endpoint-egress`, `namespace-no-resource-quota`, `namespace-no-limit-range`).
 * Each rule collects only the fact kinds it needs, per object, while its file is parsed; the
 * index groups them by namespace once every file has been read, whatever file each object is in.
 *
 * Objects without `metadata.namespace` form one group of their own: `kubectl apply -n X` and
 * `helm install -n X` put them all in the same namespace, whichever that is.
 *
 * Noise policy (docs/namespace-checks.md): with scope `declared` (every preset but `strict`)
 * a namespace is reported only when its Namespace object is in the linted set, so linting one
 * chart does not report the namespaces it is installed into; with scope `all` (`strict`) every
 * namespace that holds a workload is reported too. The `scope` option overrides the preset.
 * The system namespaces are never reported.
 */
import type { Anchor, At } from '../engine/rule-api.js';
import { labelsOf, networkPolicyOf, type LabelSelector, type Labels, type MetadataAllow } from './network-policy.js';
import type { K8sResource } from './resource.js';
import type { Workload } from './workload.js';
import { get, isTrue } from './yaml-access.js';

/** What a namespace-wide rule's `collect` is given (a subset of the rule context). */
export interface CollectContext {
  readonly resource: K8sResource;
  workload(): Workload | undefined;
  anchor(at: At): Anchor;
}

export interface NamespaceObjectFact { readonly t: 'namespace'; readonly ns: string; readonly at: Anchor }
export interface WorkloadFact {
  readonly t: 'workload';
  readonly ns: string;
  readonly kind: string;
  readonly name: string;
  /** Pod (template) labels, for policy selectors. */
  readonly labels: Labels;
  /** Pods on the host network are outside every NetworkPolicy. */
  readonly hostNetwork: boolean;
  readonly at: Anchor;
}
export interface PolicyFact {
  readonly t: 'policy';
  readonly ns: string;
  readonly name: string;
  readonly selector: LabelSelector;
  readonly egress: boolean;
  readonly denyAllIngress: boolean;
  readonly denyAllEgress: boolean;
  readonly metadataAllows: readonly (Omit<MetadataAllow, 'node'> & { readonly at: Anchor })[];
}
export interface CountFact { readonly t: 'quota' | 'limitRange'; readonly ns: string }
export type NamespaceFact = NamespaceObjectFact | WorkloadFact | PolicyFact | CountFact;
export type FactKind = NamespaceFact['t'];

/**
 * Facts by object: several rules collect from the same object, and each would otherwise keep its
 * own copy (with its own anchors) until the project pass.
 */
const FACTS_OF = new WeakMap<object, readonly NamespaceFact[]>();

/** The facts of kinds `kinds` that one object gives. */
export function namespaceFacts(ctx: CollectContext, kinds: readonly FactKind[]): NamespaceFact[] {
  let all = FACTS_OF.get(ctx.resource);
  if (!all) FACTS_OF.set(ctx.resource, (all = [...allFacts(ctx)]));
  return all.filter((f) => kinds.includes(f.t));
}

function* allFacts(ctx: CollectContext): Generator<NamespaceFact> {
  const r = ctx.resource;
  const ns = r.namespace ?? '';
  if (r.kind === 'Namespace' && r.apiVersion === 'v1') {
    if (r.name !== undefined) yield { t: 'namespace', ns: r.name, at: ctx.anchor(r.kindNode) };
    return;
  }
  if (r.kind === 'ResourceQuota' && r.apiVersion === 'v1') {
    yield { t: 'quota', ns };
    return;
  }
  if (r.kind === 'LimitRange' && r.apiVersion === 'v1') {
    yield { t: 'limitRange', ns };
    return;
  }
  if (r.kind === 'NetworkPolicy') {
    const p = networkPolicyOf(r);
    if (p) {
      yield {
        t: 'policy', ns, name: p.name, selector: p.podSelector, egress: p.egress,
        denyAllIngress: p.denyAllIngress, denyAllEgress: p.denyAllEgress,
        metadataAllows: p.metadataAllows.map(({ node, ...rest }) => ({ ...rest, at: ctx.anchor(node) })),
      };
    }
    return;
  }
  const w = ctx.workload();
  if (!w) return;
  yield {
    t: 'workload', ns, kind: r.kind, name: r.name ?? '', labels: labelsOf(w.podMetadata),
    hostNetwork: isTrue(get(w.podSpec, 'hostNetwork')), at: ctx.anchor(r.kindNode),
  };
}

/** Everything the linted set says about one namespace. */
export interface NamespaceEntry {
  /** The namespace name; '' for the objects that set no namespace. */
  readonly ns: string;
  /** The Namespace object's `kind`, when the object is in the set. */
  namespaceAt?: Anchor;
  readonly workloads: WorkloadFact[];
  readonly policies: PolicyFact[];
  quotas: number;
  limitRanges: number;
}

/** Groups facts by namespace, in the order namespaces are first seen. */
export function indexNamespaces(facts: readonly NamespaceFact[]): Map<string, NamespaceEntry> {
  const index = new Map<string, NamespaceEntry>();
  const entry = (ns: string): NamespaceEntry => {
    let e = index.get(ns);
    if (!e) index.set(ns, (e = { ns, workloads: [], policies: [], quotas: 0, limitRanges: 0 }));
    return e;
  };
  for (const f of facts) {
    const e = entry(f.ns);
    switch (f.t) {
      case 'namespace': e.namespaceAt ??= f.at; break;
      case 'workload': e.workloads.push(f); break;
      case 'policy': e.policies.push(f); break;
      case 'quota': e.quotas++; break;
      case 'limitRange': e.limitRanges++; break;
    }
  }
  return index;
}

/** Namespaces Kubernetes and OKE manage themselves: never reported. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** `declared`: only namespaces whose Namespace object is in the set; `all`: also those that only hold workloads. */
export type NamespaceScope = 'declared' | 'all';

/** The scope a run uses: the rule's `scope` option, else `all` under `strict` and `declared` otherwise. */
export function scopeOf(options: unknown, preset: string): NamespaceScope {
  const scope = (options as { scope?: unknown } | undefined)?.scope;
  if (scope === 'all' || scope === 'declared') return scope;
  return preset === 'strict' ? 'all' : 'declared';
}

/** A namespace to report on, where its finding goes and how messages name it. */
export interface ReportableNamespace {
  readonly entry: NamespaceEntry;
  /** The Namespace object's `kind`, else the first workload's. */
  readonly at: Anchor;
  /** Start of a sentence: `Namespace "shop"`, or a phrase for the objects without a namespace. */
  readonly where: string;
}

/** The namespaces in `scope` (system namespaces left out), each with its anchor. */
export function reportableNamespaces(index: ReadonlyMap<string, NamespaceEntry>, scope: NamespaceScope): ReportableNamespace[] {
  const out: ReportableNamespace[] = [];
  for (const entry of index.values()) {
    if (SYSTEM_NAMESPACES.has(entry.ns)) continue;
    if (scope === 'declared' && !entry.namespaceAt) continue;
    const at = entry.namespaceAt ?? entry.workloads[0]?.at;
    if (!at) continue;
    out.push({ entry, at, where: whereOf(entry.ns) });
  }
  return out;
}

/** `Namespace "shop"`, or the phrase for objects that set no namespace. */
export function whereOf(ns: string): string {
  return ns === '' ? 'The namespace these objects are deployed to (none sets metadata.namespace)' : `Namespace "${ns}"`;
}

/** `a, b and c` / `a, b, c and 4 more` (names quoted). */
export function nameList(names: readonly string[], max = 3): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length <= max) return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
}
