import rule from '../../../rules/workload/oke-basic-cluster.js';
import { okeTester } from '../../oke/tester.js';

const TF = (body: string): string => `resource "oci_containerengine_cluster" "c" {\n  name   = "c"\n  vcn_id = var.vcn\n${body}}\n`;

okeTester.run(rule, {
  valid: [
    { name: 'API: enhanced', code: '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1", "type": "ENHANCED_CLUSTER"}\n' },
    { name: 'CLI: enhanced', code: '{"data": {"name": "c", "vcn-id": "v", "kubernetes-version": "v1.31.1", "type": "ENHANCED_CLUSTER"}}\n' },
    { name: 'Terraform: the module\'s "enhanced" from tfvars', format: 'tf', code: TF('  type = var.cluster_type\n'), tfvars: 'cluster_type = "enhanced"\n' },
    { name: 'a node pool has no type', code: '{"name": "p", "clusterId": "c", "nodeShape": "VM.Standard.E4.Flex"}\n' },
  ],
  invalid: [
    {
      name: 'API: no type (the API default is basic), at the name',
      code: '{\n  "name": "c",\n  "vcnId": "v",\n  "kubernetesVersion": "v1.31.1"\n}\n',
      errors: [{ messageId: 'unset', line: 2, column: 3, endColumn: 14, level: 'warning', message: 'Cluster "c" does not set type, so the API and CLI create a basic cluster: no workload identity, and pods that call OCI use the node\'s instance principal or baked-in keys; make it an ENHANCED_CLUSTER.' }],
    },
    {
      name: 'CLI get: BASIC_CLUSTER',
      code: '{\n  "data": {\n    "name": "c", "vcn-id": "v", "kubernetes-version": "v1.31.1",\n    "type": "BASIC_CLUSTER"\n  }\n}\n',
      errors: [{ messageId: 'basic', line: 4, column: 5, endColumn: 28, message: 'Cluster "c" is a basic cluster (type is "BASIC_CLUSTER"): no workload identity, and pods that call OCI use the node\'s instance principal or baked-in keys; make it an ENHANCED_CLUSTER.' }],
    },
    {
      name: 'Terraform: basic from terraform.tfvars',
      format: 'tf',
      code: TF('  type = var.cluster_type\n'),
      tfvars: 'cluster_type = "BASIC_CLUSTER"\n',
      errors: [{ messageId: 'basic', line: 4, column: 3, message: 'Cluster oci_containerengine_cluster.c is a basic cluster (type is "BASIC_CLUSTER", from var.cluster_type in terraform.tfvars): no workload identity, and pods that call OCI use the node\'s instance principal or baked-in keys; make it an ENHANCED_CLUSTER.' }],
    },
    {
      name: 'Terraform: no type, at the resource header',
      format: 'tf',
      code: TF(''),
      errors: [{ messageId: 'unset', line: 1, column: 1 }],
    },
    {
      name: 'Terraform: an unknown type value is a note',
      format: 'tf',
      code: TF('  type = "STANDARD"\n'),
      errors: [{ messageId: 'unknown', line: 4, column: 3, level: 'note', message: 'Cluster oci_containerengine_cluster.c sets type to "STANDARD", which is neither BASIC_CLUSTER nor ENHANCED_CLUSTER: whether the cluster has workload identity was not checked.' }],
    },
    {
      name: 'Terraform: a variable without a value is a note',
      format: 'tf',
      code: TF('  type = var.cluster_type\n'),
      errors: [{ messageId: 'unresolved', line: 4, column: 3, level: 'note', message: 'Cluster oci_containerengine_cluster.c: the cluster type could not be resolved (var.cluster_type is not set in terraform.tfvars or *.auto.tfvars and has no default), so whether it has workload identity was not checked.' }],
    },
  ],
});
