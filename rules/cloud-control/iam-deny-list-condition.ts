/**
 * @fileoverview A `manage` grant whose only narrowing is a deny-list of permissions or
 * operations (`request.permission != ...`): everything else the verb covers stays granted,
 * including permissions OCI adds later.
 */
import { conditionPaths, defineIamRule, enclosingNode, quoteText, type Comparison, type Term } from '../../src/rule-api.js';

/** `manage` minus deletion only is the CIS 1.15 form, judged by iam-storage-delete. */
const DELETION = /delete|unexport/i;

export default defineIamRule({
  meta: {
    id: 'iam-deny-list-condition',
    layer: 'cloud-control',
    level: 'warning',
    securitySeverity: 5.0,
    description: "A manage grant in an OCI IAM policy is narrowed only by request.permission != or request.operation != comparisons, so every other permission, including those OCI adds later, stays granted.",
    remediation: "List what is allowed instead (any {request.permission = 'A', request.permission = 'B'}), or grant a lower verb (use, read) plus the few manage permissions needed.",
    tags: ['oci-iam', 'least-privilege'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      denyList: "The only narrowing of this manage grant is the deny-list {{text}}: every other permission {{what}} grants, and any OCI adds later, is allowed. List the allowed permissions or operations with = instead, or use a lower verb.",
    },
  },
  *checkStatement(ctx) {
    const s = ctx.statement;
    if (s.kind === 'define' || s.kind === 'associate' || !s.where) return;
    if (s.action.kind !== 'verb' || s.action.verb !== 'manage') return;
    const condition = s.where.condition;
    const denyOnly = conditionPaths(condition).paths.find((p) => p.length > 0 && p.every(isActionExclusion));
    if (!denyOnly || denyOnly.every((t) => DELETION.test(excludedText(t, ctx.textOf)))) return;
    const at = enclosingNode(condition, denyOnly.map((t) => t.node.span));
    const what = s.resource ? `manage ${ctx.textOf(s.resource)}` : 'manage';
    yield { messageId: 'denyList', data: { text: quoteText(ctx.textOf(at)), what }, at };
  },
});

function isActionExclusion(t: Term): boolean {
  return t.kind === 'exclude' && t.role === 'action';
}

/** The excluded value as written (an exclusion term is always a `!=` comparison). */
function excludedText(t: Term, textOf: (at: { span: Comparison['span'] }) => string): string {
  const value = t.node.kind === 'comparison' ? t.node.right[0] : undefined;
  return value ? textOf(value) : '';
}
