import rule from '../../../rules/node/oke-node-pool-public-ip.js';
import { code, okeTester } from '../../oke/tester.js';

const SUBNET = (name: string, extra: string): string => `resource "oci_core_subnet" "${name}" {\n  cidr_block = "10.0.22.0/24"\n  vcn_id     = oci_core_vcn.v.id\n${extra}}\n`;

okeTester.run(rule, {
  valid: [
    { name: 'API: nodes with private IPs only', code: '{"name": "p", "clusterId": "c", "nodeShape": "s", "nodes": [{"name": "n1", "privateIp": "10.0.10.2", "publicIp": null}]}\n' },
    { name: 'Terraform: a private subnet of the same file', format: 'tf', code: `${SUBNET('workers', '  prohibit_public_ip_on_vnic = true\n')}resource "oci_containerengine_node_pool" "p" {\n  node_shape = "s"\n  node_config_details {\n    placement_configs {\n      subnet_id = oci_core_subnet.workers.id\n    }\n  }\n}\n` },
    { name: 'Terraform: prohibit_internet_ingress', format: 'tf', code: `${SUBNET('workers', '  prohibit_internet_ingress = "true"\n')}resource "oci_containerengine_node_pool" "p" {\n  node_shape = "s"\n  subnet_ids = [oci_core_subnet.workers.id]\n}\n` },
    { name: 'Terraform: a subnet from elsewhere is not judged', format: 'tf', code: 'resource "oci_containerengine_node_pool" "p" {\n  node_shape = "s"\n  subnet_ids = [var.subnet]\n}\n' },
  ],
  invalid: [
    {
      name: 'API GET output: a node with a public IP, at the key',
      code: code`
        {
          "name": "p", "clusterId": "c", "nodeShape": "s",
          "nodes": [
            { "name": "n1", "privateIp": "10.0.10.2" },
            { "name": "n2", "privateIp": "10.0.10.3", "publicIp": "150.136.1.2" }
          ]
        }
      `,
      errors: [{ messageId: 'nodePublicIp', line: 5, column: 47, endColumn: 72, level: 'warning', message: 'Node pool "p" has a worker node with a public IP address (nodes[1].publicIp): the node is reachable from the internet; move the node pool to a private subnet.' }],
    },
    {
      name: 'CLI: a secondary VNIC that asks for a public IP',
      code: code`
        {
          "data": {
            "name": "p", "cluster-id": "c", "node-shape": "s",
            "node-config-details": { "secondary-vnics": [ { "create-vnic-details": {
              "assign-public-ip": true, "subnet-id": "s" } } ] }
          }
        }
      `,
      errors: [{ messageId: 'assignPublicIp', line: 5, column: 7, message: 'Node pool "p" asks for public IP addresses on its nodes\' VNICs (node-config-details.secondary-vnics[0].create-vnic-details.assign-public-ip is true): the nodes are reachable from the internet; set it to false and use a private subnet.' }],
    },
    {
      name: 'Terraform: the provider example, at each subnet reference',
      format: 'tf',
      code: `${SUBNET('a', '')}${SUBNET('b', '  prohibit_public_ip_on_vnic = false\n')}resource "oci_containerengine_node_pool" "p" {\n  node_shape = "s"\n  subnet_ids = [oci_core_subnet.a.id, oci_core_subnet.b.id]\n}\n`,
      errors: [
        { messageId: 'publicSubnet', line: 12, column: 17, endColumn: 37, message: 'Node pool oci_containerengine_node_pool.p places its worker nodes in subnet oci_core_subnet.a, whose VNICs may have public IPs (prohibit_public_ip_on_vnic is not set, and OCI then lets VNICs in the subnet have public IPs): the nodes get public IP addresses; use a private subnet (prohibit_public_ip_on_vnic = true) with a NAT gateway.' },
        { messageId: 'publicSubnet', line: 12, column: 39, message: 'Node pool oci_containerengine_node_pool.p places its worker nodes in subnet oci_core_subnet.b, whose VNICs may have public IPs (prohibit_public_ip_on_vnic = false): the nodes get public IP addresses; use a private subnet (prohibit_public_ip_on_vnic = true) with a NAT gateway.' },
      ],
    },
    {
      name: 'Terraform: placement_configs in a public subnet',
      format: 'tf',
      code: `${SUBNET('workers', '')}resource "oci_containerengine_node_pool" "p" {\n  node_shape = "s"\n  node_config_details {\n    placement_configs {\n      subnet_id = oci_core_subnet.workers.id\n    }\n  }\n}\n`,
      errors: [{ messageId: 'publicSubnet', line: 9, column: 19 }],
    },
    {
      name: 'Terraform: a subnet whose flag is a variable without a value is a note',
      format: 'tf',
      code: `${SUBNET('workers', '  prohibit_public_ip_on_vnic = var.private\n')}resource "oci_containerengine_node_pool" "p" {\n  node_shape = "s"\n  subnet_ids = [oci_core_subnet.workers.id]\n}\n`,
      errors: [{ messageId: 'unresolved', line: 8, column: 17, level: 'note', message: 'Node pool oci_containerengine_node_pool.p: whether its worker nodes get public IP addresses could not be resolved (prohibit_public_ip_on_vnic: var.private is not set in terraform.tfvars or *.auto.tfvars and has no default), so oci_core_subnet.workers was not checked.' }],
    },
    {
      name: 'Terraform: the subnet flag from terraform.tfvars',
      format: 'tf',
      code: `${SUBNET('workers', '  prohibit_public_ip_on_vnic = var.private\n')}resource "oci_containerengine_node_pool" "p" {\n  node_shape = "s"\n  subnet_ids = [oci_core_subnet.workers.id]\n}\n`,
      tfvars: 'private = false\n',
      errors: [{ messageId: 'publicSubnet', line: 8, column: 17 }],
    },
  ],
});
