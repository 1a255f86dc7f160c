/**
 * Pure Terraform functions the evaluator applies to literal arguments. Strings keep their
 * character maps where the function only selects text (`split`, `trimspace`, `join` items,
 * `format` text). Functions not listed here leave the value unresolved.
 */
import type { CallExpr, Span } from './ast.js';
import type { Ctx, Result } from './eval.js';
import { sameValue } from './eval-util.js';
import { sliceMap } from './offset-map.js';
import {
  asBool, asNumber, madeString, NULL, primitiveText, str, StringBuilder, typeName, unresolved,
  type Traced, type TracedString, type Unresolved,
} from './value.js';
import { format, formatList } from './format.js';

type Fn = (args: readonly Traced[], call: CallExpr, ctx: Ctx) => Result;

const list = (items: readonly Traced[]): Traced => ({ kind: 'list', items });
const bool = (value: boolean): Traced => ({ kind: 'bool', value });

/** Checks arity and that each argument is a list (`l`), string (`s`), map (`m`) or anything (`*`). */
function sig(kinds: string, variadic: boolean, fn: Fn): Fn {
  return (args, call, ctx) => {
    if (args.length < kinds.length || (!variadic && args.length > kinds.length)) {
      return unresolved(`${call.name}() takes ${kinds.length}${variadic ? ' or more' : ''} arguments, not ${args.length}`, call.span, ctx.path);
    }
    for (let i = 0; i < args.length; i++) {
      const want = kinds[Math.min(i, kinds.length - 1)] ?? '*';
      const a = args[i] as Traced;
      const ok = want === '*' || (want === 'l' && a.kind === 'list') || (want === 's' && a.kind === 'string') || (want === 'm' && a.kind === 'map');
      if (!ok) return unresolved(`${call.name}() argument ${i + 1} is ${typeName(a)}`, call.args[i]?.span ?? call.span, ctx.path);
    }
    return fn(args, call, ctx);
  };
}

function items(a: Traced | undefined): readonly Traced[] {
  return a?.kind === 'list' ? a.items : [];
}

function flat(v: readonly Traced[], out: Traced[], ctx: Ctx): boolean {
  for (const x of v) {
    if (!ctx.state.budget.spend(1)) return false;
    if (x.kind === 'list') {
      if (!flat(x.items, out, ctx)) return false;
    } else out.push(x);
  }
  return true;
}

function distinct(v: readonly Traced[]): Traced[] {
  const out: Traced[] = [];
  for (const x of v) if (!out.some((y) => sameValue(x, y))) out.push(x);
  return out;
}

function sliceStr(s: TracedString, a: number, b: number): TracedString {
  return str(s.value.slice(a, b), s.path, sliceMap(s.map, a, b));
}

function splitStr(s: TracedString, sep: string): Traced[] {
  const out: Traced[] = [];
  if (sep === '') return [...s.value].map((_, i) => sliceStr(s, i, i + 1));
  let from = 0;
  for (let at = s.value.indexOf(sep); at >= 0; at = s.value.indexOf(sep, from)) {
    out.push(sliceStr(s, from, at));
    from = at + sep.length;
  }
  out.push(sliceStr(s, from, s.value.length));
  return out;
}

function joinStr(sep: TracedString, parts: readonly Traced[], at: Span, ctx: Ctx): Result {
  const sb = new StringBuilder(ctx.path);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Traced;
    if (i > 0) sb.traced(sep, at);
    if (p.kind === 'string') sb.traced(p, at);
    else {
      const t = primitiveText(p);
      if (t === undefined) return unresolved(`join() cannot join ${typeName(p)}`, at, ctx.path);
      sb.fixed(t, at);
    }
  }
  if (!ctx.state.budget.spend(sb.length)) return unresolved('the value is too large to evaluate', at, ctx.path);
  return sb.finish(at.end);
}

function trim(s: TracedString, left: boolean, right: boolean, chars: (c: string) => boolean): TracedString {
  let a = 0;
  let b = s.value.length;
  while (left && a < b && chars(s.value[a] ?? '')) a++;
  while (right && b > a && chars(s.value[b - 1] ?? '')) b--;
  return sliceStr(s, a, b);
}

function convert(name: string, a: Traced, call: CallExpr, ctx: Ctx): Result {
  const fail = (): Unresolved => unresolved(`${name}() cannot convert ${typeName(a)}`, call.span, ctx.path);
  if (a.kind === 'null') return NULL;
  if (name === 'tostring') {
    if (a.kind === 'string') return a;
    const t = primitiveText(a);
    return t === undefined ? fail() : madeString(t, ctx.path, call.span);
  }
  if (name === 'tonumber') {
    const n = asNumber(a);
    return n === undefined ? fail() : { kind: 'number', value: n };
  }
  const b = a.kind === 'bool' ? a.value : a.kind === 'string' ? asBool(a.value) : undefined;
  return b === undefined ? fail() : bool(b);
}

