import rule from '../../../rules/cluster-access/oke-public-api-endpoint.js';
import { code, okeTester } from '../../oke/tester.js';

const TF_HEAD = 'resource "oci_containerengine_cluster" "prod" {\n  compartment_id     = var.compartment_id\n  kubernetes_version = "v1.31.1"\n  name               = "prod"\n  vcn_id             = var.vcn_id\n';

okeTester.run(rule, {
  valid: [
    {
      name: 'API: a private endpoint',
      code: code`
        {
          "name": "prod", "compartmentId": "ocid1.compartment.oc1..a", "vcnId": "ocid1.vcn.oc1..v", "kubernetesVersion": "v1.31.1",
          "endpointConfig": { "subnetId": "ocid1.subnet.oc1..s", "nsgIds": ["ocid1.nsg.oc1..n"], "isPublicIpEnabled": false }
        }
      `,
    },
    {
      name: 'API: endpointConfig without isPublicIpEnabled (the default is false)',
      code: '{"name": "prod", "vcnId": "v", "kubernetesVersion": "v1.31.1", "endpointConfig": {"subnetId": "s"}}\n',
    },
    {
      name: 'CLI get: a private endpoint, string boolean',
      code: code`
        {
          "data": {
            "name": "prod", "vcn-id": "v", "kubernetes-version": "v1.31.1",
            "endpoint-config": { "is-public-ip-enabled": "false", "subnet-id": "s" },
            "endpoints": { "private-endpoint": "10.0.0.3:6443", "public-endpoint": null }
          },
          "etag": "e"
        }
      `,
    },
    {
      name: 'a node pool is not a cluster',
      code: '{"name": "pool", "clusterId": "c", "nodeShape": "VM.Standard.E4.Flex"}\n',
    },
    {
      name: 'Terraform: false from terraform.tfvars',
      format: 'tf',
      code: `${TF_HEAD}  endpoint_config {\n    is_public_ip_enabled = var.public\n    subnet_id            = var.subnet\n  }\n}\n`,
      tfvars: 'public = false\n',
    },
    {
      name: 'Terraform: "false" as a string',
      format: 'tf',
      code: `${TF_HEAD}  endpoint_config {\n    is_public_ip_enabled = "false"\n  }\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'API: a public IP on the endpoint, at the key',
      code: code`
        {
          "name": "prod", "vcnId": "v", "kubernetesVersion": "v1.31.1",
          "endpointConfig": {
            "subnetId": "s",
            "isPublicIpEnabled": true
          }
        }
      `,
      errors: [{
        messageId: 'publicIp', line: 5, column: 5, endLine: 5, endColumn: 30, level: 'error',
        message: 'Cluster "prod" gives its Kubernetes API endpoint a public IP (endpointConfig.isPublicIpEnabled is true): the control plane is reachable from the internet; keep the endpoint private and reach it through a bastion or VPN.',
      }],
    },
    {
      name: 'CLI get: "true" as a string, kebab-case keys',
      code: code`
        {
          "data": {
            "name": "dev",
            "vcn-id": "v",
            "kubernetes-version": "v1.30.1",
            "endpoint-config": { "is-public-ip-enabled": "true" }
          },
          "etag": "e"
        }
      `,
      errors: [{
        messageId: 'publicIp', line: 6, column: 26,
        message: 'Cluster "dev" gives its Kubernetes API endpoint a public IP (endpoint-config.is-public-ip-enabled is "true"): the control plane is reachable from the internet; keep the endpoint private and reach it through a bastion or VPN.',
      }],
    },
    {
      name: 'GET output: a public endpoint address',
      code: code`
        {
          "name": "legacy", "vcnId": "v", "kubernetesVersion": "v1.29.1",
          "endpointConfig": { "subnetId": "s" },
          "endpoints": { "kubernetes": null, "publicEndpoint": "129.146.1.2:6443", "privateEndpoint": "10.0.0.2:6443" }
        }
      `,
      errors: [{ messageId: 'publicEndpoint', line: 4, column: 38, endColumn: 74, message: 'Cluster "legacy" has a public Kubernetes API endpoint (endpoints.publicEndpoint): the control plane is reachable from the internet; make the endpoint private and reach it through a bastion or VPN.' }],
    },
    {
      name: 'API: no endpoint configuration (not VCN-native), at the name',
      code: code`
        [
          { "name": "old", "vcnId": "v", "kubernetesVersion": "v1.29.1" },
          { "name": "new", "vcnId": "v", "kubernetesVersion": "v1.29.1", "endpointConfig": { "isPublicIpEnabled": false } }
        ]
      `,
      errors: [{
        messageId: 'notVcnNative', line: 2, column: 5, endColumn: 18,
        message: 'Cluster "old" has no endpointConfig: a cluster created without one is not VCN-native, and its Kubernetes API endpoint is public with no way to restrict access; create the cluster with a private VCN-native endpoint.',
      }],
    },
    {
      name: 'Terraform: a literal true, at the attribute',
      format: 'tf',
      code: `${TF_HEAD}  endpoint_config {\n    is_public_ip_enabled = true\n  }\n}\n`,
      errors: [{ messageId: 'publicIp', line: 7, column: 5, endColumn: 32, message: 'Cluster oci_containerengine_cluster.prod gives its Kubernetes API endpoint a public IP (endpoint_config.is_public_ip_enabled is true): the control plane is reachable from the internet; keep the endpoint private and reach it through a bastion or VPN.' }],
    },
    {
      name: 'Terraform: true from terraform.tfvars, at the attribute in the .tf file',
      format: 'tf',
      code: `${TF_HEAD}  endpoint_config {\n    is_public_ip_enabled = var.public && var.allow\n  }\n}\nvariable "allow" {\n  default = true\n}\n`,
      tfvars: 'public = true\n',
      errors: [{ messageId: 'publicIp', line: 7, column: 5, message: 'Cluster oci_containerengine_cluster.prod gives its Kubernetes API endpoint a public IP (endpoint_config.is_public_ip_enabled is true, from var.public in terraform.tfvars and the default of var.allow): the control plane is reachable from the internet; keep the endpoint private and reach it through a bastion or VPN.' }],
    },
    {
      name: 'Terraform: a variable with no value is a note naming it',
      format: 'tf',
      code: `${TF_HEAD}  endpoint_config {\n    is_public_ip_enabled = var.public\n  }\n}\n`,
      errors: [{
        messageId: 'unresolved', line: 7, column: 5, level: 'note',
        message: 'Cluster oci_containerengine_cluster.prod: whether the Kubernetes API endpoint has a public IP could not be resolved (var.public is not set in terraform.tfvars or *.auto.tfvars and has no default), so endpoint_config.is_public_ip_enabled was not checked.',
      }],
    },
    {
      name: 'Terraform: a dynamic endpoint_config with an unknown for_each is a note at the for_each',
      format: 'tf',
      code: `${TF_HEAD}  dynamic "endpoint_config" {\n    for_each = var.endpoints\n    content {\n      is_public_ip_enabled = false\n    }\n  }\n}\n`,
      errors: [{ messageId: 'unresolved', line: 7, column: 5, level: 'note', message: 'Cluster oci_containerengine_cluster.prod: whether the Kubernetes API endpoint has a public IP could not be resolved (the dynamic "endpoint_config" block\'s for_each: var.endpoints is not set in terraform.tfvars or *.auto.tfvars and has no default), so endpoint_config.is_public_ip_enabled was not checked.' }],
    },
    {
      name: 'Terraform: no endpoint_config, at the resource header',
      format: 'tf',
      code: `${TF_HEAD}}\n`,
      errors: [{ messageId: 'notVcnNative', line: 1, column: 1, endLine: 1, endColumn: 46 }],
    },
  ],
});
