/**
 * A `--jobs` worker thread (started by parallel.ts): resolves the run's configs with the
 * built-in rules, then lints the batches of files it is sent and posts their outcomes back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rules as registry } from '../../rules/index.js';
import type { ResolvedConfig } from './config-types.js';
import type { ProjectInfo } from './lint-k8s.js';
import type { FromWorker, ToWorker, WorkerInit } from './parallel.js';
import { resolveConfig } from './resolve-config.js';
import { runTask, terraformModules, type FileOutcome, type TaskContext } from './worker-task.js';

const init = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');

const byId = new Map(registry.map((r) => [r.meta.id, r]));
const rules = init.ruleIds.map((id) => {
  const rule = byId.get(id);
  if (!rule) throw new Error(`rule "${id}" is not a built-in rule (worker threads lint with the built-in rules only)`);
  return rule;
});
const configs: ResolvedConfig[] = init.configs.map((file) => resolveConfig(rules, file, init.overrides, init.cwd));
const module = terraformModules(init.cwd, init.root, init.terraformMaxBytes);
let project: ProjectInfo = { namespaces: new Map() };
// Batches are linted one after another, in the order they arrive.
let queue = Promise.resolve();

port.on('message', (m: ToWorker) => {
  if (m.kind === 'project') {
    project = m.project;
    return;
  }
  queue = queue.then(() => lintBatch(m.tasks));
});

async function lintBatch(tasks: Extract<ToWorker, { kind: 'tasks' }>['tasks']): Promise<void> {
  const ctx: TaskContext = { configs, today: init.today, project, module, ...(init.type && { type: init.type }) };
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
    post({ kind: 'error', file, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

function post(m: FromWorker): void {
  port?.postMessage(m);
}
