/**
 * IAM policy statements of `resource "oci_identity_policy"` blocks. Each statement is either its
 * decoded text with a decoded→raw offset map (so the IAM parser's spans land inside the `.tf`
 * file), or unresolved with the reason and span of what hid it. Lists built with `concat`,
 * `flatten`, `compact`, conditionals, `local.*` and `var.*` are walked item by item, so one
 * unknown item does not hide its literal neighbours.
 */
import type { Block, Body, CallExpr, Expr, Span } from './ast.js';
import { evaluate, newCtx, type Ctx } from './eval.js';
import { refText } from './eval-util.js';
import { MapBuilder, mapOffset, mapSpan, plainMap, type OffsetMap } from './offset-map.js';
import type { Binding, Scope } from './scope.js';
import { asBool, Budget, isUnresolved, primitiveText, SYNTAX_ERROR, typeName, type ScopeUse, type Traced, type Unresolved } from './value.js';

/** A parsed Terraform file (what `readTerraform` returns is one). */
export interface TerraformSource {
  readonly path: string;
  readonly text: string;
  readonly body: Body;
}

export interface StatementText {
  readonly kind: 'text';
  readonly text: string;
  /** The file that `start`, `span` and `mapOffset` point into (this file unless the text comes from a tfvars or another `.tf`). */
  readonly path: string;
  /** Raw offset of the first character. */
  readonly start: number;
  readonly span: Span;
  /** Raw offset (in `path`) of the decoded index `i`; `text.length` maps to the end. */
  readonly mapOffset: (i: number) => number;
  readonly map: OffsetMap;
  /** The expression in the policy's own file that this statement comes from. */
  readonly via: Span;
  readonly uses: readonly ScopeUse[];
}

/** Literal text with the unknown parts kept as written (`${var.g}`, `%v`), for a partial parse. */
export interface PartialText {
  readonly text: string;
  readonly path: string;
  readonly start: number;
  readonly mapOffset: (i: number) => number;
  readonly map: OffsetMap;
  /** Raw spans (in `path`) of the unknown parts kept as written, in order. */
  readonly holes: readonly Span[];
}

export interface StatementUnresolved {
  readonly kind: 'unresolved';
  /** Why, naming what hid the value (`var.x is not set in ...`, `data.y.z is read from the provider ...`). */
  readonly unresolved: string;
  /** The expression in the policy's own file. */
  readonly span: Span;
  /** The obstacle itself (it may be in another file). */
  readonly cause: Unresolved;
  readonly partial?: PartialText;
}

/** A statements entry that is literal but not a string (`3`, `true`, an object): not a statement at all. */
export interface StatementNotText {
  readonly kind: 'not-text';
  /** How it reads in a message: `a number`, `a map`. */
  readonly found: string;
  /** The expression that gave the value, in `path`. */
  readonly span: Span;
  readonly path: string;
}

export type PolicyStatement = StatementText | StatementUnresolved | StatementNotText;

export interface PolicyResource {
  readonly resourceName: string;
  readonly labelSpan: Span;
  readonly span: Span;
  readonly block: Block;
  /** The `name` attribute, when it is literal. */
  readonly policyName?: string;
  /** The `compartment_id` attribute, when it is literal. */
  readonly compartmentId?: string;
  readonly nameSpan?: Span;
  /** The `statements` attribute's span (undefined when the attribute is missing). */
  readonly statementsSpan?: Span;
  /** The resource has `count` or `for_each`: it may exist zero or several times. */
  readonly repeated: boolean;
  readonly statements: readonly PolicyStatement[];
}

const LIST_FUNCTIONS = new Set(['concat', 'flatten', 'compact', 'tolist', 'toset', 'distinct']);

interface Walk {
  /** The policy's own file. */
  readonly own: string;
  readonly scope: Scope | undefined;
  readonly texts: Map<string, string>;
  readonly out: PolicyStatement[];
  readonly seen: Set<string>;
  readonly budget: Budget;
  exhausted: boolean;
}

