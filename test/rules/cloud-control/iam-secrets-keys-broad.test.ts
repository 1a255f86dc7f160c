import rule from '../../../rules/cloud-control/iam-secrets-keys-broad.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'in the compartment that holds the vault', code: policy`
      Allow group SecurityAdmins to manage vaults in compartment Security
      Allow group SecurityAdmins to manage keys in compartment Security
      Allow group SecurityAdmins to manage secret-family in compartment Security
    ` },
    { name: 'tenancy-wide but narrowed to a vault, key, secret or operation', code: policy`
      Allow group Apps to use keys in tenancy where target.key.id = 'ocid1.key.oc1..aaaa'
      Allow group Apps to use vaults in tenancy where target.vault.id = 'ocid1.vault.oc1..aaaa'
      Allow group Apps to read secret-bundles in tenancy where target.secret.name = 'db-password'
      Allow group Apps to manage keys in tenancy where request.operation = 'GetKey'
      Allow group Apps to use keys in tenancy where \${var.cond}
    ` },
    { name: 'metadata only, and key delegation', code: policy`
      Allow group Auditors to read vaults in tenancy
      Allow group Auditors to read keys in tenancy
      Allow group Auditors to read secrets in tenancy
      Allow group Apps to use key-delegate in tenancy
    ` },
    { name: 'services, administrators, all-resources (other rules)', code: policy`
      Allow service blockstorage, oke, streaming to use keys in tenancy
      Allow group Administrators to manage secret-family in tenancy
      Allow group Ops to use all-resources in tenancy
    ` },
    { name: 'exempt policy', format: 'json', options: { exemptPolicies: ['vault-admins'] },
      code: '{"name": "vault-admins", "statements": ["Allow group VaultOps to manage vaults in tenancy"]}\n' },
  ],
  invalid: [
    {
      name: 'use keys in tenancy, at the location',
      code: 'Allow dynamic-group MonCreds to use keys in tenancy\n',
      errors: [{
        messageId: 'tenancyWide', line: 1, column: 45, endColumn: 52,
        message: 'dynamic-group MonCreds can use keys in tenancy: that reaches every key (decrypting whatever it protects) in every compartment. Grant it in the compartment that holds the vault, with where target.vault.id, target.key.id or target.secret.name.',
      }],
    },
    {
      name: 'secret contents and families',
      code: policy`
        allow group PlatformMon to manage secret-family in tenancy
        Allow any-user to use key-family in tenancy
      `,
      errors: [
        { messageId: 'tenancyWide', line: 1, column: 52, endColumn: 59, message: 'group PlatformMon can manage secret-family in tenancy: that reaches the contents of every secret in every compartment. Grant it in the compartment that holds the vault, with where target.vault.id, target.key.id or target.secret.name.' },
        { messageId: 'tenancyWide', line: 2, column: 37, message: 'any-user can use key-family in tenancy: that reaches every vault and every key (decrypting whatever it protects) in every compartment. Grant it in the compartment that holds the vault, with where target.vault.id, target.key.id or target.secret.name.' },
      ],
    },
    {
      name: 'a condition that names no object, at the condition; the root compartment by OCID; a permission list',
      code: policy`
        Allow group Apps to read secret-bundles in tenancy where request.user.mfaTotpVerified = 'true'
        Allow group Apps to {KEY_ENCRYPT, KEY_DECRYPT} in compartment id ocid1.tenancy.oc1..aaaa
      `,
      errors: [
        {
          messageId: 'tenancyWide', line: 1, column: 58,
          message: "group Apps can read secret-bundles in tenancy where request.user.mfaTotpVerified = 'true', which names no vault, key or secret: that reaches the contents of every secret in every compartment. Grant it in the compartment that holds the vault, with where target.vault.id, target.key.id or target.secret.name.",
        },
        { messageId: 'tenancyWide', line: 2, column: 51, endColumn: 89 },
      ],
    },
    {
      name: 'API JSON',
      format: 'json',
      code: '{"name": "vault", "statements": ["Allow group VaultOps to manage vaults in tenancy"]}\n',
      errors: [{ messageId: 'tenancyWide', line: 1, column: 76, endColumn: 83 }],
    },
  ],
});
