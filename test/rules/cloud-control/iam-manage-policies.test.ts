import { expect, it } from 'vitest';
import rule from '../../../rules/cloud-control/iam-manage-policies.js';
import { iamTester, lintIam, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'reading policies; use policies has no update', code: policy`
      Allow group Auditors to read policies in tenancy
      Allow group Auditors to inspect policies in tenancy
      Allow group Ops to use policies in tenancy
      Allow group Ops to {POLICY_READ} in tenancy
    ` },
    { name: 'conditions that refuse CreatePolicy and UpdatePolicy', code: policy`
      Allow group Ops to manage policies in tenancy where request.permission = 'POLICY_DELETE'
      Allow group Ops to manage policies in tenancy where all {request.operation != 'CreatePolicy', request.operation != 'UpdatePolicy'}
      Allow group Ops to manage policies in tenancy where \${var.cond}
    ` },
    { name: 'administrators, services, all-resources (other rules), unknown location', code: policy`
      Allow group Administrators to manage policies in tenancy
      Allow service cloudguard to manage policies in compartment Sec
      Allow group Ops to manage all-resources in compartment Ops
      Allow group Ops to manage policies in \${local.scope}
    ` },
    { name: 'exempt policy', format: 'json', options: { exemptPolicies: ['delegated-iam'] },
      code: '{"name": "delegated-iam", "statements": ["Allow group IAM to manage policies in tenancy"]}\n' },
  ],
  invalid: [
    {
      name: 'in the tenancy, at the verb',
      code: 'Allow group NetOps to manage policies in tenancy\n',
      errors: [{
        messageId: 'tenancy', line: 1, column: 23, endColumn: 29,
        message: 'group NetOps can manage policies in tenancy: it can write a policy such as "allow group <itself> to manage all-resources in tenancy" and become a tenancy administrator. Keep manage policies with the administrators group.',
      }],
    },
    {
      name: 'in a compartment',
      code: 'allow group ProjectAdmins to manage policies in compartment ProjectA\n',
      errors: [{
        messageId: 'compartment', line: 1, column: 30, endColumn: 36,
        message: 'group ProjectAdmins can manage policies in compartment ProjectA: it can write a policy that grants itself anything in that compartment and those below it. Grant read policies, and leave writing policies to the administrators group.',
      }],
    },
    {
      name: 'conditions that still allow UpdatePolicy, at the condition; permission lists, at the permission',
      code: policy`
        ALLOW GROUP AG to manage policies IN TENANCY where any {request.permission='POLICY_UPDATE', request.permission='POLICY_READ', target.policy.name != 'Tenant Admin Policy'}
        Allow group Ops to {POLICY_READ, POLICY_UPDATE} in tenancy
        Allow dynamic-group Builders to manage policies in compartment Apps where request.permission != 'POLICY_DELETE'
      `,
      errors: [
        {
          messageId: 'tenancy', line: 1, column: 52, endColumn: 171,
          message: "GROUP AG can manage policies in TENANCY where any {request.permission='POLICY_UPDATE', request.perm…, which still allows CreatePolicy or UpdatePolicy: it can write a policy such as \"allow group <itself> to manage all-resources in tenancy\" and become a tenancy administrator. Keep manage policies with the administrators group.",
        },
        { messageId: 'tenancy', line: 2, column: 34, endColumn: 47 },
        { messageId: 'compartment', line: 3, column: 75, endColumn: 112 },
      ],
    },
    {
      name: 'in CLI JSON',
      format: 'json',
      code: '{"data": {"name": "iam", "statements": ["Allow group IAM to manage policies in tenancy"]}}\n',
      errors: [{ messageId: 'tenancy', line: 1, column: 61, endColumn: 67 }],
    },
  ],
});

it('reports tenancy-wide grants as errors and compartment grants as warnings', () => {
  const levels = lintIam(rule, policy`
    Allow group A to manage policies in tenancy
    Allow group A to manage policies in compartment X
  `).filter((f) => f.ruleId === rule.meta.id).map((f) => `${f.start.line}:${f.level}`);
  expect(levels).toEqual(['1:error', '2:warning']);
});
