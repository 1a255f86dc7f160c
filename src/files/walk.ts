/**
 * Recursive directory walk for file discovery. Follows symlinks to files and directories, but
 * walks each real directory at most once and never follows a link into a directory that contains
 * the link (a loop). Symlinked directories are followed only after the plain tree is walked, so a
 * file reachable both ways keeps its plain path. Problems become notices; the walk goes on.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { readlink, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Notice } from '../engine/types.js';
import { type IgnoreLoader, type IgnoreScope, isIgnored } from './ignore-files.js';
import { errorCode, isInsideOrEqual, toDisplayPath } from './paths.js';

/** Directory names never descended into. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** A file the walk found. */
export interface WalkedFile {
  readonly absPath: string;
  readonly realPath: string;
  /** Reached through a symlink (to the file or to a directory above it). */
  readonly viaLink: boolean;
}

export interface WalkContext {
  readonly cwd: string;
  /** Lower-case extensions with the dot. */
  readonly extensions: ReadonlySet<string>;
  readonly loader: IgnoreLoader;
  /** Scopes checked after every ignore file (config `ignore` patterns). */
  readonly tail: readonly IgnoreScope[];
}

interface DirTask {
  readonly abs: string;
  readonly real: string;
  /** Scopes that apply to the directory's entries, without the directory's own ignore files yet. */
  readonly scopes: readonly IgnoreScope[];
  readonly viaLink: boolean;
}

interface LinkTask {
  readonly abs: string;
  /** Real path of the directory holding the link. */
  readonly parentReal: string;
  readonly scopes: readonly IgnoreScope[];
}

/** Whether a file name has one of the wanted extensions (case-insensitive). */
export function hasWantedExtension(name: string, extensions: ReadonlySet<string>): boolean {
  return extensions.has(extname(name).toLowerCase());
}

/** The notice text for a symlink whose target cannot be reached (`code` from `stat`). */
export function linkProblem(file: string, to: string, code: string): string {
  if (code === 'ELOOP') return `symlink loop: ${file} -> ${to} (not followed)`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `broken symlink: ${file} -> ${to} (target does not exist)`;
  return `cannot follow symlink: ${file} -> ${to} (${code})`;
}

/** Walks directory trees; one instance per discovery run, so real directories are walked once. */
export class TreeWalker {
  readonly files: WalkedFile[] = [];
  readonly notices: Notice[] = [];
  private readonly visited = new Set<string>();
  private readonly pending: DirTask[] = [];
  private readonly links: LinkTask[] = [];

  constructor(private readonly ctx: WalkContext) {}

  /** Walks the tree under `root` (an existing directory); `scopes` are those that apply inside `root`'s parent. */
  async walk(root: string, scopes: readonly IgnoreScope[]): Promise<void> {
    const real = await realpath(root).catch(() => root);
    if (this.visited.has(real)) return;
    this.visited.add(real);
    this.pending.push({ abs: root, real, scopes, viaLink: false });
    for (;;) {
      const task = this.pending.pop();
      if (task) await this.walkDir(task);
      else {
        const link = this.links.shift();
        if (!link) return;
        await this.followDirLink(link);
      }
    }
  }

  private display(abs: string): string {
    return toDisplayPath(this.ctx.cwd, abs);
  }

  private ignored(scopes: readonly IgnoreScope[], abs: string, isDir: boolean): boolean {
    return isIgnored(scopes, abs, isDir) || (this.ctx.tail.length > 0 && isIgnored(this.ctx.tail, abs, isDir));
  }

