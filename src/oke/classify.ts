/**
 * Which OKE unit a JSON object is, judged by its keys in any of the three spellings: a cluster
 * (CreateClusterDetails, Cluster), a node pool (CreateNodePoolDetails, NodePool) or a virtual
 * node pool. A Kubernetes object (`apiVersion` and `kind`) is never one.
 */
import { canonicalKey } from './keys.js';
import type { OkeKind } from './model.js';

/** The kind of unit an object with these (raw) keys is, or undefined. */
export function classifyKeys(rawKeys: Iterable<string>): OkeKind | undefined {
  const keys = new Set<string>();
  for (const k of rawKeys) keys.add(canonicalKey(k));
  if (keys.has('apiversion') && keys.has('kind')) return undefined;
  const cluster = keys.has('clusterid');
  if (cluster && (keys.has('podconfiguration') || keys.has('placementconfigurations'))) return 'virtual-node-pool';
  if (cluster && ['nodeshape', 'nodeconfigdetails', 'nodesourcedetails', 'nodeimagename', 'nodeimageid'].some((k) => keys.has(k))) return 'node-pool';
  if (!cluster && ['vcnid', 'endpointconfig', 'clusterpodnetworkoptions'].some((k) => keys.has(k)) && (keys.has('kubernetesversion') || keys.has('name'))) {
    return 'cluster';
  }
  return undefined;
}

/**
 * The candidate unit objects of a parsed JSON document: the root, `data` (CLI output: an envelope
 * holding only `data`, `etag` and `opc-*` keys), each item of a top-level or `data` array, or of
 * `data.items`.
 */
export function candidates<T>(root: T, entries: (node: T) => { key: string; value: T }[] | undefined, items: (node: T) => T[] | undefined): { node: T; path: (string | number)[]; wrapped: boolean }[] {
  const rootEntries = entries(root);
  const data = rootEntries?.find((e) => e.key === 'data')?.value;
  const envelope = rootEntries?.every((e) => e.key === 'data' || e.key === 'etag' || e.key.startsWith('opc-')) ?? false;
  const wrapped = envelope && data !== undefined && (entries(data) !== undefined || items(data) !== undefined);
  const body = wrapped ? (data as T) : root;
  const prefix: (string | number)[] = wrapped ? ['data'] : [];
  const list = items(body);
  if (list) return list.map((node, i) => ({ node, path: [...prefix, i], wrapped }));
  const inner = entries(body)?.find((e) => e.key === 'items')?.value;
  const innerList = inner === undefined ? undefined : items(inner);
  if (innerList) return innerList.map((node, i) => ({ node, path: [...prefix, 'items', i], wrapped }));
  return [{ node: body, path: prefix, wrapped }];
}

const PLAIN = {
  entries: (v: unknown): { key: string; value: unknown }[] | undefined =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.entries(v).map(([key, value]) => ({ key, value })) : undefined,
  items: (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined),
};

/** Distinctive keys of cluster and node-pool JSON, for a cheap first look. */
const MARKERS = /"(?:endpointConfig|endpoint-config|nodeConfigDetails|node-config-details|nodeShape|node-shape|podConfiguration|pod-configuration|clusterPodNetworkOptions|cluster-pod-network-options|vcnId|vcn-id|nodeSourceDetails|node-source-details)"\s*:/;

/**
 * True when `text` is JSON holding OKE cluster, node-pool or virtual node pool configuration
 * (API or CLI). Unless `strict`, text that does not parse is judged by its keys, so a broken
 * `.json` file still goes to the OKE reader and gets its `parse-error`.
 */
export function looksLikeOkeJson(text: string, opts: { readonly strict?: boolean } = {}): boolean {
  if (!MARKERS.test(text)) return false;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return !opts.strict && !/"apiVersion"\s*:/.test(text);
  }
  return candidates(value, PLAIN.entries, PLAIN.items).some((c) => {
    const e = PLAIN.entries(c.node);
    return e !== undefined && classifyKeys(e.map((x) => x.key)) !== undefined;
  });
}
