/**
 * Recognition of the two cluster add-ons the seeds warn about: Tiller (Helm 2's in-cluster
 * server, "no authentication or authorization") and the Kubernetes Dashboard ("a common attack
 * vector"). A workload is recognised by its image first, then by its name, then by its labels;
 * the evidence names what matched and the node to point at.
 */
import type { Node, YAMLMap } from 'yaml';
import { containerImages } from './images.js';
import type { K8sResource } from './resource.js';
import type { Workload } from './workload.js';
import { get, getMap, isScalar, items, pairOf, str } from './yaml-access.js';

/** Why an object is taken for an add-on, as a phrase for messages, and where to point. */
export interface AddonEvidence {
  /** `image "kubernetesui/dashboard:v2.7.0"`, `name "tiller-deploy"`, `label k8s-app=kubernetes-dashboard`. */
  readonly what: string;
  readonly node: Node;
  readonly by: 'image' | 'name' | 'label';
}

/** The last path component of an image repository and the one before it. */
function repoParts(repository: string): { last: string; parent: string } {
  const parts = repository.split('/');
  return { last: parts[parts.length - 1] ?? '', parent: parts[parts.length - 2] ?? '' };
}

/** The value node of label `key` in a metadata map, with the label's value. */
function labelAt(metadata: YAMLMap | undefined, key: string): { value: string; node: Node } | undefined {
  const labels = getMap(metadata, 'labels');
  const pair = labels ? pairOf(labels, key) : undefined;
  const value = str(pair?.value);
  return pair?.value && value !== undefined ? { value, node: pair.value } : undefined;
}

