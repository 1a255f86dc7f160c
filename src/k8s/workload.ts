/**
 * The single workload extractor: the pod spec and containers of every workload kind.
 * No rule spells out `spec.template.spec` itself.
 */
import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import type { K8sResource } from './resource.js';
import { get, getMap, getSeq, pairOf, str } from './yaml-access.js';

export type ContainerRole = 'init' | 'app' | 'ephemeral';

/** Fields a container's securityContext inherits from the pod's securityContext. */
export const INHERITED_FIELDS = [
  'runAsNonRoot', 'runAsUser', 'runAsGroup', 'seLinuxOptions', 'seccompProfile', 'windowsOptions', 'appArmorProfile',
] as const;
export type InheritedField = (typeof INHERITED_FIELDS)[number];

/** A securityContext value with where it came from. */
export interface Effective {
  readonly node: Node;
  readonly from: 'container' | 'pod';
}

export interface ContainerView {
  readonly role: ContainerRole;
  readonly name: string;
  /** The container's map. */
  readonly node: YAMLMap;
  /** `name: x` entry of the container (anchor for missing fields), else the map. */
  readonly anchor: Node | Pair;
  readonly securityContext?: YAMLMap;
  /** The container's own value, else the pod's, for fields that inherit. */
  effective(field: InheritedField): Effective | undefined;
}

export interface Workload {
  readonly resource: K8sResource;
  /** The pod spec map. */
  readonly podSpec: YAMLMap;
  /** The pair holding the pod spec (its key is the anchor for missing pod-level fields). */
  readonly podSpecPair?: Pair;
  /** Pod (template) metadata, for annotations. */
  readonly podMetadata?: YAMLMap;
  readonly podSecurityContext?: YAMLMap;
  readonly containers: readonly ContainerView[];
}

const TEMPLATE_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController', 'Job']);

/** The pod template map (`metadata` + `spec`) of a workload object, or undefined. */
function podTemplateOf(resource: K8sResource): YAMLMap | undefined {
  const { kind, node } = resource;
  if (kind === 'Pod') return node;
  if (kind === 'PodTemplate') return getMap(node, 'template');
  const spec = getMap(node, 'spec');
  if (kind === 'CronJob') return getMap(getMap(getMap(spec, 'jobTemplate'), 'spec'), 'template');
  if (TEMPLATE_KINDS.has(kind)) return getMap(spec, 'template');
  // Any other object carrying spec.template.spec.containers (custom resources such as Argo Rollouts).
  const template = getMap(spec, 'template');
  return getSeq(getMap(template, 'spec'), 'containers') ? template : undefined;
}

/** Extracts the workload view of `resource`, or undefined when it has no pod spec. */
export function workloadOf(resource: K8sResource): Workload | undefined {
  const template = podTemplateOf(resource);
  if (!template) return undefined;
  const podSpecPair = pairOf(template, 'spec');
  const podSpec = podSpecPair?.value;
  if (!isMap(podSpec)) return undefined;
  const podSecurityContext = getMap(podSpec, 'securityContext');
  const containers: ContainerView[] = [];
  const roles: readonly [string, ContainerRole][] = [
    ['initContainers', 'init'], ['containers', 'app'], ['ephemeralContainers', 'ephemeral'],
  ];
  for (const [key, role] of roles) {
    for (const item of getSeq(podSpec, key)?.items ?? []) {
      if (isMap(item)) containers.push(containerView(item, role, podSecurityContext));
    }
  }
  const podMetadata = getMap(template, 'metadata');
  return { resource, podSpec, podSpecPair: podSpecPair as Pair, podMetadata, podSecurityContext, containers };
}

function containerView(node: YAMLMap, role: ContainerRole, podSc: YAMLMap | undefined): ContainerView {
  const namePair = pairOf(node, 'name');
  const securityContext = getMap(node, 'securityContext');
  return {
    role,
    name: str(namePair?.value) ?? '',
    node,
    anchor: namePair ?? node,
    securityContext,
    effective(field) {
      const own = get(securityContext, field);
      if (own !== undefined && !isNull(own)) return { node: own, from: 'container' };
      const inherited = get(podSc, field);
      if (inherited !== undefined && !isNull(inherited)) return { node: inherited, from: 'pod' };
      return undefined;
    },
  };
}

function isNull(node: Node): boolean {
  return 'value' in node && (node as { value: unknown }).value === null;
}
