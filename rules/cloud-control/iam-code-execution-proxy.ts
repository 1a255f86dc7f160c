/**
 * @fileoverview Grants that let the holder run code with someone else's permissions: Resource
 * Manager stacks and jobs, DevOps pipelines, functions, instance Run Command. Reported tenancy-wide
 * by default (option `compartments` for every location).
 */
import { canonicalType, defineIamRule, quoteText } from '../../src/rule-api.js';

interface Options {
  readonly compartments: boolean;
}

type Proxy = 'orm' | 'devops' | 'functions' | 'runCommand';

/** Resource types (canonical spelling) whose `manage` verb lets code run as another principal. */
const PROXIES: ReadonlyMap<string, Proxy> = new Map([
  ['orm-stacks', 'orm'], ['orm-jobs', 'orm'], ['orm-family', 'orm'],
  ['devops-family', 'devops'],
  ['functions-family', 'functions'], ['fn-function', 'functions'],
  ['instance-agent-command-family', 'runCommand'],
]);

export default defineIamRule<Options>({
  meta: {
    id: 'iam-code-execution-proxy',
    layer: 'cloud-control',
    level: 'note',
    securitySeverity: 4.0,
    description: 'An OCI IAM statement grants manage on a service that runs code as another principal (Resource Manager stacks and jobs, DevOps pipelines, functions, instance Run Command), so the holder can borrow that principal\'s permissions.',
    remediation: 'Grant it in the compartment that holds the group\'s own stacks, pipelines, functions or instances, and keep privileged ones (and the dynamic groups that match them) in compartments the group cannot manage.',
    tags: ['oci-iam', 'privilege-escalation'],
    appliesTo: ['iam'],
    recommended: true,
    options: {
      type: 'object',
      properties: {
        compartments: { type: 'boolean', description: 'Also report grants in a compartment (by default only grants in the whole tenancy are reported).' },
      },
      additionalProperties: false,
    },
    defaultOptions: { compartments: false },
    messages: {
      orm: '{{subject}} can manage {{resource}} {{scope}}: a Resource Manager job runs the stack\'s Terraform with the permissions of whoever starts it, so editing a stack that a more privileged user applies runs this code with that user\'s rights (and state files hold secrets).',
      devops: '{{subject}} can manage {{resource}} {{scope}}: DevOps build and deployment pipelines run with the pipeline\'s resource principal (the grants of the dynamic groups that match it), so editing a pipeline or its build spec runs code with those rights.',
      functions: '{{subject}} can manage {{resource}} {{scope}}: a function runs with its resource principal (the grants of the dynamic groups that match it), so deploying or updating function code runs it with those rights.',
      runCommand: '{{subject}} can manage {{resource}} {{scope}}: Run Command executes scripts as root on instances, which then act with their instance principal (the grants of the dynamic groups that match them).',
    },
  },
  *checkStatement(ctx) {
    const s = ctx.statement;
    if (s.kind !== 'allow' && s.kind !== 'admit') return;
    if (s.action.kind !== 'verb' || s.action.verb !== 'manage' || !s.resource || !s.location) return;
    const proxy = PROXIES.get(canonicalType(s.resource.name));
    const tenancyWide = s.location.kind === 'tenancy' && !s.location.alias;
    if (!proxy || !(tenancyWide || (ctx.options.compartments && s.location.kind !== 'any-tenancy'))) return;
    const data = {
      subject: quoteText(ctx.textOf(s.subject)),
      resource: ctx.textOf(s.resource),
      scope: tenancyWide ? 'in the whole tenancy' : `in ${ctx.textOf(s.location)}`,
    };
    const at = s.resource;
    switch (proxy) {
      case 'orm': yield { messageId: 'orm', data, at }; break;
      case 'devops': yield { messageId: 'devops', data, at }; break;
      case 'functions': yield { messageId: 'functions', data, at }; break;
      case 'runCommand': yield { messageId: 'runCommand', data, at }; break;
    }
  },
});
