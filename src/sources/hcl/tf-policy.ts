/**
 * IAM policy statements of `resource "oci_identity_policy"` blocks. Each statement is either its
 * decoded text with a decoded→raw offset map (so the IAM parser's spans land inside the `.tf`
 * file), or unresolved with the reason and span of what hid it. Lists built with `concat`,
 * `flatten`, `compact`, conditionals, `local.*` and `var.*` are walked item by item, so one
 * unknown item does not hide its literal neighbours.
 */
import type { Block, Body, Expr, Span } from './ast.js';
import { evaluate, newCtx, type Ctx } from './eval.js';
import { refText } from './eval-util.js';
import { MapBuilder, mapOffset, mapSpan, plainMap, type OffsetMap } from './offset-map.js';
import type { Scope } from './scope.js';
import { isUnresolved, type ScopeUse, type Traced, type Unresolved } from './value.js';

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

export type PolicyStatement = StatementText | StatementUnresolved;

export interface PolicyResource {
  readonly resourceName: string;
  readonly labelSpan: Span;
  readonly span: Span;
  readonly block: Block;
  /** The `name` attribute, when it is literal. */
  readonly policyName?: string;
  readonly nameSpan?: Span;
  /** The `statements` attribute's span (undefined when the attribute is missing). */
  readonly statementsSpan?: Span;
  /** The resource has `count` or `for_each`: it may exist zero or several times. */
  readonly repeated: boolean;
  readonly statements: readonly PolicyStatement[];
}

const LIST_FUNCTIONS = new Set(['concat', 'flatten', 'compact', 'tolist', 'toset', 'distinct']);

interface Walk {
  readonly scope: Scope | undefined;
  readonly texts: ReadonlyMap<string, string>;
  readonly out: PolicyStatement[];
  readonly seen: Set<string>;
}

/** Every `resource "oci_identity_policy" "name" { ... }` at the top level of `src`. */
export function iamPolicyStatements(src: TerraformSource, scope?: Scope): PolicyResource[] {
  const out: PolicyResource[] = [];
  for (const block of src.body.items) {
    if (block.kind !== 'block' || block.type !== 'resource' || block.labels[0]?.value !== 'oci_identity_policy') continue;
    const label = block.labels[1];
    const attrs = new Map(block.body.items.flatMap((a) => (a.kind === 'attribute' ? [[a.name, a] as const] : [])));
    const nameAttr = attrs.get('name');
    const name = nameAttr ? evaluate(nameAttr.expr, newCtx(scope, src.path)) : undefined;
    const stmts = attrs.get('statements');
    const w: Walk = { scope, texts: new Map([[src.path, src.text]]), out: [], seen: new Set() };
    if (stmts) walk(w, stmts.expr, newCtx(scope, src.path), undefined, false);
    out.push({
      resourceName: label?.value ?? '', labelSpan: label?.span ?? block.typeSpan, span: block.span, block,
      ...(name && !isUnresolved(name) && name.kind === 'string' ? { policyName: name.value } : {}),
      ...(nameAttr ? { nameSpan: nameAttr.expr.span } : {}),
      ...(stmts ? { statementsSpan: stmts.span } : {}),
      repeated: attrs.has('count') || attrs.has('for_each'),
      statements: w.out,
    });
  }
  return out;
}

/** `var.x` / `local.y` with a binding that has an expression, or undefined. */
function bindingOf(expr: Expr, ctx: Ctx): { ref: string; expr: Expr; path: string } | undefined {
  if (expr.kind !== 'traversal' || expr.steps.length !== 1 || expr.source.kind !== 'variable') return undefined;
  const root = expr.source.name;
  const step = expr.steps[0];
  if ((root !== 'var' && root !== 'local') || step?.kind !== 'attr') return undefined;
  const b = ctx.scope?.get(`${root}.${step.name}`);
  return b?.expr ? { ref: b.ref, expr: b.expr, path: b.path } : undefined;
}

