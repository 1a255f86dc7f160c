import rule from '../../../rules/cloud-control/iam-service-all-resources.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: "Cloud Guard's documented read grant", code: 'allow service cloudguard to read all-resources in tenancy\n' },
    { name: 'the types a service documents', code: policy`
      Allow service blockstorage, oke, streaming to use keys in compartment Vault where target.key.id = 'ocid1.key.oc1..aaaa'
      Allow service objectstorage-us-ashburn-1 to manage object-family in compartment Archive
    ` },
    { name: 'groups are the all-resources rules', code: 'Allow group Ops to manage all-resources in tenancy\n' },
    { name: 'exempt policy', format: 'json', options: { exemptPolicies: ['legacy-oke'] }, code: '{"name": "legacy-oke", "statements": ["allow service OKE to manage all-resources in tenancy"]}\n' },
  ],
  invalid: [
    {
      name: 'the legacy OKE tutorial statement, at the subject',
      code: 'allow service OKE to manage all-resources in tenancy\n',
      errors: [{
        messageId: 'serviceAllResources', line: 1, column: 7, endColumn: 18,
        message: 'service OKE can manage all-resources in tenancy: no service documents a need for all-resources, and anyone who can make the service act on their behalf borrows it. Grant the resource types the service documents, in the compartment it works in.',
      }],
    },
    {
      name: 'use, in a compartment, a service list, with a where clause',
      code: policy`
        Allow service faas, streaming to USE all-resources in compartment Apps
        Allow service cloudguard to manage all-resources in compartment Sec where request.operation = 'X'
      `,
      errors: [
        { messageId: 'serviceAllResources', line: 1, column: 7, endColumn: 30 },
        { messageId: 'serviceAllResources', line: 2, column: 7, endColumn: 25 },
      ],
    },
    {
      name: 'in CLI JSON',
      format: 'json',
      code: '{"data": {"name": "oke", "statements": ["allow service OKE to manage all-resources in tenancy"]}}\n',
      errors: [{ messageId: 'serviceAllResources', line: 1, column: 48, endColumn: 59 }],
    },
  ],
});
