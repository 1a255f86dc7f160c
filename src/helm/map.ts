/**
 * Maps findings on `helm template` output back to the chart: the template file and line behind
 * the offending field, the helper that set it, and the values.yaml key the template reads it
 * from. The rendered-stream location is kept as a related location, and a
 * `# okelint-disable-next-line` comment above the template line suppresses the finding.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Finding, RelatedLocation } from '../engine/types.js';
import { ChartNode } from './chart-tree.js';
import { pickDocument, documentAnchor } from './documents.js';
import { templateDirective } from './template-suppress.js';
import { bestKey, indexTemplate, substitute, type Binding, type Call, type TemplateIndex, type TemplateKey, type ValuesSeg } from './template-index.js';
import { goTruth, valueAt, isPlainObject } from './values.js';

/** A chart directory and the name `helm template` prints for it in `# Source:` comments. */
export interface ChartRoot {
  readonly name: string;
  /** Absolute path of the directory holding Chart.yaml. */
  readonly dir: string;
}

export interface MapperOptions {
  readonly roots: readonly ChartRoot[];
  /** The roots were named by the user: a single one serves whatever chart name the output prints. */
  readonly explicit: boolean;
  readonly cwd: string;
  readonly repoRoot: string;
}

type Path = readonly (string | number)[];

/** A place in a chart file to show as a related location. */
interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly message: string;
}

/** A values key behind a finding. */
interface ValuesKey {
  readonly label: string;
  readonly key: string;
  readonly place: Place;
}

/** Where a finding's value comes from: helpers and values keys (or the values switching the key on). */
interface Trace {
  readonly helpers: Place[];
  readonly values: ValuesKey[];
  gate?: ValuesKey;
}

const ROOT: Binding = { kind: 'root' };
const MAX_HOPS = 4;

export class HelmMapper {
  private readonly charts = new Map<string, ChartNode>();
  private readonly indexes = new Map<string, TemplateIndex | null>();

  constructor(private readonly opts: MapperOptions) {}

  /** `f` located in its template when the template can be found, else `f` unchanged. */
  map(f: Finding): Finding {
    let out: Finding;
    try {
      out = this.mapped(f);
    } catch {
      // A chart file that cannot be read as expected leaves the finding on the rendered stream.
      return f;
    }
    if (!out.related?.some((r) => r.rendered)) return out;
    return { ...out, related: out.related.map((r) => this.relatedInTemplate(f, r)) };
  }

  /** A related place on a rendered object (an RBAC chain's binding or role), moved to its template line. */
  private relatedInTemplate(f: Finding, r: RelatedLocation): RelatedLocation {
    if (!r.rendered) return r;
    const plain: RelatedLocation = { file: r.file, uri: r.uri, start: r.start, end: r.end, message: r.message };
    try {
      const place = this.mapped({
        ...f, file: r.file, uri: r.uri, start: r.start, end: r.end, related: undefined,
        helmTemplate: r.rendered.helmTemplate, object: r.rendered.object, path: r.rendered.path,
      });
      if (place.file === r.file && place.start === r.start) return plain;
      return { ...plain, file: place.file, uri: place.uri, start: place.start, end: place.end };
    } catch {
      return plain;
    }
  }

  private mapped(f: Finding): Finding {
    if (!f.helmTemplate || !f.object) return f;
    const target = this.locate(f.helmTemplate);
    if (!target) return f;
    const index = this.index(target.file, target.chart);
    if (!index) return f;
    const top = index.keys.filter((k) => k.define === undefined);
    const doc = pickDocument(top, f.object);
    const keys = doc === undefined ? top : top.filter((k) => k.doc === doc);
    const best = bestKey(keys, f.path);
    const anchor = best?.key ?? documentAnchor(keys);
    const line = anchor?.line ?? 1;
    const column = anchor?.column ?? 1;
    const lineText = index.lines[line - 1] ?? '';
    const trace: Trace = { helpers: [], values: [] };
    if (best) this.trace(target.chart, best.key, f.path, best.depth, ROOT, trace, 0);
    if (!trace.values.length && anchor?.gate) this.addGate(target.chart, anchor.gate, f.path, trace);
    const related: RelatedLocation[] = [
      { file: f.file, uri: f.uri, start: f.start, end: f.end, message: 'Rendered by helm template' },
      ...trace.helpers.map((p) => this.related(p)),
      ...trace.values.map((v) => this.related(v.place)),
      ...(trace.gate ? [this.related(trace.gate.place)] : []),
    ];
    const reason = f.suppression ? undefined : templateDirective(index.lines, line, f.ruleId);
    return {
      ...f,
      message: f.message + valuesNote(trace),
      file: this.display(target.file),
      uri: this.uri(target.file),
      lineText,
      start: { line, column },
      end: { line, column: Math.max(column + 1, lineText.length + 1) },
      related: [...related, ...(f.related ?? [])],
      ...(reason !== undefined && { suppression: { kind: 'comment' as const, justification: reason } }),
    };
  }

