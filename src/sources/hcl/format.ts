/**
 * Terraform's `format` and `formatlist` for the plain verbs `%v %s %d %t %q` and `%%`.
 * The format string's text keeps its character map; each substituted argument maps to its verb
 * (`%v`) in the format string. Widths, flags and other verbs are left unresolved.
 */
import type { CallExpr, Span } from './ast.js';
import type { Ctx, Result } from './eval.js';
import { mapOffset, sliceMap } from './offset-map.js';
import { primitiveText, str, StringBuilder, typeName, unresolved, type Traced, type TracedString } from './value.js';

interface Arg {
  readonly value: Traced;
  readonly span: Span;
}

function verbText(verb: string, a: Traced): string | undefined {
  switch (verb) {
    case 'v':
    case 's':
      return primitiveText(a);
    case 'd':
      return a.kind === 'number' && Number.isInteger(a.value) ? String(a.value) : undefined;
    case 't':
      return a.kind === 'bool' ? String(a.value) : undefined;
    case 'q':
      return a.kind === 'string' ? JSON.stringify(a.value) : undefined;
    default:
      return undefined;
  }
}

function formatOne(fmt: TracedString, args: readonly Arg[], call: CallExpr, ctx: Ctx): Result {
  const f = fmt.value;
  const sb = new StringBuilder(ctx.path);
  const fail = (reason: string, span: Span = call.span): Result => unresolved(reason, span, ctx.path);
  let next = 0;
  let from = 0;
  for (let i = f.indexOf('%'); i >= 0; i = f.indexOf('%', from)) {
    if (i > from) sb.traced(str(f.slice(from, i), fmt.path, sliceMap(fmt.map, from, i)), call.span);
    const verb = f[i + 1] ?? '';
    if (verb === '%') {
      sb.traced(str('%', fmt.path, sliceMap(fmt.map, i, i + 1)), call.span);
      from = i + 2;
      continue;
    }
    if (!'vsdtq'.includes(verb) || verb === '') return fail(`format() verb %${verb} is not evaluated`);
    const arg = args[next++];
    if (!arg) return fail(`format() has fewer arguments than verbs`);
    const text = verbText(verb, arg.value);
    if (text === undefined) return fail(`format() verb %${verb} cannot show ${typeName(arg.value)}`, arg.span);
    // The substituted text maps to its verb in the format string (so offsets stay in order).
    sb.fixed(text, fmt.path === ctx.path ? { start: mapOffset(fmt.map, i), end: mapOffset(fmt.map, i + 2) } : call.span);
    from = i + 2;
  }
  if (from < f.length) sb.traced(str(f.slice(from), fmt.path, sliceMap(fmt.map, from, f.length)), call.span);
  if (next < args.length) return fail('format() has more arguments than verbs');
  if (!ctx.state.budget.spend(sb.length)) return fail('the value is too large to evaluate');
  return sb.finish(fmt.path === ctx.path ? fmt.map.rawEnd : call.span.end);
}

function argsOf(values: readonly Traced[], call: CallExpr): Arg[] {
  return values.slice(1).map((value, i) => ({ value, span: call.args[i + 1]?.span ?? call.span }));
}

export function format(values: readonly Traced[], call: CallExpr, ctx: Ctx): Result {
  return formatOne(values[0] as TracedString, argsOf(values, call), call, ctx);
}

/** `formatlist`: list arguments (all the same length) are walked in step; others repeat. */
export function formatList(values: readonly Traced[], call: CallExpr, ctx: Ctx): Result {
  const args = argsOf(values, call);
  let n: number | undefined;
  for (const a of args) {
    if (a.value.kind !== 'list') continue;
    if (n !== undefined && n !== a.value.items.length) return unresolved('formatlist() lists differ in length', a.span, ctx.path);
    n = a.value.items.length;
  }
  const out: Traced[] = [];
  for (let i = 0; i < (n ?? 1); i++) {
    const row = args.map((a) => (a.value.kind === 'list' ? { value: a.value.items[i] as Traced, span: a.span } : a));
    const v = formatOne(values[0] as TracedString, row, call, ctx);
    if ('unresolved' in v) return v;
    out.push(v);
  }
  return { kind: 'list', items: out };
}
