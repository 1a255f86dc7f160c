/**
 * The Terraform file pass through the engine: HCL syntax errors as `parse-error` with the other
 * blocks still linted; `oci_identity_policy` statements through the IAM rules, positioned in the
 * `.tf` file (strings, heredocs) or where a variable or local's literal is written; unresolved
 * statements as `iam-unresolved` notes naming why; `#` and `//` suppression comments applied once.
 */
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../../src/engine/lint-file.js';
import type { ResolvedConfig } from '../../../src/engine/config-types.js';
import type { Finding } from '../../../src/engine/types.js';
import { defineIamRule } from '../../../src/rule-api.js';
import { TerraformModule } from '../../../src/sources/terraform-module.js';
import { configFor } from '../../helpers/rule-tester.js';
import { registry, strictConfig } from '../../helpers/registry-config.js';

/** Reports every statement's verb (or permission list), so positions can be checked on any statement. */
const probe = defineIamRule({
  meta: {
    id: 'iam-probe', layer: 'cloud-control', level: 'warning', securitySeverity: 1, description: 'probe', remediation: 'None.',
    tags: [], appliesTo: ['iam'], recommended: true, messages: { verb: 'verb {{text}} of {{policy}}' },
  },
  *checkStatement(ctx) {
    const s = ctx.statement;
    if (s.kind === 'define' || s.kind === 'associate') return;
    yield { messageId: 'verb', data: { text: ctx.textOf(s.action), policy: ctx.policy.name ?? '?' }, at: s.action };
  },
});

const ENGINE_RULES = ['parse-error', 'iam-parse-error', 'iam-unresolved', 'suppression-invalid'];

/** The probe plus the engine's own rules, at their default levels. */
function config(): ResolvedConfig {
  const base = configFor(probe);
  const extra = registry.filter((r) => ENGINE_RULES.includes(r.meta.id)).map((rule) => ({ rule, level: rule.meta.level, options: undefined }));
  const rules = [...base.rules, ...extra];
  return { ...base, rules, byId: new Map(rules.map((r) => [r.rule.meta.id, r])), knownIds: new Set(rules.map((r) => r.rule.meta.id)) };
}

function lint(text: string, others: { path: string; text: string }[] = [], path = 'm/main.tf'): Finding[] {
  const module = new TerraformModule([{ path, uri: path, text }, ...others.map((o) => ({ ...o, uri: o.path }))]);
  return lintFile({ path, uri: path, text, module }, config(), '2026-01-01').findings;
}

