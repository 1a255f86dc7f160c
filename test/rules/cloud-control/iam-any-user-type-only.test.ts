import { expect, it } from 'vitest';
import rule from '../../../rules/cloud-control/iam-any-user-type-only.js';
import { iamTester, lintIam, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'the type plus the principal or its compartment', code: policy`
      allow any-user to use subnets in compartment Net where all { request.principal.type = 'cluster', request.principal.compartment.id = 'ocid1.compartment.oc1..oke' }
      allow any-user to use key-delegate in compartment Oke where all { request.principal.type = 'nodepool', request.principal.compartment.id = target.compartment.id }
      Allow any-user to manage dns in compartment Dns where all {request.principal.type = 'workload', request.principal.namespace = 'dns', request.principal.service_account = 'external-dns', request.principal.cluster_id = 'ocid1.cluster.oc1..aaaa'}
      allow any-user to use subnets in compartment Net where all { request.principal.type = 'cluster', request.principal.compartment.tag.oke.platform = 'prod' }
    ` },
    { name: 'no narrowing at all: iam-any-user-grant', code: 'allow any-user to use subnets in compartment Net\n' },
    { name: 'groups, dynamic groups, hidden conditions', code: policy`
      Allow dynamic-group Nodes to use subnets in compartment Net where request.principal.type = 'instance'
      allow any-user to use subnets in compartment Net where all { request.principal.type = 'cluster', \${var.more} }
    ` },
    { name: 'exempt policy', format: 'json', options: { exemptPolicies: ['oke-cluster'] },
      code: "{\"name\": \"oke-cluster\", \"statements\": [\"allow any-user to use subnets in compartment Net where request.principal.type = 'cluster'\"]}\n" },
  ],
  invalid: [
    {
      name: 'every cluster in the tenancy, at the type comparison',
      code: "Allow any-user to manage network-security-groups in compartment id ocid1.compartment.oc1..aaaa where request.principal.type = 'cluster'\n",
      errors: [{
        messageId: 'typeOnly', line: 1, column: 102, endColumn: 136,
        message: "any-user can manage network-security-groups in compartment id ocid1.compartment.oc1..aaaa, narrowed only by request.principal.type = 'cluster': every principal of that type in the tenancy gets it. Add request.principal.id or request.principal.compartment.id.",
      }],
    },
    {
      name: 'inside all {...}, next to operation limits; any-group',
      code: policy`
        allow any-user to use private-ips in compartment Net where all { request.principal.type = 'cluster' }
        allow any-group to manage vcns in compartment Net where all { request.principal.type = 'cluster', any { request.operation = 'CreateNetworkSecurityGroup', request.operation = 'DeleteNetworkSecurityGroup' } }
      `,
      errors: [
        { messageId: 'typeOnly', line: 1, column: 66, endColumn: 100 },
        { messageId: 'typeOnly', line: 2, column: 63, endColumn: 97 },
      ],
    },
    {
      name: 'an OKE workload without its cluster',
      code: "Allow any-user to read secret-family in compartment Oke where all {request.principal.type = 'workload', request.principal.namespace = 'shop', request.principal.service_account = 'cart'}\n",
      errors: [{
        messageId: 'workloadNoCluster', line: 1, column: 68, endColumn: 103,
        message: "any-user can read secret-family in compartment Oke, narrowed by request.principal.type = 'workload' but not by cluster: a workload with the same namespace and service account in any cluster of the tenancy gets it. Add request.principal.cluster_id.",
      }],
    },
    {
      name: 'API JSON',
      format: 'json',
      code: "{\"compartmentId\": \"ocid1.compartment.oc1..aaaa\", \"name\": \"logs\", \"statements\": [\"Allow any-user to {STREAM_READ, STREAM_CONSUME} in compartment Logs where all {request.principal.type='serviceconnector'}\"]}\n",
      errors: [{ messageId: 'typeOnly', line: 1, column: 161, endColumn: 202 }],
    },
  ],
});

it('is a note for read and inspect, a warning for use and manage', () => {
  const levels = lintIam(rule, policy`
    allow any-user to read vcns in compartment Net where request.principal.type = 'cluster'
    allow any-user to use vnics in compartment Net where request.principal.type = 'cluster'
    allow any-user to {VCN_READ} in compartment Net where request.principal.type = 'cluster'
  `).filter((f) => f.ruleId === rule.meta.id).map((f) => `${f.start.line}:${f.level}`);
  expect(levels).toEqual(['1:note', '2:warning', '3:note']);
});
