import rule from '../../../rules/cluster-access/oke-dashboard-addon.js';
import { code, okeTester } from '../../oke/tester.js';

const TF = (addOns: string): string => `resource "oci_containerengine_cluster" "c" {\n  name    = "c"\n  vcn_id  = var.vcn\n  options {\n    add_ons {\n${addOns}    }\n  }\n}\n`;

okeTester.run(rule, {
  valid: [
    { name: 'API: off', code: '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1", "options": {"addOns": {"isKubernetesDashboardEnabled": false, "isTillerEnabled": false}}}\n' },
    { name: 'API: no add-ons (the default is off)', code: '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1", "options": {"serviceLbSubnetIds": []}}\n' },
    { name: 'CLI: "false"', code: '{"data": {"name": "c", "vcn-id": "v", "kubernetes-version": "v1.31.1", "options": {"add-ons": {"is-kubernetes-dashboard-enabled": "false"}}}}\n' },
    { name: 'Terraform: false from a variable default', format: 'tf', code: `${TF('      is_kubernetes_dashboard_enabled = var.dashboard\n')}variable "dashboard" {\n  default = false\n}\n` },
  ],
  invalid: [
    {
      name: 'API: true',
      code: code`
        {
          "name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1",
          "options": {
            "addOns": {
              "isKubernetesDashboardEnabled": true
            }
          }
        }
      `,
      errors: [{
        messageId: 'enabled', line: 5, column: 7, endColumn: 43, level: 'error',
        message: 'Cluster "c" enables the Kubernetes Dashboard add-on (options.addOns.isKubernetesDashboardEnabled is true): the dashboard lacks extensible authentication and is a common way into a cluster; turn the add-on off.',
      }],
    },
    {
      name: 'CLI list: "true" as a string, one of two clusters',
      code: code`
        {
          "data": [
            { "name": "a", "vcn-id": "v", "kubernetes-version": "v1.31.1", "options": { "add-ons": { "is-kubernetes-dashboard-enabled": false } } },
            { "name": "b", "vcn-id": "v", "kubernetes-version": "v1.31.1",
              "options": { "add-ons": {
                "is-kubernetes-dashboard-enabled": "true" } } }
          ]
        }
      `,
      errors: [{ messageId: 'enabled', line: 6, column: 9, message: 'Cluster "b" enables the Kubernetes Dashboard add-on (options.add-ons.is-kubernetes-dashboard-enabled is "true"): the dashboard lacks extensible authentication and is a common way into a cluster; turn the add-on off.' }],
    },
    {
      name: 'Terraform: the provider example\'s string boolean',
      format: 'tf',
      code: TF('      is_kubernetes_dashboard_enabled = "true"\n      is_tiller_enabled               = "true"\n'),
      errors: [{ messageId: 'enabled', line: 6, column: 7, endColumn: 47, message: 'Cluster oci_containerengine_cluster.c enables the Kubernetes Dashboard add-on (options.add_ons.is_kubernetes_dashboard_enabled is "true"): the dashboard lacks extensible authentication and is a common way into a cluster; turn the add-on off.' }],
    },
    {
      name: 'Terraform: from terraform.tfvars',
      format: 'tf',
      code: TF('      is_kubernetes_dashboard_enabled = var.dashboard\n'),
      tfvars: 'dashboard = true\n',
      errors: [{ messageId: 'enabled', line: 6, column: 7, message: 'Cluster oci_containerengine_cluster.c enables the Kubernetes Dashboard add-on (options.add_ons.is_kubernetes_dashboard_enabled is true, from var.dashboard in terraform.tfvars): the dashboard lacks extensible authentication and is a common way into a cluster; turn the add-on off.' }],
    },
    {
      name: 'Terraform: an expression is a note',
      format: 'tf',
      code: TF('      is_kubernetes_dashboard_enabled = local.dev\n'),
      errors: [{ messageId: 'unresolved', line: 6, column: 7, level: 'note', message: 'Cluster oci_containerengine_cluster.c: whether the Kubernetes Dashboard add-on is enabled could not be resolved (local.dev is not defined in a locals block of this directory), so options.add_ons.is_kubernetes_dashboard_enabled was not checked.' }],
    },
  ],
});
