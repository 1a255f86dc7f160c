/**
 * @fileoverview Pod volumes that mount a path of the node (`spec.volumes[*].hostPath`)
 * (PSS baseline, check `hostPathVolumes`).
 */
import type { Node } from 'yaml';
import { defineRule, get, getSeq, isMap, isScalar, pairOf, str, type Report } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'host-path-volume',
    layer: 'workload',
    level: 'error',
    securitySeverity: 8.4,
    description: 'A pod declares a hostPath volume, which mounts a file or directory of the node\'s filesystem into its containers.',
    remediation: 'Replace the hostPath volume with an emptyDir, configMap, secret, projected or persistentVolumeClaim volume, or a CSI driver that exposes only what the pod needs.',
    tags: ['pss:baseline', 'psa:hostPathVolumes', 'cis-k8s:5.2.12'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      hostPath: '{{volume}} is a hostPath volume ({{path}}); baseline forbids hostPath volumes: they expose the node\'s filesystem (container runtime sockets, kubelet credentials, other pods\' data) to the pod.',
    },
    pss: { level: 'baseline', check: 'hostPathVolumes', since: 0 },
  },
  *check(ctx): Generator<Report> {
    const volumes = getSeq(ctx.workload()?.podSpec, 'volumes')?.items ?? [];
    // Upstream (check_hostPathVolumes.go, one rule since 1.0): any volume whose hostPath
    // source is set fails, whatever its path or type. A null hostPath decodes to no source.
    for (const [index, volume] of volumes.entries()) {
      if (!isMap(volume)) continue;
      const pair = pairOf(volume, 'hostPath');
      const source = pair?.value;
      if (!pair || !source || isNull(source)) continue;
      const name = str(get(volume, 'name'));
      const path = str(get(source, 'path'));
      yield {
        messageId: 'hostPath',
        data: {
          volume: name ? `Volume "${name}"` : `The volume at spec.volumes[${index}]`,
          path: path !== undefined ? `path "${path}"` : 'no path given',
        },
        at: pair.key,
      };
    }
  },
});

function isNull(node: Node): boolean {
  return isScalar(node) && node.value === null;
}
