/**
 * The one core call behind the CLI, the benchmark and the language server: discover files,
 * read them with guards, lint each one under its nearest config, and collect the results.
 * Files are processed one at a time and their ASTs dropped, so memory follows the largest file.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { findConfig, loadConfigFile, type ConfigFile } from './config-file.js';
import type { ResolvedConfig } from './config-types.js';
import { lintFile, type FactSink } from './lint-file.js';
import { runProjectRules } from './project-pass.js';
import type { Cover } from './suppress.js';
import { resolveConfig, type CliOverrides } from './resolve-config.js';
import type { AnyRule, RuleMeta } from './rule-api.js';
import type { Finding, Notice, RunSummary } from './types.js';
import { discover } from '../files/discover.js';
import { DEFAULT_MAX_FILE_BYTES, readGuarded, readStdin, type ReadResult } from '../files/read.js';
import { ProjectScanner } from './project-scan.js';
import { findChartRoots } from '../helm/chart-roots.js';
import { HelmMapper } from '../helm/map.js';
import type { InputType } from '../sources/detect.js';
import { TerraformModules } from './terraform-modules.js';

export const DEFAULT_EXTENSIONS = ['.yaml', '.yml', '.json', '.policy', '.tf'] as const;

export interface LintRequest {
  readonly inputs: readonly string[];
  readonly cwd: string;
  readonly registry: readonly AnyRule[];
  readonly overrides: CliOverrides;
  /** `--config`: overrides discovery. */
  readonly configPath?: string;
  /** An in-memory config (tests, the language server): overrides discovery and `configPath`. */
  readonly configFile?: ConfigFile;
  /** Read stdin for the input `-`. */
  readonly stdin?: NodeJS.ReadableStream;
  readonly stdinFilename?: string;
  /** `--chart-root`: the chart behind helm template output (else config, else auto-detected). */
  readonly chartRoot?: string;
  /** YYYY-MM-DD, for `okelint.io/ignore-until`. */
  readonly today: string;
  /** `--type`: read every file as this format instead of detecting it. */
  readonly type?: InputType;
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
  const explicit = req.configFile ?? (req.configPath ? await loadConfigFile(resolve(req.cwd, req.configPath)) : undefined);
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
  const notices: Notice[] = [];
  let filesSkipped = 0;
  // 1. Resolve every input to a file (or stdin text) and its config.
  const inputs: Input[] = [];
  let first: ResolvedConfig | undefined;
  for (const input of req.inputs) {
    if (input === '-') {
      const name = req.stdinFilename ?? '<stdin>';
      const cfg = await configFor(req.stdinFilename ? dirname(resolve(req.cwd, name)) : req.cwd);
      first ??= cfg;
      const read = req.stdin ? await readStdin(req.stdin, { maxBytes: cfg.maxFileSize }) : { ok: false as const, reason: 'no standard input' };
      const uri = req.stdinFilename ? toUri(root, resolve(req.cwd, name)) : name;
      inputs.push({ display: name, uri, cfg, read: () => Promise.resolve(read) });
      continue;
    }
    const cfg = await configFor(startDirOf(resolve(req.cwd, input), req.cwd));
    first ??= cfg;
    const found = await discover([input], {
      cwd: req.cwd, extensions: DEFAULT_EXTENSIONS, ignorePatterns: cfg.ignore, ignoreBase: cfg.ignoreBase,
    });
    if (found.errors.length) throw new UsageError(found.errors.map((e) => e.message).join('; '));
    notices.push(...found.notices);
    for (const f of found.files) {
      inputs.push({ display: f.displayPath, uri: toUri(root, f.absPath), abs: f.absPath, cfg, read: () => readGuarded(f.absPath, { maxBytes: cfg.maxFileSize }) });
    }
  }
  // 2. Pre-pass: facts from other files (namespace labels).
  const scanner = new ProjectScanner();
  for (const input of inputs) {
    const read = await input.read();
    if (read.ok) scanner.scan(input.display, read.text);
  }
  const project = scanner.info();
  // 3. Lint each file; its AST is dropped before the next one is read.
  const findings: Finding[] = [];
  const facts: FactSink = new Map();
  const covers = new Map<string, readonly Cover[]>();
  let filesLinted = 0, objects = 0, documentsSkipped = 0;
  const modules = new TerraformModules(req.cwd, (abs) => toUri(root, abs), first?.maxFileSize ?? DEFAULT_MAX_FILE_BYTES);
  for (const input of inputs) {
    const read = await input.read();
    if (!read.ok) { filesSkipped++; notices.push({ file: input.display, message: read.reason }); continue; }
    if (read.text.trim() === '') notices.push({ file: input.display, message: 'empty file: nothing to lint' });
    // A `.tf` file on disk is evaluated in its module (the directory's other .tf and tfvars files).
    const module = input.abs && isTerraform(input.abs, req.type) ? await modules.get(dirname(input.abs)) : undefined;
    const res = lintFile({ path: input.display, uri: input.uri, text: read.text, ...(req.type && { type: req.type }), ...(module && { module }) }, input.cfg, req.today, project, facts);
    if (res.covers.length) covers.set(input.display, res.covers);
    if (res.notices) notices.push(...res.notices);
    if (res.skipped) { filesSkipped++; continue; }
    filesLinted++;
    objects += res.objects;
    documentsSkipped += res.skippedDocuments;
    for (const f of res.findings) findings.push(f);
  }
  const config = first ?? (await configFor(req.cwd));
  // 4. Project rules: cross-document analysis over the collected facts.
  for (const f of runProjectRules(config, facts, covers)) findings.push(f);
  // 5. Findings on helm template output move to their chart's template lines.
  const mapped = mapHelmFindings(findings, req.chartRoot ?? config.chartRoot, req.cwd, root);
  const enabled = new Set<string>();
  for (const c of configs.values()) for (const r of c.rules) enabled.add(r.rule.meta.id);
  const rules = req.registry.filter((r) => enabled.has(r.meta.id)).map((r) => r.meta);
  mapped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start.line - b.start.line || a.start.column - b.start.column));
  return { findings: mapped, rules, config, summary: { filesLinted, filesSkipped, objects, documentsSkipped, notices } };
}

/** Maps findings on rendered Helm objects to their templates, when a chart can be found. */
function mapHelmFindings(findings: Finding[], chartRoot: string | undefined, cwd: string, repo: string): Finding[] {
  if (!findings.some((f) => f.helmTemplate)) return findings;
  const roots = findChartRoots(cwd, chartRoot);
  if (roots.length === 0) return findings;
  const mapper = new HelmMapper({ roots, explicit: chartRoot !== undefined, cwd, repoRoot: repo });
  return findings.map((f) => mapper.map(f));
}

/** One file to lint, read on demand (twice: the pre-pass and the main pass). */
interface Input {
  readonly display: string;
  readonly uri: string;
  /** Absolute path of a file on disk (not standard input). */
  readonly abs?: string;
  readonly cfg: ResolvedConfig;
  readonly read: () => Promise<ReadResult>;
}

/** Whether a file is read as Terraform (as `detectFormat` decides, without reading its text). */
function isTerraform(path: string, type: InputType | undefined): boolean {
  return type === undefined ? extname(path).toLowerCase() === '.tf' : type === 'terraform';
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
