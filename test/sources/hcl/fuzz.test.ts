/**
 * Property tests: no input crashes the HCL parser, the evaluator, the Terraform IAM reader or the
 * Terraform file pass, and every span (AST nodes, errors, comments, decoded-text maps) stays
 * inside the text with start <= end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Body, Expr } from '../../../src/sources/hcl/ast.js';
import { evaluateLiteral } from '../../../src/sources/hcl/eval.js';
import { mapOffset, type OffsetMap } from '../../../src/sources/hcl/offset-map.js';
import { parseHcl } from '../../../src/sources/hcl/parser.js';
import { iamPolicyStatements } from '../../../src/sources/hcl/tf-policy.js';
import { tfvarsScope } from '../../../src/sources/hcl/tf-scope.js';
import { lintFile } from '../../../src/engine/lint-file.js';
import { strictConfig } from '../../helpers/registry-config.js';
import { TerraformModule } from '../../../src/sources/terraform-module.js';

/** Fragments that exercise every construct, so random joins reach deep into the grammar. */
const FRAGMENTS = [
  'resource', '"oci_identity_policy"', 'p', '{', '}', '[', ']', '(', ')', '=', ':', ',', '.', '*', '?', '!', '-', '+', '=>', '...',
  '\n', ' ', '\t', '\r\n', '"', '\\', '\\n', '\\u00e9', '\\u', '${', '%{', '$${', '%%{', '~', 'if', 'else', 'endif', 'for', 'endfor', 'in',
  '<<EOT\n', '<<-EOT\n', 'EOT', '  EOT\n', '#', '//', '/*', '*/', 'statements', 'locals', 'variable', 'default', 'var', 'local',
  'concat(', 'format(', 'join(', '"Allow group A to manage all-resources in tenancy"', '1', '2.5e3', 'true', 'null', '😀', '\u0000', 'é',
];

const hclish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((a) => a.join(''));
const anyText = fc.oneof(hclish, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }));

function checkSpans(value: unknown, n: number, seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) checkSpans(v, n, seen);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    expect(0 <= o.start && o.start <= o.end && o.end <= n, `span ${o.start}-${o.end} in ${n}`).toBe(true);
  }
  if ('d' in o && 'r' in o && 'step' in o && typeof o.length === 'number') {
    const map = o as unknown as OffsetMap;
    for (let i = 0; i <= map.length; i += Math.max(1, Math.floor(map.length / 7))) {
      const raw = mapOffset(map, i);
      expect(raw >= 0 && raw <= n, `map offset ${raw} in ${n}`).toBe(true);
    }
  }
  for (const v of Object.values(o)) checkSpans(v, n, seen);
}

function attributeExprs(body: Body): Expr[] {
  return body.items.flatMap((i) => (i.kind === 'attribute' ? [i.expr] : attributeExprs(i.body)));
}

describe('HCL fuzz', () => {
  it('parses any text without throwing, with spans inside the text', () => {
    fc.assert(fc.property(anyText, (text) => {
      const r = parseHcl(text);
      checkSpans(r, text.length);
      for (const e of r.errors) expect(e.message.length).toBeGreaterThan(0);
    }), { numRuns: 3000 });
  });

  it('evaluates every attribute and reads policy statements without throwing', () => {
    fc.assert(fc.property(hclish, hclish, (text, vars) => {
      const parsed = parseHcl(text);
      const scope = tfvarsScope([{ path: 'main.tf', text, body: parsed.body }, { path: 'terraform.tfvars', text: vars }]);
      for (const e of attributeExprs(parsed.body)) evaluateLiteral(e, scope, 'main.tf');
      const resources = iamPolicyStatements({ path: 'main.tf', text, body: parsed.body }, scope);
      for (const r of resources) {
        for (const s of r.statements) {
          if (s.kind === 'text' && s.path === 'main.tf') checkSpans(s, text.length);
        }
      }
    }), { numRuns: 1500 });
  });

  it('lints any .tf text through the engine without throwing, with findings inside the text', () => {
    const config = strictConfig();
    fc.assert(fc.property(anyText, (text) => {
      const res = lintFile({ path: 'f.tf', uri: 'f.tf', text }, config, '2026-11-23');
      for (const f of res.findings) expect(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length).toBe(true);
    }), { numRuns: 500 });
  });

  it('lints a .tf file in a module of random files, with findings inside the file they name', () => {
    const config = strictConfig();
    const policyOf = (refs: string): string => `resource "oci_identity_policy" "p" {\n  statements = concat(${refs})\n}\n`;
    fc.assert(fc.property(hclish, hclish, fc.constantFrom('var.s, local.l', 'local.l', 'var.s'), (locals, tfvars, refs) => {
      const main = `${policyOf(refs)}variable "s" {}\n`;
      const texts = new Map([['m/main.tf', main], ['m/locals.tf', `locals {\n  l = ${locals}\n}\n${locals}`], ['m/terraform.tfvars', `s = ${tfvars}\n${tfvars}`]]);
      const module = new TerraformModule([...texts].map(([path, text]) => ({ path, uri: path, text })));
      const res = lintFile({ path: 'm/main.tf', uri: 'm/main.tf', text: main, module }, config, '2026-11-23');
      for (const f of res.findings) {
        const n = texts.get(f.file)?.length ?? -1;
        expect(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= n, `${f.file} ${f.span.start}-${f.span.end}`).toBe(true);
      }
    }), { numRuns: 500 });
  });

  it('survives pathological inputs', () => {
    const inputs = [
      `a = ${'('.repeat(20000)}`,
      `a = "${'${'.repeat(5000)}"`,
      `${'b {\n'.repeat(3000)}`,
      `a = <<EOT\n${'x\n'.repeat(50000)}`,
      `locals {\n${Array.from({ length: 200 }, (_, i) => `  l${i} = [local.l${i + 1}, local.l${i + 1}]`).join('\n')}\n  l200 = "x"\n}\nresource "oci_identity_policy" "p" {\n  statements = flatten(local.l0)\n}\n`,
      'locals {\n  a = local.b\n  b = local.a\n}\nresource "oci_identity_policy" "p" {\n  statements = [local.a]\n}\n',
    ];
    const config = strictConfig();
    for (const text of inputs) {
      const res = lintFile({ path: 'p.tf', uri: 'p.tf', text }, config, '2026-11-23');
      expect(Array.isArray(res.findings)).toBe(true);
    }
  });
});
