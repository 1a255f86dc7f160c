import rule from '../../../rules/node/oke-node-pool-boot-volume-kms.js';
import { code, okeTester } from '../../oke/tester.js';

const TF = (body: string): string => `resource "oci_containerengine_node_pool" "workers" {\n  cluster_id = var.cluster\n  name       = "workers"\n  node_shape = "VM.Standard.E4.Flex"\n${body}}\n`;

okeTester.run(rule, {
  valid: [
    { name: 'API: a key', code: '{"name": "p", "clusterId": "c", "nodeShape": "s", "nodeConfigDetails": {"kmsKeyId": "ocid1.key.oc1..k"}}\n' },
    { name: 'Terraform: a key resource', format: 'tf', code: TF('  node_config_details {\n    kms_key_id = oci_kms_key.test_key.id\n  }\n') },
    { name: 'Terraform: a key from terraform.tfvars', format: 'tf', code: TF('  node_config_details {\n    kms_key_id = var.key\n  }\n'), tfvars: 'key = "ocid1.key.oc1..k"\n' },
  ],
  invalid: [
    {
      name: 'API: no key, at nodeConfigDetails',
      code: code`
        {
          "name": "p", "clusterId": "c", "nodeShape": "s",
          "nodeConfigDetails": { "size": 3, "isPvEncryptionInTransitEnabled": true }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 3, endColumn: 22, level: 'warning', message: 'Node pool "p" has no nodeConfigDetails.kmsKeyId: its boot volumes are encrypted with an Oracle-managed key only; set a customer-managed Vault key.' }],
    },
    {
      name: 'CLI get: an empty string',
      code: '{"data": {"name": "p", "cluster-id": "c", "node-shape": "s", "node-config-details": {"kms-key-id": ""}}}\n',
      errors: [{ messageId: 'empty', line: 1, column: 86, message: 'Node pool "p" leaves node-config-details.kms-key-id empty (""): its boot volumes are encrypted with an Oracle-managed key only; set a customer-managed Vault key.' }],
    },
    {
      name: 'Terraform: no node_config_details, at the resource header',
      format: 'tf',
      code: TF('  quantity_per_subnet = 1\n'),
      errors: [{ messageId: 'missing', line: 1, column: 1, message: 'Node pool oci_containerengine_node_pool.workers has no node_config_details.kms_key_id: its boot volumes are encrypted with an Oracle-managed key only; set a customer-managed Vault key.' }],
    },
    {
      name: 'Terraform: the module (each.value) is a note',
      format: 'tf',
      code: TF('  node_config_details {\n    kms_key_id = each.value.volume_kms_key_id\n  }\n'),
      errors: [{ messageId: 'unresolved', line: 6, column: 5, level: 'note' }],
    },
  ],
});
