/**
 * The literal evaluator: values of literals, operators, templates, collections, `for`, splats and
 * functions; `var.*` / `local.*` through a scope with the bindings each value used; unresolved
 * reasons and spans for everything that is not fixed by the text; traced strings.
 */
import { describe, expect, it } from 'vitest';
import type { Attribute } from '../../../src/sources/hcl/ast.js';
import { evaluateLiteral } from '../../../src/sources/hcl/eval.js';
import { mapOffset } from '../../../src/sources/hcl/offset-map.js';
import { parseHcl } from '../../../src/sources/hcl/parser.js';
import { tfvarsScope } from '../../../src/sources/hcl/tf-scope.js';
import type { Evaluated } from '../../../src/sources/hcl/value.js';

/** Evaluates `x = <src>` in a module made of `module` (main.tf) and `tfvars` (terraform.tfvars). */
function run(src: string, module = '', tfvars?: string): { res: Evaluated; text: string } {
  const text = `${module}\nx = ${src}\n`;
  const files = [{ path: 'main.tf', text }, ...(tfvars === undefined ? [] : [{ path: 'terraform.tfvars', text: tfvars }])];
  const scope = tfvarsScope(files);
  const body = parseHcl(text).body;
  const attr = body.items.find((i): i is Attribute => i.kind === 'attribute' && i.name === 'x');
  if (!attr) throw new Error('no x');
  return { res: evaluateLiteral(attr.expr, scope, 'main.tf'), text };
}

function value(src: string, module?: string, tfvars?: string): unknown {
  const { res } = run(src, module, tfvars);
  if (res.unresolved) throw new Error(`unresolved: ${res.reason}`);
  return res.value;
}

/** The reason and the source text of the obstacle. */
function why(src: string, module?: string, tfvars?: string): [string, string] {
  const { res, text } = run(src, module, tfvars);
  if (!res.unresolved) throw new Error(`resolved to ${JSON.stringify(res.value)}`);
  return [res.reason, res.path === 'main.tf' ? text.slice(res.span.start, res.span.end) : res.path];
}

