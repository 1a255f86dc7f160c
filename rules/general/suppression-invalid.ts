/**
 * @fileoverview Suppressions that do not say why, name unknown rules, or have lapsed.
 */
import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'suppression-invalid',
    layer: 'general',
    level: 'error',
    securitySeverity: 4.0,
    description: 'A suppression comment or annotation is missing a reason, names an unknown rule, or has expired.',
    remediation: 'Name existing rule ids and give a reason after " -- " (comments) or in okelint.io/ignore-reason (annotations).',
    tags: ['suppression'],
    appliesTo: ['engine'],
    recommended: true,
    messages: {
      noIds: 'Suppression names no rule id; write "okelint-disable-next-line <rule-id> -- <reason>".',
      noReason: 'Suppression of {{ids}} gives no reason; add " -- <reason>" (it suppresses nothing until then).',
      noReasonAnnotation: 'okelint.io/ignore of {{ids}} has no okelint.io/ignore-reason annotation (it suppresses nothing until then).',
      placeholderReason: 'Suppression of {{ids}} still has the placeholder reason "{{reason}}"; write why the finding is accepted (it suppresses nothing until then).',
      unknownRule: 'Suppression names unknown rule "{{id}}".',
      badUntil: 'okelint.io/ignore-until "{{value}}" is not a YYYY-MM-DD date.',
      expired: 'Suppression of {{ids}} expired on {{until}}; the findings are reported again.',
    },
  },
  *check() {
    // Emitted by the engine's suppression pass.
  },
});
