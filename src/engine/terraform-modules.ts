/**
 * Loads Terraform modules for the engine: the `.tf`, `terraform.tfvars[.json]` and
 * `*.auto.tfvars[.json]` files beside a linted `.tf` file, read with the same guards as the
 * linted files. A few recent directories are cached (files of one directory are linted close
 * together), so memory stays bounded by a handful of modules, not the whole tree.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readGuarded } from '../files/read.js';
import { toDisplayPath } from '../files/paths.js';
import { isModuleFile } from '../sources/hcl/tf-scope.js';
import { TerraformModule, type TerraformModuleFile } from '../sources/terraform-module.js';

const KEEP = 8;

export class TerraformModules {
  private readonly cache = new Map<string, Promise<TerraformModule>>();

  /**
   * @param cwd display paths are relative to it, as the linted files' are
   * @param uriOf the repository-relative path of an absolute path
   */
  constructor(private readonly cwd: string, private readonly uriOf: (abs: string) => string, private readonly maxBytes: number) {}

  /** The module in directory `dir` (absolute). Unreadable files are left out. */
  get(dir: string): Promise<TerraformModule> {
    let m = this.cache.get(dir);
    if (m) {
      this.cache.delete(dir);
    } else {
      m = this.load(dir);
      if (this.cache.size >= KEEP) this.cache.delete(this.cache.keys().next().value ?? '');
    }
    this.cache.set(dir, m);
    return m;
  }

  private async load(dir: string): Promise<TerraformModule> {
    let names: string[];
    try {
      names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && isModuleFile(e.name)).map((e) => e.name).sort();
    } catch {
      return new TerraformModule([]);
    }
    const files: TerraformModuleFile[] = [];
    for (const name of names) {
      const abs = join(dir, name);
      const read = await readGuarded(abs, { maxBytes: this.maxBytes });
      if (read.ok) files.push({ path: toDisplayPath(this.cwd, abs), uri: this.uriOf(abs), text: read.text });
    }
    return new TerraformModule(files);
  }
}
