/**
 * Ignore files (`.gitignore`, `.okelintignore`) and config `ignore` patterns, in gitignore syntax
 * via the `ignore` package. Each file applies to the subtree of the directory holding it, with
 * patterns relative to that directory, as in git. Deeper files override shallower ones, and
 * within one directory `.okelintignore` overrides `.gitignore`; config patterns are checked last.
 * Matching is case-sensitive on every platform, so CI and laptops agree.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type ignore from 'ignore';
import type { Notice } from '../engine/types.js';
import { errorCode, isInsideOrEqual, relativeInside, toDisplayPath } from './paths.js';

/** Ignore file names, lowest precedence first. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.okelintignore'] as const;

/** One set of patterns and the directory they are relative to. */
export interface IgnoreScope {
  readonly base: string;
  readonly matcher: ignore.Ignore;
}

let ignoreFactory: typeof ignore | undefined;

/** Builds a scope from gitignore-syntax lines relative to `base`. */
export function scopeFromPatterns(base: string, patterns: string | readonly string[]): IgnoreScope {
  // Required on first use, not imported: a run without ignore files never loads the package,
  // and a CommonJS module imported from ESM costs start-up time (its source is lexed for exports).
  ignoreFactory ??= createRequire(import.meta.url)('ignore') as typeof ignore;
  return { base, matcher: ignoreFactory({ ignorecase: false }).add(patterns) };
}

/**
 * Whether `absPath` is ignored by `scopes` (checked in order; the last scope with a matching rule
 * decides, so a deeper `!pattern` can re-include). Scopes whose base does not contain the path
 * are skipped. `isDir` makes directory-only patterns (`build/`) match.
 */
export function isIgnored(scopes: readonly IgnoreScope[], absPath: string, isDir: boolean): boolean {
  let ignored = false;
  for (const scope of scopes) {
    const rel = relativeInside(scope.base, absPath);
    if (rel === undefined) continue;
    const verdict = testSafely(scope.matcher, isDir ? `${rel}/` : rel);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/** `ignore` throws on some relative paths (for example a file named `...`): treat those as unmatched. */
function testSafely(matcher: ignore.Ignore, rel: string): { ignored: boolean; unignored: boolean } {
  try {
    return matcher.test(rel);
  } catch {
    return { ignored: false, unignored: false };
  }
}

export interface IgnoreLoaderOptions {
  readonly cwd: string;
  readonly respectGitignore: boolean;
}

/**
 * Loads and caches the ignore files of directories, and finds which ones apply to a directory:
 * those from the repository root (the nearest ancestor holding `.git`) down to it. Without a
 * repository the chain stops at `cwd` (or at the directory itself when it lies outside `cwd`).
 */
export class IgnoreLoader {
  /** Warnings about ignore files that exist but cannot be read. */
  readonly notices: Notice[] = [];
  private readonly own = new Map<string, Promise<readonly IgnoreScope[]>>();
  private readonly chains = new Map<string, Promise<readonly IgnoreScope[]>>();
  private readonly gitRoots = new Map<string, Promise<string | undefined>>();

  constructor(private readonly opts: IgnoreLoaderOptions) {}

  /**
   * The scopes of the ignore files in `dir` itself. `present` (the directory's entry names, when
   * the caller has listed it) avoids probing for files that are not there.
   */
  ownScopes(dir: string, present?: ReadonlySet<string>): Promise<readonly IgnoreScope[]> {
    let found = this.own.get(dir);
    if (!found) {
      found = this.loadOwn(dir, present);
      this.own.set(dir, found);
    }
    return found;
  }

  /** Every scope that applies to entries of `dir`: the chain from the top down to `dir` itself. */
  chain(dir: string): Promise<readonly IgnoreScope[]> {
    let found = this.chains.get(dir);
    if (!found) {
      found = this.buildChain(dir);
      this.chains.set(dir, found);
    }
    return found;
  }

  /** The scopes that apply to `dir` itself as an entry of its parent (empty when `dir` is the top). */
  async above(dir: string): Promise<readonly IgnoreScope[]> {
    return (await this.isTop(dir)) ? [] : this.chain(dirname(dir));
  }

  private async buildChain(dir: string): Promise<readonly IgnoreScope[]> {
    const own = await this.ownScopes(dir);
    if (await this.isTop(dir)) return own;
    const parent = await this.chain(dirname(dir));
    return own.length === 0 ? parent : [...parent, ...own];
  }

  /** Whether the chain of ignore files stops at `dir`. */
  private async isTop(dir: string): Promise<boolean> {
    if (dirname(dir) === dir) return true;
    const root = await this.gitRoot(dir);
    if (root !== undefined) return root === dir;
    return dir === this.opts.cwd || !isInsideOrEqual(this.opts.cwd, dir);
  }

  /** The nearest directory at or above `dir` that holds `.git`. */
  private gitRoot(dir: string): Promise<string | undefined> {
    let found = this.gitRoots.get(dir);
    if (!found) {
      found = this.findGitRoot(dir);
      this.gitRoots.set(dir, found);
    }
    return found;
  }

  private async findGitRoot(dir: string): Promise<string | undefined> {
    if (await exists(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    return parent === dir ? undefined : this.gitRoot(parent);
  }

  private async loadOwn(dir: string, present?: ReadonlySet<string>): Promise<readonly IgnoreScope[]> {
    const scopes: IgnoreScope[] = [];
    for (const name of IGNORE_FILE_NAMES) {
      if (name === '.gitignore' && !this.opts.respectGitignore) continue;
      if (present && !present.has(name)) continue;
      const text = await this.readIgnoreFile(join(dir, name), present !== undefined);
      if (text !== undefined) scopes.push(scopeFromPatterns(dir, text));
    }
    return scopes;
  }

  /** Reads one ignore file; a missing file is silent, an unreadable listed one becomes a notice. */
  private async readIgnoreFile(path: string, listed: boolean): Promise<string | undefined> {
    try {
      return await readFile(path, 'utf8');
    } catch (err) {
      const code = errorCode(err);
      if (listed && code !== 'ENOENT') {
        const file = toDisplayPath(this.opts.cwd, path);
        this.notices.push({ file, message: `cannot read ignore file: ${file} (${code})` });
      }
      return undefined;
    }
  }
}

/** Whether a path exists (any error, including a permission denial, counts as no). */
async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
