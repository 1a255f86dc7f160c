import { describe, expect, it } from 'vitest';
import rule from '../../../rules/cloud-control/iam-cross-tenancy.js';
import type { AnyRule } from '../../../src/engine/rule-api.js';
import { iamTester, lintIam, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    'Allow group StorageAdmins to manage object-family in compartment Storage\n',
    { name: 'Define alone grants nothing', code: 'Define tenancy Partner as ocid1.tenancy.oc1..aaaaaaaapartner\n' },
    { name: 'associate in an Allow statement is local', code: "Allow any-user to associate compute-container-instances in compartment c with subnets in tenancy where request.principal.type = 'virtualnode'\n" },
  ],
  invalid: [
    {
      name: 'Endorse in any-tenancy with manage: broad, at the location',
      code: 'Endorse group StorageAdmins to manage object-family in any-tenancy\n',
      errors: [{
        messageId: 'endorseBroad', line: 1, column: 56, endColumn: 67,
        message: "Endorse lets 'group StorageAdmins' of this tenancy act in any tenancy (manage object-family in any-tenancy), and broadly: it trusts every tenancy (any-tenancy); it grants manage. Name the tenancy and the group, and grant the least verb on one resource type or narrow it with a where clause.",
      }],
    },
    {
      name: 'Admit any-group on all-resources: broad, at of tenancy',
      code: policy`
        Define tenancy Partner as ocid1.tenancy.oc1..aaaaaaaapartner
        Admit any-group of tenancy Partner to read all-resources in tenancy
      `,
      errors: [{
        messageId: 'admitBroad', line: 2, column: 17, endColumn: 35,
        message: "Admit lets 'any-group' of tenancy Partner act in this tenancy (read all-resources in tenancy), and broadly: it names every group and dynamic group (any-group); it covers all resources. Name the group, and grant the least verb on one resource type or narrow it with a where clause.",
      }],
    },
    {
      name: 'narrow ones are notes: the usage report, peering, and narrowed any-user',
      code: policy`
        Endorse group CostAdmins to read objects in tenancy usage-report
        Endorse group requestorGroup to manage remote-peering-to in tenancy Acceptor
        endorse any-user to { WLP_LOG_CREATE } in any-tenancy where all { request.principal.id = target.agent.id, request.principal.type = 'workloadprotectionagent' }
      `,
      errors: [
        {
          messageId: 'endorse', line: 1, column: 45, endColumn: 65,
          message: "Endorse lets 'group CostAdmins' of this tenancy act in tenancy usage-report (read objects in tenancy usage-report): cross-tenancy access; check that the other tenancy and the grant are the ones intended.",
        },
        { messageId: 'endorse', line: 2, column: 61, endColumn: 77 },
        { messageId: 'endorse', line: 3, column: 43, endColumn: 54 },
      ],
    },
    {
      name: 'an association across tenancies, at its of tenancy',
      code: policy`
        endorse any-user to associate compute-container-instances in compartment ske_compartment of tenancy ske
          with subnets in tenancy where ALL {request.principal.type='virtualnode',request.operation='CreateContainerInstance'}
      `,
      errors: [{
        messageId: 'endorse', line: 1, column: 90, endColumn: 104,
        message: "Endorse lets 'any-user' of this tenancy act in tenancy ske (associate compute-container-instances in compartment ske_compartment of tenancy ske with subnets in tenancy): cross-tenancy access; check that the other tenancy and the grant are the ones intended.",
      }],
    },
    {
      name: 'any-user in any-tenancy with no where clause is broad even with a permission list',
      code: 'Endorse any-user to {WLP_LOG_CREATE} in any-tenancy\n',
      errors: [{ messageId: 'endorseBroad', line: 1, column: 41, endColumn: 52 }],
    },
    {
      name: 'Admit with manage in API JSON, positioned in the string',
      format: 'json',
      code: '{"name": "partner", "statements": ["Admit group PartnerOps of tenancy Partner to manage buckets in compartment Shared"]}\n',
      errors: [{
        messageId: 'admitBroad', line: 1, column: 60, endColumn: 78,
        message: "Admit lets 'group PartnerOps' of tenancy Partner act in this tenancy (manage buckets in compartment Shared), and broadly: it grants manage. Name the group, and grant the least verb on one resource type or narrow it with a where clause.",
      }],
    },
  ],
});

describe('iam-cross-tenancy levels', () => {
  const levels = (code: string): string[] => lintIam(rule as unknown as AnyRule, code).filter((f) => f.ruleId === rule.meta.id).map((f) => `${f.messageId}:${f.level}`);

  it('reports broad statements as warnings and narrow ones as notes', () => {
    expect(levels(policy`
      Endorse group StorageAdmins to manage object-family in any-tenancy
      Endorse group CostAdmins to read objects in tenancy usage-report
      Admit group PartnerOps of tenancy Partner to manage buckets in compartment Shared where request.permission = 'BUCKET_READ'
    `)).toEqual(['endorseBroad:warning', 'endorse:note', 'admit:note']);
  });

  it('treats IAM types as broad when admitted at any verb, when endorsed from use up', () => {
    expect(levels(policy`
      endorse group Administrators to read compartments in tenancy sampledata
      endorse group Administrators to use groups in tenancy sampledata
      Admit group Auditors of tenancy Partner to read policies in tenancy
    `)).toEqual(['endorse:note', 'endorseBroad:warning', 'admitBroad:warning']);
  });
});
