/**
 * @fileoverview Soft syntax problems in a statement that still parses: an unknown resource type,
 * a missing location, an unquoted condition value, `any( )` with parentheses, and forms the OCI
 * documentation does not describe.
 */
import { defineIamRule, type Questionable, type Report } from '../../src/rule-api.js';

export default defineIamRule({
  meta: {
    id: 'iam-questionable-syntax',
    layer: 'cloud-control',
    level: 'warning',
    securitySeverity: 3.5,
    description: 'An OCI IAM policy statement parses but uses syntax OCI probably rejects or reads differently than intended (unknown resource type, missing location, unquoted value, any( ) with parentheses).',
    remediation: 'Write the statement as the OCI policy reference documents it: a known resource type, an explicit location, quoted condition values and any {...} or all {...} with braces.',
    tags: ['oci-iam', 'syntax'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      missingLocation: "The statement has no location ('in tenancy' or 'in compartment ...'): OCI requires one, and the scope of the grant is unknown.",
      unquotedValue: "The condition value {{text}} is not quoted: OCI expects 'text', /pattern/ or a request. or target. variable.",
      anyParentheses: '{{text}} uses parentheses: OCI documents any {...} and all {...} with braces.',
      unknownResourceType: '{{text}} is not a known resource type or family: a misspelt type grants nothing (or okelint does not know this newer type yet).',
      unknownFunction: '{{text}} is not a known condition function (known: sets-intersect).',
      anyTenancyOutsideEndorse: "'any-tenancy' is documented as a location of Endorse statements only.",
      admitWithoutTenancy: "The Admit statement does not name the other tenancy: write 'of tenancy <alias>' after the subject.",
      associateInAllow: "'associate' is documented in Endorse and Admit statements only.",
      defineDynamicGroup: "'define dynamic-group' is not documented (define tenancy, group and compartment are).",
    },
  },
  *checkStatement(ctx) {
    for (const q of ctx.questionable) yield report(q, `'${clip(ctx.textOf(q))}'`);
  },
});

function report(q: Questionable, text: string): Report {
  switch (q.code) {
    case 'missing-location': return { messageId: 'missingLocation', at: q };
    case 'unquoted-value': return { messageId: 'unquotedValue', data: { text }, at: q };
    case 'any-parentheses': return { messageId: 'anyParentheses', data: { text }, at: q };
    case 'unknown-resource-type': return { messageId: 'unknownResourceType', data: { text }, at: q };
    case 'unknown-function': return { messageId: 'unknownFunction', data: { text }, at: q };
    case 'any-tenancy-outside-endorse': return { messageId: 'anyTenancyOutsideEndorse', at: q };
    case 'admit-without-tenancy': return { messageId: 'admitWithoutTenancy', at: q };
    case 'associate-in-allow': return { messageId: 'associateInAllow', at: q };
    case 'define-dynamic-group': return { messageId: 'defineDynamicGroup', at: q };
  }
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
