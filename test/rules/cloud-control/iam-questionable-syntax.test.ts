import rule from '../../../rules/cloud-control/iam-questionable-syntax.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    'Allow group NetworkAdmins to manage virtual-network-family in compartment Network\n',
    "Allow any-user to use keys in compartment Vault where any {request.principal.type = 'cluster', request.principal.type = 'workload'}\n",
    policy`
      Define tenancy Acme as ocid1.tenancy.oc1..aaaa
      Endorse group StorageAdmins to manage object-family in any-tenancy
      Admit group Ops of tenancy Acme to read buckets in tenancy
      Endorse any-user to associate compute-container-instances in compartment c of tenancy Acme with subnets in tenancy
    `,
    { name: 'hidden parts are iam-unresolved, not questionable', code: 'Allow group ${var.g} to manage ${local.rt} in compartment <cmp> where ${var.cond}\n' },
    { code: '{"statements": ["Allow group A to read buckets in tenancy where target.bucket.name = \'a\'"]}', format: 'json' },
  ],
  invalid: [
    {
      name: 'unknown resource type, at the type',
      code: 'Allow group NetworkAdmins to manage virtual-network-familly in compartment Network\n',
      errors: [{
        messageId: 'unknownResourceType', line: 1, column: 37, endColumn: 60,
        message: "'virtual-network-familly' is not a known resource type or family: a misspelt type grants nothing (or okelint does not know this newer type yet).",
      }],
    },
    {
      name: 'missing location, at the resource type',
      code: policy`
        # time-of-day example from the OCI docs, without its location
        Allow group DayShift to manage instance-family
          where request.utc-timestamp.time-of-day between '17:00:00Z' and '01:00:00Z'
      `,
      errors: [{ messageId: 'missingLocation', line: 2, column: 32, endColumn: 47 }],
    },
    {
      name: 'unquoted value and any( )',
      code: policy`
        Allow any-user to use keys in tenancy where request.principal.type = cluster
        Allow any-user to use keys in tenancy where any(request.principal.type = 'cluster', request.principal.type = 'workload')
      `,
      errors: [
        { messageId: 'unquotedValue', line: 1, column: 70, message: "The condition value 'cluster' is not quoted: OCI expects 'text', /pattern/ or a request. or target. variable." },
        { messageId: 'anyParentheses', line: 2, column: 45, endColumn: 49, message: "'any(' uses parentheses: OCI documents any {...} and all {...} with braces." },
      ],
    },
    {
      name: 'undocumented forms',
      code: policy`
        Allow group A to read buckets in tenancy where foo-bar(target.x, ('a'))
        Allow group A to read buckets in any-tenancy
        Admit group A to read buckets in tenancy
        Allow any-user to associate compute-container-instances in compartment c with subnets in tenancy
        Define dynamic-group X as ocid1.dynamicgroup.oc1..aaa
      `,
      errors: [
        { messageId: 'unknownFunction', line: 1, column: 48, message: "'foo-bar' is not a known condition function (known: sets-intersect)." },
        { messageId: 'anyTenancyOutsideEndorse', line: 2, column: 34 },
        { messageId: 'admitWithoutTenancy', line: 3, column: 7 },
        { messageId: 'associateInAllow', line: 4, column: 19 },
        { messageId: 'defineDynamicGroup', line: 5, column: 8 },
      ],
    },
    {
      name: 'in JSON, the decoded text in the message and the raw position',
      format: 'json',
      code: '{"name": "p", "statements": ["Allow group A to manage inst\\u0061nce-familly in tenancy"]}\n',
      errors: [{ messageId: 'unknownResourceType', line: 1, column: 55, endColumn: 76, message: "'instance-familly' is not a known resource type or family: a misspelt type grants nothing (or okelint does not know this newer type yet)." }],
    },
  ],
});
