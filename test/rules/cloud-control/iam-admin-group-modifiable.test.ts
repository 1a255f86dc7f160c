import { expect, it } from 'vitest';
import rule from '../../../rules/cloud-control/iam-admin-group-modifiable.js';
import { iamTester, lintIam, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'the CIS 1.3 recipe', code: policy`
      Allow group IAMAdmins to inspect users in tenancy
      Allow group IAMAdmins to use users in tenancy where target.group.name != 'Administrators'
      Allow group IAMAdmins to inspect groups in tenancy
      Allow group IAMAdmins to use groups in tenancy where target.group.name != 'Administrators'
    ` },
    { name: 'conditions that keep the administrators group out', code: policy`
      allow group iam-admins to manage groups in tenancy where all {target.group.name != 'Administrators', target.group.name != 'cred-admins'}
      Allow group GroupAdmins to manage groups in tenancy where target.group.name = /A-Users-*/
      Allow group GroupAdmins to manage groups in tenancy where all {target.group.name=/A-*/,target.group.name!='A-Admins'}
      Allow group XYZ to manage groups in tenancy where all {request.permission='GROUP_INSPECT', request.operation='ListGroups'}
      allow group group-a to use groups in tenancy where target.group.name = 'group-a'
      Allow group DomainAdmins to manage groups in tenancy where target.domain.name = 'Partners'
    ` },
    { name: 'the users half, when the same policy guards the groups half for the same subject', code: policy`
      allow group iam-admins to manage groups in tenancy where all {target.group.name != 'Administrators'}
      allow group iam-admins to manage users in tenancy where all {request.operation != 'ListApiKeys', request.operation != 'UploadApiKey'}
    ` },
    { name: 'read-only, compartment-scoped, or not in this tenancy', code: policy`
      Allow group Auditors to read groups in tenancy
      Allow group Auditors to {GROUP_INSPECT, USER_READ} in tenancy
      Allow group DomainOps to manage groups in compartment Domains
      Endorse group Ops to manage groups in any-tenancy
    ` },
    { name: 'the administrators group, services, tenancy administration (another rule)', code: policy`
      Allow group Administrators to manage groups in tenancy
      Allow service cloudguard to manage users in tenancy
      Allow group Ops to manage all-resources in tenancy
    ` },
    { name: 'a condition hidden by an interpolation is not guessed', code: policy`
      allow group \${var.iam} to manage groups in tenancy where \${var.cond}
      allow group \${var.iam} to manage groups in tenancy where all {target.group.name != 'Administrators', \${var.more}}
    ` },
    { name: 'a domain-qualified admin group option', options: { adminGroups: ["'Default'/'Administrators'"] },
      code: "Allow group IAM to use groups in tenancy where target.group.name != 'Administrators'\n" },
    { name: 'exempt policy', format: 'json', options: { exemptPolicies: ['iam-bootstrap'] },
      code: '{"name": "IAM-Bootstrap", "statements": ["Allow group Bootstrap to manage groups in tenancy"]}\n' },
  ],
  invalid: [
    {
      name: "manage groups alone, at the resource type (Oracle's checker misses it)",
      code: 'Allow group IAMAdmins to manage groups in tenancy\n',
      errors: [{
        messageId: 'groups', line: 1, column: 33, endColumn: 39,
        message: "group IAMAdmins can manage groups in tenancy: it can change Administrators and its members, and so make itself a tenancy administrator (CIS OCI 1.3). Add where target.group.name != 'Administrators'.",
      }],
    },
    {
      name: 'conditions that leave it open, at the condition',
      code: policy`
        Allow group XYZ to manage groups in tenancy where request.permission != 'GROUP_DELETE'
        Allow group XYZ to use groups in tenancy where target.group.name != 'Administrators-old'
        Allow group XYZ to use groups in tenancy where any {target.group.name != 'Administrators', request.user.mfaTotpVerified = 'true'}
      `,
      errors: [
        {
          messageId: 'groups', line: 1, column: 51, endColumn: 87,
          message: "group XYZ can manage groups in tenancy where request.permission != 'GROUP_DELETE', which does not exclude Administrators: it can change Administrators and its members, and so make itself a tenancy administrator (CIS OCI 1.3). Add where target.group.name != 'Administrators'.",
        },
        { messageId: 'groups', line: 2, column: 48 },
        { messageId: 'groups', line: 3, column: 48, endColumn: 130 },
      ],
    },
    {
      name: 'the users half alone, or next to an unguarded groups half',
      code: policy`
        Allow group HelpDesk to use users in tenancy
        Allow group Ops to use groups in tenancy
        Allow group Ops to use users in tenancy where request.user.mfaTotpVerified = 'true'
      `,
      errors: [
        {
          messageId: 'users', line: 1, column: 29, endColumn: 34,
          message: "group HelpDesk can use users in tenancy: with use groups (from any policy) it can add users to Administrators (CIS OCI 1.3). Add where target.group.name != 'Administrators'.",
        },
        { messageId: 'groups', line: 2, column: 24, endColumn: 30 },
        { messageId: 'users', line: 3, column: 47 },
      ],
    },
    {
      name: 'use all-resources, and permission lists (at the permission)',
      code: policy`
        Allow group Ops to use all-resources in tenancy
        Allow group Ops to {GROUP_INSPECT, GROUP_UPDATE} in tenancy
        Allow any-user to {USER_UPDATE} in compartment id ocid1.tenancy.oc1..aaaaexample
      `,
      errors: [
        { messageId: 'allResources', line: 1, column: 24, endColumn: 37 },
        { messageId: 'groups', line: 2, column: 36, endColumn: 48 },
        { messageId: 'users', line: 3, column: 20, endColumn: 31 },
      ],
    },
    {
      name: 'every configured administrators group must be excluded',
      options: { adminGroups: ['Administrators', 'Default/NetAdmins'] },
      code: "Allow group IAM to use groups in tenancy where target.group.name != 'Administrators'\n",
      errors: [{
        messageId: 'groups', line: 1, column: 48,
        message: "group IAM can use groups in tenancy where target.group.name != 'Administrators', which does not exclude NetAdmins: it can change NetAdmins and its members, and so make itself a tenancy administrator (CIS OCI 1.3). Add where target.group.name != 'NetAdmins'.",
      }],
    },
    {
      name: 'API JSON (camelCase)',
      format: 'json',
      code: '{"compartmentId": "ocid1.tenancy.oc1..aaaa", "name": "iam", "statements": ["Allow group IAMAdmins to MANAGE GROUPS IN TENANCY"]}\n',
      errors: [{ messageId: 'groups', line: 1, column: 109, endColumn: 115 }],
    },
  ],
});

it('reports the users half as a warning and the groups half as an error', () => {
  const levels = lintIam(rule, policy`
    Allow group HelpDesk to use users in tenancy
    Allow group HelpDesk to use groups in tenancy
    Allow group HelpDesk to use all-resources in tenancy
  `).filter((f) => f.ruleId === rule.meta.id).map((f) => `${f.start.line}:${f.level}`);
  expect(levels).toEqual(['1:warning', '2:error', '3:error']);
});
