/**
 * A tolerant index of a Helm template (or any YAML-ish file): which line holds which key path,
 * and what the template puts there. Templates are not valid YAML, so this reads them line by
 * line: `{{ }}` actions are masked, block keys are tracked by indentation (sequences may sit at
 * their key's indentation), list items by their `- ` markers, `if`/`else` branches share item
 * indexes, `range` items stand for every rendered item, templated keys (`{{ $k }}:`) for any
 * key. It also records, per key, the values the template reads (`{{ .Values.a }}`, `toYaml`
 * blocks, `with`/`range` scopes, variables) and the helpers it includes, so the mapper can name
 * the values.yaml key behind a rendered field. It never evaluates a template. Keys nested deeper
 * than the readers' limit (MAX_NESTING) are not indexed, so a hostile template costs memory in
 * proportion to its size, not its depth squared.
 */
import {
  ACTION_MARK, classify, emitsBlock, fieldRefs, helperCalls, indentOf, plainCondition, templateLines, withoutHelperCalls,
  type FieldRef,
} from './actions.js';
import { MAX_NESTING } from '../sources/nesting.js';

/** The collection a `range` walks and where its element shows in a rendered object path. */
export interface RangeInfo {
  readonly over: Binding;
  /** Items of the list that precede the range's first item (rendered index − base = element index). */
  base: number;
  /** Position in the object path of the element (an item index, or a templated key's name). */
  depth?: number;
}

/** A values path segment: a key, or the element of a `range`. */
export type ValuesSeg = string | { readonly element: RangeInfo };

/** What a template expression stands for. */
export type Binding =
  | { readonly kind: 'root' }
  | { readonly kind: 'values'; readonly path: readonly ValuesSeg[] }
  /** Inside a `define`: the argument it was called with, and fields below it. */
  | { readonly kind: 'param'; readonly fields: readonly string[] }
  | { readonly kind: 'unknown' };

/** A segment of a key path as the template spells it. */
export type KeySeg =
  | { readonly key: string }
  /** A list item; `range` when a `range` loop repeats it for every rendered item. */
  | { readonly index: number; readonly range?: RangeInfo }
  /** A templated key (`{{ $name }}:`), standing for any key. */
  | { readonly anyKey: true };

/** A helper call and the argument it gets. */
export interface Call {
  readonly name: string;
  readonly arg: Binding;
}

/** Block output placed under a key: `toYaml` of values, or an included helper. */
export interface Emit {
  readonly line: number;
  readonly refs: readonly Binding[];
  readonly calls: readonly Call[];
  /** Items of the key's list before this output (for `toYaml` of a list appended to literal items). */
  readonly base: number;
}

/** One key (or list item) found in the template. */
export interface TemplateKey {
  readonly segs: readonly KeySeg[];
  /** 1-based line and column of the key (of the `-` for an item). */
  readonly line: number;
  readonly column: number;
  /** The raw line text. */
  readonly text: string;
  /** The `---` document (0-based) the key is in; inside a `define`, counted from its start. */
  readonly doc: number;
  /** The `define` the key belongs to; undefined for the template's own output. */
  readonly define?: string;
  /** Inside a branch that the chart's values make false (`if`, `with`, `range` of an empty value). */
  readonly dead: boolean;
  /** Values the key's own line reads in output actions. */
  readonly refs: readonly Binding[];
  /** Helpers the key's own line includes. */
  readonly calls: readonly Call[];
  /** Block output placed under the key. */
  readonly emits: Emit[];
  /** The values tested by the innermost `if`/`with` around the key (what switches it on). */
  readonly gate?: Binding;
}

/** An output action of a `define` (for helpers that render a scalar, such as an image reference). */
export interface DefineOutput {
  readonly line: number;
  readonly refs: readonly Binding[];
  readonly calls: readonly Call[];
}

export interface DefineInfo {
  readonly line: number;
  readonly outputs: DefineOutput[];
}

export interface TemplateIndex {
  readonly keys: readonly TemplateKey[];
  readonly defines: ReadonlyMap<string, DefineInfo>;
  /** The raw lines (0-based). */
  readonly lines: readonly string[];
}

export interface IndexOptions {
  /** Truth of a binding under the chart's values (Go template truth), undefined when unknown. */
  readonly truthy?: (b: Binding) => boolean | undefined;
}

