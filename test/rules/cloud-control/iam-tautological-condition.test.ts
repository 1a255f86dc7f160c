import rule from '../../../rules/cloud-control/iam-tautological-condition.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    'Allow group A to manage buckets in tenancy\n',
    "Allow group A to use ons-family in tenancy where all {request.operation != /Create*/, request.operation != /Update*/}\n",
    { name: 'same value in two cases is one exclusion', code: "Allow group A to manage buckets in tenancy where any {request.permission != 'A', request.permission != 'a'}\n" },
    { name: 'patterns that one value can match together', code: 'Allow group A to use buckets in tenancy where any {request.operation != /Create*/, request.operation != /*Bucket/}\n' },
    { name: 'different variables', code: "Allow group A to read objects in tenancy where any {target.bucket.name != 'a', target.object.name != 'b'}\n" },
    { name: "the tag 'is set' form", code: "allow any-user to inspect compartments in tenancy where request.principal.group.tag.ns.k = '*'\n" },
    { name: 'hidden values are not judged', code: "Allow group A to manage buckets in tenancy where any {request.permission != '${var.a}', request.permission != 'B'}\n" },
    { name: 'a variable on the right', code: "Allow any-user to read buckets in tenancy where any {request.principal.id != target.agent.id, request.principal.id != 'x'}\n" },
    { name: 'some summer months', code: "Allow group Interns to manage instance-family in compartment Lab where ANY {request.utc-timestamp.month-of-year in ('6', '7', '8')}\n" },
  ],
  invalid: [
    {
      name: "the issue's trap: any{request.permission != 'A', request.permission != 'B'}",
      code: "Allow group A to manage buckets in tenancy where any{request.permission != 'A', request.permission != 'B'}\n",
      errors: [{
        messageId: 'distinctExclusions', line: 1, column: 50, endLine: 1, endColumn: 107,
        message: "'any{request.permission != 'A', request.permission != 'B'}' is always true: any {...} holds when one member holds, and no value of request.permission matches both 'A' and 'B', so one of the != comparisons always holds; the where clause narrows nothing, so the grant applies as if it had none. Use all {...} to exclude every listed value.",
      }],
    },
    {
      name: 'a nested always-true any{} on its own line: only that part narrows nothing',
      code: policy`
        Allow group BucketAdmins to manage buckets in compartment Data
          where all {target.bucket.name = /logs-*/,
            any {request.permission != 'BUCKET_DELETE', request.permission != 'BUCKET_UPDATE'}}
      `,
      errors: [{
        messageId: 'distinctExclusions', line: 3, column: 5, endLine: 3, endColumn: 87,
        message: "'any {request.permission != 'BUCKET_DELETE', request.permission != 'BUCKET_UPDAT…' is always true: any {...} holds when one member holds, and no value of request.permission matches both 'BUCKET_DELETE' and 'BUCKET_UPDATE', so one of the != comparisons always holds; this part of the condition narrows nothing. Use all {...} to exclude every listed value.",
      }],
    },
    {
      name: 'the auditor statement in CLI JSON, positioned inside the string',
      format: 'json',
      code: '{"name": "auditors", "statements": ["allow group Auditor-Group to use ons-family in tenancy where any {request.operation!=/Create*/, request.operation!=/Update*/}"]}\n',
      errors: [{
        messageId: 'distinctExclusions', line: 1, column: 99, endColumn: 163,
        message: "'any {request.operation!=/Create*/, request.operation!=/Update*/}' is always true: any {...} holds when one member holds, and no value of request.operation matches both /Create*/ and /Update*/, so one of the != comparisons always holds; the where clause narrows nothing, so the grant applies as if it had none. Use all {...} to exclude every listed value.",
      }],
    },
    {
      name: 'the other shapes, each with its reason',
      code: policy`
        Allow group A to manage objects in compartment Data where any {target.bucket.name = 'Logs', target.bucket.name != 'LOGS'}
        Allow group B to manage instance-family in compartment Lab where ANY {request.utc-timestamp.day-of-week in ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')}
        Allow group C to read buckets in tenancy where request.permission = /*/
      `,
      errors: [
        {
          messageId: 'includedAndExcluded', line: 1, column: 59,
          message: "'any {target.bucket.name = 'Logs', target.bucket.name != 'LOGS'}' is always true: every value of target.bucket.name either matches 'Logs' or differs from 'LOGS'; the where clause narrows nothing, so the grant applies as if it had none.",
        },
        {
          messageId: 'wholeDomain', line: 2, column: 66,
          message: "'ANY {request.utc-timestamp.day-of-week in ('monday', 'tuesday', 'wednesday', 't…' is always true: it accepts every value request.utc-timestamp.day-of-week can take; the where clause narrows nothing, so the grant applies as if it had none.",
        },
        {
          messageId: 'matchesEverything', line: 3, column: 48, endColumn: 72,
          message: "'request.permission = /*/' is always true: /*/ matches every value of request.permission, which every request has; the where clause narrows nothing, so the grant applies as if it had none.",
        },
      ],
    },
    {
      name: 'two always-true members of all{}: each reported, and the whole clause narrows nothing',
      code: "Allow group A to manage buckets in tenancy where all {any {request.permission != 'A', request.permission != 'B'}, any {request.operation != 'X', request.operation != 'Y'}}\n",
      errors: [
        { messageId: 'distinctExclusions', line: 1, column: 55, endColumn: 113 },
        { messageId: 'distinctExclusions', line: 1, column: 115, endColumn: 171 },
      ],
    },
  ],
});
