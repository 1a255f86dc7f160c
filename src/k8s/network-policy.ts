/**
 * NetworkPolicy facts for the namespace-wide rules: label selectors (with matchExpressions),
 * which directions a policy isolates, whether it is a default deny, and which egress rules let
 * a selected pod reach the instance metadata endpoint 169.254.169.254 (IPv4 CIDR containment,
 * `except` lists and ports). Pure functions over yaml nodes: callers turn the nodes they report
 * on into anchors.
 */
import type { Node, YAMLMap } from 'yaml';
import type { K8sResource } from './resource.js';
import { get, getMap, getSeq, isMap, isSeq, items, pairOf, scalar, str } from './yaml-access.js';

/** Labels as a plain map (only scalar values; keys as written). */
export type Labels = Readonly<Record<string, string>>;

/** The instance metadata (and instance-principal certificate) endpoint of OCI compute instances. */
export const METADATA_ADDRESS = '169.254.169.254';
/** The metadata service listens for HTTP on this port only. */
export const METADATA_PORT = 80;

/** A map node of scalars (labels, a Service selector) as plain strings; anything else is `{}`. */
export function stringMap(node: unknown): Labels {
  const out: Record<string, string> = {};
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const key = str(pair.key);
    const value = str(pair.value);
    if (key !== undefined && value !== undefined) out[key] = value;
  }
  return out;
}

/** The `labels` map under `metadata` as plain strings (numbers and booleans stringified). */
export function labelsOf(metadata: unknown): Labels {
  return stringMap(getMap(metadata, 'labels'));
}

// ---------------------------------------------------------------------------------------------
// Label selectors

interface Requirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

/**
 * A parsed label selector. `all` is the empty selector `{}` (every pod); `invalid` is a selector
 * okelint cannot read (an unknown operator, a non-map), which matches nothing.
 */