/** Every `resource "oci_identity_policy" "name" { ... }` at the top level of `src`. */
export function iamPolicyStatements(src: TerraformSource, scope?: Scope): PolicyResource[] {
  const out: PolicyResource[] = [];
  for (const block of src.body.items) {
    if (block.kind !== 'block' || block.type !== 'resource' || block.labels[0]?.value !== 'oci_identity_policy') continue;
    const label = block.labels[1];
    const attrs = new Map(block.body.items.flatMap((a) => (a.kind === 'attribute' ? [[a.name, a] as const] : [])));
    const nameAttr = attrs.get('name');
    const name = literalString(attrs.get('name')?.expr, scope, src.path);
    const compartmentId = literalString(attrs.get('compartment_id')?.expr, scope, src.path);
    const stmts = attrs.get('statements');
    const w: Walk = { own: src.path, scope, texts: new Map([[src.path, src.text]]), out: [], seen: new Set(), budget: new Budget(WALK_BUDGET), exhausted: false };
    if (stmts) walk(w, stmts.expr, newCtx(scope, src.path), undefined, false, []);
    out.push({
      resourceName: label?.value ?? '', labelSpan: label?.span ?? block.typeSpan, span: block.span, block,
      ...(name !== undefined && { policyName: name }),
      ...(compartmentId !== undefined && { compartmentId }),
      ...(nameAttr ? { nameSpan: nameAttr.expr.span } : {}),
      ...(stmts ? { statementsSpan: stmts.span } : {}),
      repeated: attrs.has('count') || attrs.has('for_each'),
      statements: w.out,
    });
  }
  return out;
}

function literalString(expr: Expr | undefined, scope: Scope | undefined, path: string): string | undefined {
  const v = expr && evaluate(expr, newCtx(scope, path));
  return v && !isUnresolved(v) && v.kind === 'string' ? v.value : undefined;
}

/** `var.x` / `local.y` with a binding that has an expression, or undefined. */
function bindingOf(expr: Expr, ctx: Ctx): Binding | undefined {
  if (expr.kind !== 'traversal' || expr.steps.length !== 1 || expr.source.kind !== 'variable') return undefined;
  const root = expr.source.name;
  const step = expr.steps[0];
  if ((root !== 'var' && root !== 'local') || step?.kind !== 'attr') return undefined;
  const b = ctx.scope?.get(`${root}.${step.name}`);
  return b?.expr ? b : undefined;
}

/** Most list items and references walked per resource (shared references can multiply them). */
const WALK_BUDGET = 20_000;

/**
 * Emits the statements that `expr` (a list, or one string) stands for. `via` is fixed once a
 * reference is followed; `chain` lists the references followed to get here.
 */
function walk(w: Walk, expr: Expr, ctx: Ctx, via: Span | undefined, compact: boolean, chain: readonly ScopeUse[]): void {
  const at = via ?? expr.span;
  if (!spend(w, at, ctx.path, 1)) return;
  if (expr.kind === 'tuple') {
    for (const item of expr.items) walk(w, item, ctx, via, compact, chain);
    return;
  }
  if (expr.kind === 'paren') return walk(w, expr.inner, ctx, via, compact, chain);
  if (expr.kind === 'call' && LIST_FUNCTIONS.has(expr.name) && !expr.expandFinal && expr.args.length > 0 && (expr.name === 'concat' || expr.args.length === 1)) {
    for (const arg of expr.args) walk(w, arg, ctx, via, compact || expr.name === 'compact', chain);
    return;
  }
  if (expr.kind === 'conditional') {
    const c = evaluate(expr.cond, ctx);
    const b = isUnresolved(c) ? undefined : c.kind === 'bool' ? c.value : c.kind === 'string' ? asBool(c.value) : undefined;
    if (b !== undefined) return walk(w, b ? expr.then : expr.else, ctx, via, compact, chain);
  }
  const bound = bindingOf(expr, ctx);
  if (bound?.expr && !w.seen.has(bound.ref) && w.seen.size < 64) {
    w.seen.add(bound.ref);
    const text = w.scope?.textOf(bound.path);
    if (text !== undefined && !w.texts.has(bound.path)) w.texts.set(bound.path, text);
    const use: ScopeUse = { ref: bound.ref, source: bound.source, path: bound.path, span: bound.span };
    walk(w, bound.expr, newCtx(ctx.scope, bound.path), at, compact, [...chain, use]);
    w.seen.delete(bound.ref);
    return;
  }
  const v = evaluate(expr, ctx);
  // A syntax error in this file is a parse-error finding already; it is not also an unresolved
  // statement. One in a tfvars file (never linted itself) is.
  if (isUnresolved(v) && v.reason.endsWith(SYNTAX_ERROR) && v.path === w.own) return;
  if (isUnresolved(v)) {
    const partial = skeleton(w, expr, ctx);
    const reason = v.reason;
    w.out.push({ kind: 'unresolved', unresolved: reason, span: at, cause: v, ...(partial ? { partial } : {}) });
    return;
  }
  emit(w, v, at, ctx, compact, expr, [...chain, ...ctx.state.uses]);
}

/** Spends walk budget; when it runs out, records one unresolved entry and returns false from then on. */
function spend(w: Walk, at: Span, path: string, n: number): boolean {
  if (w.budget.spend(n)) return true;
  if (!w.exhausted) {
    w.exhausted = true;
    const cause: Unresolved = { unresolved: true, reason: 'the statements list is too large to evaluate', span: at, path };
    w.out.push({ kind: 'unresolved', unresolved: cause.reason, span: at, cause });
  }
  return false;
}

