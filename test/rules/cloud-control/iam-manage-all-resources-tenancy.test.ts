import rule from '../../../rules/cloud-control/iam-manage-all-resources-tenancy.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'the administrators group', code: 'Allow group Administrators to manage all-resources in tenancy\n' },
    { name: 'domain-qualified, quoted, any case', code: policy`
      Allow group Default/Administrators to manage all-resources in tenancy
      ALLOW GROUP 'Default'/'administrators' TO MANAGE ALL-RESOURCES IN TENANCY
    ` },
    { name: 'configured domain-qualified admin group', code: "Allow group 'Ops Domain'/'Tenant Admins' to manage all-resources in tenancy\n", options: { adminGroups: ["'Ops Domain'/'Tenant Admins'"] } },
    { name: 'configured OCID', code: 'Allow group id ocid1.group.oc1..aaaaadmins to manage all-resources in tenancy\n', options: { adminGroups: ['ocid1.group.oc1..aaaaadmins'] } },
    { name: 'less than manage, or in a compartment', code: policy`
      Allow group Auditors to inspect all-resources in tenancy
      Allow group Auditors to read all-resources in tenancy
      Allow group ProjectA to manage all-resources in compartment ProjectA
    ` },
    { name: 'services are iam-service-all-resources, Endorse is cross-tenancy', code: policy`
      Allow service OKE to manage all-resources in tenancy
      Endorse group Ops to manage all-resources in any-tenancy
    ` },
    { name: 'a hidden group name is not guessed', code: 'Allow group ${var.admin_group} to manage all-resources in tenancy\n' },
    { name: 'hidden location', code: 'Allow group Ops to manage all-resources in ${local.scope}\n' },
    { name: 'exempt policy (JSON has names)', format: 'json', options: { exemptPolicies: ['break-glass'] },
      code: '{"data": {"name": "Break-Glass", "statements": ["Allow group BreakGlass to manage all-resources in tenancy"]}}\n' },
  ],
  invalid: [
    {
      name: 'a group other than Administrators, at the subject',
      code: 'Allow group NetworkAdmins to manage all-resources in tenancy\n',
      errors: [{
        messageId: 'tenancyAdmin', line: 1, column: 7, endColumn: 26,
        message: 'group NetworkAdmins can manage all-resources in tenancy: only the administrators group (Administrators) should administer the whole tenancy (CIS OCI 1.2). Grant the service families it needs in its own compartment instead.',
      }],
    },
    {
      name: "dynamic groups, any-user, any-group and Admit (Oracle's checker sees only 'allow group')",
      code: policy`
        Allow dynamic-group OkeNodes to manage all-resources in tenancy
        Allow any-user to MANAGE all-resources IN TENANCY
        Allow any-group to manage all-resources in compartment id ocid1.tenancy.oc1..aaaaexample
        Admit group Administrators of tenancy Partner to manage all-resources in tenancy
      `,
      errors: [
        { messageId: 'tenancyAdmin', line: 1, column: 7, endColumn: 29 },
        { messageId: 'tenancyAdmin', line: 2, column: 7, endColumn: 15 },
        { messageId: 'tenancyAdmin', line: 3, column: 7, endColumn: 16 },
        { messageId: 'tenancyAdmin', line: 4, column: 7, endColumn: 27 },
      ],
    },
    {
      name: 'a list with the administrators group and another one; a group of another domain',
      code: policy`
        Allow group Administrators, Ops to manage all-resources in tenancy
        Allow group 'id_lz'/'Administrators' to manage all-resources in tenancy
      `,
      errors: [
        { messageId: 'tenancyAdmin', line: 1, column: 7, endColumn: 32 },
        { messageId: 'tenancyAdmin', line: 2, column: 7, message: "group 'id_lz'/'Administrators' can manage all-resources in tenancy: only the administrators group (Administrators) should administer the whole tenancy (CIS OCI 1.2). Grant the service families it needs in its own compartment instead." },
      ],
    },
    {
      name: 'a where clause does not exempt it',
      code: "Allow group PHX-Admins to manage all-resources in tenancy where request.region = 'phx'\n",
      errors: [{
        messageId: 'tenancyAdminConditioned', line: 1, column: 7,
        message: "group PHX-Admins can manage all-resources in tenancy where request.region = 'phx': only the administrators group (Administrators) should administer the whole tenancy, with or without a condition (CIS OCI 1.2). Grant the service families it needs in its own compartment instead.",
      }],
    },
    {
      name: 'Administrators is no longer exempt when adminGroups names another group',
      code: 'Allow group Administrators to manage all-resources in tenancy\n',
      options: { adminGroups: ['TenancyAdmins'] },
      errors: [{ messageId: 'tenancyAdmin', line: 1, column: 7, message: 'group Administrators can manage all-resources in tenancy: only the administrators group (TenancyAdmins) should administer the whole tenancy (CIS OCI 1.2). Grant the service families it needs in its own compartment instead.' }],
    },
    {
      name: 'in CLI JSON, inside the statement string; other policies are not exempt',
      format: 'json',
      options: { exemptPolicies: ['Tenant Admin Policy'] },
      code: '{"data": [{"name": "ops", "statements": ["Allow group Ops to manage all-resources in tenancy"]}]}\n',
      errors: [{ messageId: 'tenancyAdmin', line: 1, column: 49, endColumn: 58 }],
    },
  ],
});
