/**
 * Evaluates HCL expressions whose value is fixed by the text alone: literals, templates of
 * literals, collections, operators and a set of pure functions over them, and `var.*` / `local.*`
 * references that a Scope resolves to such values. Anything else (resources, data sources,
 * `each`, `count`, unknown functions, template directives) is Unresolved with a reason naming
 * what hid the value, and the span of that thing. It never guesses.
 */
import type { BinaryExpr, Expr, ForExpr, ObjectExpr, Span, TemplateExpr, TraversalExpr } from './ast.js';
import { callFunction } from './functions.js';
import type { Binding, Scope } from './scope.js';
import {
  asBool, asNumber, Budget, isUnresolved, SYNTAX_ERROR, madeString, NULL, primitiveText, StringBuilder, toPlain, typeName, unresolved,
  type Evaluated, type ScopeUse, type Traced, type Unresolved,
} from './value.js';
import { refText, sameValue, unknownRefReason } from './eval-util.js';

const MAX_EVAL_DEPTH = 400;

interface State {
  uses: ScopeUse[];
  readonly stack: Set<Binding>;
  readonly budget: Budget;
  depth: number;
}

export interface Ctx {
  readonly scope: Scope | undefined;
  /** The file the expression being evaluated is in. */
  readonly path: string;
  /** `for` expression iterator variables in scope. */
  readonly locals: ReadonlyMap<string, Traced>;
  readonly state: State;
}

export type Result = Traced | Unresolved;

export function newCtx(scope: Scope | undefined, path: string): Ctx {
  return { scope, path, locals: new Map(), state: { uses: [], stack: new Set(), budget: new Budget(), depth: 0 } };
}

/**
 * The literal value of `expr` (in the file `path`), resolving `var.*`/`local.*` through `scope`,
 * or why it has none.
 */
export function evaluateLiteral(expr: Expr, scope?: Scope, path = ''): Evaluated {
  const ctx = newCtx(scope, path);
  const traced = evaluate(expr, ctx);
  if (isUnresolved(traced)) return traced;
  const value = toPlain(traced, ctx.state.budget);
  if (value === undefined) return unresolved('the value is too large to evaluate', expr.span, path);
  return { value, traced, uses: ctx.state.uses };
}

export function evaluate(expr: Expr, ctx: Ctx): Result {
  if (++ctx.state.depth > MAX_EVAL_DEPTH) {
    ctx.state.depth--;
    return unresolved('the expression is nested too deeply to evaluate', expr.span, ctx.path);
  }
  try {
    return evalInner(expr, ctx);
  } finally {
    ctx.state.depth--;
  }
}

function evalInner(expr: Expr, ctx: Ctx): Result {
  const fail = (reason: string, span: Span = expr.span): Unresolved => unresolved(reason, span, ctx.path);
  switch (expr.kind) {
    case 'literal':
      if (expr.value === null) return NULL;
      return typeof expr.value === 'number' ? { kind: 'number', value: expr.value } : { kind: 'bool', value: expr.value };
    case 'template':
      return evalTemplate(expr, ctx);
    case 'tuple': {
      const items: Traced[] = [];
      for (const item of expr.items) {
        const v = evaluate(item, ctx);
        if (isUnresolved(v)) return v;
        items.push(v);
      }
      return ctx.state.budget.spend(items.length) ? { kind: 'list', items } : fail('the value is too large to evaluate');
    }
    case 'object':
      return evalObject(expr, ctx);
    case 'variable': {
      const local = ctx.locals.get(expr.name);
      return local ?? fail(unknownRefReason(expr.name));
    }
    case 'traversal':
      return evalTraversal(expr, ctx);
    case 'call': {
      if (expr.name === 'try' || expr.name === 'can') return fail(`${expr.name}() depends on which expressions fail, which is not evaluated`, expr.nameSpan);
      const args: Traced[] = [];
      for (const a of expr.args) {
        const v = evaluate(a, ctx);
        if (isUnresolved(v)) return v;
        args.push(v);
      }
      const last = args[args.length - 1];
      if (expr.expandFinal) {
        if (last?.kind !== 'list') return fail("the argument before '...' is not a list");
        args.splice(args.length - 1, 1, ...last.items);
      }
      return callFunction(expr, args, ctx);
    }
    case 'unary': {
      const v = evaluate(expr.operand, ctx);
      if (isUnresolved(v)) return v;
      if (expr.op === '!') {
        const b = boolOf(v);
        return b === undefined ? fail(`'!' needs a bool, not ${typeName(v)}`) : { kind: 'bool', value: !b };
      }
      const n = asNumber(v);
      return n === undefined ? fail(`'-' needs a number, not ${typeName(v)}`) : { kind: 'number', value: -n };
    }
    case 'binary':
      return evalBinary(expr, ctx);
    case 'conditional': {
      const c = evaluate(expr.cond, ctx);
      if (isUnresolved(c)) return c;
      const b = boolOf(c);
      if (b === undefined) return fail(`the condition is ${typeName(c)}, not a bool`, expr.cond.span);
      return evaluate(b ? expr.then : expr.else, ctx);
    }
    case 'for':
      return evalFor(expr, ctx);
    case 'paren':
      return evaluate(expr.inner, ctx);
    case 'invalid':
      return fail(SYNTAX_ERROR);
  }
}

