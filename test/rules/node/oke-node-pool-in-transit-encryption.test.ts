import rule from '../../../rules/node/oke-node-pool-in-transit-encryption.js';
import { code, okeTester } from '../../oke/tester.js';

const TF = (body: string): string => `resource "oci_containerengine_node_pool" "workers" {\n  cluster_id = var.cluster\n  name       = "workers"\n  node_shape = "VM.Standard.E4.Flex"\n${body}}\n`;

okeTester.run(rule, {
  valid: [
    { name: 'API: enabled', code: '{"name": "p", "clusterId": "c", "nodeShape": "s", "nodeConfigDetails": {"size": 3, "isPvEncryptionInTransitEnabled": true}}\n' },
    { name: 'CLI: "true"', code: '{"data": {"name": "p", "cluster-id": "c", "node-shape": "s", "node-config-details": {"is-pv-encryption-in-transit-enabled": "true"}}}\n' },
    { name: 'Terraform: the boot-volume example (a variable default)', format: 'tf', code: `${TF('  node_config_details {\n    size                                = 1\n    is_pv_encryption_in_transit_enabled = var.transit\n  }\n')}variable "transit" {\n  default = true\n}\n` },
    { name: 'a cluster is not a node pool', code: '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1"}\n' },
    { name: 'a virtual node pool has no such setting', code: '{"displayName": "v", "clusterId": "c", "podConfiguration": {"shape": "Pod.Standard.E4.Flex", "subnetId": "s"}, "placementConfigurations": []}\n' },
  ],
  invalid: [
    {
      name: 'API: false, at the key',
      code: code`
        {
          "name": "p", "clusterId": "c", "nodeShape": "s",
          "nodeConfigDetails": {
            "isPvEncryptionInTransitEnabled": false
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 4, column: 5, endColumn: 44, level: 'warning', message: 'Node pool "p" turns in-transit encryption of its volume attachments off (nodeConfigDetails.isPvEncryptionInTransitEnabled is false): traffic between the nodes and their boot and block volumes is unencrypted; set it to true.' }],
    },
    {
      name: 'CLI get: not set, at node-config-details',
      code: code`
        {
          "data": {
            "name": "p", "cluster-id": "c", "node-shape": "s",
            "node-config-details": { "size": 3 }
          }
        }
      `,
      errors: [{ messageId: 'unset', line: 4, column: 5, endColumn: 26, message: 'Node pool "p" does not set node-config-details.is-pv-encryption-in-transit-enabled, which defaults to false: traffic between the nodes and their boot and block volumes is unencrypted; set it to true.' }],
    },
    {
      name: 'Terraform: the provider example (no node_config_details), at the resource header',
      format: 'tf',
      code: TF('  subnet_ids = [oci_core_subnet.a.id]\n'),
      errors: [{ messageId: 'unset', line: 1, column: 1, endColumn: 51 }],
    },
    {
      name: 'Terraform: the module (each.value) is a note',
      format: 'tf',
      code: TF('  node_config_details {\n    is_pv_encryption_in_transit_enabled = each.value.pv_transit_encryption\n  }\n'),
      errors: [{ messageId: 'unresolved', line: 6, column: 5, level: 'note', message: 'Node pool oci_containerengine_node_pool.workers: in-transit encryption of the volume attachments could not be resolved (each.value.pv_transit_encryption depends on the resource\'s for_each), so node_config_details.is_pv_encryption_in_transit_enabled was not checked.' }],
    },
    {
      name: 'Terraform: false from terraform.tfvars',
      format: 'tf',
      code: TF('  node_config_details {\n    is_pv_encryption_in_transit_enabled = var.transit\n  }\n'),
      tfvars: 'transit = false\n',
      errors: [{ messageId: 'disabled', line: 6, column: 5, message: 'Node pool oci_containerengine_node_pool.workers turns in-transit encryption of its volume attachments off (node_config_details.is_pv_encryption_in_transit_enabled is false, from var.transit in terraform.tfvars): traffic between the nodes and their boot and block volumes is unencrypted; set it to true.' }],
    },
  ],
});
