/**
 * `--jobs N`: a pool of N worker threads (worker.ts) that lint files and post back their
 * outcomes (plain data: findings, suppression covers, project facts, counts, notices). Files
 * go out in small batches as workers ask for more, and outcomes are handed on strictly in file
 * order, so the run merges them exactly as one thread would. The main thread keeps the
 * pre-pass, the project pass and the Helm mapping.
 *
 * A pool outlives its run: the next run in the same process (the re-lint after `--fix`, the
 * benchmark, an API user) finds its workers started and their code compiled. Idle workers do
 * not keep the process alive.
 *
 * A worker that fails (an exception, a result that cannot be posted, an unexpected exit) fails
 * the run with a message naming the file; the pool is stopped, nothing waits forever.
 */
import { Worker } from 'node:worker_threads';
import type { ConfigFile } from './config-file.js';
import type { ProjectInfo } from './lint-k8s.js';
import { ProjectScanner, type NamespaceCandidate, type NamespaceEntry } from './project-scan.js';
import type { CliOverrides } from './resolve-config.js';
import type { FileOutcome, FileTask } from './worker-task.js';
import type { InputType } from '../sources/detect.js';

/** What the workers need to lint the files of one run. */
export interface RunInit {
  readonly cwd: string;
  /** Repository root (SARIF paths). */
  readonly root: string;
  readonly today: string;
  readonly type?: InputType;
  readonly overrides: CliOverrides;
  /** The run's rules, by id, in registry order. */
  readonly ruleIds: readonly string[];
  /** The run's configs, by index (undefined: no config file). */
  readonly configs: readonly (ConfigFile | undefined)[];
  readonly terraformMaxBytes: number;
}

/** A file that may hold a Namespace, to parse for its labels. */
export interface ScanTask extends NamespaceCandidate {
  readonly index: number;
}

/** Main thread → worker. */
export type ToWorker =
  | { readonly kind: 'run'; readonly init: RunInit }
  | { readonly kind: 'scan'; readonly files: readonly ScanTask[] }
  | { readonly kind: 'project'; readonly project: ProjectInfo }
  | { readonly kind: 'tasks'; readonly tasks: readonly FileTask[] };

/** Worker → main thread. */
export type FromWorker =
  | { readonly kind: 'namespaces'; readonly found: readonly (readonly [number, readonly NamespaceEntry[]])[] }
  | { readonly kind: 'results'; readonly results: readonly (readonly [number, FileOutcome])[] }
  /** `file`: the file being linted, if any. */
  | { readonly kind: 'error'; readonly file?: string; readonly message: string };

/** Files per message: small enough to balance the load, large enough to cost little. */
const BATCH = 4;
/** Batches a worker holds at once, so it never waits for the next one. */
const IN_FLIGHT = 2;

/** Why worker threads cannot start (Node's permission model without `--allow-worker`), or undefined. */
export function workersDenied(): string | undefined {
  return process.permission !== undefined && !process.permission.has('worker')
    ? 'the permission model does not allow worker threads (--allow-worker)'
    : undefined;
}

/** Idle pools by size, for the next run. */
const idle = new Map<number, WorkerPool>();

/** A pool of `size` workers: an idle one from an earlier run, else a new one (its workers start loading now). */
export function workerPool(size: number): WorkerPool {
  const pool = idle.get(size);
  idle.delete(size);
  return pool ?? new WorkerPool(size);
}

/** The current run's handlers. */
interface Run {
  message(w: Worker, m: FromWorker): void;
  fail(e: Error): void;
}

export class WorkerPool {
  private readonly workers: Worker[];
  private run: Run | undefined;
  /** Why the pool stopped (it is then never used again). */
  private failure: Error | undefined;