/** A bool, or a `"true"`/`"false"` string (Terraform converts them); else undefined. */
function boolOf(v: Result): boolean | undefined {
  if (isUnresolved(v)) return undefined;
  return v.kind === 'bool' ? v.value : v.kind === 'string' ? asBool(v.value) : undefined;
}

function evalTemplate(expr: TemplateExpr, ctx: Ctx): Result {
  const only = expr.parts[0];
  if (expr.parts.length === 1 && only?.kind === 'interpolation') return evaluate(only.expr, ctx);
  const sb = new StringBuilder(ctx.path);
  let rawEnd = expr.span.end;
  for (const part of expr.parts) {
    rawEnd = part.span.end;
    if (part.kind === 'text') sb.mapped(part.value, part.map);
    else if (part.kind === 'directive') return unresolved(`the template directive %{${part.keyword}} is not evaluated`, part.span, ctx.path);
    else {
      const v = evaluate(part.expr, ctx);
      if (isUnresolved(v)) return v;
      const text = primitiveText(v);
      if (text === undefined) return unresolved(`${typeName(v)} cannot be interpolated into a string`, part.span, ctx.path);
      sb.fixed(text, part.span);
    }
  }
  if (!ctx.state.budget.spend(sb.length)) return unresolved('the value is too large to evaluate', expr.span, ctx.path);
  return sb.finish(rawEnd);
}

function evalObject(expr: ObjectExpr, ctx: Ctx): Result {
  const entries = new Map<string, Traced>();
  for (const item of expr.items) {
    let key: string | undefined;
    if (item.key.kind === 'variable') key = item.key.name;
    else {
      const k = evaluate(item.key, ctx);
      if (isUnresolved(k)) return k;
      key = primitiveText(k);
      if (key === undefined) return unresolved(`an object key cannot be ${typeName(k)}`, item.key.span, ctx.path);
    }
    const v = evaluate(item.value, ctx);
    if (isUnresolved(v)) return v;
    entries.set(key, v);
  }
  return ctx.state.budget.spend(entries.size) ? { kind: 'map', entries } : unresolved('the value is too large to evaluate', expr.span, ctx.path);
}