  /** The chart and file behind a `# Source:` path. */
  private locate(source: string): { chart: ChartNode; file: string } | undefined {
    const segs = source.split('/').filter((s) => s !== '');
    const byName = this.opts.roots.find((r) => r.name === segs[0]);
    const single = this.opts.explicit && this.opts.roots.length === 1 ? this.opts.roots[0] : undefined;
    // Some Helm 3 versions printed CRDs as `crds/x.yaml`, without the chart name.
    const candidates: { root: ChartRoot; rel: string[] }[] = byName ? [{ root: byName, rel: segs.slice(1) }]
      : segs[0] === 'crds' ? this.opts.roots.map((root) => ({ root, rel: segs }))
        : single ? [{ root: single, rel: segs.slice(1) }] : [];
    for (const { root, rel } of candidates) {
      let chart = this.chart(root);
      let rest = rel;
      while (rest[0] === 'charts' && rest.length > 2) {
        const sub = chart?.sub(rest[1] as string);
        if (!sub) break;
        chart = sub;
        rest = rest.slice(2);
      }
      if (!chart || rest.length === 0) continue;
      const file = join(chart.dir, ...rest);
      if (existsSync(file)) return { chart, file };
    }
    return undefined;
  }

  private chart(root: ChartRoot): ChartNode {
    let node = this.charts.get(root.dir);
    if (!node) {
      node = new ChartNode(root.name, root.dir);
      this.charts.set(root.dir, node);
    }
    return node;
  }

  private index(path: string, chart: ChartNode): TemplateIndex | null {
    let index = this.indexes.get(path);
    if (index === undefined) {
      const text = readText(path);
      index = text === undefined ? null : indexTemplate(text, { truthy: (b) => truth(chart, b) });
      this.indexes.set(path, index);
    }
    return index;
  }

  /**
   * Follows the finding's path below `key`: the values its line reads, or the block output
   * under it (`toYaml` of values, an included helper's keys), into `out`.
   */
  private trace(chart: ChartNode, key: TemplateKey, path: Path, depth: number, arg: Binding, out: Trace, hops: number): void {
    const rest = path.slice(depth);
    if (key.refs.length) {
      for (const ref of key.refs) this.addValues(chart, substitute(ref, arg), path, rest, out);
      if (out.values.length || rest.length === 0) return;
    }
    if (rest.length === 0 && key.calls.length) {
      for (const call of key.calls) this.scalarHelper(chart, call, arg, out, hops);
      return;
    }
    this.blockOutput(chart, key, path, rest, arg, out, hops);
  }

  /** The block output under `key` that best explains `rest`: toYaml of values, or a helper's key. */
  private blockOutput(chart: ChartNode, key: TemplateKey, path: Path, rest: Path, arg: Binding, out: Trace, hops: number): void {
    let best: { score: number; apply: () => void } | undefined;
    for (const emit of key.emits) {
      const shifted = typeof rest[0] === 'number' && emit.base > 0 && rest[0] >= emit.base ? [rest[0] - emit.base, ...rest.slice(1)] : rest;
      for (const ref of emit.refs) {
        const b = substitute(ref, arg);
        const base = this.concrete(chart, b, path);
        if (!base) continue;
        const hit = this.findValue(chart, [...base, ...shifted]);
        const score = hit ? hit.depth - base.length : -1;
        if (score >= 0 && (!best || score > best.score)) best = { score, apply: () => this.addValues(chart, b, path, shifted, out) };
      }
      if (hops >= MAX_HOPS || rest.length === 0) continue;
      for (const call of emit.calls) {
        const helper = chart.helpers().get(call.name);
        if (!helper) continue;
        const found = bestKey(helper.index.keys.filter((k) => k.define === call.name), rest);
        if (!found || (best && found.depth <= best.score)) continue;
        best = {
          score: found.depth,
          apply: () => {
            out.helpers.push(place(helper.file, found.key, `Set by helper "${call.name}"`));
            this.trace(chart, found.key, rest, found.depth, substitute(call.arg, arg), out, hops + 1);
          },
        };
      }
    }
    best?.apply();
  }

  /** A helper that renders a scalar (`image: {{ include "x.image" . }}`): every value it reads. */
  private scalarHelper(chart: ChartNode, call: Call, arg: Binding, out: Trace, hops: number): void {
    const helper = chart.helpers().get(call.name);
    const info = helper?.index.defines.get(call.name);
    if (!helper || !info || hops >= MAX_HOPS) return;
    const callArg = substitute(call.arg, arg);
    const before = out.values.length;
    let first: number | undefined;
    for (const output of info.outputs) {
      const count = out.values.length;
      for (const ref of output.refs) this.addValues(chart, substitute(ref, callArg), [], [], out);
      for (const inner of output.calls) this.scalarHelper(chart, inner, callArg, out, hops + 1);
      if (first === undefined && out.values.length > count) first = output.line;
    }
    if (first !== undefined && out.values.length > before) {
      const text = helper.index.lines[first - 1] ?? '';
      const column = (/\S/.exec(text)?.index ?? 0) + 1;
      out.helpers.push({ file: helper.file, line: first, column, endColumn: text.length + 1, message: `Rendered by helper "${call.name}"` });
    }
  }

