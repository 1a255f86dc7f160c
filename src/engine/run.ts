/**
 * The one core call behind the CLI, the benchmark and the language server: discover files,
 * read them with guards, lint each one under its nearest config, and collect the results.
 * Files are processed one at a time and their ASTs dropped, so memory follows the largest file.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { findConfig, loadConfigFile, type ConfigFile } from './config-file.js';
import type { ResolvedConfig } from './config-types.js';
import { lintFile } from './lint-file.js';
import { resolveConfig, type CliOverrides } from './resolve-config.js';
import type { AnyRule, RuleMeta } from './rule-api.js';
import type { Finding, Notice, RunSummary } from './types.js';
import { discover } from '../files/discover.js';
import { readGuarded, readStdin } from '../files/read.js';

export const DEFAULT_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

export interface LintRequest {
  readonly inputs: readonly string[];
  readonly cwd: string;
  readonly registry: readonly AnyRule[];
  readonly overrides: CliOverrides;
  /** `--config`: overrides discovery. */
  readonly configPath?: string;
  /** Read stdin for the input `-`. */
  readonly stdin?: NodeJS.ReadableStream;
  readonly stdinFilename?: string;
  /** YYYY-MM-DD, for `okelint.io/ignore-until`. */
  readonly today: string;
}

export interface LintOutcome {
  readonly findings: Finding[];
  readonly summary: RunSummary;
  /** Every rule enabled by any of the configs used, in registry order. */
  readonly rules: readonly RuleMeta<unknown>[];
  /** The config that decides the exit code (the first one used). */
  readonly config: ResolvedConfig;
}

/** Throws ConfigError (usage/config problems, exit 2). Input problems become notices. */
export async function lint(req: LintRequest): Promise<LintOutcome> {
  const root = repoRoot(req.cwd);
  const explicit = req.configPath ? await loadConfigFile(resolve(req.cwd, req.configPath)) : undefined;
  const configs = new Map<string, ResolvedConfig>();
  const configFor = async (dir: string): Promise<ResolvedConfig> => {
    const path = explicit?.path ?? findConfig(dir) ?? '';
    let cfg = configs.get(path);
    if (!cfg) {
      const file: ConfigFile | undefined = explicit ?? (path ? await loadConfigFile(path) : undefined);
      cfg = resolveConfig(req.registry, file, req.overrides, req.cwd);
      configs.set(path, cfg);
    }
    return cfg;
  };
  const findings: Finding[] = [];
  const notices: Notice[] = [];
  let filesLinted = 0, filesSkipped = 0, objects = 0, documentsSkipped = 0;
  const lintOne = (display: string, uri: string, text: string, cfg: ResolvedConfig): void => {
    if (text.trim() === '') notices.push({ file: display, message: 'empty file: nothing to lint' });
    const res = lintFile({ path: display, uri, text }, cfg, req.today);
    filesLinted++;
    objects += res.objects;
    documentsSkipped += res.skippedDocuments;
    for (const f of res.findings) findings.push(f);
  };
  let first: ResolvedConfig | undefined;
  for (const input of req.inputs) {
    if (input === '-') {
      const name = req.stdinFilename ?? '<stdin>';
      const cfg = await configFor(req.stdinFilename ? dirname(resolve(req.cwd, name)) : req.cwd);
      first ??= cfg;
      const read = req.stdin ? await readStdin(req.stdin, { maxBytes: cfg.maxFileSize }) : { ok: false as const, reason: 'no standard input' };
      if (!read.ok) { filesSkipped++; notices.push({ file: name, message: read.reason }); continue; }
      const uri = req.stdinFilename ? toUri(root, resolve(req.cwd, name)) : name;
      lintOne(name, uri, read.text, cfg);
      continue;
    }
    const abs = resolve(req.cwd, input);
    const cfg = await configFor(startDirOf(abs, req.cwd));
    first ??= cfg;
    const found = await discover([input], {
      cwd: req.cwd, extensions: DEFAULT_EXTENSIONS, ignorePatterns: cfg.ignore, ignoreBase: cfg.ignoreBase,
    });
    if (found.errors.length) throw new UsageError(found.errors.map((e) => e.message).join("; "));
    notices.push(...found.notices);
    for (const f of found.files) {
      const read = await readGuarded(f.absPath, { maxBytes: cfg.maxFileSize });
      if (!read.ok) { filesSkipped++; notices.push({ file: f.displayPath, message: read.reason }); continue; }
      lintOne(f.displayPath, toUri(root, f.absPath), read.text, cfg);
    }
  }
  const config = first ?? (await configFor(req.cwd));
  const enabled = new Set<string>();
  for (const c of configs.values()) for (const r of c.rules) enabled.add(r.rule.meta.id);
  const rules = req.registry.filter((r) => enabled.has(r.meta.id)).map((r) => r.meta);
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start));
  return { findings, rules, config, summary: { filesLinted, filesSkipped, objects, documentsSkipped, notices } };
}

/** A usage problem (bad path or pattern): exit code 2. */
export class UsageError extends Error {}

/** Where config discovery starts for a linted path: the directory itself, a file's directory, or cwd for globs. */
function startDirOf(abs: string, cwd: string): string {
  try {
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch {
    return cwd;
  }
}

/** The nearest directory at or above `cwd` holding `.git`, else `cwd`. */
function repoRoot(cwd: string): string {
  for (let cur = cwd; ; cur = dirname(cur)) {
    if (existsSync(resolve(cur, '.git'))) return cur;
    if (dirname(cur) === cur) return cwd;
  }
}

function toUri(root: string, abs: string): string {
  const rel = relative(root, abs);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs).split(sep).join('/');
}
