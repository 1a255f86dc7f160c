/**
 * A Terraform module as okelint sees it: the `.tf`, `terraform.tfvars[.json]` and
 * `*.auto.tfvars[.json]` files of one directory, read by the caller (the engine never touches
 * the filesystem while linting) and parsed lazily, once each. `scopeFor` gives the Scope a `.tf`
 * file of the module is evaluated in, with that file's own (possibly unsaved) text.
 */
import type { Body } from './hcl/ast.js';
import { parseHcl, type ParseResult } from './hcl/parser.js';
import type { Scope } from './hcl/scope.js';
import { isModuleFile, tfvarsScope, type ModuleFile } from './hcl/tf-scope.js';

export interface TerraformModuleFile {
  /** Display path, in the same form as the linted file's path. */
  readonly path: string;
  /** Repository-relative path, for SARIF. */
  readonly uri: string;
  readonly text: string;
}

export class TerraformModule {
  private readonly byPath = new Map<string, TerraformModuleFile>();
  private readonly parsed = new Map<string, ParseResult>();

  /** Files that are not module files (`isModuleFile`) are ignored. */
  constructor(files: readonly TerraformModuleFile[]) {
    for (const f of files) if (isModuleFile(f.path)) this.byPath.set(f.path, f);
  }

  get files(): readonly TerraformModuleFile[] {
    return [...this.byPath.values()];
  }

  file(path: string): TerraformModuleFile | undefined {
    return this.byPath.get(path);
  }

  /** The HCL parse of a module file (not of `.json` ones), cached. */
  parse(path: string): ParseResult | undefined {
    const f = this.byPath.get(path);
    if (!f || path.endsWith('.json')) return undefined;
    let p = this.parsed.get(path);
    if (!p) this.parsed.set(path, (p = parseHcl(f.text)));
    return p;
  }

  /** The scope of the module with `current` (a file of it, or a new one) as given. */
  scopeFor(current: { readonly path: string; readonly text: string; readonly body: Body }): Scope {
    return moduleScope(current, this.files.filter((f) => f.path !== current.path).map((f) => {
      const body = this.parse(f.path)?.body;
      return { path: f.path, text: f.text, ...(body && { body }) };
    }));
  }
}

/** The scope of `current` and the other files of its module (none for standard input). */
export function moduleScope(current: ModuleFile & { readonly body: Body }, others: readonly ModuleFile[] = []): Scope {
  return tfvarsScope([{ ...current, tf: true }, ...others]);
}
