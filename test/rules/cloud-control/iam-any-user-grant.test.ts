import { expect, it } from 'vitest';
import rule from '../../../rules/cloud-control/iam-any-user-grant.js';
import { iamTester, lintIam, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'narrowed to a principal, a compartment, a cluster, a user or a group tag', code: policy`
      allow any-user to manage object-family in compartment id ocid1.compartment.oc1..aaaa where request.principal.id = 'ocid1.instance.oc1..aaaa'
      allow any-user to use subnets in compartment Net where all { request.principal.type = 'cluster', request.principal.compartment.id = 'ocid1.compartment.oc1..oke' }
      allow any-user to use volumes in compartment Oke where all { request.principal.type = 'cluster', request.principal.compartment.id = target.compartment.id }
      Allow any-user to manage dns in compartment Dns where all {request.principal.type = 'workload', request.principal.cluster_id = 'ocid1.cluster.oc1..aaaa', request.principal.service_account = 'external-dns'}
      ALLOW any-group TO manage objects IN TENANCY where all {target.bucket.name = 'test-bucket', request.user.id = 'ocid1.user.oc1..aaaa'}
      allow any-user to manage secret-family in compartment Projects where target.resource.compartment.tag.role.admin = request.principal.group.tag.role.admin
      allow any-user to use vaults in compartment Sec where request.principal.group.tag.role.infra-admin = '*'
      allow any-user to { WLP_BOM_READ } in tenancy where all { request.principal.id = target.agent.id, request.principal.type = 'workloadprotectionagent' }
    ` },
    { name: 'narrowed only by type: iam-any-user-type-only', code: "Allow any-user to manage network-security-groups in compartment Net where request.principal.type = 'cluster'\n" },
    { name: 'inspect, groups, Endorse, hidden conditions', code: policy`
      Allow any-group to inspect users in tenancy
      Allow group Ops to manage buckets in tenancy
      Endorse any-user to manage buckets in any-tenancy
      Allow any-user to manage buckets in compartment Apps where \${var.who}
    ` },
    { name: 'exempt policy', format: 'json', options: { exemptPolicies: ['public-read'] },
      code: '{"name": "public-read", "statements": ["allow any-user to read buckets in compartment Public"]}\n' },
  ],
  invalid: [
    {
      name: 'manage, at the subject',
      code: 'allow any-user to manage load-balancers in compartment id ocid1.compartment.oc1..aaaa\n',
      errors: [{
        messageId: 'anyUser', line: 1, column: 7, endColumn: 15,
        message: 'any-user can manage load-balancers in compartment id ocid1.compartment.oc1..aaaa: every user, instance, resource and service principal in the tenancy gets it. Name the principal with where request.principal.id, request.principal.compartment.id or request.user.id, or grant a group.',
      }],
    },
    {
      name: 'use, read, IAM types, permission lists, conditions that do not say who',
      code: policy`
        allow any-user to use virtual-network-family in compartment Apps
        allow any-user to read cluster-family in compartment Apps
        Allow any-user to use users in tenancy
        Allow any-user to read policies in tenancy
        Allow any-user to {STREAM_READ, STREAM_CONSUME} in compartment Apps
        allow any-user to manage objects in compartment Apps where target.bucket.name = 'uploads'
        allow any-user to manage buckets in compartment Apps where any {request.principal.id = 'ocid1.instance.oc1..aaaa', request.region = 'phx'}
      `,
      errors: [
        { messageId: 'anyUser', line: 1, column: 7 },
        { messageId: 'anyUser', line: 2, column: 7 },
        { messageId: 'anyUser', line: 3, column: 7 },
        { messageId: 'anyUser', line: 4, column: 7 },
        { messageId: 'anyUser', line: 5, column: 7, message: 'any-user can {STREAM_READ, STREAM_CONSUME} in compartment Apps: every user, instance, resource and service principal in the tenancy gets it. Name the principal with where request.principal.id, request.principal.compartment.id or request.user.id, or grant a group.' },
        { messageId: 'anyUser', line: 6, column: 7 },
        { messageId: 'anyUser', line: 7, column: 7 },
      ],
    },
    {
      name: 'any-group, in CLI JSON',
      format: 'json',
      code: '{"data": {"name": "apps", "statements": ["allow any-group to manage load-balancers in compartment Apps"]}}\n',
      errors: [{
        messageId: 'anyGroup', line: 1, column: 49, endColumn: 58,
        message: 'any-group can manage load-balancers in compartment Apps: every user of every group and every dynamic group in the tenancy gets it. Name the principal with where request.principal.id, request.principal.compartment.id or request.user.id, or grant a group.',
      }],
    },
  ],
});

it('grades by what is granted: manage or IAM use is an error, use or IAM read a warning, read a note', () => {
  const levels = lintIam(rule, policy`
    allow any-user to manage buckets in compartment Apps
    allow any-user to use users in tenancy
    allow any-user to use all-resources in compartment Apps
    allow any-user to use subnets in compartment Apps
    allow any-user to read policies in tenancy
    allow any-user to read buckets in compartment Apps
    allow any-user to {BUCKET_DELETE} in compartment Apps
    allow any-user to {VCN_READ} in compartment Apps
    allow any-user to inspect buckets in compartment Apps
  `).filter((f) => f.ruleId === rule.meta.id).map((f) => `${f.start.line}:${f.level}`);
  expect(levels).toEqual(['1:error', '2:error', '3:error', '4:warning', '5:warning', '6:note', '7:error', '8:note']);
});
