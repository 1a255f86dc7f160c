/**
 * @fileoverview YAML/JSON/HCL syntax errors, reported by the engine at the parser's own position.
 */
import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'parse-error',
    layer: 'general',
    level: 'error',
    securitySeverity: 5.0,
    description: 'The file is not valid YAML, JSON or HCL (Terraform), so what the broken part holds was not checked.',
    remediation: 'Fix the syntax error at the reported position.',
    tags: ['syntax'],
    appliesTo: ['engine'],
    recommended: true,
    messages: {
      syntax: 'Syntax error: {{message}} ({{code}}); this document was not checked.',
      hcl: 'HCL syntax error: {{message}}; the rest of the line was skipped, the other blocks of the file were checked.',
    },
  },
  *check() {
    // Emitted by the engine from the parser's errors.
  },
});
