import rule from '../../../rules/workload/pod-security-policy-removed.js';
import { ruleTester, yaml } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'the replacement: a namespace with PSA labels', code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels: { pod-security.kubernetes.io/enforce: restricted }
    ` },
    { name: 'a custom resource of the same kind in another group', code: yaml`
      apiVersion: example.com/v1
      kind: PodSecurityPolicy
      metadata: { name: not-the-kubernetes-api }
    ` },
    { name: 'other policy/v1beta1 kinds are not this rule', code: yaml`
      apiVersion: policy/v1beta1
      kind: PodDisruptionBudget
      metadata: { name: web }
      spec: { minAvailable: 1, selector: { matchLabels: { app: web } } }
    ` },
  ],
  invalid: [
    {
      name: 'policy/v1beta1, at the kind value',
      code: yaml`
        apiVersion: policy/v1beta1
        kind: PodSecurityPolicy
        metadata:
          name: restricted
        spec:
          privileged: false
          runAsUser: { rule: MustRunAsNonRoot }
          seLinux: { rule: RunAsAny }
          fsGroup: { rule: RunAsAny }
          supplementalGroups: { rule: RunAsAny }
          volumes: [configMap, secret, emptyDir, persistentVolumeClaim]
      `,
      errors: [{
        messageId: 'removed', line: 2, column: 7, endLine: 2, endColumn: 24,
        message: 'PodSecurityPolicy "restricted" (policy/v1beta1) uses an API removed in Kubernetes 1.25: OKE clusters from 1.25 do not run the PodSecurityPolicy admission controller, so it cannot be applied there and constrains nothing; OKE enables the PodSecurity admission controller from 1.23: label namespaces with pod-security.kubernetes.io/enforce instead.',
      }],
    },
    {
      name: 'extensions/v1beta1 in a List and in JSON',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: extensions/v1beta1
            kind: PodSecurityPolicy
            metadata: { name: privileged }
            spec: { privileged: true }
      `,
      errors: [{ messageId: 'removed', line: 5, column: 11, endColumn: 28 }],
    },
    {
      name: 'JSON',
      code: '{"apiVersion": "policy/v1beta1", "kind": "PodSecurityPolicy", "metadata": {"name": "psp"}}\n',
      errors: [{ messageId: 'removed', line: 1, column: 42, endColumn: 61, message: 'PodSecurityPolicy "psp" (policy/v1beta1) uses an API removed in Kubernetes 1.25: OKE clusters from 1.25 do not run the PodSecurityPolicy admission controller, so it cannot be applied there and constrains nothing; OKE enables the PodSecurity admission controller from 1.23: label namespaces with pod-security.kubernetes.io/enforce instead.' }],
    },
  ],
});