interface Frame {
  readonly indent: number;
  readonly segs: readonly KeySeg[];
  readonly key?: TemplateKey;
  /** A key with no value on its line: a sequence may follow at the key's own indentation. */
  readonly block: boolean;
  readonly item: boolean;
  /** Order of creation, to tell lists opened before a `range` from lists inside it. */
  readonly born: number;
  items: number;
  live: number;
}

interface Scope {
  readonly kind: 'root' | 'if' | 'with' | 'range' | 'define';
  dot: Binding;
  readonly outerDot: Binding;
  readonly vars: Map<string, Binding>;
  dead: boolean;
  anyTrue: boolean;
  readonly snap?: Map<Frame, { items: number; live: number }>;
  maxes?: Map<Frame, { items: number; live: number }>;
  readonly range?: RangeInfo;
  readonly born: number;
  readonly define?: { name: string; frames: Frame[]; doc: number };
  gate?: Binding;
}

const UNKNOWN: Binding = { kind: 'unknown' };
const KEY = /^(["']?)([^\s"':#{}[\],&*!|>][^"':#{}]*?)\1\s*:(?:\s|$)/;
const MARKS = new RegExp(`${ACTION_MARK}+`, 'g');
/** A line whose key is an action: `{{ $key }}: {{ $value }}`. */
const TEMPLATED_KEY = new RegExp(`^\\s*(?:-\\s+)*${ACTION_MARK}[${ACTION_MARK}\\w.-]*\\s*:(?:\\s|$)`);

/** Indexes the keys of a template, values or CRD file. */
export function indexTemplate(text: string, opts: IndexOptions = {}): TemplateIndex {
  return new Indexer(opts).run(text);
}

class Indexer {
  private readonly keys: TemplateKey[] = [];
  private readonly defines = new Map<string, DefineInfo>();
  private frames: Frame[] = [];
  private readonly scopes: Scope[] = [];
  private doc = 0;
  private born = 0;

  constructor(private readonly opts: IndexOptions) {
    this.frames = [this.rootFrame()];
    this.scopes.push({ kind: 'root', dot: { kind: 'root' }, outerDot: { kind: 'root' }, vars: new Map(), dead: false, anyTrue: false, born: 0 });
  }

  run(text: string): TemplateIndex {
    const lines = templateLines(text);
    lines.forEach((l, i) => this.line(l.raw, l.literal, l.actions, i));
    return { keys: this.keys, defines: this.defines, lines: lines.map((l) => l.raw) };
  }

  private rootFrame(): Frame {
    return { indent: -1, segs: [], block: true, item: false, born: this.born++, items: 0, live: 0 };
  }

  private line(raw: string, literal: string, actions: readonly { start: number; body: string }[], i: number): void {
    const content = literal.replace(MARKS, (m) => ' '.repeat(m.length));
    if (/^---(\s|$)/.test(literal)) {
      this.doc++;
      this.frames = [this.rootFrame()];
      return;
    }
    const firstLiteral = content.search(/\S/);
    if (firstLiteral < 0 || content.trimStart().startsWith('#')) {
      for (const a of actions) this.action(a.body, a.start, i);
      return;
    }
    // Actions before the YAML text (`{{- if x }}key: v`) run first, unless one of them is a templated key (`{{ $k }}: v`).
    const templatedKey = TEMPLATED_KEY.test(literal);
    const before = templatedKey ? [] : actions.filter((a) => a.start < firstLiteral);
    for (const a of before) this.action(a.body, a.start, i);
    const created = this.structure(raw, literal, i);
    for (const a of actions) {
      if (before.includes(a)) continue;
      const kind = classify(a.body);
      if (kind.kind === 'output' && created) this.attachScalar(created, kind.expr, i);
      else this.action(a.body, a.start, i);
    }
  }

  /** Items and the key on a line with YAML text; returns the innermost key created. */
  private structure(raw: string, literal: string, i: number): { key: TemplateKey; refs: Binding[]; calls: Call[] } | undefined {
    let indent = /^\s*/.exec(literal)?.[0].length ?? 0;
    let rest = literal.slice(indent);
    let created: { key: TemplateKey; refs: Binding[]; calls: Call[] } | undefined;
    while (rest.startsWith('- ') || rest === '-') {
      this.popTo(indent, true);
      if (this.tooDeep()) return created;
      const parent = this.top();
      const range = this.rangeFor(parent);
      const index = parent.items++;
      const dead = this.dead();
      const seg: KeySeg = range ? { index, range } : { index };
      if (range && range.depth === undefined) { range.depth = parent.segs.length; range.base = parent.live; }
      if (!dead) parent.live++;
      const segs = [...parent.segs, seg];
      created = this.push(segs, i, indent, raw, dead);
      const markerWidth = /^-\s*/.exec(rest)?.[0].length ?? 2;
      indent += markerWidth;
      rest = rest.slice(markerWidth);
      // The item's own content sits one column deeper than the marker.
      this.frames.push({ indent: indent - 1, segs, key: created.key, block: false, item: true, born: this.born++, items: 0, live: 0 });
    }
    const m = KEY.exec(rest);
    if (!m) return created;
    const name = (m[2] as string).trim();
    this.popTo(indent, false);
    if (this.tooDeep()) return created;
    const parent = this.top();
    const dead = this.dead();
    let seg: KeySeg = { key: name };
    if (name.includes(ACTION_MARK)) {
      seg = { anyKey: true };
      const range = this.rangeFor(parent);
      if (range && range.depth === undefined) range.depth = parent.segs.length;
    }
    const segs = [...parent.segs, seg];
    const key = this.push(segs, i, indent, raw, dead);
    const after = rest.slice(m[0].length).replace(/(^|\s)#.*$/, '').trim();
    this.frames.push({ indent, segs, key: key.key, block: after === '', item: false, born: this.born++, items: 0, live: 0 });
    return key;
  }

  private push(segs: readonly KeySeg[], i: number, indent: number, raw: string, dead: boolean): { key: TemplateKey; refs: Binding[]; calls: Call[] } {
    const refs: Binding[] = [];
    const calls: Call[] = [];
    const define = this.currentDefine();
    const gate = this.gate();
    const key: TemplateKey = {
      segs, line: i + 1, column: indent + 1, text: raw, doc: this.doc, dead, refs, calls, emits: [],
      ...(define !== undefined && { define: define.name }),
      ...(gate && { gate }),
    };
    this.keys.push(key);
    return { key, refs, calls };
  }

  /** Pops frames that cannot hold content at `indent` (a sequence may sit at its block key's indentation). */
  private popTo(indent: number, item: boolean): void {
    for (;;) {
      const top = this.top();
      if (this.frames.length <= 1) return;
      if (top.indent < indent) return;
      if (item && top.indent === indent && top.block && !top.item) return;
      this.frames.pop();
    }
  }

  /** The open frames (the root aside) reach the nesting limit: nothing deeper is indexed. */
  private tooDeep(): boolean {
    return this.frames.length > MAX_NESTING;
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1] as Frame;
  }

  private scope(): Scope {
    return this.scopes[this.scopes.length - 1] as Scope;
  }

  private dead(): boolean {
    return this.scopes.some((s) => s.dead);
  }

  private gate(): Binding | undefined {
    for (let k = this.scopes.length - 1; k >= 0; k--) {
      const s = this.scopes[k] as Scope;
      if (s.gate) return s.gate;
      if (s.kind === 'define') return undefined;
    }
    return undefined;
  }

  private currentDefine(): { name: string } | undefined {
    for (let k = this.scopes.length - 1; k >= 0; k--) {
      const d = (this.scopes[k] as Scope).define;
      if (d) return d;
    }
    return undefined;
  }

  /** The innermost `range` when it repeats items of `list` (the list was opened before the range). */
  private rangeFor(list: Frame): RangeInfo | undefined {
    for (let k = this.scopes.length - 1; k >= 0; k--) {
      const s = this.scopes[k] as Scope;
      if (s.kind === 'range') return s.range && list.born < s.born ? s.range : undefined;
      if (s.kind === 'define') return undefined;
    }
    return undefined;
  }

  private attachScalar(created: { refs: Binding[]; calls: Call[] }, expr: string, i: number): void {
    created.refs.push(...this.valueRefs(expr));
    created.calls.push(...this.calls(expr));
    this.recordDefineOutput(expr, i);
  }

  private action(body: string, column: number, i: number): void {
    const a = classify(body);
    switch (a.kind) {
      case 'comment': return;
      case 'if': case 'with': case 'range': return this.open(a.kind, a.expr, a.vars);
      case 'elseIf': case 'elseWith': return this.otherwise(a.kind, a.expr);
      case 'else': return this.otherwise('else', '');
      case 'end': return this.close();
      case 'define': case 'block': return this.openDefine(a.name, i);
      case 'assign': {
        const value = this.valueRefs(a.expr)[0] ?? this.resolve(fieldRefs(a.expr)[0]);
        this.scope().vars.set(a.name, value);
        return;
      }
      case 'output': return this.emit(a.expr, column, i);
    }
  }

  private open(kind: 'if' | 'with' | 'range', expr: string, vars: readonly string[]): void {
    const outer = this.scope();
    const cond = this.condition(expr);
    const born = this.born++;
    const snap = kind === 'range' ? undefined : new Map(this.frames.map((f) => [f, { items: f.items, live: f.live }]));
    const subject = kind === 'if' ? UNKNOWN : this.resolve(fieldRefs(expr)[0]);
    const range: RangeInfo | undefined = kind === 'range' ? { over: subject, base: 0 } : undefined;
    const element: Binding = range && subject.kind === 'values' ? { kind: 'values', path: [...subject.path, { element: range }] } : UNKNOWN;
    const dot = kind === 'if' ? outer.dot : kind === 'with' ? subject : element;
    const scopeVars = new Map<string, Binding>();
    for (const v of vars) scopeVars.set(v, element);
    const gate = kind === 'range' ? undefined : this.gateOf(expr);
    this.scopes.push({
      kind, dot, outerDot: outer.dot, vars: scopeVars, dead: cond === false, anyTrue: cond === true, born,
      ...(snap && { snap }), ...(range && { range }), ...(gate && { gate }),
    });
  }

  private otherwise(kind: 'else' | 'elseIf' | 'elseWith', expr: string): void {
    const s = this.scope();
    if (s.kind === 'root' || s.kind === 'define') return;
    if (s.snap) {
      s.maxes ??= new Map();
      for (const [f, v] of s.snap) {
        const max = s.maxes.get(f) ?? v;
        s.maxes.set(f, { items: Math.max(max.items, f.items), live: Math.max(max.live, f.live) });
        f.items = v.items;
        f.live = v.live;
      }
    }
    const cond = kind === 'else' ? true : this.condition(expr);
    s.dead = s.anyTrue || cond === false;
    s.anyTrue ||= cond === true && !s.dead;
    s.dot = kind === 'elseWith' ? this.resolve(fieldRefs(expr)[0]) : s.outerDot;
    if (kind !== 'else') s.gate = this.gateOf(expr);
    if (kind === 'else' && s.kind === 'range') s.dot = s.outerDot;
  }

  private close(): void {
    if (this.scopes.length <= 1) return;
    const s = this.scopes.pop() as Scope;
    if (s.maxes) {
      for (const [f, v] of s.maxes) {
        f.items = Math.max(v.items, f.items);
        f.live = Math.max(v.live, f.live);
      }
    }
    if (s.define) {
      this.frames = s.define.frames;
      this.doc = s.define.doc;
    }
  }

  private openDefine(name: string, i: number): void {
    this.defines.set(name, { line: i + 1, outputs: [] });
    const param: Binding = { kind: 'param', fields: [] };
    this.scopes.push({
      kind: 'define', dot: param, outerDot: param, vars: new Map([['$', param]]), dead: false, anyTrue: false, born: this.born++,
      define: { name, frames: this.frames, doc: this.doc },
    });
    this.frames = [this.rootFrame()];
    this.doc = 0;
  }

  /** An output action on a line of its own: block content for the key it is indented under. */
  private emit(expr: string, column: number, i: number): void {
    this.recordDefineOutput(expr, i);
    if (!emitsBlock(expr) && indentOf(expr) === undefined) return;
    const at = indentOf(expr) ?? column;
    this.popTo(at, false);
    const frame = this.top();
    if (!frame.key) return;
    frame.key.emits.push({ line: i + 1, refs: this.valueRefs(expr), calls: this.calls(expr), base: frame.live });
  }

  private recordDefineOutput(expr: string, i: number): void {
    const define = this.currentDefine();
    if (!define) return;
    const info = this.defines.get(define.name);
    const refs = this.valueRefs(expr);
    const calls = this.calls(expr);
    if (info && (refs.length || calls.length)) info.outputs.push({ line: i + 1, refs, calls });
  }

  /** Values (or define parameters) read by an expression, outside helper calls. */
  private valueRefs(expr: string): Binding[] {
    return fieldRefs(withoutHelperCalls(expr)).map((r) => this.resolve(r)).filter((b) => b.kind === 'values' || b.kind === 'param');
  }

  private calls(expr: string): Call[] {
    return helperCalls(expr).map((c) => ({ name: c.name, arg: c.arg ? this.resolve(c.arg) : UNKNOWN }));
  }

  /** The values a plain condition tests. */
  private gateOf(expr: string): Binding | undefined {
    const c = plainCondition(expr);
    const b = c && this.resolve(c.ref);
    return b && (b.kind === 'values' || b.kind === 'param') ? b : undefined;
  }

  private condition(expr: string): boolean | undefined {
    const c = plainCondition(expr);
    if (!c || !this.opts.truthy) return undefined;
    const t = this.opts.truthy(this.resolve(c.ref));
    return t === undefined ? undefined : t !== c.negate;
  }

  private resolve(ref: FieldRef | undefined): Binding {
    if (!ref) return UNKNOWN;
    let base: Binding;
    if (ref.variable === undefined) base = this.scope().dot;
    else base = this.variable(ref.variable);
    return descend(base, ref.fields);
  }

  private variable(name: string): Binding {
    for (let k = this.scopes.length - 1; k >= 0; k--) {
      const s = this.scopes[k] as Scope;
      const v = s.vars.get(name);
      if (v) return v;
      if (s.kind === 'define') break;
    }
    return name === '$' ? { kind: 'root' } : UNKNOWN;
  }
}

function descend(base: Binding, fields: readonly string[]): Binding {
  if (fields.length === 0) return base;
  switch (base.kind) {
    case 'root': return fields[0] === 'Values' ? { kind: 'values', path: fields.slice(1) } : UNKNOWN;
    case 'values': return { kind: 'values', path: [...base.path, ...fields] };
    case 'param': return { kind: 'param', fields: [...base.fields, ...fields] };
    case 'unknown': return UNKNOWN;
  }
}

/** A binding read inside a define, seen from a call whose argument is `arg`. */
export function substitute(b: Binding, arg: Binding): Binding {
  if (b.kind !== 'param') return b;
  return descend(arg, b.fields);
}

/** How a key segment matches an object path segment: exactly, loosely (range item, templated key), or not. */
function segMatch(seg: KeySeg, p: string | number): 'exact' | 'loose' | undefined {
  if ('key' in seg) return seg.key === p ? 'exact' : undefined;
  if ('anyKey' in seg) return typeof p === 'string' ? 'loose' : undefined;
  if (typeof p !== 'number') return undefined;
  if (seg.range) return p >= seg.range.base ? 'loose' : undefined;
  return seg.index === p ? 'exact' : undefined;
}

/**
 * The key that best stands for `path`: the deepest key whose segments match a prefix of it;
 * among equals, a live one over one in a false branch, exact segments over range items and
 * templated keys, then the earliest line.
 */
export function bestKey(keys: readonly TemplateKey[], path: readonly (string | number)[]): { key: TemplateKey; depth: number } | undefined {
  let best: { key: TemplateKey; depth: number; loose: number } | undefined;
  for (const key of keys) {
    if (key.segs.length > path.length) continue;
    let loose = 0;
    let ok = true;
    for (let i = 0; i < key.segs.length && ok; i++) {
      const m = segMatch(key.segs[i] as KeySeg, path[i] as string | number);
      if (m === undefined) ok = false;
      else if (m === 'loose') loose++;
    }
    if (!ok) continue;
    const depth = key.segs.length;
    if (!best || depth > best.depth
      || (depth === best.depth && ((best.key.dead && !key.dead) || (best.key.dead === key.dead && loose < best.loose)))) {
      best = { key, depth, loose };
    }
  }
  return best && { key: best.key, depth: best.depth };
}

/** A key's path as plain strings and numbers (templated keys as `*`), for tests and messages. */
export function plainPath(segs: readonly KeySeg[]): (string | number)[] {
  return segs.map((s) => ('key' in s ? s.key : 'anyKey' in s ? '*' : s.index));
}
