/**
 * Builds the Scope of a Terraform module directory: `variable` defaults, `locals`, and the values
 * in `terraform.tfvars`, `terraform.tfvars.json` and `*.auto.tfvars[.json]`, with Terraform's
 * precedence (later wins: defaults, terraform.tfvars, terraform.tfvars.json, then the auto files
 * in lexical order of their names). Values given with `-var`, `-var-file` or `TF_VAR_*` at run
 * time cannot be seen offline; a rule that uses a default should say so.
 */
import type { Body } from './ast.js';
import { parseHcl } from './parser.js';
import { Scope } from './scope.js';
import { readTfvarsJson } from './tfvars-json.js';

export interface ModuleFile {
  readonly path: string;
  readonly text: string;
  /** The parsed body, if the caller already has it (saves a second parse). */
  readonly body?: Body;
  /** Read as a `.tf` file whatever its name (standard input, a forced `--type terraform`). */
  readonly tf?: boolean;
}

function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1);
}

/** `0` for `.tf`, `1` terraform.tfvars, `2` terraform.tfvars.json, `3` auto files; -1 for others. */
function rank(name: string): number {
  if (name.endsWith('.tf')) return 0;
  if (name === 'terraform.tfvars') return 1;
  if (name === 'terraform.tfvars.json') return 2;
  if (name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json')) return 3;
  return -1;
}

/** Whether `path` is a file that `tfvarsScope` reads (`.tf`, terraform.tfvars[.json], *.auto.tfvars[.json]). */
export function isModuleFile(path: string): boolean {
  return rank(baseName(path)) >= 0;
}

/**
 * The scope for evaluating expressions in one module directory. Pass ALL the `.tf`,
 * `terraform.tfvars[.json]` and `*.auto.tfvars[.json]` files of the SAME directory (Terraform
 * reads no others without flags); other files are ignored. Never throws.
 */
export function tfvarsScope(files: readonly ModuleFile[]): Scope {
  const scope = new Scope();
  const sorted = files
    .map((f) => ({ f, name: baseName(f.path), r: f.tf ? 0 : rank(baseName(f.path)) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { f, name, r } of sorted) {
    scope.addText(f.path, f.text);
    if (r > 0 && name.endsWith('.json')) {
      addJson(scope, f);
      continue;
    }
    const body = f.body ?? parseHcl(f.text).body;
    if (r === 0) addModule(scope, f.path, body);
    else {
      for (const item of body.items) {
        if (item.kind === 'attribute') scope.set({ ref: `var.${item.name}`, source: 'tfvars', path: f.path, span: item.expr.span, expr: item.expr });
      }
    }
  }
  return scope;
}

function addModule(scope: Scope, path: string, body: Body): void {
  for (const item of body.items) {
    if (item.kind !== 'block') continue;
    if (item.type === 'variable' && item.labels.length === 1) {
      const ref = `var.${item.labels[0]?.value ?? ''}`;
      scope.declare(ref, path);
      const def = item.body.items.find((a) => a.kind === 'attribute' && a.name === 'default');
      if (def?.kind === 'attribute' && !scope.get(ref)) scope.set({ ref, source: 'default', path, span: def.expr.span, expr: def.expr });
    } else if (item.type === 'locals' && item.labels.length === 0) {
      for (const a of item.body.items) {
        if (a.kind === 'attribute') scope.set({ ref: `local.${a.name}`, source: 'local', path, span: a.expr.span, expr: a.expr });
      }
    }
  }
}

function addJson(scope: Scope, f: ModuleFile): void {
  for (const [name, { value, span }] of readTfvarsJson(f.path, f.text) ?? []) {
    scope.set({ ref: `var.${name}`, source: 'tfvars', path: f.path, span, value });
  }
}
