import rule from '../../../rules/workload/manifest-schema.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

const DIGEST = 'sha256:0f3c6a1d2e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';

ruleTester.run(rule, {
  valid: [
    { name: 'a complete Deployment: named and numbered ports, number and string quantities', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        labels: { app: web, "app.kubernetes.io/part-of": shop, enabled: "true" }
        annotations: { "checksum/config": "3f2a" }
      spec:
        replicas: 3
        revisionHistoryLimit: 5
        strategy:
          type: RollingUpdate
          rollingUpdate: { maxSurge: 25%, maxUnavailable: 1 }
        selector:
          matchLabels: { app: web }
          matchExpressions:
            - { key: tier, operator: In, values: [frontend] }
        template:
          metadata:
            labels: { app: web }
          spec:
            automountServiceAccountToken: false
            securityContext:
              runAsNonRoot: true
              runAsUser: 10001
              fsGroup: 10001
              seccompProfile: { type: RuntimeDefault }
              sysctls: [{ name: net.ipv4.ip_local_port_range, value: "1024 65535" }]
            tolerations:
              - { key: dedicated, operator: Equal, value: web, effect: "" }
            containers:
              - name: web
                image: iad.ocir.io/acme/web:1.0@${DIGEST}
                imagePullPolicy: IfNotPresent
                args: ["--port", "8080"]
                ports:
                  - { name: http, containerPort: 8080, protocol: TCP }
                env:
                  - { name: PORT, value: "8080" }
                  - name: POD_IP
                    valueFrom: { fieldRef: { fieldPath: status.podIP } }
                resources:
                  requests: { cpu: 0.25, memory: 128Mi, ephemeral-storage: 1 }
                  limits: { cpu: "1", memory: 256Mi }
                livenessProbe:
                  httpGet: { path: /healthz, port: http, scheme: HTTP }
                  periodSeconds: 10
                readinessProbe:
                  tcpSocket: { port: 8080 }
                lifecycle:
                  preStop: { sleep: { seconds: 5 } }
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: { drop: [ALL] }
                volumeMounts:
                  - { name: tmp, mountPath: /tmp }
            volumes:
              - name: tmp
                emptyDir: { sizeLimit: 64Mi, medium: "" }
              - name: config
                projected:
                  defaultMode: 0444
                  sources:
                    - configMap: { name: web-config, items: [{ key: app.yaml, path: app.yaml }] }
                    - serviceAccountToken: { path: token, expirationSeconds: 3600, audience: api }
    ` },
    { name: 'null means unset; YAML 1.1 booleans; an empty enum value; patch directives', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        creationTimestamp: null
        labels:
      spec:
        $patch: replace
        securityContext:
        hostNetwork: no
        enableServiceLinks: off
        containers:
          - name: app
            image: busybox
            imagePullPolicy: ""
            resources: {}
            securityContext:
              privileged: No
              runAsNonRoot: yes
    ` },
    { name: 'custom resources, other kinds and other API versions are not checked', code: yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: { name: r }
      spec:
        template:
          spec:
            containers: [{ name: a, image: a, securityContex: {} }]
      ---
      apiVersion: extensions/v1beta1
      kind: Deployment
      metadata: { name: old }
      spec:
        template:
          spec:
            containers: [{ name: a, image: a, securityContex: {} }]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { privileged: "true" }
      unknown: field
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: s }
      spec:
        ports: [{ port: 80, targetPort: http }]
        selectr: { app: web }
    ` },
    { name: 'anchors, aliases and merge keys are expanded', code: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: { name: agent }
      spec:
        selector: { matchLabels: &labels { app: agent } }
        template:
          metadata: { labels: *labels }
          spec:
            containers:
              - &base
                name: agent
                image: iad.ocir.io/acme/agent:2.1
                securityContext: &hardened
                  allowPrivilegeEscalation: false
                  runAsNonRoot: true
              - <<: *base
                name: sidecar
                securityContext:
                  <<: *hardened
                  readOnlyRootFilesystem: true
    ` },
    { name: 'kubectl get -o yaml output: status, managedFields, ownerReferences', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-7d9c
        uid: 3c1b2f4e-0000-4000-8000-000000000001
        resourceVersion: "4711"
        generation: 1
        creationTimestamp: "2026-11-20T10:00:00Z"
        ownerReferences:
          - { apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9c, uid: 3c1b2f4e-0000-4000-8000-000000000002, controller: true, blockOwnerDeletion: true }
        managedFields:
          - manager: kube-controller-manager
            operation: Update
            apiVersion: v1
            time: "2026-11-20T10:00:00Z"
            fieldsType: FieldsV1
            fieldsV1: { "f:metadata": { "f:labels": { ".": {} } } }
      spec:
        containers: [{ name: web, image: nginx }]
        nodeName: worker-1
      status:
        phase: Running
        podIP: 10.0.0.5
        anythingNewer: { fine: true }
    ` },
    { name: 'StatefulSet with volumeClaimTemplates; Job; PodTemplate; ReplicationController', code: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: { name: db }
      spec:
        serviceName: db
        selector: { matchLabels: { app: db } }
        persistentVolumeClaimRetentionPolicy: { whenDeleted: Retain, whenScaled: Delete }
        template:
          metadata: { labels: { app: db } }
          spec:
            containers: [{ name: db, image: postgres, volumeMounts: [{ name: data, mountPath: /var/lib/postgresql }] }]
        volumeClaimTemplates:
          - apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: { name: data }
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: oci-bv
              resources: { requests: { storage: 50Gi } }
      ---
      apiVersion: batch/v1
      kind: Job
      metadata: { name: migrate }
      spec:
        backoffLimit: 2
        ttlSecondsAfterFinished: 600
        podFailurePolicy:
          rules:
            - action: FailJob
              onExitCodes: { operator: In, values: [42] }
        template:
          spec:
            restartPolicy: Never
            containers: [{ name: migrate, image: migrate }]
      ---
      apiVersion: v1
      kind: PodTemplate
      metadata: { name: tpl }
      template:
        metadata: { labels: { app: tpl } }
        spec:
          containers: [{ name: a, image: a }]
      ---
      apiVersion: v1
      kind: ReplicationController
      metadata: { name: rc }
      spec:
        replicas: 1
        selector: { app: rc }
        template:
          metadata: { labels: { app: rc } }
          spec:
            containers: [{ name: a, image: a }]
    ` },
  ],
  invalid: [
    { name: 'pod-level misspelling, at the key, naming the closest field', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: p }
      spec:
        securityContex:
          runAsNonRoot: true
        containers: [{ name: app, image: app }]
    `, errors: [{
      messageId: 'unknownField', line: 5, column: 3, endLine: 5, endColumn: 17,
      message: 'PodSpec has no field "securityContex" (did you mean "securityContext"?); Kubernetes rejects the object or drops the field, so the setting never takes effect.',
    }] },
    { name: 'container- and securityContext-level misspellings, case-insensitive match', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: p }
      spec:
        containers:
          - name: app
            image: app
            securityContext:
              runAsNonroot: true
              allowPrivilegeEscalaton: false
          - name: sidecar
            image: sidecar
            securityContex:
              privileged: false
    `, errors: [
      { messageId: 'unknownField', line: 9, column: 9, message: 'SecurityContext has no field "runAsNonroot" (did you mean "runAsNonRoot"?); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
      { messageId: 'unknownField', line: 10, column: 9, message: 'SecurityContext has no field "allowPrivilegeEscalaton" (did you mean "allowPrivilegeEscalation"?); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
      { messageId: 'unknownField', line: 13, column: 7, endLine: 13, endColumn: 21, message: 'Container has no field "securityContex" (did you mean "securityContext"?); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
    ] },
    { name: 'metadata-level misspellings and a top-level one', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        lables: { app: p }
        Annotations: { note: x }
      spce:
        containers: [{ name: app, image: app }]
    `, errors: [
      { messageId: 'unknownField', line: 5, column: 3, message: 'ObjectMeta has no field "lables" (did you mean "labels"?); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
      { messageId: 'unknownField', line: 6, column: 3, message: 'ObjectMeta has no field "Annotations" (did you mean "annotations"?); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
      { messageId: 'unknownField', line: 7, column: 1, message: 'Pod has no field "spce" (did you mean "spec"?); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
    ] },
    { name: 'an unknown field with no close match names none', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: p }
      spec:
        containers:
          - name: app
            image: app
            sandbox: gvisor
    `, errors: [{
      messageId: 'unknownField', line: 8, column: 7,
      message: 'Container has no field "sandbox"; Kubernetes rejects the object or drops the field, so the setting never takes effect.',
    }] },
    { name: 'fields one level off name where they belong', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: d }
      spec:
        selector:
          app: d
        template:
          metadata: { labels: { app: d } }
          spec:
            securityContext:
              privileged: true
            containers:
              - name: app
                image: app
                runAsUser: 1000
                limit: { memory: 1Gi }
    `, errors: [
      { messageId: 'unknownField', line: 6, column: 5, message: 'LabelSelector has no field "app" (it belongs in matchLabels); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
      { messageId: 'unknownField', line: 11, column: 9, message: 'PodSecurityContext has no field "privileged" (it belongs in each container\'s securityContext); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
      { messageId: 'unknownField', line: 15, column: 11, message: 'Container has no field "runAsUser" (it belongs in the container\'s securityContext); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
      { messageId: 'unknownField', line: 16, column: 11, message: 'Container has no field "limit" (it belongs in the container\'s resources, as "limits"); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
    ] },
    { name: 'wrong types, at the value', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        labels: { app: p, replicas: 3 }
      spec:
        hostPID: "false"
        containers:
          - name: app
            image: app
            ports: [{ containerPort: "8080" }]
            env:
              - { name: TIMEOUT, value: 30 }
            securityContext:
              privileged: "true"
              runAsUser: 1000.5
              capabilities: { drop: ALL }
    `, errors: [
      { messageId: 'wrongType', line: 5, column: 31, message: 'metadata.labels.replicas must be a string, not a number; Kubernetes rejects the object, and checks that expect a string cannot read the value.' },
      { messageId: 'wrongType', line: 7, column: 12, message: 'spec.hostPID must be a boolean, not a string ("false"); Kubernetes rejects the object, and checks that expect a boolean cannot read the value.' },
      { messageId: 'wrongType', line: 11, column: 32 },
      { messageId: 'wrongType', line: 13, column: 35, message: 'spec.containers[0].env[0].value must be a string, not a number; Kubernetes rejects the object, and checks that expect a string cannot read the value.' },
      { messageId: 'wrongType', line: 15, column: 21, endLine: 15, endColumn: 27, message: 'spec.containers[0].securityContext.privileged must be a boolean, not a string ("true"); Kubernetes rejects the object, and checks that expect a boolean cannot read the value.' },
      { messageId: 'wrongType', line: 16, column: 20, message: 'spec.containers[0].securityContext.runAsUser must be an integer, not a number (1000.5); Kubernetes rejects the object, and checks that expect an integer cannot read the value.' },
      { messageId: 'wrongType', line: 17, column: 31, message: 'spec.containers[0].securityContext.capabilities.drop must be a list, not a string ("ALL"); Kubernetes rejects the object, and checks that expect a list cannot read the value.' },
    ] },
    { name: 'int-or-string ports and quantities: other types are reported once', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: p }
      spec:
        containers:
          - name: app
            image: app
            readinessProbe:
              httpGet: { port: 80.5 }
            resources:
              limits: { cpu: [1], memory: true }
    `, errors: [
      { messageId: 'wrongType', line: 9, column: 26, message: 'spec.containers[0].readinessProbe.httpGet.port must be an integer or a string, not a number (80.5); Kubernetes rejects the object, and checks that expect an integer or a string cannot read the value.' },
      { messageId: 'wrongType', line: 11, column: 24, message: 'spec.containers[0].resources.limits.cpu must be a number or a string, not a list; Kubernetes rejects the object, and checks that expect a number or a string cannot read the value.' },
      { messageId: 'wrongType', line: 11, column: 37 },
    ] },
    { name: 'a YAML 1.1 boolean where a string is expected', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        labels: { istio-injection: on }
      spec:
        containers: [{ name: app, image: app }]
    `, errors: [{
      messageId: 'wrongType', line: 5, column: 30,
      message: 'metadata.labels["istio-injection"] must be a string, not the YAML 1.1 boolean on, as Kubernetes reads it; Kubernetes rejects the object, and checks that expect a string cannot read the value.',
    }] },
    { name: 'values outside the enum', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: p }
      spec:
        restartPolicy: Sometimes
        containers:
          - name: app
            image: app
            imagePullPolicy: always
            ports: [{ containerPort: 53, protocol: udp }]
            securityContext:
              seccompProfile: { type: "" }
    `, errors: [
      { messageId: 'badEnum', line: 5, column: 18, message: 'spec.restartPolicy is "Sometimes", which is not one of: Always, Never, OnFailure.' },
      { messageId: 'badEnum', line: 9, column: 24, message: 'spec.containers[0].imagePullPolicy is "always", which is not one of: Always, IfNotPresent, Never.' },
      { messageId: 'badEnum', line: 10, column: 46 },
      { messageId: 'badEnum', line: 12, column: 33, message: 'spec.containers[0].securityContext.seccompProfile.type is "", which is not one of: Localhost, RuntimeDefault, Unconfined.' },
    ] },
    { name: 'Deployment: the pod template is checked too', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: d }
      spec:
        replicas: 2
        selector: { matchLabels: { app: d } }
        strategy: { type: Rolling }
        template:
          metadata:
            labels: { app: d }
          spec:
            containers:
              - name: app
                image: app
                securityContext: { readOnlyRootFileSystem: true }
    `, errors: [
      { messageId: 'badEnum', line: 7, column: 21, message: 'spec.strategy.type is "Rolling", which is not one of: Recreate, RollingUpdate.' },
      { messageId: 'unknownField', line: 15, column: 30, message: 'SecurityContext has no field "readOnlyRootFileSystem" (did you mean "readOnlyRootFilesystem"?); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
    ] },
    { name: 'CronJob: jobTemplate.spec.template.spec', code: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: { name: nightly }
      spec:
        schedule: "0 3 * * *"
        concurrencyPolicy: Forbid
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                serviceAcountName: reporter
                containers:
                  - name: report
                    image: report
    `, errors: [{
      messageId: 'unknownField', line: 12, column: 11,
      message: 'PodSpec has no field "serviceAcountName" (did you mean "serviceAccountName"?); Kubernetes rejects the object or drops the field, so the setting never takes effect.',
    }] },
    { name: 'the items of a List', code: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata: { name: a }
          spec:
            containers: [{ name: a, image: a, imagePullPolicy: Alwayz }]
        - apiVersion: apps/v1
          kind: ReplicaSet
          metadata: { name: b }
          spec:
            selector: { matchLabels: { app: b } }
            template:
              metadata: { labels: { app: b } }
              spec:
                hostnetwork: true
                containers: [{ name: b, image: b }]
    `, errors: [
      { messageId: 'badEnum', line: 8, column: 58 },
      { messageId: 'unknownField', line: 17, column: 11, message: 'PodSpec has no field "hostnetwork" (did you mean "hostNetwork"?); Kubernetes rejects the object or drops the field, so the setting never takes effect.' },
    ] },
    { name: 'a typo inside an anchor is reported once, where it is written', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: p }
      spec:
        containers:
          - name: a
            image: a
            securityContext: &sc
              runAsNonRoot: true
              privilegd: false
          - name: b
            image: b
            securityContext: *sc
          - name: c
            image: c
            securityContext:
              <<: *sc
              readOnlyRootFilesystem: true
    `, errors: [{ messageId: 'unknownField', line: 10, column: 9 }] },
    { name: 'an unknown field in a StatefulSet volumeClaimTemplate', code: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: { name: db }
      spec:
        selector: { matchLabels: { app: db } }
        template:
          metadata: { labels: { app: db } }
          spec:
            containers: [{ name: db, image: db }]
        volumeClaimTemplates:
          - metadata: { name: data }
            specs: { accessModes: [ReadWriteOnce] }
    `, errors: [{
      messageId: 'unknownField', line: 12, column: 7,
      message: 'the object at spec.volumeClaimTemplates[0] has no field "specs" (did you mean "spec"?); Kubernetes rejects the object or drops the field, so the setting never takes effect.',
    }] },
  ],
});
