import rule from '../../../rules/cluster-access/oke-tiller-addon.js';
import { code, okeTester } from '../../oke/tester.js';

const TF = (addOns: string): string => `resource "oci_containerengine_cluster" "c" {\n  name    = "c"\n  vcn_id  = var.vcn\n  options {\n    add_ons {\n${addOns}    }\n  }\n}\n`;

okeTester.run(rule, {
  valid: [
    { name: 'API: off', code: '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1", "options": {"addOns": {"isKubernetesDashboardEnabled": true, "isTillerEnabled": false}}}\n' },
    { name: 'API: no options at all', code: '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1"}\n' },
    { name: 'Terraform: "false"', format: 'tf', code: TF('      is_tiller_enabled = "false"\n') },
    { name: 'Terraform: a dynamic add_ons block with an empty for_each', format: 'tf', code: `resource "oci_containerengine_cluster" "c" {\n  options {\n    dynamic "add_ons" {\n      for_each = var.tiller ? [1] : []\n      content {\n        is_tiller_enabled = true\n      }\n    }\n  }\n}\n`, tfvars: 'tiller = false\n' },
  ],
  invalid: [
    {
      name: 'API GET output: true',
      code: code`
        {
          "id": "ocid1.cluster.oc1..c", "name": "c", "vcnId": "v", "kubernetesVersion": "v1.24.1",
          "options": { "addOns": { "isKubernetesDashboardEnabled": false, "isTillerEnabled": true } }
        }
      `,
      errors: [{ messageId: 'enabled', line: 3, column: 67, endColumn: 90, level: 'error', message: 'Cluster "c" enables the Tiller add-on (options.addOns.isTillerEnabled is true): Tiller has no authentication or authorization for API calls, so anything that can reach it deploys with its privileges; turn the add-on off and use Helm 3.' }],
    },
    {
      name: 'CLI get: "true"',
      code: '{"data": {"name": "c", "vcn-id": "v", "kubernetes-version": "v1.24.1", "options": {"add-ons": {"is-tiller-enabled": "true"}}}, "etag": "x"}\n',
      errors: [{ messageId: 'enabled', line: 1, column: 96, message: 'Cluster "c" enables the Tiller add-on (options.add-ons.is-tiller-enabled is "true"): Tiller has no authentication or authorization for API calls, so anything that can reach it deploys with its privileges; turn the add-on off and use Helm 3.' }],
    },
    {
      name: 'Terraform: "true", next to the dashboard',
      format: 'tf',
      code: TF('      is_kubernetes_dashboard_enabled = "true"\n      is_tiller_enabled               = "true"\n'),
      errors: [{ messageId: 'enabled', line: 7, column: 7, endColumn: 47 }],
    },
    {
      name: 'Terraform: a dynamic add_ons block expanded from terraform.tfvars',
      format: 'tf',
      code: `resource "oci_containerengine_cluster" "c" {\n  options {\n    dynamic "add_ons" {\n      for_each = var.tiller ? [1] : []\n      content {\n        is_tiller_enabled = true\n      }\n    }\n  }\n}\n`,
      tfvars: 'tiller = true\n',
      errors: [{ messageId: 'enabled', line: 6, column: 9, message: 'Cluster oci_containerengine_cluster.c enables the Tiller add-on (options.add_ons.is_tiller_enabled is true): Tiller has no authentication or authorization for API calls, so anything that can reach it deploys with its privileges; turn the add-on off and use Helm 3.' }],
    },
    {
      name: 'Terraform: a variable without a value is a note',
      format: 'tf',
      code: TF('      is_tiller_enabled = var.tiller\n'),
      errors: [{ messageId: 'unresolved', line: 6, column: 7, level: 'note' }],
    },
  ],
});
