/**
 * @fileoverview An OCI IAM policy statement that does not parse, reported by the engine at the
 * offending token with what was expected there.
 */
import { defineIamRule } from '../../src/rule-api.js';

export default defineIamRule({
  meta: {
    id: 'iam-parse-error',
    layer: 'cloud-control',
    level: 'error',
    securitySeverity: 5.0,
    description: 'An OCI IAM policy statement is not valid (unknown start word or verb, Deny, two resource types or locations, a stray token), so OCI rejects the policy and okelint could not check the statement.',
    remediation: 'Rewrite the statement as Allow|Endorse|Admit <subject> to <verb> <resource-type> in <location> [where <conditions>] (or Define ... as <ocid>), fixing the token the message points at.',
    tags: ['oci-iam', 'syntax'],
    appliesTo: ['engine'],
    recommended: true,
    messages: {
      syntax: '{{message}}',
    },
  },
  *checkStatement() {
    // Emitted by the engine from the parser's error (and for entries of a JSON statements list that are not strings).
  },
});