/** The object's own metadata and, for a workload, its pod template's (a Pod's are the same map). */
function metadataMaps(resource: K8sResource, workload: Workload | undefined): YAMLMap[] {
  const out: YAMLMap[] = [];
  if (resource.metadata) out.push(resource.metadata);
  if (workload?.podMetadata && workload.podMetadata !== resource.metadata) out.push(workload.podMetadata);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tiller

/** Whether an image repository is Tiller's (`gcr.io/kubernetes-helm/tiller`, `ghcr.io/helm/tiller`, mirrors). */
export function isTillerImage(repository: string): boolean {
  return repoParts(repository).last === 'tiller';
}

/** Why `resource` (a workload) is Tiller, or undefined. */
export function tillerEvidence(resource: K8sResource, workload: Workload | undefined): AddonEvidence | undefined {
  if (!workload) return undefined;
  for (const image of containerImages(workload)) {
    if (image.parsed.ok && isTillerImage(image.parsed.ref.normalizedRepository)) {
      return { what: `image "${image.value}"`, node: image.node, by: 'image' };
    }
  }
  const nameNode = get(resource.metadata, 'name');
  if (resource.name === 'tiller-deploy' && nameNode) return { what: 'name "tiller-deploy"', node: nameNode, by: 'name' };
  for (const metadata of metadataMaps(resource, workload)) {
    const app = labelAt(metadata, 'app');
    const name = labelAt(metadata, 'name');
    if (app?.value === 'helm' && name?.value === 'tiller') return { what: 'labels app=helm, name=tiller', node: name.node, by: 'label' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes Dashboard

/** Label keys whose value names the application, and the chart label keys. */
const APP_LABELS = ['k8s-app', 'app', 'app.kubernetes.io/name'] as const;
const CHART_LABELS = ['helm.sh/chart', 'chart'] as const;
const DASHBOARD_APP = /^kubernetes-dashboard(?:-(?:api|web|auth))?$/;
const DASHBOARD_CHART = /^kubernetes-dashboard-v?\d/;
const SCRAPER = /metrics-scraper/;

/**
 * Whether an image repository is the Dashboard's: `kubernetesui/dashboard` (and its `-amd64`,
 * `-api`, `-web`, `-auth` variants) or a `kubernetes-dashboard*` repository
 * (`k8s.gcr.io/kubernetes-dashboard-amd64`). The metrics scraper is not the Dashboard.
 */
export function isDashboardImage(repository: string): boolean {
  const { last, parent } = repoParts(repository);
  if (SCRAPER.test(last)) return false;
  return last === 'kubernetes-dashboard' || last.startsWith('kubernetes-dashboard-') || (parent === 'kubernetesui' && /^dashboard(?:-|$)/.test(last));
}

/** Whether an object or service account name is the Dashboard's (`kubernetes-dashboard`, `helm-kubernetes-dashboard`...). */
export function isDashboardName(name: string): boolean {
  return name.includes('kubernetes-dashboard') && !SCRAPER.test(name);
}

/** Whether a Service-style selector picks the Dashboard's pods by their app label. */
export function isDashboardSelector(selector: Readonly<Record<string, string>>): boolean {
  return APP_LABELS.some((k) => DASHBOARD_APP.test(selector[k] ?? ''));
}

/** Why `resource` (a workload) is the Kubernetes Dashboard, or undefined. */
export function dashboardEvidence(resource: K8sResource, workload: Workload | undefined): AddonEvidence | undefined {
  if (!workload) return undefined;
  let scraper = resource.name !== undefined && SCRAPER.test(resource.name);
  for (const image of containerImages(workload)) {
    if (!image.parsed.ok) continue;
    const repository = image.parsed.ref.normalizedRepository;
    if (isDashboardImage(repository)) return { what: `image "${image.value}"`, node: image.node, by: 'image' };
    if (SCRAPER.test(repository)) scraper = true;
  }
  const maps = metadataMaps(resource, workload);
  for (const metadata of maps) {
    for (const key of APP_LABELS) if (SCRAPER.test(labelAt(metadata, key)?.value ?? '')) scraper = true;
  }
  if (scraper) return undefined;
  const nameNode = get(resource.metadata, 'name');
  if (resource.name !== undefined && isDashboardName(resource.name) && nameNode) {
    return { what: `name "${resource.name}"`, node: nameNode, by: 'name' };
  }
  for (const metadata of maps) {
    for (const key of APP_LABELS) {
      const label = labelAt(metadata, key);
      if (label && DASHBOARD_APP.test(label.value)) return { what: `label ${key}=${label.value}`, node: label.node, by: 'label' };
    }
    for (const key of CHART_LABELS) {
      const label = labelAt(metadata, key);
      if (label && DASHBOARD_CHART.test(label.value)) return { what: `chart label ${key}=${label.value}`, node: label.node, by: 'label' };
    }
  }
  return undefined;
}

/** A Dashboard command-line flag that turns authentication off or down. */
export interface InsecureDashboardFlag {
  readonly flag: 'skipLogin' | 'insecureLogin' | 'basicAuth';
  /** The argument as written (flags hold no secrets). */
  readonly text: string;
  readonly node: Node;
  readonly container: string;
}

const TRUE_VALUES = new Set(['', '1', 't', 'T', 'true', 'TRUE', 'True']);

/**
 * `--enable-skip-login`, `--enable-insecure-login` (unless `=false`) and an
 * `--authentication-mode` that includes `basic`, in the `args` and `command` of every container.
 */
export function insecureDashboardFlags(workload: Workload): InsecureDashboardFlag[] {
  const out: InsecureDashboardFlag[] = [];
  for (const c of workload.containers) {
    for (const key of ['command', 'args']) {
      const list = items(get(c.node, key));
      list.forEach((item, i) => {
        const text = str(item);
        if (text === undefined || !isScalar(item)) return;
        const m = /^--(enable-skip-login|enable-insecure-login|authentication-mode)(?:=(.*))?$/.exec(text.trim());
        if (!m) return;
        const [, name, value] = m;
        if (name === 'authentication-mode') {
          const next = list[i + 1];
          const mode = value ?? str(next) ?? '';
          const at = value === undefined && isScalar(next) ? next : item;
          if (mode.split(',').map((s) => s.trim()).includes('basic')) {
            out.push({ flag: 'basicAuth', text: value === undefined ? `${text} ${mode}` : text, node: at, container: c.name });
          }
          return;
        }
        if (!TRUE_VALUES.has(value ?? '')) return;
        out.push({ flag: name === 'enable-skip-login' ? 'skipLogin' : 'insecureLogin', text, node: item, container: c.name });
      });
    }
  }
  return out;
}

/** The service account a pod runs as (`serviceAccountName`, the deprecated `serviceAccount`, else `default`). */
export function serviceAccountOf(workload: Workload): string {
  return str(get(workload.podSpec, 'serviceAccountName')) || str(get(workload.podSpec, 'serviceAccount')) || 'default';
}
