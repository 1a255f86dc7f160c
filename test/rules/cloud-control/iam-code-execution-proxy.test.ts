import rule from '../../../rules/cloud-control/iam-code-execution-proxy.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'in a compartment, by default', code: 'Allow group Deployers to manage orm-stacks in compartment Apps\n' },
    { name: 'a lower verb', code: 'Allow group AppDevs to use functions-family in tenancy\n' },
    { name: "the instance agent's own grant", code: 'Allow dynamic-group agents to use instance-agent-command-execution-family in tenancy\n' },
    { name: 'Endorse acts in the other tenancy', code: 'Endorse group Ops to manage orm-stacks in tenancy Partner\n' },
    { name: 'compartments option: any-tenancy is not a compartment', code: 'Allow group Ops to manage orm-stacks in any-tenancy\n', options: { compartments: true } },
    { name: 'not a proxy type', code: 'Allow group Ops to manage instance-family in tenancy\n' },
  ],
  invalid: [
    {
      name: 'each kind of proxy, tenancy-wide, at the resource type',
      code: policy`
        Allow group Deployers to manage orm-stacks in tenancy
        Allow group Builders to manage devops-family in tenancy
        Allow group AppDevs to manage functions-family in tenancy
        Allow group Operators to manage instance-agent-command-family in tenancy
      `,
      errors: [
        {
          messageId: 'orm', line: 1, column: 33, endColumn: 43,
          message: "'group Deployers' can manage orm-stacks in the whole tenancy: a Resource Manager job runs the stack's Terraform with the permissions of whoever starts it, so editing a stack that a more privileged user applies runs this code with that user's rights (and state files hold secrets).",
        },
        {
          messageId: 'devops', line: 2, column: 32, endColumn: 45,
          message: "'group Builders' can manage devops-family in the whole tenancy: DevOps build and deployment pipelines run with the pipeline's resource principal (the grants of the dynamic groups that match it), so editing a pipeline or its build spec runs code with those rights.",
        },
        {
          messageId: 'functions', line: 3, column: 31, endColumn: 47,
          message: "'group AppDevs' can manage functions-family in the whole tenancy: a function runs with its resource principal (the grants of the dynamic groups that match it), so deploying or updating function code runs it with those rights.",
        },
        {
          messageId: 'runCommand', line: 4, column: 33, endColumn: 62,
          message: "'group Operators' can manage instance-agent-command-family in the whole tenancy: Run Command executes scripts as root on instances, which then act with their instance principal (the grants of the dynamic groups that match them).",
        },
      ],
    },
    {
      name: 'with compartments: true, a compartment grant too',
      code: 'Allow group AppDevs to manage functions-family in compartment Apps\n',
      options: { compartments: true },
      errors: [{
        messageId: 'functions', line: 1, column: 31, endColumn: 47,
        message: "'group AppDevs' can manage functions-family in compartment Apps: a function runs with its resource principal (the grants of the dynamic groups that match it), so deploying or updating function code runs it with those rights.",
      }],
    },
    {
      name: 'in CLI JSON',
      format: 'json',
      code: '{"data": {"name": "platform", "statements": ["Allow group Platform to manage orm-family in tenancy"]}}\n',
      errors: [{ messageId: 'orm', line: 1, column: 78, endColumn: 88 }],
    },
    {
      name: "the docs' function-family spelling",
      code: 'Allow group AppDevs to manage function-family in tenancy\n',
      errors: [{ messageId: 'functions', line: 1, column: 31, endColumn: 46 }],
    },
    {
      name: 'Admit: in tenancy is this tenancy',
      code: 'Admit group Ops of tenancy Partner to manage fn-function in tenancy\n',
      errors: [{ messageId: 'functions', line: 1, column: 46, endColumn: 57 }],
    },
  ],
});