const FUNCTIONS: Record<string, Fn> = {
  concat: sig('l', true, (a) => list(a.flatMap((x) => items(x)))),
  flatten: sig('l', false, (a, call, ctx) => {
    const out: Traced[] = [];
    return flat(items(a[0]), out, ctx) ? list(out) : unresolved('the value is too large to evaluate', call.span, ctx.path);
  }),
  compact: sig('l', false, (a) => list(items(a[0]).filter((x) => x.kind !== 'null' && !(x.kind === 'string' && x.value === '')))),
  distinct: sig('l', false, (a) => list(distinct(items(a[0])))),
  tolist: sig('l', false, (a) => a[0] as Traced),
  toset: sig('l', false, (a) => {
    const d = distinct(items(a[0]));
    const allStrings = d.every((x) => x.kind === 'string');
    return list(allStrings ? [...d].sort((x, y) => ((x as TracedString).value < (y as TracedString).value ? -1 : 1)) : d);
  }),
  coalesce: sig('*', true, (a, call, ctx) => a.find((x) => x.kind !== 'null' && !(x.kind === 'string' && x.value === '')) ?? unresolved('coalesce() has no non-empty argument', call.span, ctx.path)),
  coalescelist: sig('l', true, (a, call, ctx) => a.find((x) => items(x).length > 0) ?? unresolved('coalescelist() has no non-empty list', call.span, ctx.path)),
  format: sig('s*', true, (a, call, ctx) => format(a, call, ctx)),
  formatlist: sig('s*', true, (a, call, ctx) => formatList(a, call, ctx)),
  join: sig('sl', true, (a, call, ctx) => joinStr(a[0] as TracedString, a.slice(1).flatMap((x) => items(x)), call.span, ctx)),
  split: sig('ss', false, (a) => list(splitStr(a[1] as TracedString, (a[0] as TracedString).value))),
  lower: sig('s', false, (a, call, ctx) => recase(a[0] as TracedString, (a[0] as TracedString).value.toLowerCase(), call, ctx)),
  upper: sig('s', false, (a, call, ctx) => recase(a[0] as TracedString, (a[0] as TracedString).value.toUpperCase(), call, ctx)),
  trimspace: sig('s', false, (a) => trim(a[0] as TracedString, true, true, (c) => /\s/.test(c))),
  chomp: sig('s', false, (a) => trim(a[0] as TracedString, false, true, (c) => c === '\n' || c === '\r')),
  tostring: sig('*', false, (a, call, ctx) => convert('tostring', a[0] as Traced, call, ctx)),
  tonumber: sig('*', false, (a, call, ctx) => convert('tonumber', a[0] as Traced, call, ctx)),
  tobool: sig('*', false, (a, call, ctx) => convert('tobool', a[0] as Traced, call, ctx)),
  length: sig('*', false, (a, call, ctx) => {
    const x = a[0] as Traced;
    const n = x.kind === 'list' ? x.items.length : x.kind === 'map' ? x.entries.size : x.kind === 'string' ? [...x.value].length : undefined;
    return n === undefined ? unresolved(`length() of ${typeName(x)}`, call.span, ctx.path) : { kind: 'number', value: n };
  }),
  lookup: sig('m*', true, (a, call, ctx) => {
    const key = primitiveText(a[1] as Traced);
    const found = key === undefined ? undefined : (a[0] as Extract<Traced, { kind: 'map' }>).entries.get(key);
    return found ?? a[2] ?? unresolved(`lookup() found no key "${key ?? ''}" and has no default`, call.span, ctx.path);
  }),
  merge: sig('m', true, (a) => ({ kind: 'map', entries: new Map(a.flatMap((m) => (m.kind === 'map' ? [...m.entries] : []))) })),
  contains: sig('l*', false, (a) => bool(items(a[0]).some((x) => sameValue(x, a[1] as Traced)))),
  element: sig('l*', false, (a, call, ctx) => {
    const xs = items(a[0]);
    const i = asNumber(a[1] as Traced);
    const v = i === undefined || xs.length === 0 ? undefined : xs[((Math.floor(i) % xs.length) + xs.length) % xs.length];
    return v ?? unresolved('element() of an empty list or with a non-number index', call.span, ctx.path);
  }),
  keys: sig('m', false, (a, call, ctx) => list([...(a[0] as Extract<Traced, { kind: 'map' }>).entries.keys()].sort().map((k) => madeString(k, ctx.path, call.span)))),
  values: sig('m', false, (a) => {
    const m = (a[0] as Extract<Traced, { kind: 'map' }>).entries;
    return list([...m.keys()].sort().map((k) => m.get(k) ?? NULL));
  }),
  anytrue: sig('l', false, (a) => bool(items(a[0]).some((x) => (x.kind === 'bool' ? x.value : x.kind === 'string' && asBool(x.value) === true)))),
  alltrue: sig('l', false, (a) => bool(items(a[0]).every((x) => (x.kind === 'bool' ? x.value : x.kind === 'string' && asBool(x.value) === true)))),
};

function recase(s: TracedString, value: string, call: CallExpr, ctx: Ctx): Traced {
  return value.length === s.value.length ? str(value, s.path, s.map) : madeString(value, ctx.path, call.span);
}

export const KNOWN_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

export function callFunction(call: CallExpr, args: readonly Traced[], ctx: Ctx): Result {
  const fn = Object.hasOwn(FUNCTIONS, call.name) ? FUNCTIONS[call.name] : undefined;
  if (!fn) return unresolved(`the function ${call.name}() is not evaluated`, call.nameSpan, ctx.path);
  return fn(args, call, ctx);
}