/** Emits the statements that `expr` (a list, or one string) stands for. `via` is fixed once a reference is followed. */
function walk(w: Walk, expr: Expr, ctx: Ctx, via: Span | undefined, compact: boolean): void {
  const at = via ?? expr.span;
  if (expr.kind === 'tuple') {
    for (const item of expr.items) walk(w, item, ctx, via, compact);
    return;
  }
  if (expr.kind === 'paren') return walk(w, expr.inner, ctx, via, compact);
  if (expr.kind === 'call' && LIST_FUNCTIONS.has(expr.name) && !expr.expandFinal && expr.args.length > 0 && (expr.name === 'concat' || expr.args.length === 1)) {
    for (const arg of expr.args) walk(w, arg, ctx, via, compact || expr.name === 'compact');
    return;
  }
  if (expr.kind === 'conditional') {
    const c = evaluate(expr.cond, ctx);
    const b = isUnresolved(c) ? undefined : c.kind === 'bool' ? c.value : undefined;
    if (b !== undefined) return walk(w, b ? expr.then : expr.else, ctx, via, compact);
  }
  const bound = bindingOf(expr, ctx);
  if (bound && !w.seen.has(bound.ref) && w.seen.size < 64) {
    w.seen.add(bound.ref);
    const text = w.scope?.textOf(bound.path);
    if (text !== undefined && !w.texts.has(bound.path)) (w.texts as Map<string, string>).set(bound.path, text);
    const before = ctx.state.uses.length;
    const inner = newCtx(ctx.scope, bound.path);
    walk(w, bound.expr, inner, at, compact);
    ctx.state.uses.splice(before, 0);
    w.seen.delete(bound.ref);
    return;
  }
  const v = evaluate(expr, ctx);
  if (isUnresolved(v)) {
    const partial = skeleton(w, expr, ctx.path);
    const reason = v.reason;
    w.out.push({ kind: 'unresolved', unresolved: reason, span: at, cause: v, ...(partial ? { partial } : {}) });
    return;
  }
  emit(w, v, at, ctx, compact, expr);
}

function emit(w: Walk, v: Traced, via: Span, ctx: Ctx, compact: boolean, expr: Expr): void {
  if (v.kind === 'list') {
    for (const item of v.items) emit(w, item, via, ctx, compact, expr);
    return;
  }
  if (v.kind === 'null' || (compact && v.kind === 'string' && v.value === '')) return;
  if (v.kind !== 'string') {
    const cause: Unresolved = { unresolved: true, reason: `a statement must be a string, not ${v.kind}`, span: expr.span, path: ctx.path };
    w.out.push({ kind: 'unresolved', unresolved: cause.reason, span: via, cause });
    return;
  }
  const map = v.map;
  w.out.push({
    kind: 'text', text: v.value, path: v.path, start: mapOffset(map, 0), span: mapSpan(map, 0, v.value.length),
    mapOffset: (i: number) => mapOffset(map, i), map, via, uses: [...ctx.state.uses],
  });
}

/** The literal skeleton of a template, `format(...)` or `for` value, unknown parts kept as written. */
function skeleton(w: Walk, expr: Expr, path: string): PartialText | undefined {
  if (expr.kind === 'paren') return skeleton(w, expr.inner, path);
  if (expr.kind === 'for') return skeleton(w, expr.valueExpr, path);
  const first = expr.kind === 'call' ? expr.args[0] : undefined;
  if (expr.kind === 'call' && (expr.name === 'format' || expr.name === 'formatlist') && first) return skeleton(w, first, path);
  if (expr.kind !== 'template') return undefined;
  const text = w.texts.get(path);
  const m = new MapBuilder();
  const pieces: string[] = [];
  for (const part of expr.parts) {
    if (part.kind === 'text') {
      pieces.push(part.value);
      m.append(part.map);
    } else {
      const raw = text?.slice(part.span.start, part.span.end) ?? (part.kind === 'interpolation' ? `\${${refText(part.expr)}}` : '%{…}');
      pieces.push(raw);
      if (text === undefined) m.fixed(part.span.start, raw.length);
      else m.append(plainMap(raw.length, part.span.start));
    }
  }
  const map = m.finish(expr.parts[expr.parts.length - 1]?.span.end ?? expr.span.end);
  return { text: pieces.join(''), path, start: mapOffset(map, 0), mapOffset: (i: number) => mapOffset(map, i), map };
}