export interface LabelSelector {
  readonly all: boolean;
  readonly invalid: boolean;
  readonly matchLabels: Labels;
  readonly expressions: readonly Requirement[];
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** Parses a `metav1.LabelSelector` node (`matchLabels` + `matchExpressions`); a missing node is `{}`. */
export function parseLabelSelector(node: unknown): LabelSelector {
  if (node === undefined || node === null || (scalar(node) === null && !isMap(node))) {
    return { all: true, invalid: false, matchLabels: {}, expressions: [] };
  }
  if (!isMap(node)) return { all: false, invalid: true, matchLabels: {}, expressions: [] };
  const matchLabels: Record<string, string> = {};
  let invalid = false;
  const ml = get(node, 'matchLabels');
  if (ml !== undefined && scalar(ml) !== null) {
    if (!isMap(ml)) invalid = true;
    for (const pair of isMap(ml) ? ml.items : []) {
      const k = str(pair.key);
      const v = str(pair.value);
      if (k === undefined || v === undefined) invalid = true;
      else matchLabels[k] = v;
    }
  }
  const expressions: Requirement[] = [];
  for (const item of items(get(node, 'matchExpressions'))) {
    const key = str(get(item, 'key'));
    const operator = str(get(item, 'operator'));
    if (key === undefined || operator === undefined || !OPERATORS.has(operator)) { invalid = true; continue; }
    const values = items(get(item, 'values')).map((v) => str(v)).filter((v): v is string => v !== undefined);
    expressions.push({ key, operator: operator as Requirement['operator'], values });
  }
  const all = !invalid && Object.keys(matchLabels).length === 0 && expressions.length === 0;
  return { all, invalid, matchLabels, expressions };
}

/** Whether `selector` selects an object with `labels`. */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  if (selector.invalid) return false;
  for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false;
  for (const r of selector.expressions) {
    const has = Object.hasOwn(labels, r.key);
    const value = labels[r.key];
    switch (r.operator) {
      case 'In': if (!has || value === undefined || !r.values.includes(value)) return false; break;
      case 'NotIn': if (has && value !== undefined && r.values.includes(value)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
    }
  }
  return true;
}

/** Whether a Service-style selector (a plain map, all pairs must match) selects `labels`; an empty one selects nothing. */
export function mapSelectorMatches(selector: Labels, labels: Labels): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

// ---------------------------------------------------------------------------------------------
// IPv4 CIDR containment

/** The 32-bit value of a dotted-quad IPv4 address, or undefined. */
export function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

/**
 * Whether the IPv4 CIDR `cidr` (`a.b.c.d/n`; a bare address counts as `/32`) contains `address`.
 * IPv6 and malformed CIDRs contain no IPv4 address (undefined for malformed ones).
 */
export function cidrContains(cidr: string, address: string): boolean | undefined {
  const target = parseIPv4(address);
  if (target === undefined) return undefined;
  const text = cidr.trim();
  if (text.includes(':')) return /^[0-9a-fA-F:.]+\/\d{1,3}$/.test(text) ? false : undefined;
  const [base, bits, ...rest] = text.split('/');
  if (rest.length > 0 || base === undefined) return undefined;
  const net = parseIPv4(base);
  const prefix = bits === undefined ? 32 : /^\d{1,2}$/.test(bits) ? Number(bits) : NaN;
  if (net === undefined || !(prefix >= 0 && prefix <= 32)) return undefined;
  if (prefix === 0) return true;
  const size = 2 ** (32 - prefix);
  return Math.floor(net / size) === Math.floor(target / size);
}

// ---------------------------------------------------------------------------------------------
// NetworkPolicy

/** Why an egress rule lets selected pods reach the metadata endpoint, and the node to point at. */
export interface MetadataAllow {
  /** `anyDestination`: the rule has no `to` (every destination); `ipBlock`: a CIDR that contains it. */
  readonly reason: 'anyDestination' | 'ipBlock';
  /** The `cidr` value for `ipBlock`; the egress rule itself for `anyDestination`. */
  readonly node: Node;
  /** The CIDR as written (ipBlock only). */
  readonly cidr?: string;
}

export interface PolicyView {
  readonly name: string;
  readonly namespace?: string;
  readonly podSelector: LabelSelector;
  /** Directions the policy isolates its pods in (policyTypes, or Ingress plus Egress when it has egress rules). */
  readonly ingress: boolean;
  readonly egress: boolean;
  /** Isolates with no allowing rule in that direction (a deny-all for the selected pods). */
  readonly denyAllIngress: boolean;
  readonly denyAllEgress: boolean;
  /** Egress rules through which a selected pod reaches 169.254.169.254:80. */
  readonly metadataAllows: readonly MetadataAllow[];
}

/** The view of a `networking.k8s.io` NetworkPolicy, or undefined for any other object. */
export function networkPolicyOf(resource: K8sResource): PolicyView | undefined {
  if (resource.kind !== 'NetworkPolicy' || !resource.apiVersion.startsWith('networking.k8s.io/')) return undefined;
  const spec = getMap(resource.node, 'spec');
  const ingressRules = getSeq(spec, 'ingress');
  const egressRules = getSeq(spec, 'egress');
  const typesNode = get(spec, 'policyTypes');
  let ingress: boolean, egress: boolean;
  if (isSeq(typesNode)) {
    const types = typesNode.items.map((t) => str(t));
    ingress = types.includes('Ingress');
    egress = types.includes('Egress');
  } else {
    ingress = true;
    egress = (egressRules?.items.length ?? 0) > 0;
  }
  const metadataAllows: MetadataAllow[] = [];
  if (egress) for (const rule of egressRules?.items ?? []) metadataAllows.push(...metadataAllowsOf(rule));
  return {
    name: resource.name ?? '',
    ...(resource.namespace !== undefined && { namespace: resource.namespace }),
    podSelector: parseLabelSelector(get(spec, 'podSelector')),
    ingress,
    egress,
    denyAllIngress: ingress && (ingressRules?.items.length ?? 0) === 0,
    denyAllEgress: egress && (egressRules?.items.length ?? 0) === 0,
    metadataAllows,
  };
}

/** How one egress rule reaches the metadata endpoint (at most one entry per peer). */
function metadataAllowsOf(rule: unknown): MetadataAllow[] {
  if (!isMap(rule) || !portsAllowMetadata(get(rule, 'ports'))) return [];
  const to = get(rule, 'to');
  if (!isSeq(to) || to.items.length === 0) return [{ reason: 'anyDestination', node: rule as YAMLMap }];
  const out: MetadataAllow[] = [];
  for (const peer of to.items) {
    const block = getMap(peer, 'ipBlock');
    const cidrNode = get(block, 'cidr');
    const cidr = str(cidrNode);
    if (!cidrNode || cidr === undefined || cidrContains(cidr, METADATA_ADDRESS) !== true) continue;
    const excepted = items(get(block, 'except')).some((e) => {
      const ex = str(e);
      return ex !== undefined && cidrContains(ex, METADATA_ADDRESS) === true;
    });
    if (!excepted) out.push({ reason: 'ipBlock', node: cidrNode, cidr });
  }
  return out;
}

/** Whether an egress rule's `ports` let TCP port 80 through (no ports: every port). */
function portsAllowMetadata(ports: unknown): boolean {
  if (!isSeq(ports) || ports.items.length === 0) return true;
  return ports.items.some((p) => {
    if (!isMap(p)) return false;
    const protocol = str(get(p, 'protocol')) ?? 'TCP';
    if (protocol !== 'TCP') return false;
    if (!pairOf(p, 'port')) return true;
    const raw = scalar(get(p, 'port'));
    if (raw === null || raw === undefined) return true;
    const port = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
    // A named port resolves against the destination pod's ports; 169.254.169.254 is not a pod.
    if (typeof port !== 'number') return false;
    const end = scalar(get(p, 'endPort'));
    return typeof end === 'number' ? port <= METADATA_PORT && METADATA_PORT <= end : port === METADATA_PORT;
  });
}
