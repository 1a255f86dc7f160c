/**
 * The `var.*` and `local.*` values an evaluation may look through. Each binding keeps its
 * expression (evaluated lazily, once) and where it is written, so a finding can say where a
 * value came from.
 */
import type { Expr, Span } from './ast.js';
import type { BindingSource, ScopeUse, Traced, Unresolved } from './value.js';

export interface Binding {
  /** `var.name` or `local.name`. */
  readonly ref: string;
  readonly source: BindingSource;
  readonly path: string;
  /** The value expression (tfvars attribute, `default`, local), in `path`. */
  readonly span: Span;
  readonly expr?: Expr;
  /** A value read from a `.tfvars.json` file (its strings map into that file). */
  readonly value?: Traced;
}

export class Scope {
  private readonly bindings = new Map<string, Binding>();
  /** `var.x` declared by a `variable` block (with or without default), with that block's path. */
  private readonly declared = new Map<string, string>();
  /** Evaluation results of bindings (with the bindings they used), filled by the evaluator. */
  readonly cache = new Map<Binding, { readonly result: Traced | Unresolved; readonly uses: readonly ScopeUse[] }>();

  private readonly texts = new Map<string, string>();

  /** Records the text of a file the bindings point into (to quote `${...}` sources). */
  addText(path: string, text: string): void {
    this.texts.set(path, text);
  }

  textOf(path: string): string | undefined {
    return this.texts.get(path);
  }

  /** Adds a binding; a later one for the same ref replaces an earlier one (tfvars precedence). */
  set(binding: Binding): void {
    this.bindings.set(binding.ref, binding);
  }

  declare(ref: string, path: string): void {
    this.declared.set(ref, path);
  }

  get(ref: string): Binding | undefined {
    return this.bindings.get(ref);
  }

  isDeclared(ref: string): boolean {
    return this.declared.has(ref);
  }

  refs(): string[] {
    return [...this.bindings.keys()];
  }
}
