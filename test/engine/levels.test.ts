import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/rule-api.js';
import type { AnyRule } from '../../src/engine/rule-api.js';
import { configFor, lintWith } from '../helpers/rule-tester.js';
import { lintFile } from '../../src/engine/lint-file.js';

const scoped = defineRule({
  meta: {
    id: 'scoped', layer: 'cluster-access', level: 'error', securitySeverity: 5, description: 'd', remediation: 'r.',
    tags: [], appliesTo: ['k8s'], recommended: true, messages: { wide: 'wide', narrow: 'narrow' },
  },
  *check(ctx) {
    yield { messageId: 'wide', at: ctx.resource.kindNode };
    yield { messageId: 'narrow', at: ctx.resource.kindNode, level: 'warning' };
  },
}) as unknown as AnyRule;

describe('per-report levels', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n';

  it('apply while the rule runs at its default level', () => {
    expect(lintWith(scoped, text).map((f) => [f.messageId, f.level])).toEqual([['wide', 'error'], ['narrow', 'warning']]);
  });

  it('give way to a configured level', () => {
    const cfg = configFor(scoped);
    const enabled = { rule: scoped, options: {}, level: 'note' as const };
    const out = lintFile({ path: 'c.yaml', uri: 'c.yaml', text }, { ...cfg, rules: [enabled], byId: new Map([['scoped', enabled]]) }, '2026-11-23');
    expect(out.findings.map((f) => f.level)).toEqual(['note', 'note']);
  });
});
