/** Helpers for the evaluator: reference text and reasons, value equality. */
import type { Expr } from './ast.js';
import type { Traced } from './value.js';

/** `data.oci_x.y.name`, `each.value`, `a.b[…]`: the reference an expression starts with. */
export function refText(expr: Expr): string {
  if (expr.kind === 'variable') return expr.name;
  if (expr.kind !== 'traversal') return 'the expression';
  let out = expr.source.kind === 'variable' ? expr.source.name : '(…)';
  for (const step of expr.steps) {
    if (step.kind === 'attr') out += `.${step.name}`;
    else if (step.kind === 'splat') out += step.full ? '[*]' : '.*';
    else if (step.key.kind === 'literal') out += `[${String(step.key.value)}]`;
    else if (step.key.kind === 'template' && step.key.parts.length === 1 && step.key.parts[0]?.kind === 'text') out += `["${step.key.parts[0].value}"]`;
    else out += '[…]';
  }
  return out;
}

/** Why a reference that is not `var.*`, `local.*` or a `for` variable has no literal value. */
export function unknownRefReason(ref: string): string {
  const root = ref.split(/[.[]/, 1)[0] ?? ref;
  switch (root) {
    case 'each':
      return `${ref} depends on the resource's for_each`;
    case 'count':
      return `${ref} depends on the resource's count`;
    case 'data':
      return `${ref} is read from the provider when Terraform plans`;
    case 'module':
      return `${ref} is an output of another module`;
    case 'path':
    case 'terraform':
      return `${ref} depends on how Terraform is run`;
    case 'self':
      return `${ref} is only known after apply`;
    case 'var':
    case 'local':
      return `${ref} is not a literal`;
    default:
      return ref.includes('.') && root.includes('_') ? `${ref} is only known after apply` : `${ref} is not a literal`;
  }
}

/** Terraform `==`: same type and same value (no conversion between strings and numbers). */
export function sameValue(a: Traced, b: Traced): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'null':
      return true;
    case 'string':
    case 'number':
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'list': {
      const other = (b as typeof a).items;
      return a.items.length === other.length && a.items.every((x, i) => { const y = other[i]; return y !== undefined && sameValue(x, y); });
    }
    case 'map': {
      const other = (b as typeof a).entries;
      if (a.entries.size !== other.size) return false;
      for (const [k, v] of a.entries) {
        const w = other.get(k);
        if (w === undefined || !sameValue(v, w)) return false;
      }
      return true;
    }
  }
}