function evalTraversal(expr: TraversalExpr, ctx: Ctx): Result {
  const src = expr.source;
  let steps = expr.steps;
  let base: Result;
  const first = steps[0];
  if (src.kind === 'variable' && ctx.locals.has(src.name)) base = ctx.locals.get(src.name) ?? NULL;
  else if (src.kind === 'variable' && (src.name === 'var' || src.name === 'local') && first?.kind === 'attr') {
    base = lookupBinding(`${src.name}.${first.name}`, { start: src.span.start, end: first.span.end }, ctx);
    steps = steps.slice(1);
  } else if (src.kind === 'variable') return unresolved(unknownRefReason(refText(expr)), expr.span, ctx.path);
  else base = evaluate(src, ctx);
  for (let i = 0; i < steps.length; i++) {
    if (isUnresolved(base)) return base;
    const step = steps[i];
    if (!step) break;
    if (step.kind === 'splat') {
      const rest = steps.slice(i + 1);
      const items = base.kind === 'list' ? base.items : base.kind === 'null' ? [] : [base];
      const out: Traced[] = [];
      for (const item of items) {
        const v = applySteps(item, rest, expr, ctx);
        if (isUnresolved(v)) return v;
        out.push(v);
      }
      return { kind: 'list', items: out };
    }
    base = applySteps(base, [step], expr, ctx);
  }
  return base;
}

function applySteps(value: Traced, steps: TraversalExpr['steps'], expr: TraversalExpr, ctx: Ctx): Result {
  let v: Traced = value;
  for (const step of steps) {
    let key: Traced;
    if (step.kind === 'splat') return unresolved('nested splat expressions are not evaluated', step.span, ctx.path);
    if (step.kind === 'attr') key = { kind: 'string', value: step.name, path: ctx.path, map: { d: [], r: [], step: [], length: 0, rawEnd: 0 } };
    else {
      const k = evaluate(step.key, ctx);
      if (isUnresolved(k)) return k;
      key = k;
    }
    const next = indexInto(v, key);
    if (next === undefined) return unresolved(`${refText(expr)}: ${typeName(v)} has no element ${primitiveText(key) ?? typeName(key)}`, step.span, ctx.path);
    v = next;
  }
  return v;
}

function indexInto(v: Traced, key: Traced): Traced | undefined {
  if (v.kind === 'list') {
    const n = asNumber(key);
    return n !== undefined && Number.isInteger(n) && n >= 0 ? v.items[n] : undefined;
  }
  if (v.kind === 'map') {
    const k = primitiveText(key);
    return k === undefined ? undefined : v.entries.get(k);
  }
  return undefined;
}

function lookupBinding(ref: string, span: Span, ctx: Ctx): Result {
  const scope = ctx.scope;
  const b = scope?.get(ref);
  if (!scope || !b) {
    const why = ref.startsWith('var.')
      ? `${ref} is not set in terraform.tfvars or *.auto.tfvars and has no default`
      : `${ref} is not defined in a locals block of this directory`;
    return unresolved(why, span, ctx.path);
  }
  addUses(ctx.state.uses, [{ ref, source: b.source, path: b.path, span: b.span }]);
  if (b.value !== undefined) return b.value;
  const cached = scope.cache.get(b);
  if (cached) {
    addUses(ctx.state.uses, cached.uses);
    return cached.result;
  }
  if (ctx.state.stack.has(b)) return unresolved(`${ref} refers to itself`, span, ctx.path);
  const outer = ctx.state.uses;
  ctx.state.uses = [];
  ctx.state.stack.add(b);
  const inner = b.expr ? evaluate(b.expr, { scope, path: b.path, locals: new Map(), state: ctx.state }) : NULL;
  ctx.state.stack.delete(b);
  const result = isUnresolved(inner) ? { ...inner, reason: `${ref}: ${inner.reason}` } : inner;
  const uses = ctx.state.uses;
  ctx.state.uses = outer;
  addUses(outer, uses);
  if (!(isUnresolved(inner) && inner.reason.endsWith('refers to itself'))) scope.cache.set(b, { result, uses });
  return result;
}

/** Adds the uses not already listed (each binding once: shared references must not multiply them). */
function addUses(into: ScopeUse[], more: readonly ScopeUse[]): void {
  for (const u of more) if (!into.some((x) => x.ref === u.ref)) into.push(u);
}

