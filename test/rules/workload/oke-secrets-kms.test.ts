import rule from '../../../rules/workload/oke-secrets-kms.js';
import { code, okeTester } from '../../oke/tester.js';

const TF = (body: string): string => `resource "oci_containerengine_cluster" "c" {\n  name   = "c"\n  vcn_id = var.vcn\n${body}}\n`;

okeTester.run(rule, {
  valid: [
    { name: 'API: a Vault key', code: '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1", "kmsKeyId": "ocid1.key.oc1..k"}\n' },
    { name: 'CLI: a Vault key', code: '{"data": {"name": "c", "vcn-id": "v", "kubernetes-version": "v1.31.1", "kms-key-id": "ocid1.key.oc1..k"}}\n' },
    { name: 'Terraform: a reference to a key resource (set once applied)', format: 'tf', code: TF('  kms_key_id = oci_kms_key.secrets.id\n') },
    { name: 'Terraform: the module\'s expression with a key in terraform.tfvars', format: 'tf', code: TF('  kms_key_id = coalesce(var.key, "none") != "none" ? var.key : null\n'), tfvars: 'key = "ocid1.key.oc1..k"\n' },
  ],
  invalid: [
    {
      name: 'API: no kmsKeyId, at the name',
      code: code`
        {
          "compartmentId": "ocid1.compartment.oc1..a",
          "name": "prod",
          "vcnId": "v",
          "kubernetesVersion": "v1.31.1"
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 3, endColumn: 17, level: 'warning', message: 'Cluster "prod" has no kmsKeyId: Kubernetes Secrets are encrypted at rest with an Oracle-managed key only; set a customer-managed Vault key.' }],
    },
    {
      name: 'CLI list output has no kms-key-id: a note, not a guess',
      code: '{\n  "data": [\n    { "name": "a", "vcn-id": "v", "kubernetes-version": "v1.31.1" }\n  ]\n}\n',
      errors: [{ messageId: 'notListed', line: 3, column: 7, level: 'note', message: 'Cluster "a" comes from list output, which does not include kms-key-id: the key that encrypts Kubernetes Secrets was not checked; lint the cluster\'s get output (oci ce cluster get) instead.' }],
    },
    {
      name: 'CLI get: null, at the key',
      code: code`
        {
          "data": {
            "kms-key-id": null,
            "name": "prod", "vcn-id": "v", "kubernetes-version": "v1.31.1"
          }
        }
      `,
      errors: [{ messageId: 'empty', line: 3, column: 5, endColumn: 23, message: 'Cluster "prod" leaves kms-key-id empty (null): Kubernetes Secrets are encrypted at rest with an Oracle-managed key only; set a customer-managed Vault key.' }],
    },
    {
      name: 'Terraform: the module\'s expression with no key in terraform.tfvars',
      format: 'tf',
      code: TF('  kms_key_id = coalesce(var.key, "none") != "none" ? var.key : null\n'),
      tfvars: 'key = null\n',
      errors: [{ messageId: 'empty', line: 4, column: 3, message: 'Cluster oci_containerengine_cluster.c leaves kms_key_id empty (null, from var.key in terraform.tfvars): Kubernetes Secrets are encrypted at rest with an Oracle-managed key only; set a customer-managed Vault key.' }],
    },
    {
      name: 'Terraform: the same expression with no tfvars is a note',
      format: 'tf',
      code: TF('  kms_key_id = coalesce(var.key, "none") != "none" ? var.key : null\n'),
      errors: [{ messageId: 'unresolved', line: 4, column: 3, level: 'note', message: 'Cluster oci_containerengine_cluster.c: the key that encrypts Kubernetes Secrets could not be resolved (var.key is not set in terraform.tfvars or *.auto.tfvars and has no default), so kms_key_id was not checked.' }],
    },
    {
      name: 'Terraform: no kms_key_id, at the resource header',
      format: 'tf',
      code: TF(''),
      errors: [{ messageId: 'missing', line: 1, column: 1, endColumn: 43 }],
    },
  ],
});
