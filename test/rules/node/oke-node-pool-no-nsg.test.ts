import rule from '../../../rules/node/oke-node-pool-no-nsg.js';
import { code, okeTester } from '../../oke/tester.js';

const TF = (body: string): string => `resource "oci_containerengine_node_pool" "workers" {\n  cluster_id = var.cluster\n  node_shape = "VM.Standard.E4.Flex"\n${body}}\n`;
const NPN = (nsgs: string): string => `  node_config_details {\n    nsg_ids = ["ocid1.nsg.oc1..w"]\n    node_pool_pod_network_option_details {\n      cni_type = "OCI_VCN_IP_NATIVE"\n${nsgs}    }\n  }\n`;

okeTester.run(rule, {
  valid: [
    { name: 'API: worker NSGs, flannel pods', code: '{"name": "p", "clusterId": "c", "nodeShape": "s", "nodeConfigDetails": {"nsgIds": ["ocid1.nsg.oc1..w"], "nodePoolPodNetworkOptionDetails": {"cniType": "FLANNEL_OVERLAY"}}}\n' },
    { name: 'API: VCN-native pods with pod NSGs', code: '{"name": "p", "clusterId": "c", "nodeShape": "s", "nodeConfigDetails": {"nsgIds": ["w"], "nodePoolPodNetworkOptionDetails": {"cniType": "OCI_VCN_IP_NATIVE", "podNsgIds": ["p"]}}}\n' },
    { name: 'API: a virtual node pool with both NSG lists', code: '{"displayName": "v", "clusterId": "c", "nsgIds": ["n"], "podConfiguration": {"shape": "Pod.Standard.E4.Flex", "subnetId": "s", "nsgIds": ["p"]}, "placementConfigurations": []}\n' },
    { name: 'Terraform: NSG references', format: 'tf', code: TF(NPN('      pod_nsg_ids = [oci_core_network_security_group.pods.id]\n')) },
    { name: 'Terraform: the module\'s flannel pod network from tfvars', format: 'tf', code: TF('  node_config_details {\n    nsg_ids = var.nsgs\n    dynamic "node_pool_pod_network_option_details" {\n      for_each = var.cni_type == "npn" ? [1] : []\n      content {\n        cni_type = "OCI_VCN_IP_NATIVE"\n      }\n    }\n  }\n'), tfvars: 'nsgs = ["ocid1.nsg.oc1..w"]\ncni_type = "flannel"\n' },
  ],
  invalid: [
    {
      name: 'API: no worker NSGs, at nodeConfigDetails',
      code: code`
        {
          "name": "p", "clusterId": "c", "nodeShape": "s",
          "nodeConfigDetails": { "size": 3 }
        }
      `,
      errors: [{ messageId: 'noWorkerNsg', line: 3, column: 3, endColumn: 22, level: 'warning', message: 'Node pool "p" sets no nodeConfigDetails.nsgIds: its worker nodes have no network security group, so only the subnet\'s security lists filter their traffic; attach an NSG.' }],
    },
    {
      name: 'CLI get: an empty list, and VCN-native pods with none',
      code: code`
        {
          "data": {
            "name": "p", "cluster-id": "c", "node-shape": "s",
            "node-config-details": {
              "nsg-ids": [],
              "node-pool-pod-network-option-details": { "cni-type": "OCI_VCN_IP_NATIVE", "pod-nsg-ids": [] }
            }
          }
        }
      `,
      errors: [
        { messageId: 'noWorkerNsg', line: 5, column: 7, endColumn: 20, message: 'Node pool "p" sets no node-config-details.nsg-ids: its worker nodes have no network security group, so only the subnet\'s security lists filter their traffic; attach an NSG.' },
        { messageId: 'noPodNsg', line: 6, column: 82, message: 'Node pool "p" sets no node-config-details.node-pool-pod-network-option-details.pod-nsg-ids: its pods get VNICs with no network security group; attach an NSG to the pods.' },
      ],
    },
    {
      name: 'API: a virtual node pool without NSGs',
      code: '{\n  "displayName": "virtual",\n  "clusterId": "c",\n  "podConfiguration": { "shape": "Pod.Standard.E4.Flex", "subnetId": "s" },\n  "placementConfigurations": [{ "subnetId": "s" }]\n}\n',
      errors: [
        { messageId: 'noWorkerNsg', line: 2, column: 3, message: 'Virtual node pool "virtual" sets no nsgIds: its worker nodes have no network security group, so only the subnet\'s security lists filter their traffic; attach an NSG.' },
        { messageId: 'noPodNsg', line: 4, column: 3, message: 'Virtual node pool "virtual" sets no podConfiguration.nsgIds: its pods get VNICs with no network security group; attach an NSG to the pods.' },
      ],
    },
    {
      name: 'Terraform: the provider example (subnet_ids, no node_config_details)',
      format: 'tf',
      code: TF('  subnet_ids = [oci_core_subnet.a.id]\n'),
      errors: [{ messageId: 'noNodeConfig', line: 1, column: 1, message: 'Node pool oci_containerengine_node_pool.workers has no node_config_details (it places nodes with the deprecated subnet list): its worker nodes have no network security group, so only the subnet\'s security lists filter their traffic; use node_config_details with NSGs.' }],
    },
    {
      name: 'Terraform: VCN-native pods without pod_nsg_ids, at the pod network block',
      format: 'tf',
      code: TF(NPN('')),
      errors: [{ messageId: 'noPodNsg', line: 6, column: 5, message: 'Node pool oci_containerengine_node_pool.workers sets no node_config_details.node_pool_pod_network_option_details.pod_nsg_ids: its pods get VNICs with no network security group; attach an NSG to the pods.' }],
    },
    {
      name: 'Terraform: the module (each.value, unknown cni) gives notes',
      format: 'tf',
      code: TF('  node_config_details {\n    nsg_ids = each.value.nsg_ids\n    dynamic "node_pool_pod_network_option_details" {\n      for_each = var.cni_type == "npn" ? [1] : []\n      content {\n        cni_type = "OCI_VCN_IP_NATIVE"\n      }\n    }\n  }\n'),
      errors: [
        { messageId: 'unresolved', line: 5, column: 5, level: 'note', message: 'Node pool oci_containerengine_node_pool.workers: the network security groups could not be resolved (each.value.nsg_ids depends on the resource\'s for_each), so node_config_details.nsg_ids was not checked.' },
        { messageId: 'unresolved', line: 7, column: 7, level: 'note', message: 'Node pool oci_containerengine_node_pool.workers: the network security groups could not be resolved (the dynamic "node_pool_pod_network_option_details" block\'s for_each: var.cni_type is not set in terraform.tfvars or *.auto.tfvars and has no default), so node_config_details.node_pool_pod_network_option_details.pod_nsg_ids was not checked.' },
      ],
    },
  ],
});
