/**
 * The one core call behind the CLI, the benchmark and the language server: discover files,
 * read them with guards, lint each one under its nearest config, and collect the results.
 * Files are processed one at a time and their ASTs dropped, so memory follows the largest file
 * (plus the pre-pass's bounded text cache, project-scan.ts). With `jobs` > 1 the files are
 * linted by worker threads (parallel.ts) and their results merged in file order, so the output
 * is the same as with one thread.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { findConfig, loadConfigFile, type ConfigFile } from './config-file.js';
import type { ResolvedConfig } from './config-types.js';
import { loadRules } from './lazy-rules.js';
import { runProjectRules } from './project-pass.js';
import { prePass } from './project-scan.js';
import { resolveConfig, type CliOverrides } from './resolve-config.js';
import type { AnyRule, RuleMeta } from './rule-api.js';
import type { Finding, Notice, RunSummary } from './types.js';
import type { RunInit, WorkerPool } from './parallel.js';
import { RuleLoader, RunTotals, runTask, terraformModules, toUri, type FileTask, type TaskContext } from './worker-task.js';
import { discover } from '../files/discover.js';
import { DEFAULT_MAX_FILE_BYTES, readGuarded, readStdin, type ReadResult } from '../files/read.js';
import type { InputType } from '../sources/detect.js';

export const DEFAULT_EXTENSIONS = ['.yaml', '.yml', '.json', '.policy', '.tf'] as const;

/**
 * `jobs: 'auto'` starts a worker per this many files at most. A worker loads the rules and
 * compiles them anew, on cores the other workers keep busy: on 2 cores, two workers start to
 * beat one thread from about a thousand files of the benchmark's size (bench/README.md).
 */
export const AUTO_FILES_PER_WORKER = 500;

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
  /**
   * `--jobs`: worker threads that lint the files (default 1: none, the calling thread lints),
   * at most one per file; `auto`: one per CPU, one per AUTO_FILES_PER_WORKER files at most
   * (below 2 × that many files, none). Workers load the built-in rules (rules/lazy.ts) by the
   * ids of `registry`, from the compiled build (dist/).
   */
  readonly jobs?: number | 'auto';
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
  // 1. Resolve every input to a file (or stdin text) and its config.
  const { inputs, configs, notices } = await resolveInputs(req, root);
  const first = configs.list[0];
  const totals = new RunTotals(notices);
  // Workers start now, so that they load while the pre-pass reads.
  const workers = req.jobs === 'auto' ? Math.min(availableParallelism(), Math.floor(inputs.length / AUTO_FILES_PER_WORKER)) : Math.min(req.jobs ?? 1, inputs.length);
  const pool = workers > 1 ? await startWorkers(workers, notices) : undefined;
  try {
    // 2. Pre-pass: facts from other files (namespace labels; the workers parse them if any);
    //    what it reads is kept for step 3.
    const pre = await prePass(inputs, pool !== undefined);
    const tasks = inputs.map((input, i): FileTask => ({
      index: i, display: input.display, uri: input.uri, config: input.config, ...(input.abs !== undefined && { abs: input.abs }),
    }));
    const cached = (t: FileTask): FileTask => {
      const read = pre.kept.get(t.index);
      pre.kept.delete(t.index);
      return read ? { ...t, read } : t;
    };
    // 3. Lint each file; its AST is dropped before the next one is read.
    if (pool) {
      const init: RunInit = {
        cwd: req.cwd, root, today: req.today, overrides: req.overrides, ruleIds: req.registry.map((r) => r.meta.id), configs: configs.files,
        terraformMaxBytes: first?.maxFileSize ?? DEFAULT_MAX_FILE_BYTES, ...(req.type && { type: req.type }),
      };
      await pool.lint(init, pre.candidates, tasks, cached, (t, outcome) => totals.add(t.display, outcome));
    } else {
      const ctx: TaskContext = {
        configs: configs.list, today: req.today, project: pre.scanner.info(), module: terraformModules(req.cwd, root, first?.maxFileSize),
        rules: new RuleLoader(configs.list), ...(req.type && { type: req.type }),
      };
      for (const t of tasks) {
        const read = cached(t).read ?? (await (inputs[t.index] as Input).read());
        // The copy keeps no string that shares memory with the file's text (worker-task.ts).
        totals.add(t.display, structuredClone(await runTask({ ...t, read }, ctx)));
      }
    }
  } finally {
    pool?.release();
  }
  const config = first ?? (await configs.forDir(req.cwd));
  // 4. Project rules: cross-document analysis over the collected facts.
  await loadRules(config.rules.map((e) => e.rule).filter((r) => r.analyze));
  for (const f of runProjectRules(config, totals.facts, totals.covers)) totals.findings.push(f);
  // 5. Findings on helm template output move to their chart's template lines.
  const mapped = await mapHelmFindings(totals.findings, req.chartRoot ?? config.chartRoot, req.cwd, root);
  const enabled = new Set<string>();
  for (const c of configs.list) for (const r of c.rules) enabled.add(r.rule.meta.id);
  const rules = req.registry.filter((r) => enabled.has(r.meta.id)).map((r) => r.meta);
  mapped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start.line - b.start.line || a.start.column - b.start.column));
  const { filesLinted, filesSkipped, objects, documentsSkipped } = totals;
  return { findings: mapped, rules, config, summary: { filesLinted, filesSkipped, objects, documentsSkipped, notices } };
}

