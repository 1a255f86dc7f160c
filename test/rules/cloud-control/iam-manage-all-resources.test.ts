import rule from '../../../rules/cloud-control/iam-manage-all-resources.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'service-level administrators', code: policy`
      Allow group ClusterAdmins to manage cluster-family in compartment OKE
      Allow group NetworkAdmins to manage virtual-network-family in compartment Network
      Allow group Auditors to read all-resources in compartment OKE
    ` },
    { name: 'tenancy-wide is iam-manage-all-resources-tenancy', code: 'Allow group Ops to manage all-resources in tenancy\n' },
    { name: 'the administrators group (redundant, not over-broad)', code: "Allow group 'Default'/'Administrators' to manage all-resources in compartment OKE\n" },
    { name: 'services are iam-service-all-resources; a hidden subject kind is not guessed', code: policy`
      Allow service OKE to manage all-resources in compartment OKE
      Allow \${var.subject} to manage all-resources in compartment OKE
    ` },
    { name: 'exempt policy', format: 'json', options: { exemptPolicies: ['Project A'] },
      code: '{"name": "project a", "statements": ["Allow group ProjectA-Admins to manage all-resources in compartment ProjectA"]}\n' },
  ],
  invalid: [
    {
      name: 'a compartment administrator, at the resource type',
      code: 'Allow group A-Admins to manage all-resources in compartment Project-A:Project-A2\n',
      errors: [{
        messageId: 'compartmentAdmin', line: 1, column: 32, endColumn: 45,
        message: 'group A-Admins can manage all-resources in compartment Project-A:Project-A2: an administrator of every service there and in every compartment below it, not a service-level administrator (CIS OCI 1.1). Grant the families it administers instead (e.g. manage cluster-family, use virtual-network-family).',
      }],
    },
    {
      name: 'dynamic groups, any-user, hidden group names and locations, with or without a where clause',
      code: policy`
        Allow dynamic-group fn_dg to manage all-resources in compartment id ocid1.compartment.oc1..aaaa
        Allow any-user to manage ALL-RESOURCES in compartment Apps where request.principal.id = 'ocid1.instance.oc1..aaaa'
        Allow group \${each.key}-provisioning-group to manage all-resources in compartment \${each.value.name}
        Allow group Ops to manage all-resources in \${local.scope}
      `,
      errors: [
        { messageId: 'compartmentAdmin', line: 1, column: 37, endColumn: 50 },
        { messageId: 'compartmentAdmin', line: 2, column: 26, endColumn: 39 },
        { messageId: 'compartmentAdmin', line: 3, column: 54 },
        { messageId: 'compartmentAdmin', line: 4, column: 27, message: 'group Ops can manage all-resources in ${local.scope}: an administrator of every service there and in every compartment below it, not a service-level administrator (CIS OCI 1.1). Grant the families it administers instead (e.g. manage cluster-family, use virtual-network-family).' },
      ],
    },
    {
      name: 'API JSON (camelCase), inside the statement string',
      format: 'json',
      code: policy`
        {
          "compartmentId": "ocid1.compartment.oc1..aaaa",
          "name": "apps",
          "statements": [
            "Allow group AppAdmins to manage all-resources in compartment Apps"
          ]
        }
      `,
      errors: [{ messageId: 'compartmentAdmin', line: 5, column: 38, endColumn: 51 }],
    },
  ],
});
