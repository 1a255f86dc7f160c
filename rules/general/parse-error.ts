/**
 * @fileoverview YAML/JSON syntax errors, reported by the engine at the parser's own position.
 */
import { defineRule } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'parse-error',
    layer: 'general',
    level: 'error',
    securitySeverity: 5.0,
    description: 'The file is not valid YAML or JSON, so the objects in that document were not checked.',
    remediation: 'Fix the syntax error at the reported position.',
    tags: ['syntax'],
    appliesTo: ['engine'],
    recommended: true,
    messages: {
      syntax: 'Syntax error: {{message}} ({{code}}); this document was not checked.',
    },
  },
  *check() {
    // Emitted by the engine from the parser's errors.
  },
});