/** `rule@file:line:col-endLine:endCol message` (file only when not main.tf), suppressed ones marked. */
function show(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}@${f.file === 'm/main.tf' ? '' : `${f.file}:`}${f.start.line}:${f.start.column}-${f.end.line}:${f.end.column} ${f.message}${f.suppression ? ` [suppressed: ${f.suppression.justification}]` : ''}`);
}

const policy = (statements: string): string => `resource "oci_identity_policy" "p" {\n  name       = "oke"\n  statements = ${statements}\n}\n`;

describe('Terraform file pass', () => {
  it('positions statement findings inside the string literals, escapes included', () => {
    const text = policy('[\n    "Allow group A to manage clusters in tenancy",\n    "Allow group \\u0042 to {CLUSTER_JOIN} in tenancy",\n  ]');
    expect(show(lint(text))).toEqual([
      'iam-probe@4:23-4:29 verb manage of oke',
      'iam-probe@5:28-5:42 verb {CLUSTER_JOIN} of oke',
    ]);
    const f = lint(text)[0];
    expect(f).toMatchObject({ object: { kind: 'Policy', name: 'oke' }, path: ['statements', 0], lineText: '    "Allow group A to manage clusters in tenancy",' });
  });

  it('positions heredoc statements on their own lines', () => {
    const text = policy('[<<-EOT\n    Allow group A\n      to use buckets in tenancy\n    EOT\n  ]');
    expect(show(lint(text))).toEqual(['iam-probe@5:10-5:13 verb use of oke']);
  });

  it('gives iam-parse-error at the token inside the .tf string', () => {
    const text = policy('["Allow group A to view buckets in tenancy"]');
    expect(show(lint(text))).toEqual([
      "iam-parse-error@3:35-3:39 expected a verb (inspect, read, use, manage) or '{' after 'to', found 'view'",
    ]);
  });

  it('reports HCL syntax errors at the parser position and still lints the other blocks', () => {
    const text = `resource "x" "y" {\n  a = = 1\n}\n${policy('["Allow group A to read buckets in tenancy"]')}`;
    expect(show(lint(text))).toEqual([
      "parse-error@2:7-2:8 HCL syntax error: expected an expression, found '='; the rest of the line was skipped, the other blocks of the file were checked.",
      'iam-probe@6:35-6:39 verb read of oke',
    ]);
  });

  it('lints statements built from locals, concat and tfvars at the literal, wherever it is written', () => {
    const text = `locals {\n  base = ["Allow group L to read x in tenancy"]\n}\nvariable "extra" {}\n${policy('concat(local.base, var.extra, ["Allow group I to use y in tenancy"])')}`;
    const tfvars = { path: 'm/terraform.tfvars', text: '# extra grants\nextra = ["Allow group T to inspect z in tenancy"]\n' };
    const findings = lint(text, [tfvars]);
    expect(show(findings)).toEqual([
      'iam-probe@2:29-2:33 verb read of oke',
      'iam-probe@7:65-7:68 verb use of oke',
      'iam-probe@m/terraform.tfvars:2:28-2:35 verb inspect of oke',
    ]);
    expect(findings[2]?.related).toEqual([{ file: 'm/main.tf', uri: 'm/main.tf', start: { line: 7, column: 35 }, end: { line: 7, column: 44 }, message: 'the statement is used here' }]);
  });

  it('notes a statement whose tfvars value has a syntax error (tfvars files are not linted themselves)', () => {
    const text = `variable "extra" {}\n${policy('concat(var.extra, ["Allow group A to use x in tenancy"])')}`;
    const tfvars = { path: 'm/terraform.tfvars', text: 'extra = ["Allow group T to read x in tenancy", = ]\n' };
    expect(show(lint(text, [tfvars]))).toEqual([
      'iam-probe@4:53-4:56 verb use of oke',
      'iam-probe@m/terraform.tfvars:1:28-1:32 verb read of oke',
      'iam-unresolved@m/terraform.tfvars:1:48-1:49 The statement is not literal text (the expression has a syntax error): it was not checked.',
    ]);
  });

  it('reports statements from a .tfvars.json file where they are written, through JSON escapes', () => {
    const text = `variable "extra" {}\n${policy('var.extra')}`;
    const json = { path: 'm/terraform.tfvars.json', text: '{\n  "extra": ["Allow group \\u004a to use x in tenancy"]\n}\n' };
    const findings = lint(text, [json]);
    expect(show(findings)).toEqual(['iam-probe@m/terraform.tfvars.json:2:36-2:39 verb use of oke']);
    expect(findings[0]?.related?.map((r) => `${r.file}:${r.start.line}:${r.start.column}`)).toEqual(['m/main.tf:4:16']);
  });

  it('reports statements that do not resolve with the reason, and checks the rest of a skeleton', () => {
    const text = `variable "g" {}\n${policy('["Allow group ${var.g} to manage buckets in tenancy", data.oci_x.y.z, format("Allow group %v to use x in tenancy", each.key)]')}`;
    expect(show(lint(text))).toEqual([
      "iam-unresolved@4:30-4:38 The subject is hidden behind '${var.g}': who gets the grant was not checked. (var.g is not set in terraform.tfvars or *.auto.tfvars and has no default)",
      'iam-probe@4:42-4:48 verb manage of oke',
      'iam-unresolved@4:70-4:84 The statement is not literal text (data.oci_x.y.z is read from the provider when Terraform plans): it was not checked.',
      "iam-unresolved@4:106-4:108 The subject is hidden behind '%v': who gets the grant was not checked. (each.key depends on the resource's for_each)",
      'iam-probe@4:112-4:115 verb use of oke',
    ]);
  });

  it('applies # and // suppression comments, next-line and rest of file, once per file', () => {
    const text = [
      'resource "oci_identity_policy" "p" {',
      '  name = "oke"',
      '  statements = [',
      '    # okelint-disable-next-line iam-probe -- hash form',
      '    "Allow group A to read x in tenancy",',
      '    // okelint-disable-next-line iam-probe -- slash form',
      '    "Allow group B to read x in tenancy",',
      '    "Allow group C to read x in tenancy", # okelint-disable-next-line iam-probe -- trailing',
      '    "Allow group D to read x in tenancy",',
      '    <<EOT',
      '# okelint-disable-next-line iam-probe -- inside a heredoc is text, not a comment',
      'Allow group E to read x in tenancy',
      'EOT',
      '  ]',
      '}',
      '/* okelint-disable iam-probe -- block form, rest of the file */',
      'resource "oci_identity_policy" "q" {',
      '  statements = ["Allow group F to use x in tenancy"]',
      '}',
      '# okelint-disable-next-line iam-nope -- unknown rule',
      '',
    ].join('\n');
    const out = show(lint(text));
    expect(out).toEqual([
      'iam-probe@5:23-5:27 verb read of oke [suppressed: hash form]',
      'iam-probe@7:23-7:27 verb read of oke [suppressed: slash form]',
      'iam-probe@8:23-8:27 verb read of oke',
      'iam-probe@9:23-9:27 verb read of oke [suppressed: trailing]',
      "iam-parse-error@11:1-11:2 expected a statement keyword (allow, endorse, admit, define) at the start of the statement, found '#'",
      'iam-probe@18:35-18:38 verb use of ? [suppressed: block form, rest of the file]',
      'suppression-invalid@20:29-20:37 Suppression names unknown rule "iam-nope".',
    ]);
  });

  it('reads CRLF files: positions and heredoc statements as with LF', () => {
    const lf = policy('[<<-EOT\n    Allow group A\n      to use buckets in tenancy\n    EOT\n  , "Allow group B to view x in tenancy"]');
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(show(lint(crlf))).toEqual(show(lint(lf)));
    expect(show(lint(crlf))).toEqual([
      'iam-probe@5:10-5:13 verb use of oke',
      "iam-parse-error@7:23-7:27 expected a verb (inspect, read, use, manage) or '{' after 'to', found 'view'",
    ]);
  });

  it('lints standard input (no module) with the file\'s own locals', () => {
    const text = `locals {\n  s = "Allow group A to read x in tenancy"\n}\n${policy('[local.s]')}`;
    const findings = lintFile({ path: '<stdin>', uri: '<stdin>', text, type: 'terraform' }, config(), '2026-01-01').findings;
    expect(findings.map((f) => `${f.start.line}:${f.start.column}`)).toEqual(['2:25']);
  });

  it('runs the whole registry over a .tf file without parse errors on valid input', () => {
    const text = policy('["Allow group Administrators to manage all-resources in tenancy"]');
    const res = lintFile({ path: 'main.tf', uri: 'main.tf', text }, strictConfig(), '2026-01-01');
    expect(res.findings.filter((f) => f.ruleId.includes('parse-error'))).toEqual([]);
    expect(res.objects).toBe(1);
  });

  it('reports a statement written once in a local and used by two policies once (when the findings are the same)', () => {
    const shared = `locals {\n  shared = ["Allow group S to read x in tenancy"]\n}\n`;
    expect(show(lint(`${shared}${policy('local.shared')}${policy('local.shared').replace('"p"', '"q"')}`))).toEqual(['iam-probe@2:31-2:35 verb read of oke']);
    // Findings that say different things (here: which policy) are both kept.
    expect(show(lint(`${shared}${policy('local.shared')}${policy('local.shared').replace('"p"', '"q"').replace('"oke"', '"oke2"')}`))).toEqual([
      'iam-probe@2:31-2:35 verb read of oke', 'iam-probe@2:31-2:35 verb read of oke2',
    ]);
  });
});