describe('literal evaluation', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3 - 4 / 2', 7],
    ['7 % 4', 3],
    ['-"3"', -3],
    ['1 < 2 && "b" != "a"', true],
    ['!"false"', true],
    ['"1" == 1', false],
    ['[1, "a"] == [1, "a"]', true],
    ['{ a = 1 } == { a = 1 }', true],
    ['true ? "y" : unknown_thing', 'y'],
    ['"true" ? 1 : 2', 1],
    ['false && data.x.y', false],
    ['null', null],
    ['"a${1 + 1}b${true}"', 'a2btrue'],
    ['"${"x"}"', 'x'],
    ['<<-EOT\n    a\n      b\n    EOT', 'a\n  b\n'],
    ['[for s in ["a", "b"] : upper(s)]', ['A', 'B']],
    ['[for i, s in ["a", "b"] : "${i}${s}" if s != "a"]', ['1b']],
    ['{for k, v in { b = 2, a = 1 } : v => k}', { 1: 'a', 2: 'b' }],
    ['{for s in ["x", "y", "x"] : s => s...}', { x: ['x', 'x'], y: ['y'] }],
    ['[{ n = 1 }, { n = 2 }][*].n', [1, 2]],
    ['[{ n = 1 }, { n = 2 }].*.n', [1, 2]],
    ['{ a = [10, 20] }.a[1]', 20],
    ['{ "k-1" = "v" }["k-1"]', 'v'],
  ])('evaluates %s', (src, want) => {
    expect(value(src)).toEqual(want);
  });

  it.each([
    ['concat(["a"], [], ["b", "c"])', ['a', 'b', 'c']],
    ['flatten([["a", ["b"]], [], "c"])', ['a', 'b', 'c']],
    ['compact(["a", "", null, "b"])', ['a', 'b']],
    ['distinct(["a", "b", "a"])', ['a', 'b']],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['join(", ", ["a", "b"], ["c"])', 'a, b, c'],
    ['split(",", "a,b,,c")', ['a', 'b', '', 'c']],
    ['format("%s-%v-%d-%t-%q-%%", "a", 1, 2, true, "q")', 'a-1-2-true-"q"-%'],
    ['formatlist("x-%s-%s", ["a", "b"], "z")', ['x-a-z', 'x-b-z']],
    ['lower("AbC")', 'abc'],
    ['upper("straße")', 'STRASSE'],
    ['trimspace("  a b \\n")', 'a b'],
    ['chomp("a\\n\\n")', 'a'],
    ['length("héllo")', 5],
    ['length({ a = 1, b = 2 })', 2],
    ['lookup({ a = "x" }, "a")', 'x'],
    ['lookup({ a = "x" }, "b", "d")', 'd'],
    ['merge({ a = 1, b = 1 }, { b = 2 })', { a: 1, b: 2 }],
    ['coalesce("", null, "x")', 'x'],
    ['coalescelist([], ["a"])', ['a']],
    ['contains(["a", "b"], "b")', true],
    ['element(["a", "b"], 3)', 'b'],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['values({ b = 1, a = 2 })', [2, 1]],
    ['anytrue([false, "true"])', true],
    ['alltrue([true, false])', false],
    ['tostring(3)', '3'],
    ['tonumber("4.5")', 4.5],
    ['tobool("true")', true],
    ['tolist(["a"])', ['a']],
    ['concat(["a"], [["b"]]...)', ['a', 'b']],
  ])('applies %s', (src, want) => {
    expect(value(src)).toEqual(want);
  });

  it('resolves locals and variables, with the bindings the value went through', () => {
    const module = 'variable "g" {\n  default = "Ops"\n}\nlocals {\n  who = "group ${var.g}"\n  all = [local.who, "x"]\n}';
    const { res } = run('local.all[0]', module);
    if (res.unresolved) throw new Error(res.reason);
    expect(res.value).toBe('group Ops');
    expect(res.uses.map((u) => `${u.ref}:${u.source}`)).toEqual(['local.all:local', 'local.who:local', 'var.g:default']);
  });

  it('prefers terraform.tfvars to a variable default', () => {
    expect(value('var.g', 'variable "g" {\n  default = "Ops"\n}', 'g = "Admins"\n')).toBe('Admins');
  });

  it.each([
    ['var.nope', '', ['var.nope is not set in terraform.tfvars or *.auto.tfvars and has no default', 'var.nope']],
    ['local.nope', '', ['local.nope is not defined in a locals block of this directory', 'local.nope']],
    ['data.oci_identity_groups.g.groups[0].name', '', ['data.oci_identity_groups.g.groups[0].name is read from the provider when Terraform plans', 'data.oci_identity_groups.g.groups[0].name']],
    ['oci_identity_group.g.name', '', ['oci_identity_group.g.name is only known after apply', 'oci_identity_group.g.name']],
    ['each.value', '', ['each.value depends on the resource\'s for_each', 'each.value']],
    ['count.index', '', ["count.index depends on the resource's count", 'count.index']],
    ['module.iam.name', '', ['module.iam.name is an output of another module', 'module.iam.name']],
    ['path.module', '', ['path.module depends on how Terraform is run', 'path.module']],
    ['"a ${var.g} b"', 'variable "g" {}', ['var.g is not set in terraform.tfvars or *.auto.tfvars and has no default', 'var.g']],
    ['templatefile("x.tpl", {})', '', ['the function templatefile() is not evaluated', 'templatefile']],
    ['try(var.a, "x")', '', ['try() depends on which expressions fail, which is not evaluated', 'try']],
    ['"%{ if true }a%{ endif }"', '', ['the template directive %{if} is not evaluated', '%{ if true }']],
    ['local.a', 'locals {\n  a = local.b\n  b = local.a\n}', ['local.a: local.b: local.a refers to itself', 'local.a']],
    ['1 / 0', '', ['division by zero', '1 / 0']],
    ['"a" + 1', '', ["'+' needs numbers, not a string", '"a" + 1']],
    ['[1][5]', '', ['(…)[5]: a list has no element 5', '[5]']],
    ['format("%5d", 1)', '', ['format() verb %5 is not evaluated', 'format("%5d", 1)']],
    ['join(",", "a")', '', ['join() argument 2 is a string', '"a"']],
  ])('leaves %s unresolved, naming why and where', (src, module, want) => {
    expect(why(src, module)).toEqual(want);
  });

  it('keeps raw offsets for every character of a traced string', () => {
    const { res, text } = run('"Allow group ${local.g} to\\tread"', 'locals {\n  g = "Ops"\n}');
    if (res.unresolved || res.traced.kind !== 'string') throw new Error('not a string');
    const { map } = res.traced;
    const at = (i: number): string => text.slice(mapOffset(map, i), mapOffset(map, i) + 1);
    expect(res.value).toBe('Allow group Ops to\tread');
    expect([at(0), at(12), at(14), at(15), at(16), at(18), at(19)]).toEqual(['A', '$', '$', ' ', 't', '\\', 'r']);
  });

  it('keeps offsets of list items through join and split', () => {
    const { res, text } = run('split(",", join(",", ["ab", "cd"]))');
    if (res.unresolved || res.traced.kind !== 'list') throw new Error('not a list');
    const second = res.traced.items[1];
    if (second?.kind !== 'string') throw new Error('not a string');
    expect(text.slice(mapOffset(second.map, 0), mapOffset(second.map, 2))).toBe('cd');
  });

  it('refuses values that grow exponentially instead of building them', () => {
    const locals = Array.from({ length: 40 }, (_, i) => `  l${i} = [local.l${i + 1}, local.l${i + 1}]`).join('\n');
    const { res } = run('flatten(local.l0)', `locals {\n${locals}\n  l40 = "x"\n}`);
    expect(res.unresolved && res.reason).toMatch(/too large to evaluate/);
  });
});