  private addValues(chart: ChartNode, binding: Binding, path: Path, rest: Path, out: Trace): void {
    const key = this.valuesKey(chart, binding, path, rest, 'Value from');
    if (key && !out.values.some((v) => v.label === key.label && v.key === key.key)) out.values.push(key);
  }

  /** The `if`/`with` values that switch on a key rendered from literal template text. */
  private addGate(chart: ChartNode, gate: Binding, path: Path, out: Trace): void {
    const key = this.valuesKey(chart, gate, path, [], 'Enabled by');
    if (key) out.gate = key;
  }

  /**
   * The values key behind `binding` + `rest`. A key holding null or "" gave the rendered value
   * nothing (the template fell back to a default), so it is not named.
   */
  private valuesKey(chart: ChartNode, binding: Binding, path: Path, rest: Path, verb: string): ValuesKey | undefined {
    const base = this.concrete(chart, binding, path);
    if (!base) return undefined;
    const full = [...base, ...rest];
    const found = this.findValue(chart, full);
    if (!found) return undefined;
    if (found.depth === full.length) {
      const value = valueAt(chart.data(), full);
      if (value === null || value === '') return undefined;
    }
    const key = formatPath(found.keyPath);
    const label = relative(chart.top().dir, found.file).split(sep).join('/');
    return { label, key, place: { file: found.file, line: found.line, column: found.column, endColumn: found.endColumn, message: `${verb} ${label}: ${key}` } };
  }

  /** A values binding as a plain path, with `range` elements read from the rendered path. */
  private concrete(chart: ChartNode, b: Binding, path: Path): (string | number)[] | undefined {
    if (b.kind !== 'values') return undefined;
    const out: (string | number)[] = [];
    for (const seg of b.path) {
      const v = this.segment(chart, seg, out, path);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }

  private segment(chart: ChartNode, seg: ValuesSeg, over: Path, path: Path): string | number | undefined {
    if (typeof seg === 'string') return seg;
    const r = seg.element;
    const at = r.depth === undefined ? undefined : path[r.depth];
    if (typeof at === 'string') return at;
    if (at === undefined) return undefined;
    const index = at - r.base;
    const collection = valueAt(chart.data(), over);
    if (Array.isArray(collection)) return index >= 0 && index < collection.length ? index : undefined;
    // Go ranges over a map in key order.
    if (isPlainObject(collection)) return Object.keys(collection).sort()[index];
    return undefined;
  }

  /** The values file that sets `path` for `chart` (a parent's override wins over the chart's own default). */
  private findValue(chart: ChartNode, path: Path): { file: string; keyPath: Path; depth: number; line: number; column: number; endColumn: number } | undefined {
    let best: { file: string; keyPath: Path; depth: number; line: number; column: number; endColumn: number } | undefined;
    for (const source of chart.valuesSources()) {
      const full = [...source.prefix, ...path];
      const hit = source.file.locate(full);
      const depth = hit ? hit.depth - source.prefix.length : 0;
      if (!hit || depth <= 0 || (best && depth <= best.depth)) continue;
      best = { file: source.path, keyPath: full.slice(0, hit.depth), depth, line: hit.line, column: hit.column, endColumn: hit.endColumn };
    }
    return best;
  }

  private related(p: Place): RelatedLocation {
    return { file: this.display(p.file), uri: this.uri(p.file), start: { line: p.line, column: p.column }, end: { line: p.line, column: Math.max(p.column + 1, p.endColumn) }, message: p.message };
  }

  private display(abs: string): string {
    const rel = relative(this.opts.cwd, abs);
    return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
  }

  private uri(abs: string): string {
    const rel = relative(this.opts.repoRoot, abs);
    return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
  }
}

function place(file: string, key: TemplateKey, message: string): Place {
  return { file, line: key.line, column: key.column, endColumn: key.text.length + 1, message };
}

/** ` (value from values.yaml: a.b, c)` naming each values file and key, ` (enabled by values.yaml: x)`, or ''. */
function valuesNote(trace: Trace): string {
  if (trace.gate) return ` (enabled by ${trace.gate.label}: ${trace.gate.key})`;
  if (!trace.values.length) return '';
  const byFile = new Map<string, string[]>();
  for (const v of trace.values) byFile.set(v.label, [...(byFile.get(v.label) ?? []), v.key]);
  return ` (value from ${[...byFile].map(([file, keys]) => `${file}: ${keys.join(', ')}`).join('; ')})`;
}

/** `a.b[2].c` */
export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Go template truth of a binding under the chart's values; undefined when it cannot be told. */
function truth(chart: ChartNode, b: Binding): boolean | undefined {
  if (b.kind === 'root') return true;
  if (b.kind !== 'values' || b.path.some((s) => typeof s !== 'string')) return undefined;
  return goTruth(valueAt(chart.data(), b.path as readonly string[]));
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
