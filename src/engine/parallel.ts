/**
 * `--jobs N`: a pool of N worker threads (worker.ts) that lint files and post back their
 * outcomes (plain data: findings, suppression covers, project facts, counts, notices). Files
 * go out in small batches as workers ask for more, and outcomes are handed on strictly in file
 * order, so the run merges them exactly as one thread would. The main thread keeps the
 * pre-pass, the project pass and the Helm mapping.
 *
 * A worker that fails (an exception, a result that cannot be posted, an unexpected exit) fails
 * the run with a message naming the file; the other workers are stopped, nothing waits forever.
 */
import { Worker } from 'node:worker_threads';
import type { ConfigFile } from './config-file.js';
import type { ProjectInfo } from './lint-k8s.js';
import type { CliOverrides } from './resolve-config.js';
import type { FileOutcome, FileTask } from './worker-task.js';
import type { InputType } from '../sources/detect.js';

/** What every worker is started with. */
export interface WorkerInit {
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

/** Main thread → worker. */
export type ToWorker =
  | { readonly kind: 'project'; readonly project: ProjectInfo }
  | { readonly kind: 'tasks'; readonly tasks: readonly FileTask[] };

/** Worker → main thread. */
export type FromWorker =
  | { readonly kind: 'results'; readonly results: readonly (readonly [number, FileOutcome])[] }
  | { readonly kind: 'error'; readonly file: string; readonly message: string };

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

export class WorkerPool {
  private readonly workers: Worker[];
  /** Fails the current `run`. */
  private failure: ((e: Error) => void) | undefined;
  /** A failure before `run` started. */
  private early: Error | undefined;
  private closed = false;

  constructor(size: number, init: WorkerInit) {
    const url = new URL('./worker.js', import.meta.url);
    this.workers = Array.from({ length: size }, () => new Worker(url, { workerData: init }));
    for (const w of this.workers) {
      // Until `run` listens, a failure is kept for it.
      w.on('error', (e) => this.fail(new Error(`worker thread failed: ${e.message}`, { cause: e })));
      w.on('messageerror', (e) => this.fail(new Error(`worker thread sent an unreadable message: ${e.message}`, { cause: e })));
      w.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`worker thread exited unexpectedly (code ${code})`));
      });
    }
  }

  private fail(e: Error): void {
    if (this.failure) this.failure(e);
    else this.early ??= e;
  }

  /**
   * Lints `tasks` in the workers. `prepare` completes a task just before it is sent (the main
   * thread's cached text); `done` receives every outcome, in task order.
   */
  run(project: ProjectInfo, tasks: readonly FileTask[], prepare: (t: FileTask) => FileTask, done: (t: FileTask, o: FileOutcome) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.early) return reject(this.early);
      let settled = false;
      this.failure = (e) => {
        if (settled) return;
        settled = true;
        reject(e);
      };
      const ready = new Map<number, FileOutcome>();
      let next = 0;
      let sent = 0;
      const send = (w: Worker): void => {
        if (sent >= tasks.length) return;
        const batch = tasks.slice(sent, sent + BATCH).map(prepare);
        sent += batch.length;
        w.postMessage({ kind: 'tasks', tasks: batch } satisfies ToWorker);
      };
      const finish = (): void => {
        while (ready.has(next)) {
          const outcome = ready.get(next) as FileOutcome;
          ready.delete(next);
          done(tasks[next] as FileTask, outcome);
          next++;
        }
        if (next === tasks.length && !settled) {
          settled = true;
          resolve();
        }
      };
      for (const w of this.workers) {
        w.on('message', (m: FromWorker) => {
          if (settled) return;
          if (m.kind === 'error') {
            this.fail(new Error(`worker thread failed while linting ${m.file}: ${m.message}`));
            return;
          }
          for (const [i, outcome] of m.results) ready.set(i, outcome);
          send(w);
          try {
            finish();
          } catch (e) {
            this.fail(e instanceof Error ? e : new Error(String(e)));
          }
        });
        w.postMessage({ kind: 'project', project } satisfies ToWorker);
        for (let k = 0; k < IN_FLIGHT; k++) send(w);
      }
      finish();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
