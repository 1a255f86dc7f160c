import rule from '../../../rules/workload/namespace-no-pss-enforce.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ok-restricted
        labels:
          pod-security.kubernetes.io/enforce: restricted
          pod-security.kubernetes.io/enforce-version: v1.30
    `,
    { name: 'baseline with latest, warn and audit labels', code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ok-baseline
        labels:
          pod-security.kubernetes.io/enforce: baseline
          pod-security.kubernetes.io/enforce-version: latest
          pod-security.kubernetes.io/warn: restricted
          pod-security.kubernetes.io/audit: restricted
    ` },
    { name: 'versions newer than any known policy and v1.0 are well-formed', code: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Namespace
          metadata: { name: ok-future, labels: { pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/enforce-version: v1.99 } }
        - apiVersion: v1
          kind: Namespace
          metadata: { name: ok-zero, labels: { pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.0 } }
    ` },
    { name: 'system namespaces are managed by Kubernetes and OKE', code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata: { name: kube-system }
    ` },
    { name: 'not a Namespace', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data: { pod-security.kubernetes.io/enforce: privileged }
    ` },
  ],
  invalid: [
    {
      name: 'no labels: at the name value',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: bad-no-labels
      `,
      errors: [{
        messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 22,
        message: 'Namespace "bad-no-labels" has no pod-security.kubernetes.io/enforce label: unless the cluster configures a default level, the PodSecurity admission controller (enabled by OKE from Kubernetes 1.23) admits any pod here, privileged or not; label it enforce: baseline or restricted.',
      }],
    },
    {
      name: 'labels without enforce (warn and audit only report): at the labels key',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: bad-warn-only
          labels:
            team: payments
            pod-security.kubernetes.io/warn: restricted
            pod-security.kubernetes.io/audit: restricted
      `,
      errors: [{ messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 9 }],
    },
    {
      name: 'no metadata at all: at the kind value',
      code: yaml`
        apiVersion: v1
        kind: Namespace
      `,
      errors: [{ messageId: 'missing', line: 2, column: 7, endColumn: 16 }],
    },
    {
      name: 'enforce privileged: at the label value',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: bad-privileged
          labels:
            pod-security.kubernetes.io/enforce: privileged
            pod-security.kubernetes.io/enforce-version: v1.30
      `,
      errors: [{
        messageId: 'privileged', line: 6, column: 41, endColumn: 51,
        message: 'Namespace "bad-privileged" enforces the privileged Pod Security level: the PodSecurity admission controller checks nothing here, so privileged, host-namespace and hostPath pods are admitted; enforce baseline or restricted, and keep privileged to namespaces for reviewed node agents.',
      }],
    },
    {
      name: 'an unknown level and a malformed version',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: bad-typos
          labels:
            pod-security.kubernetes.io/enforce: Restricted
            pod-security.kubernetes.io/enforce-version: "1.30"
      `,
      errors: [
        {
          messageId: 'invalidLevel', line: 6, column: 41, endColumn: 51,
          message: 'Namespace "bad-typos" sets pod-security.kubernetes.io/enforce to "Restricted", which is not privileged, baseline or restricted: the PodSecurity admission controller rejects the Namespace (and evaluates pods in an existing one at restricted).',
        },
        {
          messageId: 'invalidVersion', line: 7, column: 49, endColumn: 55,
          message: 'Namespace "bad-typos" sets pod-security.kubernetes.io/enforce-version to "1.30", which is not "latest" or "v1.<minor>" (such as v1.30): the PodSecurity admission controller rejects the Namespace (and evaluates pods in an existing one at the latest version).',
        },
      ],
    },
    {
      name: 'malformed versions: leading zero, patch version, v2',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Namespace
            metadata: { name: bad-zero, labels: { pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.05 } }
          - apiVersion: v1
            kind: Namespace
            metadata: { name: bad-patch, labels: { pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/enforce-version: v1.30.2 } }
          - apiVersion: v1
            kind: Namespace
            metadata: { name: bad-empty, labels: { pod-security.kubernetes.io/enforce: "", pod-security.kubernetes.io/enforce-version: v2.0 } }
      `,
      errors: [
        { messageId: 'invalidVersion', line: 6, column: 133 },
        { messageId: 'invalidVersion', line: 9, column: 136 },
        { messageId: 'invalidLevel', line: 12, column: 80 },
        { messageId: 'invalidVersion', line: 12, column: 128 },
      ],
    },
  ],
});
