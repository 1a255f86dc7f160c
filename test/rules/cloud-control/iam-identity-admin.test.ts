import rule from '../../../rules/cloud-control/iam-identity-admin.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'read-only', code: policy`
      Allow group Auditors to read dynamic-groups in tenancy
      Allow group Auditors to inspect identity-providers in tenancy
      Allow group Auditors to {DYNAMIC_GROUP_READ} in tenancy
    ` },
    { name: 'conditions that name the operations or objects', code: policy`
      Allow group IdpOps to manage identity-providers in tenancy where any {request.operation = 'AddIdpGroupMapping', request.operation = 'DeleteIdpGroupMapping'}
      Allow group OkeOps to use dynamic-groups in tenancy where target.dynamic-group.name = 'oke-nodes'
      Allow group PartnerAdmins to manage domains in tenancy where target.domain.name = 'Partners'
      Allow group Ops to manage network-sources in tenancy where \${var.cond}
    ` },
    { name: 'administrators, services, compartments, tenancy administration (another rule)', code: policy`
      Allow group Administrators to manage dynamic-groups in tenancy
      Allow service cloudguard to manage dynamic-groups in tenancy
      Allow group AppOps to manage dynamic-groups in compartment Apps
      Allow group Ops to manage all-resources in tenancy
    ` },
    { name: 'exempt policy', format: 'json', options: { exemptPolicies: ['identity-admins'] },
      code: '{"name": "identity-admins", "statements": ["Allow group IdOps to manage domains in tenancy"]}\n' },
  ],
  invalid: [
    {
      name: 'each identity type, at the resource type',
      code: policy`
        Allow group IdpAdmins to manage identity-providers in tenancy
        Allow group Ops to use dynamic-groups in tenancy
        Allow group Ops to manage authentication-policies in tenancy
        Allow group Ops to manage network-sources in tenancy
        Allow any-user to manage domains in tenancy
      `,
      errors: [
        {
          messageId: 'identityAdmin', line: 1, column: 33, endColumn: 51,
          message: 'group IdpAdmins can manage identity-providers in tenancy: it can map a group of an external identity provider to the administrators group. Keep it with the administrators group, or name the operations and objects it may change.',
        },
        {
          messageId: 'identityAdmin', line: 2, column: 24, endColumn: 38,
          message: "group Ops can use dynamic-groups in tenancy: it can change a dynamic group's matching rule so that an instance or function it controls gets that group's grants. Keep it with the administrators group, or name the operations and objects it may change.",
        },
        { messageId: 'identityAdmin', line: 3, column: 27, message: "group Ops can manage authentication-policies in tenancy: it can weaken the tenancy's sign-on policy (password rules, network restrictions). Keep it with the administrators group, or name the operations and objects it may change." },
        { messageId: 'identityAdmin', line: 4, column: 27, message: 'group Ops can manage network-sources in tenancy: it can widen the network sources that sign-on and policies trust. Keep it with the administrators group, or name the operations and objects it may change.' },
        { messageId: 'identityAdmin', line: 5, column: 26, message: 'any-user can manage domains in tenancy: it administers identity domains, the Default domain that holds the administrators group included. Keep it with the administrators group, or name the operations and objects it may change.' },
      ],
    },
    {
      name: 'a deny-list condition, at the condition; a permission list, at the permission',
      code: policy`
        Allow group Ops to manage dynamic-groups in tenancy where request.permission != 'DYNAMIC_GROUP_DELETE'
        Allow group Ops to {NETWORK_SOURCE_UPDATE} in tenancy
      `,
      errors: [
        {
          messageId: 'identityAdmin', line: 1, column: 59, endColumn: 103,
          message: "group Ops can manage dynamic-groups in tenancy where request.permission != 'DYNAMIC_GROUP_DELETE', which names no operation or object: it can change a dynamic group's matching rule so that an instance or function it controls gets that group's grants. Keep it with the administrators group, or name the operations and objects it may change.",
        },
        { messageId: 'identityAdmin', line: 2, column: 21, endColumn: 42 },
      ],
    },
    {
      name: 'API JSON',
      format: 'json',
      code: '{"name": "id", "statements": ["Allow group DomainAdmins to manage domains in tenancy"]}\n',
      errors: [{ messageId: 'identityAdmin', line: 1, column: 67, endColumn: 74 }],
    },
  ],
});
