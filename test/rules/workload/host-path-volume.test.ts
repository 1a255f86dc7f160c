import rule from '../../../rules/workload/host-path-volume.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-pod }
      spec:
        containers:
          - name: web
        volumes:
          - name: cache
            emptyDir: {}
          - name: config
            configMap: { name: web }
    `,
    { name: 'a null hostPath decodes to no source (defaulted to emptyDir)', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-null }
      spec:
        containers:
          - name: web
        volumes:
          - name: scratch
            hostPath:
    ` },
    { name: 'persistent volumes and container mounts are not pod volumes', code: yaml`
      apiVersion: v1
      kind: PersistentVolume
      metadata: { name: pv }
      spec:
        capacity: { storage: 1Gi }
        hostPath: { path: /mnt/data }
    ` },
    { name: 'a hostPath outside spec.volumes is ignored', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: ok-mount }
      spec:
        template:
          spec:
            containers:
              - name: web
                volumeMounts:
                  - { name: data, mountPath: /data }
                hostPath: { path: /data }
            volumes:
              - name: data
                persistentVolumeClaim: { claimName: data }
    ` },
  ],
  invalid: [
    {
      name: 'pod: at the hostPath key, with the path',
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
              hostPath:
                path: /var/run/docker.sock
                type: Socket
      `,
      errors: [{
        messageId: 'hostPath', line: 11, column: 7, endLine: 11, endColumn: 15,
        message: 'Volume "docker" is a hostPath volume (path "/var/run/docker.sock"); baseline forbids hostPath volumes: they expose the node\'s filesystem (container runtime sockets, kubelet credentials, other pods\' data) to the pod.',
      }],
    },
    {
      name: 'deployment: two hostPath volumes, one without a path or a name',
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
                - name: logs
                  hostPath: { path: /var/log }
                - hostPath: {}
      `,
      errors: [
        { messageId: 'hostPath', line: 11, column: 11, endColumn: 19, message: 'Volume "logs" is a hostPath volume (path "/var/log"); baseline forbids hostPath volumes: they expose the node\'s filesystem (container runtime sockets, kubelet credentials, other pods\' data) to the pod.' },
        { messageId: 'hostPath', line: 12, column: 11, endColumn: 19, message: 'The volume at spec.volumes[1] is a hostPath volume (no path given); baseline forbids hostPath volumes: they expose the node\'s filesystem (container runtime sockets, kubelet credentials, other pods\' data) to the pod.' },
      ],
    },
    {
      name: 'cronjob, flow style',
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
                  containers: [{ name: backup }]
                  volumes: [{ name: etc, hostPath: { path: /etc } }]
      `,
      errors: [{ messageId: 'hostPath', line: 11, column: 34, endColumn: 42 }],
    },
    {
      name: 'statefulset at baseline v1.0',
      policy: { level: 'baseline', version: '1.0' },
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
                  hostPath:
                    path: /mnt/disks/ssd0
                    type: DirectoryOrCreate
      `,
      errors: [{ messageId: 'hostPath', line: 12, column: 11, endColumn: 19 }],
    },
  ],
});
