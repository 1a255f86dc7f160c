/**
 * File discovery: turns the command line's paths and globs into a sorted, de-duplicated list of
 * files, applying `.okelintignore`, `.gitignore` and config `ignore` patterns. Only reads the
 * filesystem (works under Node's permission model with read access alone); never throws for
 * filesystem problems — they become notices (the run goes on) or errors (bad usage).
 */
import { readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Notice } from '../engine/types.js';
import { IgnoreLoader, type IgnoreScope, isIgnored, scopeFromPatterns } from './ignore-files.js';
import { compareStrings, errorCode, toDisplayPath } from './paths.js';
import { TreeWalker, hasWantedExtension, linkProblem, type WalkedFile } from './walk.js';

export interface DiscoverOptions {
  /** Absolute working directory; display paths are relative to it. */
  readonly cwd: string;
  /** Extensions walked directories and globs pick, lower-case with the dot (e.g. `.yaml`). */
  readonly extensions: readonly string[];
  /** Extra gitignore-syntax patterns (config `ignore`), relative to `ignoreBase`. */
  readonly ignorePatterns?: readonly string[];
  /** Absolute directory `ignorePatterns` are relative to (default `cwd`). */
  readonly ignoreBase?: string;
  /** Apply `.gitignore` files (default true); `.okelintignore` files always apply. */
  readonly respectGitignore?: boolean;
}

export interface DiscoveredFile {
  readonly absPath: string;
  /** Relative to cwd, `/`-separated (absolute when outside cwd). */
  readonly displayPath: string;
  /** Named directly on the command line (then read whatever its extension). */
  readonly explicit: boolean;
}

export interface DiscoverResult {
  /** De-duplicated by real path, sorted by display path. */
  readonly files: DiscoveredFile[];
  /** Warnings: the run goes on (unreadable directory, symlink loop, ignored file, ...). */
  readonly notices: Notice[];
  /** Fatal usage errors: a named path that does not exist, a glob that matches nothing. */
  readonly errors: Notice[];
}

interface Found extends WalkedFile {
  readonly explicit: boolean;
}

interface Run {
  readonly opts: DiscoverOptions;
  readonly extensions: ReadonlySet<string>;
  readonly loader: IgnoreLoader;
  readonly tail: readonly IgnoreScope[];
  readonly walker: TreeWalker;
  readonly found: Found[];
  readonly notices: Notice[];
  readonly errors: Notice[];
}

/** Discovers the files to lint for `inputs` (paths, directories or globs, relative to `opts.cwd`). */
export async function discover(inputs: readonly string[], opts: DiscoverOptions): Promise<DiscoverResult> {
  const extensions = new Set(opts.extensions.map((e) => e.toLowerCase()));
  const loader = new IgnoreLoader({ cwd: opts.cwd, respectGitignore: opts.respectGitignore ?? true });
  const tail = opts.ignorePatterns?.length ? [scopeFromPatterns(opts.ignoreBase ?? opts.cwd, opts.ignorePatterns)] : [];
  const walker = new TreeWalker({ cwd: opts.cwd, extensions, loader, tail });
  const run: Run = { opts, extensions, loader, tail, walker, found: [], notices: [], errors: [] };
  for (const input of inputs) await discoverOne(run, input);
  for (const f of walker.files) run.found.push({ ...f, explicit: false });
  const notices = [...loader.notices, ...walker.notices, ...run.notices];
  notices.sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.message, b.message));
  return { files: dedupe(run.found, opts.cwd), notices, errors: run.errors };
}

