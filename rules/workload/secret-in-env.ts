/**
 * @fileoverview Credentials written as literal `env[].value` strings: in the manifest, in Git,
 * in `kubectl get -o yaml` and in every audit log of the object. Detected by the variable's name
 * (`DB_PASSWORD`) or by the value's content (an AWS key id, a private key, a JWT...). Findings
 * never show the value: messages give its length only and the span is redacted.
 */
import { defineRule, envCredential, get, isMap, items, roleName, str } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'secret-in-env',
    layer: 'workload',
    level: 'error',
    securitySeverity: 8.0,
    description: 'A container sets an environment variable to a literal value that looks like a password, token, key or other credential.',
    remediation: 'Store the value in a Secret (ideally synced from OCI Vault) and reference it with env[].valueFrom.secretKeyRef, then rotate the exposed credential.',
    tags: ['cis-k8s:5.4.1'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      byName: '{{role}} "{{name}}" sets {{variable}} to a literal value ({{size}}) that looks like {{kind}}; move it to a Secret and use valueFrom.secretKeyRef.',
      byContent: '{{role}} "{{name}}" sets {{variable}} to a literal value ({{size}}) that contains {{kind}}; move it to a Secret and use valueFrom.secretKeyRef.',
    },
  },
  *check(ctx) {
    for (const c of ctx.workload()?.containers ?? []) {
      for (const item of items(get(c.node, 'env'))) {
        if (!isMap(item)) continue;
        const valueNode = get(item, 'value');
        const value = str(valueNode);
        if (!valueNode || value === undefined) continue;
        const variable = str(get(item, 'name')) ?? '';
        const match = envCredential(variable, value);
        if (!match) continue;
        const data = {
          role: roleName(c.role), name: c.name, variable: variable || 'an unnamed variable', kind: match.kind,
          size: value.length === 1 ? '1 character' : `${value.length} characters`,
        };
        if (match.by === 'content') yield { messageId: 'byContent', data, at: valueNode, redact: true };
        else yield { messageId: 'byName', data, at: valueNode, redact: true };
      }
    }
  },
});
