/**
 * A chart and its subcharts as `helm template` names them in `# Source:` paths
 * (`parent/charts/sub/templates/x.yaml`, with a dependency's alias standing for its name), the
 * values each one renders with (the parent's `sub:` values over the subchart's own), and the
 * helpers (`define`) visible to all of them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlDocument } from '../sources/nesting.js';
import { indexTemplate, type TemplateIndex } from './template-index.js';
import { isPlainObject, mergeValues, ValuesFile } from './values.js';

/** A values file and the key path under which it holds this chart's values. */
export interface ValuesSource {
  readonly file: ValuesFile;
  readonly path: string;
  /** Keys leading to the chart's values in this file (`[]` for the chart's own file, `['sub']` in its parent's). */
  readonly prefix: readonly string[];
}

/** A helper definition: the file it is in and that file's index. */
export interface Helper {
  readonly file: string;
  readonly index: TemplateIndex;
}

export class ChartNode {
  private readonly subs = new Map<string, ChartNode | null>();
  private ownValues: ValuesFile | null | undefined;
  private merged: unknown;
  private merging = false;
  private helperMap: Map<string, Helper> | undefined;

  constructor(
    /** The name `helm template` prints: the chart's name, or its alias in the parent. */
    readonly name: string,
    /** Absolute directory holding Chart.yaml. */
    readonly dir: string,
    readonly parent?: ChartNode,
  ) {}

  /** The subchart printed as `charts/<name>/` under this chart. */
  sub(name: string): ChartNode | undefined {
    let node = this.subs.get(name);
    if (node === undefined) {
      const dir = this.subDir(name);
      node = dir === undefined ? null : new ChartNode(name, dir, this);
      this.subs.set(name, node);
    }
    return node ?? undefined;
  }

  private subDir(name: string): string | undefined {
    const direct = join(this.dir, 'charts', name);
    if (existsSync(join(direct, 'Chart.yaml'))) return direct;
    // An aliased dependency: `- name: redis` with `alias: cache` renders as charts/cache/.
    const dep = dependencies(this.dir).find((d) => d.alias === name);
    if (!dep) return undefined;
    const byName = join(this.dir, 'charts', dep.name);
    if (existsSync(join(byName, 'Chart.yaml'))) return byName;
    for (const entry of safeReaddir(join(this.dir, 'charts'))) {
      const dir = join(this.dir, 'charts', entry);
      if (chartName(dir) === dep.name) return dir;
    }
    return undefined;
  }

  /** The chart's own values.yaml. */
  values(): ValuesFile | undefined {
    if (this.ownValues === undefined) this.ownValues = ValuesFile.read(join(this.dir, 'values.yaml')) ?? null;
    return this.ownValues ?? undefined;
  }

  /** The values the chart renders with: its own, overridden by its parent's `<name>:` values and globals. */
  data(): unknown {
    if (this.merged === undefined && !this.merging) {
      this.merging = true;
      const own = this.values()?.data;
      if (this.parent) {
        const parentData = this.parent.data();
        const fromParent = isPlainObject(parentData) ? parentData[this.name] : undefined;
        const global = isPlainObject(parentData) ? parentData.global : undefined;
        const merged = mergeValues(own ?? {}, fromParent);
        this.merged = global === undefined ? merged : mergeValues(merged, { global: mergeValues(isPlainObject(merged) ? merged.global : undefined, global) });
      } else {
        this.merged = own ?? {};
      }
      this.merging = false;
    }
    return this.merged;
  }

  /** Where this chart's values come from, the top-most parent first (a parent's value wins). */
  valuesSources(): ValuesSource[] {
    const own = this.values();
    const here: ValuesSource[] = own ? [{ file: own, path: join(this.dir, 'values.yaml'), prefix: [] }] : [];
    if (!this.parent) return here;
    const above = this.parent.valuesSources().map((s) => ({ ...s, prefix: [...s.prefix, this.name] }));
    return [...above, ...here];
  }

  /** The top-most chart. */
  top(): ChartNode {
    return this.parent ? this.parent.top() : this;
  }

  /** Every `define` in the templates of the chart tree (Helm makes them global to it). */
  helpers(): ReadonlyMap<string, Helper> {
    const top = this.top();
    if (top !== this) return top.helpers();
    if (!this.helperMap) {
      this.helperMap = new Map();
      for (const file of templateFiles(this.dir)) {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          continue;
        }
        if (!text.includes('define')) continue;
        const index = indexTemplate(text);
        for (const name of index.defines.keys()) if (!this.helperMap.has(name)) this.helperMap.set(name, { file, index });
      }
    }
    return this.helperMap;
  }
}

/** Template files of a chart and its unpacked subcharts. */
function templateFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number): void => {
    for (const entry of safeReaddir(d, true)) {
      const path = join(d, entry.name);
      if (entry.isDirectory() && depth < 8) walk(path, depth + 1);
      else if (entry.isFile() && /\.(tpl|ya?ml)$/.test(entry.name)) out.push(path);
    }
  };
  walk(join(dir, 'templates'), 0);
  for (const sub of safeReaddir(join(dir, 'charts'))) {
    const subDir = join(dir, 'charts', sub);
    if (existsSync(join(subDir, 'Chart.yaml'))) out.push(...templateFiles(subDir));
  }
  return out;
}

function safeReaddir(dir: string): string[];
function safeReaddir(dir: string, withTypes: true): import('node:fs').Dirent[];
function safeReaddir(dir: string, withTypes?: true): string[] | import('node:fs').Dirent[] {
  try {
    return withTypes ? readdirSync(dir, { withFileTypes: true }) : readdirSync(dir);
  } catch {
    return [];
  }
}

function readChartYaml(dir: string): Record<string, unknown> | undefined {
  try {
    const { doc, problems } = parseYamlDocument(readFileSync(join(dir, 'Chart.yaml'), 'utf8'));
    if (doc.errors.length > 0 || problems.length > 0) return undefined;
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return isPlainObject(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The chart's `name:` in Chart.yaml. */
export function chartName(dir: string): string | undefined {
  const name = readChartYaml(dir)?.name;
  return typeof name === 'string' ? name : undefined;
}

function dependencies(dir: string): { name: string; alias?: string }[] {
  const deps = readChartYaml(dir)?.dependencies;
  if (!Array.isArray(deps)) return [];
  return deps.filter(isPlainObject).flatMap((d) => (typeof d.name === 'string'
    ? [{ name: d.name, ...(typeof d.alias === 'string' && { alias: d.alias }) }]
    : []));
}
