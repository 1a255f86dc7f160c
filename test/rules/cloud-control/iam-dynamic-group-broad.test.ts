import rule from '../../../rules/cloud-control/iam-dynamic-group-broad.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    'Allow dynamic-group fn_dg to use object-family in compartment Apps\n',
    { name: 'use on one key', code: "Allow dynamic-group oke-nodes to use keys in compartment Security where target.key.id = 'ocid1.key.oc1..aaaa'\n" },
    { name: 'manage narrowed to listed permissions', code: "Allow dynamic-group mon to manage keys in tenancy where any {request.permission = 'KEY_CREATE', request.permission = 'KEY_READ'}\n" },
    { name: 'manage narrowed to one resource', code: "Allow dynamic-group mon to manage secret-family in compartment S where target.secret.name = 'db-password'\n" },
    { name: 'a hidden condition gets the benefit of the doubt', code: 'Allow dynamic-group mon to manage vaults in compartment S where ${var.condition}\n' },
    { name: 'manage on a service family', code: 'Allow dynamic-group oke-autoscaler to manage instance-family in compartment OKE\n' },
    { name: 'a human group', code: 'Allow group Administrators to manage all-resources in tenancy\n' },
    { name: 'read on IAM', code: 'Allow dynamic-group cloudguard-dg to read policies in tenancy\n' },
  ],
  invalid: [
    {
      name: 'manage all-resources in a compartment, at the resource type',
      code: 'Allow dynamic-group fn_dg to manage all-resources in compartment Apps\n',
      errors: [{
        messageId: 'allResources', line: 1, column: 37, endColumn: 50,
        message: "Every instance or function matching 'dynamic-group fn_dg' can manage all resources in compartment Apps: whoever runs code on one of them (a compromised workload, anyone who can run commands on it or update it) is an administrator of that scope. Grant only the families the workload calls, with use or read.",
      }],
    },
    {
      name: 'keys, IAM, and secrets narrowed by compartment only',
      code: policy`
        Allow dynamic-group 'Default'/'oke-nodes' to manage keys in compartment Security
        Allow dynamic-group ci-runners to manage policies in tenancy
        allow dynamic-group dg-kms-usage to manage secret-family in compartment Projects
          where target.compartment.id = request.principal.compartment.id
      `,
      errors: [
        {
          messageId: 'secrets', line: 1, column: 53, endColumn: 57,
          message: "Every instance or function matching 'dynamic-group 'Default'/'oke-nodes'' can manage keys in compartment Security: a compromised workload can read, replace or delete secrets and keys (scheduling a key deletion destroys the data it protects). Grant use on the one vault or key it needs (where target.key.id = ...).",
        },
        {
          messageId: 'iam', line: 2, column: 42, endColumn: 50,
          message: "Every instance or function matching 'dynamic-group ci-runners' can manage policies in tenancy: a compromised workload can change identities and policies, and so grant itself anything. Keep IAM administration with a human group.",
        },
        { messageId: 'secrets', line: 3, column: 44, endColumn: 57 },
      ],
    },
    {
      name: 'in CLI JSON, upper-case verb',
      format: 'json',
      code: '{"data": {"name": "hpc", "statements": ["Allow dynamic-group instance_principal to MANAGE dynamic-groups in tenancy"]}}\n',
      errors: [{ messageId: 'iam', line: 1, column: 91, endColumn: 105 }],
    },
    {
      name: 'a singular spelling of the type',
      code: 'Allow dynamic-group apps to manage vault in compartment Security\n',
      errors: [{ messageId: 'secrets', line: 1, column: 36, endColumn: 41 }],
    },
    {
      name: 'an Endorse by a dynamic group counts too',
      code: 'Endorse dynamic-group finops to manage all-resources in tenancy Reporting\n',
      errors: [{ messageId: 'allResources', line: 1, column: 40, message: "Every instance or function matching 'dynamic-group finops' can manage all resources in tenancy Reporting: whoever runs code on one of them (a compromised workload, anyone who can run commands on it or update it) is an administrator of that scope. Grant only the families the workload calls, with use or read." }],
    },
  ],
});
