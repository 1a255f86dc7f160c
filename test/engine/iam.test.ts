/**
 * The IAM file pass: what an IAM rule sees (statement, policy, source, options, textOf), where its
 * reports land, identities and fingerprints, suppression comments and config exclusions, and
 * the dispatch from lintFile by extension, content and `type`.
 */
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/engine/lint-file.js';
import { lintText } from '../../src/engine/lint-text.js';
import type { IamContext } from '../../src/engine/rule-api.js';
import { defineIamRule, type Statement } from '../../src/rule-api.js';
import { configFor } from '../helpers/rule-tester.js';
import { strictConfig } from '../helpers/registry-config.js';

interface Seen {
  kind: Statement['kind'];
  policy?: string;
  compartment?: string;
  siblings: number;
  source: string;
  options: unknown;
  subject: string;
}

const seen: Seen[] = [];

/** Reports every statement's subject and records the context it was given. */
const probe = defineIamRule<{ tag: string }>({
  meta: {
    id: 'iam-probe', layer: 'cloud-control', level: 'warning', securitySeverity: 1, description: 'probe', remediation: 'None.',
    tags: [], appliesTo: ['iam'], recommended: true, messages: { subject: 'subject {{text}}' }, defaultOptions: { tag: 'default' },
  },
  *checkStatement(ctx: IamContext<{ tag: string }>) {
    const s = ctx.statement;
    if (s.kind === 'define') return;
    seen.push({
      kind: s.kind, ...(ctx.policy.name !== undefined && { policy: ctx.policy.name }),
      ...(ctx.policy.compartmentId !== undefined && { compartment: ctx.policy.compartmentId }),
      siblings: ctx.policy.statements.length, source: ctx.source, options: ctx.options, subject: ctx.textOf(s.subject),
    });
    yield { messageId: 'subject', data: { text: ctx.textOf(s.subject) }, at: s.subject };
  },
});

function lintWith(path: string, text: string, options?: Record<string, unknown>, type?: 'iam' | 'k8s') {
  seen.length = 0;
  return lintFile({ path, uri: path, text, ...(type && { type }) }, configFor(probe, options), '2026-01-01');
}

describe('IAM file pass', () => {
  it('gives rules the statement, its policy, the source kind and options', () => {
    const json = JSON.stringify({ data: { name: 'oke', 'compartment-id': 'ocid1.c', statements: [
      "Allow group 'Caf\u00e9' to read buckets in tenancy", 'Allow group B to wreck buckets in tenancy', 'Define tenancy T as ocid1.t',
    ] } }).replace('é', '\\u00e9');
    const res = lintWith('p.json', json, { tag: 'x' });
    expect(seen).toEqual([{ kind: 'allow', policy: 'oke', compartment: 'ocid1.c', siblings: 2, source: 'json', options: { tag: 'x' }, subject: "group 'Café'" }]);
    expect(res.objects).toBe(3);
    const [f] = res.findings;
    expect(f).toMatchObject({ ruleId: 'iam-probe', message: "subject group 'Café'", object: { kind: 'Policy', name: 'oke' }, path: ['statements', 0] });
    expect(json.slice(f?.span.start, f?.span.end)).toBe("group 'Caf\\u00e9'");
    lintWith('p.policy', 'Endorse group A to read buckets in any-tenancy\n');
    expect(seen).toEqual([{ kind: 'endorse', siblings: 1, source: 'text', options: { tag: 'default' }, subject: 'group A' }]);
  });

  it('keeps fingerprints when lines move, and tells repeated statements apart', () => {
    const a = lintWith('p.policy', 'Allow group A to read buckets in tenancy\nAllow group A to read buckets in tenancy\n').findings;
    const b = lintWith('p.policy', '# moved\n\nAllow group A to read buckets in tenancy\nAllow group A to read buckets in tenancy\n').findings;
    expect(a.map((f) => f.start.line)).toEqual([1, 2]);
    expect(b.map((f) => f.start.line)).toEqual([3, 4]);
    expect(b.map((f) => f.fingerprint)).toEqual(a.map((f) => f.fingerprint));
    expect(new Set(a.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('applies suppression comments and config exclusions to IAM findings', () => {
    const text = '# okelint-disable-next-line iam-probe -- reviewed\nAllow group A to read buckets in tenancy\nAllow group B to read buckets in tenancy\n# okelint-disable-next-line iam-probe\nAllow group C to read buckets in tenancy\n';
    const res = lintFile({ path: 'p.policy', uri: 'p.policy', text }, { ...configFor(probe), knownIds: new Set(['iam-probe', 'suppression-invalid']) }, '2026-01-01');
    expect(res.findings.map((f) => [f.start.line, f.suppression?.justification ?? null])).toEqual([[2, 'reviewed'], [3, null], [5, null]]);
    const json = '{"name": "oke", "statements": ["Allow group A to read buckets in tenancy"]}';
    const config = { ...configFor(probe), exclude: [{ rule: 'iam-probe', kind: 'Policy', name: 'oke', reason: 'legacy' }] };
    expect(lintFile({ path: 'p.json', uri: 'p.json', text: json }, config, '2026-01-01').findings[0]?.suppression).toEqual({ kind: 'config', justification: 'legacy' });
  });

  it('dispatches by extension and content, or by type', () => {
    const text = 'Allow group A to read buckets in tenancy\n';
    expect(lintWith('p.policy', text).findings).toHaveLength(1);
    expect(lintWith('p.txt', text).findings).toHaveLength(0);
    expect(lintWith('p.txt', text, undefined, 'iam').findings).toHaveLength(1);
    expect(lintWith('p.policy', text, undefined, 'k8s').findings).toHaveLength(0);
    expect(lintWith('pod.json', '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}').objects).toBe(1);
  });

  it('lints .policy text in memory (the language server path) with the whole registry', () => {
    const res = lintText({ path: 'x.policy', uri: 'x.policy', text: 'Allow group A to view buckets in tenancy\n' }, strictConfig(), '2026-01-01');
    expect(res.findings.map((f) => `${f.ruleId}@${f.start.line}:${f.start.column}`)).toEqual(['iam-parse-error@1:18']);
    const forced = lintText({ path: 'x', uri: 'x', text: 'Allow group A to view buckets in tenancy\n', type: 'iam' }, strictConfig(), '2026-01-01');
    expect(forced.findings).toHaveLength(1);
  });
});
