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

describe('namespace Pod Security labels, read as the admission controller does', () => {
  it('treats an invalid level as restricted and a malformed version as the latest', async () => {
    const { parseK8sFile } = await import('../../src/sources/k8s-yaml.js');
    const { namespaceLabelsOf, LATEST_PSS_MINOR } = await import('../../src/k8s/pss.js');
    const ns = (labels: string) => parseK8sFile('n.yaml', `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n  labels:\n${labels}`).resources[0];
    const of = (labels: string) => { const r = ns(labels); if (!r) throw new Error('no namespace'); return namespaceLabelsOf(r); };
    expect(of('    pod-security.kubernetes.io/enforce: Restricted\n').enforce).toBe('restricted');
    expect(of('    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: "1.30"\n').enforceVersion).toBeUndefined();
    expect(of('    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.05\n').enforceVersion).toBeUndefined();
    expect(of('    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.30\n').enforceVersion).toBe(30);
    expect(of('    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: latest\n').enforceVersion).toBe(LATEST_PSS_MINOR);
  });
});
