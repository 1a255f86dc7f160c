/**
 * `oci_identity_policy` statements: literal lists, heredocs, `concat`/`compact`/conditionals,
 * `local.*` and `var.*` (tfvars, defaults), where each statement's text is written, and what is
 * unresolved (with its literal skeleton when there is one).
 */
import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../../src/sources/hcl/parser.js';
import { iamPolicyStatements, type PolicyStatement } from '../../../src/sources/hcl/tf-policy.js';
import { tfvarsScope, type ModuleFile } from '../../../src/sources/hcl/tf-scope.js';

function read(text: string, others: readonly ModuleFile[] = []) {
  const scope = tfvarsScope([{ path: 'main.tf', text }, ...others]);
  return iamPolicyStatements({ path: 'main.tf', text, body: parseHcl(text).body }, scope);
}

const policy = (statements: string, extra = ''): string =>
  `${extra}resource "oci_identity_policy" "p" {\n  name = "pol"\n  compartment_id = "ocid1.tenancy.oc1..x"\n  statements = ${statements}\n}\n`;

/** Each statement as `kind: text @file:offset-of-first-char` or `unresolved: reason`. */
function summary(stmts: readonly PolicyStatement[], files: Record<string, string>): string[] {
  return stmts.map((s) => {
    if (s.kind === 'text') {
      const raw = files[s.path] ?? '';
      return `text ${JSON.stringify(s.text)} @${s.path}:${JSON.stringify(raw.slice(s.span.start, s.span.end))}`;
    }
    if (s.kind === 'not-text') return `not-text ${s.found}`;
    return `unresolved ${s.unresolved}${s.partial ? ` | ${s.partial.text}` : ''}`;
  });
}

describe('oci_identity_policy statements', () => {
  it('reads a literal list with its name, compartment and positions', () => {
    const text = policy('["Allow group A to read buckets in tenancy", "Allow group B to \\"use\\" x in tenancy"]');
    const [r] = read(text);
    expect(r).toMatchObject({ resourceName: 'p', policyName: 'pol', compartmentId: 'ocid1.tenancy.oc1..x', repeated: false });
    expect(summary(r?.statements ?? [], { 'main.tf': text })).toEqual([
      'text "Allow group A to read buckets in tenancy" @main.tf:"Allow group A to read buckets in tenancy"',
      'text "Allow group B to \\"use\\" x in tenancy" @main.tf:"Allow group B to \\\\\\"use\\\\\\" x in tenancy"',
    ]);
  });

  it('reads heredoc statements with offsets inside the heredoc', () => {
    const text = policy('[<<-EOT\n    Allow group A to\n      manage all-resources in tenancy\n    EOT\n  ]');
    const s = read(text)[0]?.statements[0];
    if (s?.kind !== 'text') throw new Error('not text');
    expect(s.text).toBe('Allow group A to\n  manage all-resources in tenancy\n');
    expect(text.slice(s.mapOffset(19), s.mapOffset(25))).toBe('manage');
  });

  it('walks concat, compact, literal conditionals and locals item by item', () => {
    const locals = 'locals {\n  on = true\n  base = ["Allow group A to read x in tenancy"]\n}\n';
    const text = policy('compact(concat(local.base, [local.on ? "Allow group B to use y in tenancy" : "", "", null, each.value]))', locals);
    expect(summary(read(text)[0]?.statements ?? [], { 'main.tf': text })).toEqual([
      'text "Allow group A to read x in tenancy" @main.tf:"Allow group A to read x in tenancy"',
      'text "Allow group B to use y in tenancy" @main.tf:"Allow group B to use y in tenancy"',
      "unresolved each.value depends on the resource's for_each",
    ]);
  });

  it('positions statements from tfvars and from other .tf files where they are written', () => {
    const text = policy('concat(var.stmts, local.shared)', 'variable "stmts" {}\n');
    const others = [
      { path: 'terraform.tfvars', text: 'stmts = ["Allow group T to read x in tenancy"]\n' },
      { path: 'locals.tf', text: 'locals {\n  shared = ["Allow group L to read y in tenancy"]\n}\n' },
    ];
    const stmts = read(text, others)[0]?.statements ?? [];
    expect(summary(stmts, { 'main.tf': text, 'terraform.tfvars': others[0]?.text ?? '', 'locals.tf': others[1]?.text ?? '' })).toEqual([
      'text "Allow group T to read x in tenancy" @terraform.tfvars:"Allow group T to read x in tenancy"',
      'text "Allow group L to read y in tenancy" @locals.tf:"Allow group L to read y in tenancy"',
    ]);
    const [first] = stmts;
    if (first?.kind !== 'text') throw new Error('not text');
    expect(text.slice(first.via.start, first.via.end)).toBe('var.stmts');
    expect(first.uses.map((u) => `${u.ref}@${u.path}`)).toEqual(['var.stmts@terraform.tfvars']);
  });

  it('fills resolvable interpolations into the skeleton and keeps the unknown ones as written', () => {
    const locals = 'locals {\n  g = "Ops"\n}\nvariable "c" {}\n';
    const text = policy('["Allow group ${local.g} to manage ${var.c} in tenancy"]', locals);
    const [s] = read(text)[0]?.statements ?? [];
    if (s?.kind !== 'unresolved' || !s.partial) throw new Error('no skeleton');
    expect(s.unresolved).toBe('var.c is not set in terraform.tfvars or *.auto.tfvars and has no default');
    expect(text.slice(s.cause.span.start, s.cause.span.end)).toBe('var.c');
    expect(s.partial.text).toBe('Allow group Ops to manage ${var.c} in tenancy');
    const at = s.partial.text.indexOf('${');
    expect(text.slice(s.partial.mapOffset(at), s.partial.mapOffset(at + 8))).toBe('${var.c}');
  });

  it('keeps %v for format() arguments that do not resolve and fills the others', () => {
    const text = policy('[format("Allow dynamic-group %v to {CLUSTER_JOIN} in compartment id %v", local.dg, var.cid)]', 'locals {\n  dg = "workers"\n}\n');
    const [s] = read(text)[0]?.statements ?? [];
    if (s?.kind !== 'unresolved' || !s.partial) throw new Error('no skeleton');
    expect(s.partial.text).toBe('Allow dynamic-group workers to {CLUSTER_JOIN} in compartment id %v');
    const v = s.partial.text.indexOf('%v');
    expect(text.slice(s.partial.mapOffset(v), s.partial.mapOffset(v) + 2)).toBe('%v');
  });

  it('reports a list that is not literal as one unresolved entry, and non-strings as not text', () => {
    const text = policy('[3, { a = 1 }]');
    expect(summary(read(text)[0]?.statements ?? [], {})).toEqual(['not-text a number', 'not-text a map']);
    const dyn = policy('data.oci_x.y.statements');
    expect(summary(read(dyn)[0]?.statements ?? [], {})).toEqual(['unresolved data.oci_x.y.statements is read from the provider when Terraform plans']);
  });

  it('marks resources with count or for_each as repeated, and reads only top-level policy resources', () => {
    const text = 'resource "oci_identity_policy" "p" {\n  for_each = var.m\n  name = each.key\n  statements = each.value\n}\nmodule "m" {\n  resource "oci_identity_policy" "q" {}\n}\nresource "oci_identity_group" "g" {}\n';
    const rs = read(text);
    expect(rs.map((r) => [r.resourceName, r.repeated, r.policyName])).toEqual([['p', true, undefined]]);
  });
});
