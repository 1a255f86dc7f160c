/**
 * A `--jobs` worker thread (parallel.ts): loads the built-in rules (the lazy registry, as the
 * CLI: the code of a rule loads when a file first needs it); for each run, resolves
 * the run's configs with them, parses the files it is sent that may hold a Namespace, then lints
 * the batches of files it is sent and posts back their outcomes, one message per batch.
 */
import { parentPort } from 'node:worker_threads';
import { rules as registry } from '../../rules/lazy.js';
import type { FromWorker, RunInit, ScanTask, ToWorker } from './parallel.js';
import { namespacesIn, type NamespaceEntry } from './project-scan.js';
import { resolveConfig } from './resolve-config.js';
import { RuleLoader, runTask, terraformModules, type FileOutcome, type FileTask, type TaskContext } from './worker-task.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');

const byId = new Map(registry.map((r) => [r.meta.id, r]));
let ctx: TaskContext | undefined;
// Messages are handled one after another, in the order they arrive.
let queue = Promise.resolve();

port.on('message', (m: ToWorker) => {
  queue = queue.then(() => {
    switch (m.kind) {
      case 'run': return start(m.init);
      case 'scan': return scan(m.files);
      case 'project':
        if (ctx) ctx = { ...ctx, project: m.project };
        return undefined;
      case 'tasks': return lintBatch(m.tasks);
    }
  });
});

function start(init: RunInit): void {
  try {
    const rules = init.ruleIds.map((id) => {
      const rule = byId.get(id);
      if (!rule) throw new Error(`rule "${id}" is not a built-in rule (worker threads lint with the built-in rules only)`);
      return rule;
    });
    const configs = init.configs.map((file) => resolveConfig(rules, file, init.overrides, init.cwd));
    ctx = {
      configs, today: init.today, project: { namespaces: new Map() }, module: terraformModules(init.cwd, init.root, init.terraformMaxBytes),
      rules: new RuleLoader(configs), ...(init.type && { type: init.type }),
    };
  } catch (e) {
    ctx = undefined;
    post({ kind: 'error', message: messageOf(e) });
  }
}

/** The Namespaces of files that may hold one (the pre-pass's parse, parallel.ts). */
function scan(files: readonly ScanTask[]): void {
  if (!ctx) return;
  const found: [number, NamespaceEntry[]][] = [];
  let file = '';
  try {
    for (const f of files) {
      file = f.display;
      found.push([f.index, namespacesIn(f.display, f.text)]);
    }
    file = files.map((f) => f.display).join(', ');
    post({ kind: 'namespaces', found });
  } catch (e) {
    post({ kind: 'error', file, message: messageOf(e) });
  }
}

async function lintBatch(tasks: readonly FileTask[]): Promise<void> {
  if (!ctx) return; // the run failed to start (reported)
  const results: [number, FileOutcome][] = [];
  let file = '';
  try {
    for (const t of tasks) {
      file = t.display;
      results.push([t.index, await runTask(t, ctx)]);
    }
    file = tasks.map((t) => t.display).join(', ');
    post({ kind: 'results', results });
  } catch (e) {
    post({ kind: 'error', file, message: messageOf(e) });
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

function post(m: FromWorker): void {
  port?.postMessage(m);
}
