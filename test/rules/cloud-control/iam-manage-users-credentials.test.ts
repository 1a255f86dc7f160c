import rule from '../../../rules/cloud-control/iam-manage-users-credentials.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'use users has no credential operations', code: policy`
      Allow group HelpDesk to use users in tenancy
      Allow group HelpDesk to inspect users in tenancy
      Allow group Ops to {USER_READ, USER_UPDATE} in tenancy
    ` },
    { name: 'a credential administrator names its operations', code: policy`
      allow group cred-admins to manage users in tenancy where any {request.operation = 'ListApiKeys', request.operation = 'UploadApiKey', request.operation = 'CreateOrResetUIPassword', request.operation = 'CreateAuthToken', request.operation = 'CreateSecretKey', request.operation = 'CreateOAuthClientCredential'}
      allow group cred-admins to {USER_APIKEY_ADD} in tenancy where request.permission = 'USER_APIKEY_ADD'
    ` },
    { name: 'every credential operation excluded, or the administrators group excluded', code: policy`
      allow group iam-admins to manage users in tenancy where all {request.operation != 'UploadApiKey', request.operation != 'CreateOrResetUIPassword', request.operation != 'CreateAuthToken', request.operation != 'CreateSecretKey', request.operation != 'CreateOAuthClientCredential'}
      allow group cred-admins to manage users in tenancy where any {target.group.name != 'Administrators'}
      allow group cred-admins to manage users in tenancy where \${var.cond}
    ` },
    { name: 'administrators, services, compartments, tenancy administration (another rule)', code: policy`
      Allow group Administrators to manage users in tenancy
      Allow service cloudguard to manage users in tenancy
      Allow group DomainOps to manage users in compartment Domains
      Allow group Ops to manage all-resources in tenancy
    ` },
    { name: 'exempt policy', format: 'json', options: { exemptPolicies: ['cred-admin'] },
      code: '{"name": "cred-admin", "statements": ["Allow group Creds to manage users in tenancy"]}\n' },
  ],
  invalid: [
    {
      name: 'manage users with no condition, at the verb',
      code: 'Allow group HelpDesk to manage users in tenancy\n',
      errors: [{
        messageId: 'credentials', line: 1, column: 25, endColumn: 31,
        message: 'group HelpDesk can manage users in tenancy: it can call UploadApiKey, CreateOrResetUIPassword, CreateAuthToken, CreateSecretKey, CreateOAuthClientCredential on any user, tenancy administrators included, and act as them. Use "use users" or exclude these operations with where all {request.operation != ...}.',
      }],
    },
    {
      name: 'a != list that forgets the console password reset (the landing-zone IAM admin), at the condition',
      code: "allow group iam-admins to manage users in tenancy where all {request.operation != 'ListApiKeys', request.operation != 'UploadApiKey', request.operation != 'CreateAuthToken', request.operation != 'CreateSecretKey'}\n",
      errors: [{
        messageId: 'credentials', line: 1, column: 57,
        message: "group iam-admins can manage users in tenancy where all {request.operation != 'ListApiKeys', request.oper…, which leaves them open: it can call CreateOrResetUIPassword, CreateOAuthClientCredential on any user, tenancy administrators included, and act as them. Use \"use users\" or exclude these operations with where all {request.operation != ...}.",
      }],
    },
    {
      name: 'a condition that does not narrow; a permission list',
      code: policy`
        Allow group Ops to manage users in tenancy where request.user.mfaTotpVerified = 'true'
        Allow group Ops to {USER_READ, USER_UIPASS_RESET} in tenancy
      `,
      errors: [
        { messageId: 'credentials', line: 1, column: 50, endColumn: 87 },
        { messageId: 'credentials', line: 2, column: 32, endColumn: 49 },
      ],
    },
    {
      name: 'in CLI JSON (list)',
      format: 'json',
      code: '{"data": [{"name": "iam", "statements": ["Allow group HelpDesk to manage users in tenancy"]}]}\n',
      errors: [{ messageId: 'credentials', line: 1, column: 67, endColumn: 73 }],
    },
  ],
});