  constructor(private readonly size: number) {
    const url = new URL('./worker.js', import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(url);
      // Only a run holds the process open (below); an idle or loading worker does not.
      w.unref();
      w.on('message', (m: FromWorker) => this.run?.message(w, m));
      w.on('error', (e) => this.stop(new Error(`worker thread failed: ${e.message}`, { cause: e })));
      w.on('messageerror', (e) => this.stop(new Error(`worker thread sent an unreadable message: ${e.message}`, { cause: e })));
      w.on('exit', (code) => this.stop(new Error(`worker thread exited unexpectedly (code ${code})`)));
      return w;
    });
  }

  /** Puts the pool back for the next run, unless it is running or stopped (after `lint`, it already is). */
  release(): void {
    if (!this.run && !this.failure && !idle.has(this.size)) idle.set(this.size, this);
  }

  /** Stops every worker for good; the current run (or the next) fails with `e`. */
  private stop(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    if (idle.get(this.size) === this) idle.delete(this.size);
    for (const w of this.workers) void w.terminate();
    this.run?.fail(e);
  }

  /**
   * Lints `tasks` in the workers. First the workers parse the `candidates` (files that may hold
   * a Namespace) and the main thread merges their labels, in file order, into the project info
   * every file is linted with. `prepare` completes a task just before it is sent (the main
   * thread's cached text); `done` receives every outcome, in task order. Then the pool waits,
   * idle, for the next run.
   */
  lint(init: RunInit, candidates: readonly NamespaceCandidate[], tasks: readonly FileTask[], prepare: (t: FileTask) => FileTask, done: (t: FileTask, o: FileOutcome) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const scans: ScanTask[] = candidates.map((c, index) => ({ ...c, index }));
      const found: (readonly NamespaceEntry[] | undefined)[] = [];
      let scansSent = 0;
      let scansDone = 0;
      const ready = new Map<number, FileOutcome>();
      let next = 0;
      let sent = 0;
      const settle = (e?: Error): void => {
        this.run = undefined;
        for (const w of this.workers) w.unref();
        if (e) return reject(e);
        idle.set(this.size, this);
        resolve();
      };
      const send = (w: Worker): void => {
        if (scansSent < scans.length) {
          const files = scans.slice(scansSent, scansSent + BATCH);
          scansSent += files.length;
          w.postMessage({ kind: 'scan', files } satisfies ToWorker);
        } else if (scansDone === scans.length && sent < tasks.length) {
          const batch = tasks.slice(sent, sent + BATCH).map(prepare);
          sent += batch.length;
          w.postMessage({ kind: 'tasks', tasks: batch } satisfies ToWorker);
        }
      };
      /** Once every candidate is parsed: the project info to every worker, then the files. */
      const start = (): void => {
        const scanner = new ProjectScanner();
        for (const entries of found) scanner.add(entries ?? []);
        const project = scanner.info();
        for (const w of this.workers) w.postMessage({ kind: 'project', project } satisfies ToWorker);
        for (const w of this.workers) for (let k = 0; k < IN_FLIGHT; k++) send(w);
      };
      const flush = (): void => {
        while (ready.has(next)) {
          const outcome = ready.get(next) as FileOutcome;
          ready.delete(next);
          done(tasks[next] as FileTask, outcome);
          next++;
        }
      };
      this.run = {
        fail: (e) => settle(e),
        message: (w, m) => {
          if (m.kind === 'error') {
            this.stop(new Error(`worker thread failed${m.file === undefined ? '' : ` while linting ${m.file}`}: ${m.message}`));
            return;
          }
          if (m.kind === 'namespaces') {
            for (const [i, entries] of m.found) found[i] = entries;
            scansDone += m.found.length;
            if (scansDone === scans.length) start();
            else send(w);
            return;
          }
          for (const [i, outcome] of m.results) ready.set(i, outcome);
          send(w);
          try {
            flush();
          } catch (e) {
            this.stop(e instanceof Error ? e : new Error(String(e)));
            return;
          }
          if (next === tasks.length) settle();
        },
      };
      for (const w of this.workers) {
        w.ref();
        w.postMessage({ kind: 'run', init } satisfies ToWorker);
      }
      if (scans.length === 0) start();
      else for (const w of this.workers) for (let k = 0; k < IN_FLIGHT; k++) send(w);
      if (tasks.length === 0) settle();
    });
  }
}
