/**
 * @fileoverview A where condition, or part of one, that is true for every request: most often
 * `any {x != 'a', x != 'b'}` written where `all {...}` was meant (the widely copied auditor
 * statement), so the grant is as broad as if the condition were not there.
 */
import { defineIamRule, findTautologies, isAlwaysTrue, quoteText, type Report, type Tautology } from '../../src/rule-api.js';

const WHOLE = 'the where clause narrows nothing, so the grant applies as if it had none';
const PART = 'this part of the condition narrows nothing';

export default defineIamRule({
  meta: {
    id: 'iam-tautological-condition',
    layer: 'cloud-control',
    level: 'error',
    securitySeverity: 7.0,
    description: 'A where condition of an OCI IAM policy statement is always true (for example any {...} of != comparisons on one variable), so it does not narrow the grant it was written to narrow.',
    remediation: "Rewrite the condition so it can be false: join != exclusions with all {...} instead of any {...}, or list the allowed values with = inside any {...}.",
    tags: ['oci-iam', 'least-privilege', 'logic'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      distinctExclusions: '{{text}} is always true: any {...} holds when one member holds, and no value of {{variable}} matches both {{a}} and {{b}}, so one of the != comparisons always holds; {{effect}}. Use all {...} to exclude every listed value.',
      includedAndExcluded: '{{text}} is always true: every value of {{variable}} either matches {{included}} or differs from {{excluded}}; {{effect}}.',
      wholeDomain: '{{text}} is always true: it accepts every value {{variable}} can take; {{effect}}.',
      matchesEverything: '{{text}} is always true: {{value}} matches every value of {{variable}}, which every request has; {{effect}}.',
    },
  },
  *checkStatement(ctx) {
    const where = ctx.statement.kind === 'define' ? undefined : ctx.statement.where;
    if (!where) return;
    const effect = isAlwaysTrue(where.condition) ? WHOLE : PART;
    for (const t of findTautologies(where.condition)) yield report(t, quoteText(ctx.textOf(t.node)), effect);
  },
});

function report(t: Tautology, text: string, effect: string): Report {
  const r = t.reason;
  const at = t.node;
  switch (r.kind) {
    case 'distinct-exclusions':
      return { messageId: 'distinctExclusions', at, data: { text, variable: r.variable, a: r.values[0], b: r.values[1], effect } };
    case 'included-and-excluded':
      return { messageId: 'includedAndExcluded', at, data: { text, variable: r.variable, included: r.included, excluded: r.excluded, effect } };
    case 'whole-domain':
      return { messageId: 'wholeDomain', at, data: { text, variable: r.variable, effect } };
    case 'matches-everything':
      return { messageId: 'matchesEverything', at, data: { text, variable: r.variable, value: r.value, effect } };
  }
}
