/**
 * @fileoverview Namespace objects that do not enforce a Pod Security Standard: no
 * `pod-security.kubernetes.io/enforce` label, `enforce: privileged`, or a label value the
 * PodSecurity admission controller does not accept.
 */
import { defineRule, get, getMap, pairOf, SYSTEM_NAMESPACES, str, type Report } from '../../src/rule-api.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';
const ENFORCE_VERSION = 'pod-security.kubernetes.io/enforce-version';
/** Upstream api.ParseVersion: `latest` or `v1.<minor>` without leading zeros. */
const VERSION = /^(?:latest|v1\.(?:0|[1-9][0-9]*))$/;

export default defineRule({
  meta: {
    id: 'namespace-no-pss-enforce',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 5.6,
    description: 'A Namespace does not enforce a Pod Security Standard: it has no pod-security.kubernetes.io/enforce label, enforces privileged, or carries an enforce or enforce-version value the PodSecurity admission controller rejects.',
    remediation: 'Label the Namespace with pod-security.kubernetes.io/enforce: restricted (or baseline where a workload needs it) and pin pod-security.kubernetes.io/enforce-version to the cluster\'s minor version, such as v1.30.',
    tags: ['pss', 'namespace-wide', 'cis-k8s:5.2.1'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      missing: 'Namespace "{{name}}" has no {{label}} label: unless the cluster configures a default level, the PodSecurity admission controller (enabled by OKE from Kubernetes 1.23) admits any pod here, privileged or not; label it enforce: baseline or restricted.',
      privileged: 'Namespace "{{name}}" enforces the privileged Pod Security level: the PodSecurity admission controller checks nothing here, so privileged, host-namespace and hostPath pods are admitted; enforce baseline or restricted, and keep privileged to namespaces for reviewed node agents.',
      invalidLevel: 'Namespace "{{name}}" sets {{label}} to "{{value}}", which is not privileged, baseline or restricted: the PodSecurity admission controller rejects the Namespace (and evaluates pods in an existing one at restricted).',
      invalidVersion: 'Namespace "{{name}}" sets {{label}} to "{{value}}", which is not "latest" or "v1.<minor>" (such as v1.30): the PodSecurity admission controller rejects the Namespace (and evaluates pods in an existing one at the latest version).',
    },
  },
  *check(ctx): Generator<Report> {
    const { resource } = ctx;
    if (resource.kind !== 'Namespace' || resource.apiVersion !== 'v1') return;
    const name = resource.name ?? '';
    // kube-system, kube-public and kube-node-lease are managed by Kubernetes and OKE: the
    // cluster's own privileged add-ons (kube-proxy, the CNI, CSI node plugins) run there.
    if (SYSTEM_NAMESPACES.has(name)) return;
    const labelsPair = resource.metadata && pairOf(resource.metadata, 'labels');
    const labels = getMap(resource.metadata, 'labels');
    const enforce = get(labels, ENFORCE);
    const level = str(enforce);
    if (!enforce || level === undefined) {
      const at = labelsPair?.key ?? get(resource.metadata, 'name') ?? resource.kindNode;
      yield { messageId: 'missing', data: { name, label: ENFORCE }, at };
      return;
    }
    if (level === 'privileged') yield { messageId: 'privileged', data: { name }, at: enforce };
    else if (level !== 'baseline' && level !== 'restricted') {
      yield { messageId: 'invalidLevel', data: { name, label: ENFORCE, value: level }, at: enforce };
    }
    const versionNode = get(labels, ENFORCE_VERSION);
    const version = str(versionNode);
    if (versionNode && version !== undefined && !VERSION.test(version)) {
      yield { messageId: 'invalidVersion', data: { name, label: ENFORCE_VERSION, value: version }, at: versionNode };
    }
  },
});
