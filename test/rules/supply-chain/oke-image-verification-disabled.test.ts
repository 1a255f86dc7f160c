import rule from '../../../rules/supply-chain/oke-image-verification-disabled.js';
import { code, okeTester } from '../../oke/tester.js';

const TF = (body: string): string => `resource "oci_containerengine_cluster" "c" {\n  name   = "c"\n  vcn_id = var.vcn\n${body}}\n`;

okeTester.run(rule, {
  valid: [
    { name: 'API: enabled with a key', code: '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1", "imagePolicyConfig": {"isPolicyEnabled": true, "keyDetails": [{"kmsKeyId": "ocid1.key.oc1..k"}]}}\n' },
    { name: 'CLI: "true" with a key', code: '{"data": {"name": "c", "vcn-id": "v", "kubernetes-version": "v1.31.1", "image-policy-config": {"is-policy-enabled": "true", "key-details": [{"kms-key-id": "ocid1.key.oc1..k"}]}}}\n' },
    { name: 'Terraform: a key from a data source (set, known after plan)', format: 'tf', code: TF('  image_policy_config {\n    is_policy_enabled = "true"\n    key_details {\n      kms_key_id = data.oci_kms_keys.k.keys[0].id\n    }\n  }\n') },
    { name: 'Terraform: dynamic key_details over a tfvars list', format: 'tf', code: TF('  image_policy_config {\n    is_policy_enabled = true\n    dynamic "key_details" {\n      for_each = var.keys\n      content {\n        kms_key_id = key_details.value\n      }\n    }\n  }\n'), tfvars: 'keys = ["ocid1.key.oc1..k"]\n' },
  ],
  invalid: [
    {
      name: 'API: no image policy, at the name',
      code: '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1"}\n',
      errors: [{ messageId: 'noPolicy', line: 1, column: 2, endColumn: 13, level: 'warning', message: 'Cluster "c" has no imagePolicyConfig: image signature verification is off (the default), so the cluster runs images whatever their signature; enable an image policy with a Vault key.' }],
    },
    {
      name: 'CLI get: disabled',
      code: code`
        {
          "data": {
            "name": "c", "vcn-id": "v", "kubernetes-version": "v1.31.1",
            "image-policy-config": {
              "is-policy-enabled": false,
              "key-details": []
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 5, column: 7, endColumn: 33, message: 'Cluster "c" does not verify image signatures (image-policy-config.is-policy-enabled is false): tampered or unknown images can run; enable the image policy with a Vault key.' }],
    },
    {
      name: 'API: enabled without keys, at the flag',
      code: code`
        {
          "name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1",
          "imagePolicyConfig": {
            "isPolicyEnabled": true,
            "keyDetails": []
          }
        }
      `,
      errors: [{ messageId: 'noKeys', line: 4, column: 5, message: 'Cluster "c" enables image verification but names no key in imagePolicyConfig.keyDetails: no signature can be verified; add the Vault key your images are signed with.' }],
    },
    {
      name: 'API: a policy object without isPolicyEnabled (default false), at its key',
      code: code`
        {
          "name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1",
          "imagePolicyConfig": { "keyDetails": [{ "kmsKeyId": "k" }] }
        }
      `,
      errors: [{ messageId: 'notEnabled', line: 3, column: 3, endColumn: 22, message: 'Cluster "c" does not set imagePolicyConfig.isPolicyEnabled, which defaults to false: image signature verification is off; set it to true with a Vault key.' }],
    },
    {
      name: 'Terraform: the module\'s dynamic block with an empty for_each, at the dynamic block',
      format: 'tf',
      code: TF('  dynamic "image_policy_config" {\n    for_each = var.use_signed_images ? [1] : []\n    content {\n      is_policy_enabled = true\n    }\n  }\n'),
      tfvars: 'use_signed_images = false\n',
      errors: [{
        messageId: 'noPolicy', line: 4, column: 3, endColumn: 32,
        message: 'Cluster oci_containerengine_cluster.c has no image_policy_config (the dynamic "image_policy_config" block\'s for_each is empty, from var.use_signed_images in terraform.tfvars): image signature verification is off (the default), so the cluster runs images whatever their signature; enable an image policy with a Vault key.',
      }],
    },
    {
      name: 'Terraform: the same block with an unknown for_each is a note',
      format: 'tf',
      code: TF('  dynamic "image_policy_config" {\n    for_each = var.use_signed_images ? [1] : []\n    content {\n      is_policy_enabled = true\n    }\n  }\n'),
      errors: [{ messageId: 'unresolved', line: 5, column: 5, level: 'note', message: 'Cluster oci_containerengine_cluster.c: the image verification policy could not be resolved (the dynamic "image_policy_config" block\'s for_each: var.use_signed_images is not set in terraform.tfvars or *.auto.tfvars and has no default), so image_policy_config was not checked.' }],
    },
    {
      name: 'Terraform: a key that is a variable without a value is a note',
      format: 'tf',
      code: TF('  image_policy_config {\n    is_policy_enabled = true\n    key_details {\n      kms_key_id = var.key\n    }\n  }\n'),
      errors: [{ messageId: 'unresolved', line: 7, column: 7, level: 'note' }],
    },
    {
      name: 'Terraform: "false" as a string',
      format: 'tf',
      code: TF('  image_policy_config {\n    is_policy_enabled = "false"\n  }\n'),
      errors: [{ messageId: 'disabled', line: 5, column: 5, message: 'Cluster oci_containerengine_cluster.c does not verify image signatures (image_policy_config.is_policy_enabled is "false"): tampered or unknown images can run; enable the image policy with a Vault key.' }],
    },
  ],
});
