import rule from '../../../rules/cloud-control/iam-deny-list-condition.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'no where clause', code: 'Allow group A to manage buckets in compartment Data\n' },
    { name: 'a lower verb', code: "Allow group A to use virtual-network-family in compartment Network where request.permission != 'VCN_UPDATE'\n" },
    { name: 'an allow-list', code: "Allow group XYZ to manage groups in tenancy where all {request.permission='GROUP_INSPECT', request.operation='ListGroups'}\n" },
    { name: 'CIS 1.15: deletion only', code: "Allow group StorageAdmins to manage file-family in compartment S where all {request.permission != 'FILE_SYSTEM_DELETE', request.permission != 'FILE_SYSTEM_NFSv3_UNEXPORT'}\n" },
    { name: 'another requirement narrows', code: "Allow any-user to manage network-security-groups in compartment OKE where all { request.principal.type = 'cluster', request.permission != 'NETWORK_SECURITY_GROUP_MOVE' }\n" },
    { name: 'CIS 1.3: != on the target group', code: "Allow group GroupAdmins to manage groups in tenancy where target.group.name != 'Administrators'\n" },
    { name: 'always true: iam-tautological-condition reports it', code: "Allow group A to manage buckets in tenancy where any {request.permission != 'A', request.permission != 'B'}\n" },
    { name: 'a hidden member may narrow', code: "Allow group A to manage buckets in tenancy where all {request.permission != 'BUCKET_UPDATE', ${var.more}}\n" },
    { name: 'a permission list is not manage', code: "Allow group A to {BUCKET_UPDATE} in tenancy where request.permission != 'BUCKET_UPDATE'\n" },
  ],
  invalid: [
    {
      name: "Oracle's IAM admin grant: a deny-list of credential operations, at the all{}",
      code: "allow group grp-iam-admins to manage users in tenancy where all {request.operation != 'ListApiKeys', request.operation != 'UploadApiKey'}\n",
      errors: [{
        messageId: 'denyList', line: 1, column: 61, endColumn: 138,
        message: "The only narrowing of this manage grant is the deny-list 'all {request.operation != 'ListApiKeys', request.operation != 'UploadApiKey'}': every other permission manage users grants, and any OCI adds later, is allowed. List the allowed permissions or operations with = instead, or use a lower verb.",
      }],
    },
    {
      name: 'a single != at the comparison',
      code: "Allow group NetworkAdmins to manage virtual-network-family in compartment Network where request.permission != 'SECURITY_LIST_UPDATE'\n",
      errors: [{ messageId: 'denyList', line: 1, column: 89, endColumn: 133 }],
    },
    {
      name: 'a deny-only branch of any{} on its own line',
      code: policy`
        Allow group DbAdmins to manage database-family in compartment Db
          where any {target.resource.tag.ops.env = 'dev',
            request.permission != 'DB_SYSTEM_UPDATE'}
      `,
      errors: [{
        messageId: 'denyList', line: 3, column: 5, endColumn: 45,
        message: "The only narrowing of this manage grant is the deny-list 'request.permission != 'DB_SYSTEM_UPDATE'': every other permission manage database-family grants, and any OCI adds later, is allowed. List the allowed permissions or operations with = instead, or use a lower verb.",
      }],
    },
    {
      name: 'exclusions spread over nested groups: the node that holds them all',
      code: "Allow group A to manage buckets in tenancy where all {request.permission != 'A', any {request.permission != 'B', target.bucket.name = 'x'}}\n",
      errors: [{ messageId: 'denyList', line: 1, column: 50 }],
    },
    {
      name: 'in API JSON, the escaped quotes inside the span',
      format: 'json',
      code: '{"name": "p", "statements": ["Allow group A to manage buckets in tenancy where request.permission != \\u0027BUCKET_UPDATE\\u0027"]}\n',
      errors: [{ messageId: 'denyList', line: 1, column: 80, endColumn: 127 }],
    },
  ],
});