/** One file to lint, read on demand. */
interface Input {
  readonly display: string;
  readonly uri: string;
  /** Absolute path of a file on disk (not standard input). */
  readonly abs?: string;
  /** Index of its config in `Configs.list`. */
  readonly config: number;
  readonly read: () => Promise<ReadResult>;
}

/** The configs of a run: one per config file used (or none), in order of first use. */
class Configs {
  readonly list: ResolvedConfig[] = [];
  /** The config file behind each of `list` (undefined: none). */
  readonly files: (ConfigFile | undefined)[] = [];
  private readonly byPath = new Map<string, number>();

  constructor(private readonly req: LintRequest, private readonly explicit: ConfigFile | undefined) {}

  /** The index in `list` of the config for files in `dir`. */
  async indexFor(dir: string): Promise<number> {
    const path = this.explicit?.path ?? findConfig(dir) ?? '';
    let i = this.byPath.get(path);
    if (i === undefined) {
      const file: ConfigFile | undefined = this.explicit ?? (path ? await loadConfigFile(path) : undefined);
      i = this.list.push(resolveConfig(this.req.registry, file, this.req.overrides, this.req.cwd)) - 1;
      this.files.push(file);
      this.byPath.set(path, i);
    }
    return i;
  }

  async forDir(dir: string): Promise<ResolvedConfig> {
    return this.list[await this.indexFor(dir)] as ResolvedConfig;
  }
}

async function resolveInputs(req: LintRequest, root: string): Promise<{ inputs: Input[]; configs: Configs; notices: Notice[] }> {
  const explicit = req.configFile ?? (req.configPath ? await loadConfigFile(resolve(req.cwd, req.configPath)) : undefined);
  const configs = new Configs(req, explicit);
  const notices: Notice[] = [];
  const inputs: Input[] = [];
  for (const input of req.inputs) {
    if (input === '-') {
      const name = req.stdinFilename ?? '<stdin>';
      const config = await configs.indexFor(req.stdinFilename ? dirname(resolve(req.cwd, name)) : req.cwd);
      const maxBytes = (configs.list[config] as ResolvedConfig).maxFileSize;
      const read = req.stdin ? await readStdin(req.stdin, { maxBytes }) : { ok: false as const, reason: 'no standard input' };
      const uri = req.stdinFilename ? toUri(root, resolve(req.cwd, name)) : name;
      inputs.push({ display: name, uri, config, read: () => Promise.resolve(read) });
      continue;
    }
    const config = await configs.indexFor(startDirOf(resolve(req.cwd, input), req.cwd));
    const cfg = configs.list[config] as ResolvedConfig;
    const found = await discover([input], {
      cwd: req.cwd, extensions: DEFAULT_EXTENSIONS, ignorePatterns: cfg.ignore, ignoreBase: cfg.ignoreBase,
    });
    if (found.errors.length) throw new UsageError(found.errors.map((e) => e.message).join('; '));
    notices.push(...found.notices);
    for (const f of found.files) {
      inputs.push({ display: f.displayPath, uri: toUri(root, f.absPath), abs: f.absPath, config, read: () => readGuarded(f.absPath, { maxBytes: cfg.maxFileSize }) });
    }
  }
  return { inputs, configs, notices };
}

/** The worker pool (parallel.ts, imported only for `--jobs` > 1), or undefined with a notice saying why not. */
async function startWorkers(workers: number, notices: Notice[]): Promise<WorkerPool | undefined> {
  const { workerPool, workersDenied } = await import('./parallel.js');
  const denied = workersDenied();
  if (!denied) return workerPool(workers);
  notices.push({ file: '--jobs', message: `${denied}: linting on the main thread` });
  return undefined;
}

/** Maps findings on rendered Helm objects to their templates, when a chart can be found (the mapper loads only then). */
async function mapHelmFindings(findings: Finding[], chartRoot: string | undefined, cwd: string, repo: string): Promise<Finding[]> {
  if (!findings.some((f) => f.helmTemplate)) return findings;
  const [{ findChartRoots }, { HelmMapper }] = await Promise.all([import('../helm/chart-roots.js'), import('../helm/map.js')]);
  const roots = findChartRoots(cwd, chartRoot);
  if (roots.length === 0) return findings;
  const mapper = new HelmMapper({ roots, explicit: chartRoot !== undefined, cwd, repoRoot: repo });
  return findings.map((f) => mapper.map(f));
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
