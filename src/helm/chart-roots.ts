/**
 * Where the charts behind `helm template` output live: `--chart-root DIR` (or config
 * `chartRoot`), else every `Chart.yaml` found up to three levels under the working directory.
 */
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { chartName } from './chart-tree.js';
import type { ChartRoot } from './map.js';

const SKIP = new Set(['node_modules', '.git', 'dist']);

/** The chart at `dir`: its name from Chart.yaml (`name:`), else the directory name. */
export function chartAt(dir: string): ChartRoot {
  return { name: chartName(dir) ?? basename(dir), dir: resolve(dir) };
}

/** Charts under `cwd` (depth ≤ 3), or the one given. */
export function findChartRoots(cwd: string, explicit?: string): ChartRoot[] {
  if (explicit !== undefined) return [chartAt(resolve(cwd, explicit))];
  const out: ChartRoot[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === 'Chart.yaml')) out.push(chartAt(dir));
    if (depth === 0) return;
    for (const e of entries) if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), depth - 1);
  };
  walk(cwd, 3);
  return out;
}
