/**
 * @fileoverview Pod volumes whose source is not one of the restricted level's allowed types
 * (PSS restricted, check `restrictedVolumes`, which replaces `hostPathVolumes`).
 */
import type { Node, Pair } from 'yaml';
import { defineRule, get, getSeq, isMap, isScalar, str, type Report } from '../../src/rule-api.js';

/** Volume sources the restricted level allows (one rule since policy v1.0). */
const ALLOWED = new Set([
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret',
]);

/** The other sources of a core/v1 VolumeSource: node-level or network storage mounted directly. */
const KNOWN = new Set([
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume',
  'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk',
  'portworxVolume', 'scaleIO', 'storageos',
]);

export default defineRule({
  meta: {
    id: 'restricted-volume-types',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 5.4,
    description: 'A pod declares a volume whose source is not one of the types the restricted Pod Security Standard allows (configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret).',
    remediation: 'Replace the volume with a configMap, secret, projected, downwardAPI, emptyDir or ephemeral volume, or a persistentVolumeClaim or CSI volume backed by a StorageClass (on OKE, the OCI Block Volume or File Storage CSI driver).',
    tags: ['pss:restricted', 'psa:restrictedVolumes'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      restricted: '{{volume}} uses the restricted volume type "{{type}}"; restricted allows only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes (a volume with no source defaults to emptyDir).',
      unknown: '{{volume}} has "{{type}}", which is not a volume source Kubernetes knows; restricted allows only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes.',
    },
    pss: { level: 'restricted', check: 'restrictedVolumes', since: 0, overrides: 'host-path-volume' },
  },
  *check(ctx): Generator<Report> {
    const volumes = getSeq(ctx.workload()?.podSpec, 'volumes')?.items ?? [];
    // Upstream (check_restrictedVolumes.go, one rule since 1.0): every volume's source must be
    // an allowed type. A volume with only a name (or only null sources) is defaulted to emptyDir
    // by the API server, so it passes. Every other key of a volume is a source: each one that is
    // set and not allowed is reported at its key (a volume naming two sources fails API
    // validation anyway; reporting the forbidden one keeps restricted a superset of baseline).
    for (const [index, volume] of volumes.entries()) {
      if (!isMap(volume)) continue;
      const name = str(get(volume, 'name'));
      const subject = name ? `Volume "${name}"` : `The volume at spec.volumes[${index}]`;
      for (const pair of volume.items as Pair<Node, Node | null>[]) {
        const type = str(pair.key);
        if (type === undefined || type === 'name' || ALLOWED.has(type)) continue;
        if (!pair.value || (isScalar(pair.value) && pair.value.value === null)) continue;
        if (KNOWN.has(type)) yield { messageId: 'restricted', data: { volume: subject, type }, at: pair.key };
        else yield { messageId: 'unknown', data: { volume: subject, type }, at: pair.key };
      }
    }
  },
});