function evalBinary(expr: BinaryExpr, ctx: Ctx): Result {
  const l = evaluate(expr.left, ctx);
  const r = evaluate(expr.right, ctx);
  const fail = (reason: string): Unresolved => unresolved(reason, expr.span, ctx.path);
  if (expr.op === '&&' || expr.op === '||') {
    // A known operand that decides the result is enough (false && x, true || x).
    const decider = expr.op === '||';
    const lb = boolOf(l);
    const rb = boolOf(r);
    if (lb === decider || rb === decider) return { kind: 'bool', value: decider };
    if (isUnresolved(l)) return l;
    if (isUnresolved(r)) return r;
    if (lb === undefined || rb === undefined) return fail(`'${expr.op}' needs bools`);
    return { kind: 'bool', value: !decider };
  }
  if (isUnresolved(l)) return l;
  if (isUnresolved(r)) return r;
  if (expr.op === '==' || expr.op === '!=') return { kind: 'bool', value: sameValue(l, r) === (expr.op === '==') };
  const a = asNumber(l);
  const b = asNumber(r);
  if (a === undefined || b === undefined) return fail(`'${expr.op}' needs numbers, not ${typeName(a === undefined ? l : r)}`);
  switch (expr.op) {
    case '<': return { kind: 'bool', value: a < b };
    case '<=': return { kind: 'bool', value: a <= b };
    case '>': return { kind: 'bool', value: a > b };
    case '>=': return { kind: 'bool', value: a >= b };
    case '+': return { kind: 'number', value: a + b };
    case '-': return { kind: 'number', value: a - b };
    case '*': return { kind: 'number', value: a * b };
    default:
      if (b === 0) return fail('division by zero');
      return { kind: 'number', value: expr.op === '/' ? a / b : a % b };
  }
}

function evalFor(expr: ForExpr, ctx: Ctx): Result {
  const coll = evaluate(expr.collection, ctx);
  if (isUnresolved(coll)) return coll;
  let pairs: [Traced, Traced][];
  if (coll.kind === 'list') pairs = coll.items.map((v, i) => [{ kind: 'number', value: i }, v]);
  else if (coll.kind === 'map') pairs = [...coll.entries.keys()].sort().map((k) => [madeString(k, ctx.path, expr.collection.span), coll.entries.get(k) ?? NULL]);
  else return unresolved(`a for expression needs a list or a map, not ${typeName(coll)}`, expr.collection.span, ctx.path);
  const items: Traced[] = [];
  const entries = new Map<string, Traced>();
  const groups = new Map<string, Traced[]>();
  for (const [k, v] of pairs) {
    if (!ctx.state.budget.spend(1)) return unresolved('the value is too large to evaluate', expr.span, ctx.path);
    const locals = new Map(ctx.locals);
    if (expr.keyVar) locals.set(expr.keyVar.name, k);
    locals.set(expr.valueVar.name, v);
    const inner: Ctx = { ...ctx, locals };
    if (expr.cond) {
      const c = evaluate(expr.cond, inner);
      if (isUnresolved(c)) return c;
      const keep = boolOf(c);
      if (keep === undefined) return unresolved(`the for expression's condition is ${typeName(c)}, not a bool`, expr.cond.span, ctx.path);
      if (!keep) continue;
    }
    const value = evaluate(expr.valueExpr, inner);
    if (isUnresolved(value)) return value;
    if (!expr.object || !expr.keyExpr) {
      items.push(value);
      continue;
    }
    const key = evaluate(expr.keyExpr, inner);
    if (isUnresolved(key)) return key;
    const ks = primitiveText(key);
    if (ks === undefined) return unresolved(`an object key cannot be ${typeName(key)}`, expr.keyExpr.span, ctx.path);
    if (expr.group) groups.set(ks, [...(groups.get(ks) ?? []), value]);
    else if (entries.has(ks)) return unresolved(`the for expression produces the key "${ks}" twice`, expr.keyExpr.span, ctx.path);
    else entries.set(ks, value);
  }
  if (!expr.object) return { kind: 'list', items };
  if (expr.group) for (const [k, vs] of groups) entries.set(k, { kind: 'list', items: vs });
  return { kind: 'map', entries };
}
