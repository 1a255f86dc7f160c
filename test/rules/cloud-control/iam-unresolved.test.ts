import rule from '../../../rules/cloud-control/iam-unresolved.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    'Allow group ClusterAdmins to manage cluster-family in compartment OKE\n',
    "Allow group A to read buckets in tenancy where target.bucket.name = '<not a placeholder inside quotes?>'\n",
    { code: '{"statements": ["Allow group A to read buckets in tenancy"]}', format: 'json' },
  ],
  invalid: [
    {
      name: 'every hidden part, each at its text',
      code: policy`
        Allow group \${var.g} to manage \${local.rt} in compartment <cmp> where \${var.cond}
        Allow dynamic-group %v to {CLUSTER_JOIN, \${var.p}} in compartment id %v
      `,
      errors: [
        { messageId: 'subject', line: 1, column: 13, endColumn: 21, message: "The subject is hidden behind '${var.g}': who gets the grant was not checked." },
        { messageId: 'resource', line: 1, column: 32, message: "The resource type is hidden behind '${local.rt}': what the grant covers was not checked." },
        { messageId: 'location', line: 1, column: 59, message: "The location is hidden behind '<cmp>': the scope of the grant was not checked." },
        { messageId: 'condition', line: 1, column: 71, message: "Part of the condition is hidden behind '${var.cond}': what the where clause narrows was not checked." },
        { messageId: 'subject', line: 2, column: 21, message: "The subject is hidden behind '%v': who gets the grant was not checked." },
        { messageId: 'permission', line: 2, column: 42 },
        { messageId: 'location', line: 2, column: 70 },
      ],
    },
    {
      name: 'tenancy aliases and Define statements',
      code: policy`
        Endorse group A to read buckets in tenancy \${var.alias}
        Define tenancy \${var.a} as %v
      `,
      errors: [
        { messageId: 'tenancyAlias', line: 1, column: 44, message: "The tenancy alias is hidden behind '${var.alias}': which tenancy is trusted was not checked." },
        { messageId: 'define', line: 2, column: 16 },
        { messageId: 'define', line: 2, column: 28, message: "Part of the Define statement is hidden behind '%v': what the alias names was not checked." },
      ],
    },
    {
      name: 'a long expression is shortened in the message',
      code: 'Allow group A to read buckets in tenancy where ${join(",", [for g in var.very_long_list_of_conditions : "request.x != \'${g}\'"])}\n',
      errors: [{ messageId: 'condition', line: 1, column: 48, message: "Part of the condition is hidden behind '${join(\",\", [for g in var.very_long_list_of_conditions : \"r…': what the where clause narrows was not checked." }],
    },
    {
      name: 'in policy JSON',
      format: 'json',
      code: '{"data": {"name": "tmpl", "statements": ["Allow group <group_name> to manage mysql-family in tenancy"]}}\n',
      errors: [{ messageId: 'subject', line: 1, column: 55, endColumn: 67 }],
    },
  ],
});
