import rule from '../../../rules/cloud-control/iam-parse-error.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    'Allow group Auditors to read all-resources in tenancy\n',
    policy`
      # comments and blank lines are fine

      Allow group ClusterAdmins to manage cluster-family
        in compartment OKE
        where request.user.mfaTotpVerified = 'true'
      Define tenancy Acme as ocid1.tenancy.oc1..aaaa
      Endorse group Admins to read objects in tenancy Acme
    `,
    { code: '{"data": {"name": "p", "statements": ["Allow group A to read buckets in tenancy"]}}', format: 'json' },
  ],
  invalid: [
    {
      name: 'unknown verb, at the verb, with what was expected',
      code: 'Allow group grp-str-auditors to view all-resources in tenancy\n',
      errors: [{
        messageId: 'syntax', line: 1, column: 33, endLine: 1, endColumn: 37,
        message: "expected a verb (inspect, read, use, manage) or '{' after 'to', found 'view'",
      }],
    },
    {
      name: 'Deny, and a broken statement does not stop the others',
      code: policy`
        Allow group A to read buckets in tenancy
        Deny group B to manage all-resources in tenancy
        Allow group C to manage all-resources in compartment X, compartment Y
        Allow group D to read buckets in tenancy
      `,
      errors: [
        { messageId: 'syntax', line: 2, column: 1, endColumn: 5 },
        {
          messageId: 'syntax', line: 3, column: 55,
          message: "a statement takes a single location; expected 'where' or end of statement after 'X', found ','",
        },
      ],
    },
    {
      name: 'an error on a continuation line',
      code: 'Allow group A to manage instance-family\n  in compartment A\n  where request.region = \'iad\' request.x = \'y\'\n',
      errors: [{ messageId: 'syntax', line: 3, column: 32 }],
    },
    {
      name: 'a stray line after a blank line',
      code: 'Allow group A to read buckets in tenancy\n\n  in compartment B\n',
      errors: [{ messageId: 'syntax', line: 3, column: 3, message: "expected a statement keyword (allow, endorse, admit, define) at the start of the statement, found 'in'" }],
    },
    {
      name: 'in JSON, inside the statement string, after escapes',
      format: 'json',
      code: policy`
        {
          "data": {
            "name": "p",
            "statements": [
              "Allow group 'Caf\\u00e9' to read buckets in tenancy",
              "Allow group 'Caf\\u00e9' to view buckets in tenancy",
              42
            ]
          }
        }
      `,
      errors: [
        { messageId: 'syntax', line: 6, column: 35, endColumn: 39, message: "expected a verb (inspect, read, use, manage) or '{' after 'to', found 'view'" },
        { messageId: 'syntax', line: 7, column: 7, message: 'expected a policy statement (a string), found 42' },
      ],
    },
  ],
});