  private async walkDir(task: DirTask): Promise<void> {
    let entries: Dirent[];
    try {
      // Synchronous, as reads are (files/read.ts): a thread-pool round trip per directory cost
      // more than the listing itself (a tree of 2,000 small directories: 130 ms against 40 ms).
      entries = readdirSync(task.abs, { withFileTypes: true });
    } catch (err) {
      const file = this.display(task.abs);
      this.notices.push({ file, message: `cannot read directory: ${file} (${errorCode(err)})` });
      return;
    }
    const own = await this.ctx.loader.ownScopes(task.abs, new Set(entries.map((e) => e.name)));
    const scopes = own.length === 0 ? task.scopes : [...task.scopes, ...own];
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A Helm chart's templates are Go templates, not manifests: lint `helm template` output instead.
    const chart = entries.some((e) => e.name === 'Chart.yaml' && e.isFile());
    for (const entry of entries) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      if (chart && entry.name === 'templates' && entry.isDirectory()) {
        const file = this.display(join(task.abs, entry.name));
        this.notices.push({ file, message: `Helm chart templates skipped: lint the output of "helm template" instead (okelint - --chart-root ${this.display(task.abs)})` });
        continue;
      }
      await this.visitEntry(task, scopes, entry);
    }
  }

  private async visitEntry(task: DirTask, scopes: readonly IgnoreScope[], entry: Dirent): Promise<void> {
    const abs = join(task.abs, entry.name);
    if (entry.isDirectory()) {
      const real = join(task.real, entry.name);
      if (this.visited.has(real) || this.ignored(scopes, abs, true)) return;
      this.visited.add(real);
      this.pending.push({ abs, real, scopes, viaLink: task.viaLink });
    } else if (entry.isFile()) {
      if (!hasWantedExtension(entry.name, this.ctx.extensions) || this.ignored(scopes, abs, false)) return;
      this.files.push({ absPath: abs, realPath: join(task.real, entry.name), viaLink: task.viaLink });
    } else if (entry.isSymbolicLink()) {
      await this.visitLink(task, scopes, abs, entry.name);
    }
  }

  /** A symlink entry: files are taken at once, directories queued, broken links reported. */
  private async visitLink(task: DirTask, scopes: readonly IgnoreScope[], abs: string, name: string): Promise<void> {
    let target;
    try {
      target = await stat(abs);
    } catch (err) {
      await this.reportBadLink(scopes, abs, name, errorCode(err));
      return;
    }
    if (target.isDirectory()) {
      if (!this.ignored(scopes, abs, true)) this.links.push({ abs, parentReal: task.real, scopes });
    } else if (target.isFile()) {
      if (!hasWantedExtension(name, this.ctx.extensions) || this.ignored(scopes, abs, false)) return;
      const real = await realpath(abs).catch(() => abs);
      this.files.push({ absPath: abs, realPath: real, viaLink: true });
    }
  }

  /**
   * A symlink that cannot be followed. Reported only when it is not ignored and could matter:
   * its name has a wanted extension or no extension at all (it may have pointed at a directory).
   */
  private async reportBadLink(scopes: readonly IgnoreScope[], abs: string, name: string, code: string): Promise<void> {
    if (this.ignored(scopes, abs, false) || this.ignored(scopes, abs, true)) return;
    const ext = extname(name);
    if (ext !== '' && !this.ctx.extensions.has(ext.toLowerCase())) return;
    const file = this.display(abs);
    const to = await readlink(abs).catch(() => '?');
    this.notices.push({ file, message: linkProblem(file, to, code) });
  }

  /** A symlinked directory, after the plain tree: skip loops and directories already walked. */
  private async followDirLink(link: LinkTask): Promise<void> {
    let real: string;
    try {
      real = await realpath(link.abs);
    } catch (err) {
      await this.reportBadLink(link.scopes, link.abs, '', errorCode(err));
      return;
    }
    if (isInsideOrEqual(real, link.parentReal)) {
      const file = this.display(link.abs);
      this.notices.push({ file, message: `symlink loop: ${file} -> ${this.display(real)} (not followed)` });
      return;
    }
    if (this.visited.has(real)) return;
    this.visited.add(real);
    this.pending.push({ abs: link.abs, real, scopes: link.scopes, viaLink: true });
  }
}
