/**
 * Module scope: variable defaults < terraform.tfvars < terraform.tfvars.json < *.auto.tfvars[.json]
 * in lexical order; locals; files of other kinds ignored; JSON values; declared variables.
 */
import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../../src/sources/hcl/parser.js';
import { evaluateLiteral } from '../../../src/sources/hcl/eval.js';
import { isModuleFile, tfvarsScope, type ModuleFile } from '../../../src/sources/hcl/tf-scope.js';

const MAIN = 'variable "a" {\n  default = "default"\n}\nvariable "b" {\n  type = string\n}\nlocals {\n  l = "local-${var.a}"\n}\n';

function valueOf(files: readonly ModuleFile[], ref: string): unknown {
  const expr = parseHcl(`x = ${ref}\n`).body.items[0];
  if (expr?.kind !== 'attribute') throw new Error('no attribute');
  const r = evaluateLiteral(expr.expr, tfvarsScope(files), 'probe.tf');
  return r.unresolved ? `unresolved: ${r.reason}` : r.value;
}

describe('module scope', () => {
  it('uses the variable default when nothing sets the variable', () => {
    expect(valueOf([{ path: 'm/main.tf', text: MAIN }], 'var.a')).toBe('default');
    expect(valueOf([{ path: 'm/main.tf', text: MAIN }], 'local.l')).toBe('local-default');
  });

  it('applies Terraform precedence whatever order the files come in', () => {
    const files: ModuleFile[] = [
      { path: 'm/z.auto.tfvars', text: 'a = "z-auto"\n' },
      { path: 'm/a.auto.tfvars.json', text: '{"a": "a-auto-json", "b": "from-json"}' },
      { path: 'm/terraform.tfvars.json', text: '{"a": "tfvars-json"}' },
      { path: 'm/terraform.tfvars', text: 'a = "tfvars"\nb = "tfvars-b"\n' },
      { path: 'm/main.tf', text: MAIN },
    ];
    expect(valueOf(files, 'var.a')).toBe('z-auto');
    expect(valueOf(files, 'var.b')).toBe('from-json');
    expect(valueOf(files.slice(2), 'var.a')).toBe('tfvars-json');
    expect(valueOf(files.slice(3), 'var.a')).toBe('tfvars');
    expect(valueOf(files.slice(3), 'local.l')).toBe('local-tfvars');
  });

  it('ignores files Terraform does not read without flags', () => {
    const files: ModuleFile[] = [
      { path: 'm/main.tf', text: MAIN },
      { path: 'm/prod.tfvars', text: 'a = "prod"\n' },
      { path: 'm/vars.json', text: '{"a": "json"}' },
      { path: 'm/notes.txt', text: 'a = "txt"\n' },
    ];
    expect(valueOf(files, 'var.a')).toBe('default');
    expect(['main.tf', 'terraform.tfvars', 'terraform.tfvars.json', 'x.auto.tfvars', 'x.auto.tfvars.json', 'prod.tfvars', 'a.tf.json'].map(isModuleFile))
      .toEqual([true, true, true, true, true, false, false]);
  });

  it('says a declared variable without a default is not set', () => {
    expect(valueOf([{ path: 'm/main.tf', text: MAIN }], 'var.b')).toBe('unresolved: var.b is not set in terraform.tfvars or *.auto.tfvars and has no default');
  });

  it('reads a tfvars file even when it has syntax errors elsewhere, and skips broken JSON', () => {
    const files: ModuleFile[] = [
      { path: 'm/main.tf', text: MAIN },
      { path: 'm/terraform.tfvars', text: 'a = = 1\nb = "ok"\n' },
      { path: 'm/x.auto.tfvars.json', text: '{"a": ' },
    ];
    expect(valueOf(files, 'var.b')).toBe('ok');
    expect(valueOf(files, 'var.a')).toBe('unresolved: var.a: the expression has a syntax error');
  });

  it('reads a file marked as Terraform whatever its name (standard input)', () => {
    expect(valueOf([{ path: '<stdin>', text: MAIN, tf: true }], 'var.a')).toBe('default');
    expect(valueOf([{ path: '<stdin>', text: MAIN }], 'var.a')).toMatch(/^unresolved/);
  });

  it('records where each binding is written', () => {
    const scope = tfvarsScope([{ path: 'm/main.tf', text: MAIN }, { path: 'm/terraform.tfvars', text: 'a = "x"\n' }]);
    expect(scope.get('var.a')).toMatchObject({ source: 'tfvars', path: 'm/terraform.tfvars', span: { start: 4, end: 7 } });
    expect(scope.get('local.l')).toMatchObject({ source: 'local', path: 'm/main.tf' });
    expect(scope.isDeclared('var.b')).toBe(true);
    expect(scope.get('var.b')).toBeUndefined();
  });
});
