import rule from '../../../rules/workload/oke-psp-admission.js';
import { code, okeTester } from '../../oke/tester.js';

const TF = (version: string, psp: string): string => `resource "oci_containerengine_cluster" "c" {\n  name               = "c"\n  vcn_id             = var.vcn\n  kubernetes_version = ${version}\n  options {\n    admission_controller_options {\n      is_pod_security_policy_enabled = ${psp}\n    }\n  }\n}\n`;

okeTester.run(rule, {
  valid: [
    { name: 'API: PSP off on 1.24', code: '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.24.1", "options": {"admissionControllerOptions": {"isPodSecurityPolicyEnabled": false}}}\n' },
    { name: 'API: no admission options', code: '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1"}\n' },
    { name: 'Terraform: the provider example (false)', format: 'tf', code: TF('reverse(data.oci_containerengine_cluster_option.o.kubernetes_versions)[0]', 'false') },
  ],
  invalid: [
    {
      name: 'API: enabled on 1.26 (removed)',
      code: code`
        {
          "name": "c", "vcnId": "v", "kubernetesVersion": "v1.26.2",
          "options": { "admissionControllerOptions": { "isPodSecurityPolicyEnabled": true } }
        }
      `,
      errors: [{
        messageId: 'removed', line: 3, column: 48, endColumn: 82, level: 'warning',
        message: 'Cluster "c" enables the PodSecurityPolicy admission controller (options.admissionControllerOptions.isPodSecurityPolicyEnabled) on Kubernetes v1.26.2: PodSecurityPolicy was removed in 1.25, so OKE does not support it and no pod is checked by it; turn it off and enforce Pod Security Standards with the PodSecurity admission controller.',
      }],
    },
    {
      name: 'CLI get: "true" on 1.24 (relied on)',
      code: '{"data": {"name": "c", "vcn-id": "v", "kubernetes-version": "v1.24.1", "options": {"admission-controller-options": {"is-pod-security-policy-enabled": "true"}}}}\n',
      errors: [{ messageId: 'reliedOn', line: 1, column: 117, message: 'Cluster "c" relies on the PodSecurityPolicy admission controller (options.admission-controller-options.is-pod-security-policy-enabled) on Kubernetes v1.24.1: PodSecurityPolicy is deprecated since 1.21 and removed in 1.25, and an upgrade without a migration leaves pods unchecked; migrate to Pod Security Standards (PodSecurity admission) first.' }],
    },
    {
      name: 'Terraform: the boot-volume example (true on v1.20.11)',
      format: 'tf',
      code: TF('"v1.20.11"', 'true'),
      errors: [{ messageId: 'reliedOn', line: 7, column: 7, endColumn: 44 }],
    },
    {
      name: 'Terraform: version from terraform.tfvars',
      format: 'tf',
      code: TF('var.k8s', 'true'),
      tfvars: 'k8s = "v1.25.4"\n',
      errors: [{ messageId: 'removed', line: 7, column: 7, message: 'Cluster oci_containerengine_cluster.c enables the PodSecurityPolicy admission controller (options.admission_controller_options.is_pod_security_policy_enabled) on Kubernetes v1.25.4, from var.k8s in terraform.tfvars: PodSecurityPolicy was removed in 1.25, so OKE does not support it and no pod is checked by it; turn it off and enforce Pod Security Standards with the PodSecurity admission controller.' }],
    },
    {
      name: 'Terraform: a version okelint cannot resolve',
      format: 'tf',
      code: TF('var.k8s', 'true'),
      errors: [{ messageId: 'reliedOn', line: 7, column: 7, message: 'Cluster oci_containerengine_cluster.c relies on the PodSecurityPolicy admission controller (options.admission_controller_options.is_pod_security_policy_enabled) on a Kubernetes version okelint could not resolve (var.k8s is not set in terraform.tfvars or *.auto.tfvars and has no default): PodSecurityPolicy is deprecated since 1.21 and removed in 1.25, and an upgrade without a migration leaves pods unchecked; migrate to Pod Security Standards (PodSecurity admission) first.' }],
    },
    {
      name: 'Terraform: an unknown flag is a note',
      format: 'tf',
      code: TF('"v1.24.1"', 'var.psp'),
      errors: [{ messageId: 'unresolved', line: 7, column: 7, level: 'note' }],
    },
  ],
});
