/**
 * One file of the main pass, as the main thread (`--jobs 1`) and the worker threads run it
 * alike: read the file (unless its text came with the task), lint it, and return everything
 * the run keeps from it as plain data. The result is copied (structured clone) before it is
 * kept, in both modes: a worker's result is copied anyway when it is posted, and on the main
 * thread the copy drops the strings that share memory with the file's text (V8 keeps a whole
 * text alive for one substring of it), so what a run keeps does not grow with the corpus.
 */
import { dirname, extname, isAbsolute, relative, sep } from 'node:path';
import type { ResolvedConfig } from './config-types.js';
import { loadRules } from './lazy-rules.js';
import type { TerraformModules } from './terraform-modules.js';
import { lintK8sFile, type FactSink, type ProjectInfo } from './lint-k8s.js';
import type { Cover } from './suppress.js';
import type { Finding, Notice } from './types.js';
import { DEFAULT_MAX_FILE_BYTES, readGuarded, type ReadResult } from '../files/read.js';
import { detectFormat, type InputType, type SourceFormat } from '../sources/detect.js';
import type { TerraformModule } from '../sources/terraform-module.js';

/** A file to lint: plain data, so it can be posted to a worker. */
export interface FileTask {
  /** Position in the run's file order (results are merged in this order). */
  readonly index: number;
  /** Display path. */
  readonly display: string;
  /** Repository-relative path for SARIF. */
  readonly uri: string;
  /** Absolute path of a file on disk (not standard input). */
  readonly abs?: string;
  /** Index of the file's config in the run's config list. */
  readonly config: number;
  /** The file's read result when the main thread already has it (pre-pass cache, stdin). */
  readonly read?: ReadResult;
}

/** What the run keeps from one file. */
export interface FileOutcome {
  readonly findings: Finding[];
  /** The file's valid suppressions, for the project pass. */
  readonly covers: readonly Cover[];
  /** Facts project rules collected in this file, by rule id, in collection order. */
  readonly facts: readonly (readonly [string, unknown[]])[];
  readonly notices: readonly Notice[];
  /** `linted`, or `skipped` (unreadable, or no reader for its format). */
  readonly status: 'linted' | 'skipped';
  readonly objects: number;
  readonly skippedDocuments: number;
}

/** What every file of a run shares. */
export interface TaskContext {
  readonly configs: readonly ResolvedConfig[];
  readonly today: string;
  readonly type?: InputType;
  readonly project: ProjectInfo;
  /** The module of a `.tf` file's directory (other `.tf` and tfvars files). */
  readonly module: (dir: string) => Promise<TerraformModule>;
  /** Loads the code of the rules a file's format needs. */
  readonly rules: RuleLoader;
}

/** Lints one file. Never throws for input problems (they become notices). */
export async function runTask(task: FileTask, ctx: TaskContext): Promise<FileOutcome> {
  const cfg = ctx.configs[task.config];
  if (!cfg) throw new Error(`no config #${task.config} for ${task.display}`);
  const read = task.read ?? (task.abs !== undefined ? await readGuarded(task.abs, { maxBytes: cfg.maxFileSize }) : { ok: false as const, reason: 'no input' });
  if (!read.ok) return { ...EMPTY, status: 'skipped', notices: [{ file: task.display, message: read.reason }] };
  const notices: Notice[] = [];
  if (read.text.trim() === '') notices.push({ file: task.display, message: 'empty file: nothing to lint' });
  const module = task.abs !== undefined && isTerraform(task.abs, ctx.type) ? await ctx.module(dirname(task.abs)) : undefined;
  const facts: FactSink = new Map();
  // The IAM, OKE and Terraform readers and rules load only when a run reads such a file.
  const format = detectFormat(task.display, read.text, ctx.type);
  await ctx.rules.ready(format);
  const lint = format === 'k8s' ? lintK8sFile : (await import('./lint-file.js')).lintFile;
  const res = lint(
    { path: task.display, uri: task.uri, text: read.text, ...(ctx.type && { type: ctx.type }), ...(module && { module }) },
    cfg, ctx.today, ctx.project, facts,
  );
  if (res.notices) notices.push(...res.notices);
  return {
    findings: res.skipped ? [] : res.findings,
    covers: res.covers,
    facts: [...facts].filter(([, list]) => list.length > 0),
    notices,
    status: res.skipped ? 'skipped' : 'linted',
    objects: res.skipped ? 0 : res.objects,
    skippedDocuments: res.skipped ? 0 : res.skippedDocuments,
  };
}

const EMPTY: Omit<FileOutcome, 'status' | 'notices'> = { findings: [], covers: [], facts: [], objects: 0, skippedDocuments: 0 };

/** Whether a file is read as Terraform (as `detectFormat` decides, without reading its text). */
function isTerraform(path: string, type: InputType | undefined): boolean {
  return type === undefined ? extname(path).toLowerCase() === '.tf' : type === 'terraform';
}

/** Adds files' outcomes, in file order, to what the run reports. */
export class RunTotals {
  readonly findings: Finding[] = [];
  readonly facts: FactSink = new Map();
  readonly covers = new Map<string, readonly Cover[]>();
  filesLinted = 0;
  filesSkipped = 0;
  objects = 0;
  documentsSkipped = 0;

  constructor(readonly notices: Notice[]) {}

  add(display: string, o: FileOutcome): void {
    if (o.covers.length) this.covers.set(display, o.covers);
    this.notices.push(...o.notices);
    for (const [id, list] of o.facts) {
      const all = this.facts.get(id);
      if (all) for (const f of list) all.push(f);
      else this.facts.set(id, list);
    }
    if (o.status === 'skipped') {
      this.filesSkipped++;
      return;
    }
    this.filesLinted++;
    this.objects += o.objects;
    this.documentsSkipped += o.skippedDocuments;
    for (const f of o.findings) this.findings.push(f);
  }
}

/** The Terraform module of a directory; the module loader is imported when a run first reads a `.tf` file. */
export function terraformModules(cwd: string, root: string, maxBytes = DEFAULT_MAX_FILE_BYTES): (dir: string) => Promise<TerraformModule> {
  let modules: TerraformModules | undefined;
  return async (dir) => {
    if (!modules) {
      const { TerraformModules } = await import('./terraform-modules.js');
      modules = new TerraformModules(cwd, (abs) => toUri(root, abs), maxBytes);
    }
    return modules.get(dir);
  };
}

/** Repository-relative path of `abs` (`/`-separated), or `abs` outside the repository. */
export function toUri(root: string, abs: string): string {
  const rel = relative(root, abs);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs).split(sep).join('/');
}

/**
 * Loads the code of lazily registered rules (lazy-rules.ts) before a file needs it: the
 * Kubernetes rules for YAML and Kubernetes JSON, every enabled rule for any other format.
 */
export class RuleLoader {
  private readonly done = new Set<'k8s' | 'all'>();

  constructor(private readonly configs: readonly ResolvedConfig[]) {}

  async ready(format: SourceFormat): Promise<void> {
    if (this.done.has('all')) return;
    const key = format === 'k8s' ? 'k8s' : 'all';
    if (this.done.has(key)) return;
    const rules = this.configs.flatMap((c) => c.rules.map((e) => e.rule));
    await loadRules(key === 'all' ? rules : rules.filter((r) => r.meta.appliesTo.includes('k8s')));
    this.done.add(key);
  }
}