function emit(w: Walk, v: Traced, via: Span, ctx: Ctx, compact: boolean, expr: Expr, uses: readonly ScopeUse[]): void {
  if (!spend(w, via, ctx.path, 1)) return;
  if (v.kind === 'list') {
    for (const item of v.items) emit(w, item, via, ctx, compact, expr, uses);
    return;
  }
  if (v.kind === 'null' || (compact && v.kind === 'string' && v.value === '')) return;
  if (v.kind !== 'string') {
    w.out.push({ kind: 'not-text', found: typeName(v), span: expr.span, path: ctx.path });
    return;
  }
  const map = v.map;
  w.out.push({
    kind: 'text', text: v.value, path: v.path, start: mapOffset(map, 0), span: mapSpan(map, 0, v.value.length),
    mapOffset: (i: number) => mapOffset(map, i), map, via, uses,
  });
}

/**
 * The literal skeleton of a template, `format(...)` or `for` value: the parts that evaluate are
 * filled in, the unknown ones kept as written (`${var.g}`, `%v`), so the IAM parser marks exactly
 * those unresolved.
 */
function skeleton(w: Walk, expr: Expr, ctx: Ctx): PartialText | undefined {
  if (expr.kind === 'paren') return skeleton(w, expr.inner, ctx);
  if (expr.kind === 'for') return skeleton(w, expr.valueExpr, ctx);
  if (expr.kind === 'call' && (expr.name === 'format' || expr.name === 'formatlist')) return formatSkeleton(w, expr, ctx);
  if (expr.kind !== 'template') return undefined;
  const text = w.texts.get(ctx.path);
  const m = new MapBuilder();
  const pieces: string[] = [];
  const holes: Span[] = [];
  for (const part of expr.parts) {
    if (part.kind === 'text') {
      pieces.push(part.value);
      m.append(part.map);
      continue;
    }
    const known = part.kind === 'interpolation' ? primitiveOf(evaluate(part.expr, ctx)) : undefined;
    const raw = known ?? text?.slice(part.span.start, part.span.end) ?? (part.kind === 'interpolation' ? `\${${refText(part.expr)}}` : '%{…}');
    pieces.push(raw);
    if (known === undefined) holes.push(part.span);
    if (known !== undefined || text === undefined) m.fixed(part.span.start, raw.length);
    else m.append(plainMap(raw.length, part.span.start));
  }
  const map = m.finish(expr.parts[expr.parts.length - 1]?.span.end ?? expr.span.end);
  return partialOf(pieces.join(''), ctx.path, map, holes);
}

/** `format("... %v ...", a, b)`: the format string with each verb whose argument evaluates filled in. */
function formatSkeleton(w: Walk, call: CallExpr, ctx: Ctx): PartialText | undefined {
  const first = call.args[0];
  const fmt = first && skeleton(w, first, ctx);
  if (!fmt) return undefined;
  const m = new MapBuilder();
  const pieces: string[] = [];
  const holes = [...fmt.holes];
  const f = fmt.text;
  let next = 1;
  let from = 0;
  const copy = (a: number, b: number): void => {
    if (b <= a) return;
    pieces.push(f.slice(a, b));
    m.append(fmt.map, a, b);
  };
  for (let i = f.indexOf('%'); i >= 0 && i + 1 < f.length; i = f.indexOf('%', from)) {
    copy(from, i);
    const verb = f[i + 1] ?? '';
    from = i + 2;
    if (verb === '%') {
      copy(i + 1, i + 2);
      continue;
    }
    const arg = call.args[next++];
    const known = 'vsdtq'.includes(verb) && arg ? primitiveOf(evaluate(arg, ctx)) : undefined;
    if (known === undefined) {
      copy(i, i + 2);
      holes.push({ start: mapOffset(fmt.map, i), end: mapOffset(fmt.map, i + 1) + 1 });
    } else {
      pieces.push(known);
      m.fixed(mapOffset(fmt.map, i), known.length);
    }
  }
  copy(from, f.length);
  holes.sort((a, b) => a.start - b.start);
  return partialOf(pieces.join(''), ctx.path, m.finish(fmt.map.rawEnd), holes);
}

function primitiveOf(v: Traced | Unresolved): string | undefined {
  return isUnresolved(v) ? undefined : primitiveText(v);
}

function partialOf(text: string, path: string, map: OffsetMap, holes: readonly Span[]): PartialText {
  return { text, path, start: mapOffset(map, 0), mapOffset: (i: number) => mapOffset(map, i), map, holes };
}
