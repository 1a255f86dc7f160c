import rule from '../../../rules/workload/restricted-volume-types.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const ALLOWED = 'restricted allows only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes';

ruleTester.run(rule, {
  valid: [
    { name: 'every allowed type, and a source-less volume (defaulted to emptyDir)', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        containers:
          - name: web
        volumes:
          - name: defaulted
          - { name: cache, emptyDir: { medium: Memory } }
          - { name: cfg, configMap: { name: web } }
          - { name: creds, secret: { secretName: web } }
          - { name: data, persistentVolumeClaim: { claimName: data } }
          - { name: info, downwardAPI: { items: [] } }
          - { name: token, projected: { sources: [] } }
          - { name: vault, csi: { driver: secrets-store.csi.k8s.io, readOnly: true } }
          - name: scratch
            ephemeral:
              volumeClaimTemplate:
                spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
          - { name: model, image: { reference: "iad.ocir.io/acme/model:1", pullPolicy: IfNotPresent } }
    ` },
    { name: 'null sources decode to no source', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-null }
      spec:
        template:
          spec:
            containers:
              - name: web
            volumes:
              - name: scratch
                hostPath:
                nfs: null
    ` },
    { name: 'the rule is not version-dependent: the allowed types pass at restricted v1.0', policy: { version: '1.0' }, code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-old }
      spec:
        containers:
          - name: web
        volumes:
          - { name: cache, emptyDir: {} }
    ` },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: PersistentVolume
      metadata: { name: pv }
      spec:
        nfs: { server: 10.0.0.5, path: /export }
    ` },
  ],
  invalid: [
    {
      name: 'pod: hostPath, at the source key',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad-pod }
        spec:
          containers:
            - name: web
          volumes:
            - name: cache
              emptyDir: {}
            - name: docker
              hostPath: { path: /var/run/docker.sock }
      `,
      errors: [{
        messageId: 'restricted', line: 11, column: 7, endLine: 11, endColumn: 15,
        message: `Volume "docker" uses the restricted volume type "hostPath"; ${ALLOWED} (a volume with no source defaults to emptyDir).`,
      }],
    },
    {
      name: 'deployment: nfs, iscsi and gitRepo; one finding per volume',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-deploy }
        spec:
          template:
            spec:
              containers:
                - name: web
              volumes:
                - name: shared
                  nfs: { server: 10.0.10.5, path: /exports/shared }
                - name: lun
                  iscsi: { targetPortal: "10.0.10.6:3260", iqn: "iqn.2001-04.com.example:storage", lun: 0 }
                - gitRepo: { repository: "https://github.com/acme/site" }
      `,
      errors: [
        { messageId: 'restricted', line: 11, column: 11, endColumn: 14 },
        { messageId: 'restricted', line: 13, column: 11, endColumn: 16 },
        { messageId: 'restricted', line: 14, column: 11, endColumn: 18, message: `The volume at spec.volumes[2] uses the restricted volume type "gitRepo"; ${ALLOWED} (a volume with no source defaults to emptyDir).` },
      ],
    },
    {
      name: 'cronjob: an unknown source (a typo is not silently an emptyDir)',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: bad-cron }
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{ name: report }]
                  volumes: [{ name: cfg, configmap: { name: report } }]
      `,
      errors: [{
        messageId: 'unknown', line: 11, column: 34, endColumn: 43,
        message: `Volume "cfg" has "configmap", which is not a volume source Kubernetes knows; ${ALLOWED}.`,
      }],
    },
    {
      name: 'statefulset at restricted v1.0: a forbidden source next to an allowed one is still reported',
      policy: { version: '1.0' },
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: bad-sts }
        spec:
          serviceName: db
          template:
            spec:
              containers:
                - name: db
              volumes:
                - name: data
                  emptyDir: {}
                  hostPath: { path: /mnt/disks/ssd0 }
                - name: disk
                  awsElasticBlockStore: { volumeID: vol-1 }
      `,
      errors: [
        { messageId: 'restricted', line: 13, column: 11, endColumn: 19 },
        { messageId: 'restricted', line: 15, column: 11, endColumn: 31 },
      ],
    },
  ],
});