/** One command-line input: an existing path first, then a glob, else an error. */
async function discoverOne(run: Run, input: string): Promise<void> {
  const abs = resolve(run.opts.cwd, input);
  let isDir: boolean;
  try {
    isDir = (await stat(abs)).isDirectory();
  } catch (err) {
    const code = errorCode(err);
    if ((code === 'ENOENT' || code === 'ENOTDIR') && (await import('glob')).hasMagic(input)) await expandGlob(run, input);
    else if (code === 'ENOENT' || code === 'ENOTDIR') run.errors.push({ file: input, message: `no such file or directory: ${input}` });
    else run.errors.push({ file: input, message: `cannot access: ${input} (${code})` });
    return;
  }
  const scopes = await run.loader.above(abs);
  if (isIgnoredPath(run, scopes, abs, isDir)) {
    const kind = isDir ? 'directory' : 'file';
    run.notices.push({ file: toDisplayPath(run.opts.cwd, abs), message: `${kind} ignored because of a matching ignore pattern` });
  } else if (isDir) {
    await run.walker.walk(abs, scopes);
  } else {
    const real = await realpath(abs).catch(() => abs);
    run.found.push({ absPath: abs, realPath: real, viaLink: false, explicit: true });
  }
}

/** Expands a glob pattern; the results are filtered by extension (unless the pattern names one) and ignore files. */
async function expandGlob(run: Run, pattern: string): Promise<void> {
  // glob is loaded only when a pattern is linted.
  const { glob } = await import('glob');
  const matches = await glob(pattern, {
    cwd: run.opts.cwd, absolute: true, nodir: true, dot: false, follow: false,
    ignore: pattern.includes('node_modules') ? undefined : ['**/node_modules/**'],
  });
  matches.sort(compareStrings);
  const namesExtension = patternNamesExtension(pattern);
  let candidates = 0;
  let kept = 0;
  for (const abs of matches) {
    if (!namesExtension && !hasWantedExtension(abs, run.extensions)) continue;
    const real = await globMatchRealPath(run, abs);
    if (real === undefined) continue;
    candidates++;
    if (isIgnoredPath(run, await run.loader.chain(dirname(abs)), abs, false)) continue;
    kept++;
    run.found.push({ absPath: abs, realPath: real, viaLink: false, explicit: false });
  }
  if (candidates === 0) run.errors.push({ file: pattern, message: `no files match "${pattern}"` });
  else if (kept === 0) run.errors.push({ file: pattern, message: `all files matching "${pattern}" are ignored` });
}

/** The real path of a glob match that is a file; `undefined` (with a notice for a broken link) otherwise. */
async function globMatchRealPath(run: Run, abs: string): Promise<string | undefined> {
  try {
    if ((await stat(abs)).isDirectory()) return undefined;
    return await realpath(abs);
  } catch (err) {
    const file = toDisplayPath(run.opts.cwd, abs);
    const to = await readlink(abs).catch(() => '?');
    run.notices.push({ file, message: linkProblem(file, to, errorCode(err)) });
    return undefined;
  }
}

/**
 * Whether a glob's last segment names an extension itself (`*.txt`, `*.{yml,tpl}`), in which case
 * its matches are not filtered by the configured extensions (`*`, `**`, `data.*` do not).
 */
export function patternNamesExtension(pattern: string): boolean {
  const last = basename(pattern);
  const dot = last.lastIndexOf('.');
  if (dot < 0) return false;
  const ext = last.slice(dot + 1);
  return ext !== '' && !/^\*+$/.test(ext);
}

function isIgnoredPath(run: Run, scopes: readonly IgnoreScope[], abs: string, isDir: boolean): boolean {
  return isIgnored(scopes, abs, isDir) || (run.tail.length > 0 && isIgnored(run.tail, abs, isDir));
}

/**
 * One entry per real path. Preference: named on the command line, then reached without a
 * symlink, then first found. Sorted by display path.
 */
function dedupe(found: readonly Found[], cwd: string): DiscoveredFile[] {
  const byReal = new Map<string, Found>();
  for (const f of found) {
    const prev = byReal.get(f.realPath);
    if (!prev || rank(f) > rank(prev)) byReal.set(f.realPath, f);
  }
  const files = [...byReal.values()].map((f) => ({
    absPath: f.absPath, displayPath: toDisplayPath(cwd, f.absPath), explicit: f.explicit,
  }));
  return files.sort((a, b) => compareStrings(a.displayPath, b.displayPath));
}

function rank(f: Found): number {
  return (f.explicit ? 2 : 0) + (f.viaLink ? 0 : 1);
}
