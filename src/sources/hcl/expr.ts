/**
 * Expression parser: conditional, binary operators by precedence climbing, unary operators,
 * postfix traversals (`.a`, `[i]`, `.*`, `[*]`), and primaries (literals, templates, tuples,
 * objects, `for` expressions, function calls, parentheses).
 */
import type { BinaryOp, Expr, ForExpr, ObjectItem, Span, TraversalStep } from './ast.js';
import type { Cursor } from './cursor.js';
import type { Token } from './lexer.js';
import { parseHeredoc, parseQuoted } from './template.js';

const PRECEDENCE: Partial<Record<string, number>> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6,
};

const CLOSERS = new Set(['}', ']', ')']);

function span(start: number, end: number): Span {
  return { start, end };
}

export function parseExpression(c: Cursor): Expr {
  const first = c.peek();
  c.enter(first);
  const cond = parseBinary(c, 1);
  let out = cond;
  if (c.is('?')) {
    c.next();
    const then = parseExpression(c);
    if (!c.eat(':')) c.error(c.peek(), "expected ':' in conditional expression");
    const otherwise = parseExpression(c);
    out = { kind: 'conditional', cond, then, else: otherwise, span: span(cond.span.start, otherwise.span.end) };
  }
  c.leave();
  return out;
}

function parseBinary(c: Cursor, min: number): Expr {
  let left = parseUnary(c);
  for (;;) {
    const t = c.peek();
    const prec = t.kind === 'punct' ? PRECEDENCE[t.text] : undefined;
    if (prec === undefined || prec < min) return left;
    c.next();
    const right = parseBinary(c, prec + 1);
    left = { kind: 'binary', op: t.text as BinaryOp, left, right, span: span(left.span.start, right.span.end) };
  }
}

function parseUnary(c: Cursor): Expr {
  const t = c.peek();
  if (t.kind === 'punct' && (t.text === '!' || t.text === '-')) {
    c.next();
    c.enter(t);
    const operand = parseUnary(c);
    c.leave();
    return { kind: 'unary', op: t.text, operand, span: span(t.start, operand.span.end) };
  }
  return parsePostfix(c, parsePrimary(c));
}

function parsePostfix(c: Cursor, source: Expr): Expr {
  const steps: TraversalStep[] = [];
  for (;;) {
    const t = c.peek();
    if (t.kind === 'punct' && t.text === '.') {
      c.next();
      const name = c.peek();
      if (name.kind === 'ident') steps.push({ kind: 'attr', name: c.next().text, span: span(t.start, name.end) });
      else if (name.kind === 'number') {
        c.next();
        // Legacy index syntax `a.0` (and `a.0.1`, which lexes as the number `0.1`).
        for (const digits of name.text.split('.')) {
          steps.push({ kind: 'index', key: { kind: 'literal', value: Number(digits), span: span(name.start, name.end) }, span: span(t.start, name.end) });
        }
      } else if (name.kind === 'punct' && name.text === '*') steps.push({ kind: 'splat', full: false, span: span(t.start, c.next().end) });
      else {
        c.error(name, "expected an attribute name after '.'");
        break;
      }
    } else if (t.kind === 'punct' && t.text === '[') {
      c.next();
      c.pushNewlines(false);
      if (c.is('*') && c.is(']', 1)) {
        c.next();
        steps.push({ kind: 'splat', full: true, span: span(t.start, c.next().end) });
      } else {
        const key = parseExpression(c);
        const close = c.eat(']');
        if (!close) c.error(c.peek(), "expected ']' after index");
        steps.push({ kind: 'index', key, span: span(t.start, close ? close.end : key.span.end) });
      }
      c.popNewlines();
    } else {
      break;
    }
  }
  const last = steps[steps.length - 1];
  return last ? { kind: 'traversal', source, steps, span: span(source.span.start, last.span.end) } : source;
}

function parsePrimary(c: Cursor): Expr {
  const t = c.peek();
  switch (t.kind) {
    case 'number':
      c.next();
      return { kind: 'literal', value: Number(t.text), span: span(t.start, t.end) };
    case 'ident':
      c.next();
      if (t.text === 'true' || t.text === 'false') return { kind: 'literal', value: t.text === 'true', span: span(t.start, t.end) };
      if (t.text === 'null') return { kind: 'literal', value: null, span: span(t.start, t.end) };
      if (c.is('(')) return parseCall(c, t);
      return { kind: 'variable', name: t.text, span: span(t.start, t.end) };
    case 'oquote':
      return parseQuoted(c, c.next(), parseExpression);
    case 'heredoc':
      return parseHeredoc(c, c.next(), parseExpression);
    case 'punct':
      if (t.text === '(') return parseParen(c);
      if (t.text === '[') return parseTuple(c);
      if (t.text === '{') return parseObject(c);
      break;
    default:
      break;
  }
  c.error(t, t.kind === 'eof' ? 'expected an expression, found the end of the file' : `expected an expression, found ${describe(t)}`);
  if (t.kind !== 'eof' && t.kind !== 'newline' && !(t.kind === 'punct' && CLOSERS.has(t.text))) c.next();
  return { kind: 'invalid', span: span(t.start, t.kind === 'newline' ? t.start : t.end) };
}

export function describe(t: Token): string {
  if (t.kind === 'newline') return 'a newline';
  if (t.kind === 'eof') return 'the end of the file';
  return `'${t.text}'`;
}

/** Reads the closer `close` of a bracketed construct opened at `open`; records an error if missing. */
function closeWith(c: Cursor, close: string, open: Token): number {
  const t = c.eat(close);
  if (t) return t.end;
  c.error(c.peek(), `expected '${close}' to close the '${open.text}' on line ${c.lineOf(open.start)}, found ${describe(c.peek())}`);
  return c.lastEnd;
}

/** The end of the file or a closing bracket other than `mine`: the construct is cut short, stop reading items. */
function cutShort(c: Cursor, mine: string): boolean {
  const t = c.peek();
  return t.kind === 'eof' || (t.kind === 'punct' && CLOSERS.has(t.text) && t.text !== mine);
}

function parseParen(c: Cursor): Expr {
  const open = c.next();
  c.pushNewlines(false);
  const inner = parseExpression(c);
  const end = closeWith(c, ')', open);
  c.popNewlines();
  return { kind: 'paren', inner, span: span(open.start, end) };
}

function parseCall(c: Cursor, name: Token): Expr {
  const open = c.next();
  c.pushNewlines(false);
  const args: Expr[] = [];
  let expandFinal = false;
  while (!c.is(')') && !cutShort(c, ')')) {
    const arg = parseExpression(c);
    args.push(arg);
    if (c.eat('...')) expandFinal = true;
    if (!c.eat(',')) break;
    if (expandFinal) c.error(arg.span, "'...' may only expand the last argument");
  }
  const end = closeWith(c, ')', open);
  c.popNewlines();
  return { kind: 'call', name: name.text, nameSpan: span(name.start, name.end), args, expandFinal, span: span(name.start, end) };
}

function isForStart(c: Cursor): boolean {
  return c.isIdent('for') && c.isIdent(undefined, 1);
}

function parseTuple(c: Cursor): Expr {
  const open = c.next();
  c.pushNewlines(false);
  if (isForStart(c)) {
    const out = parseFor(c, open, false);
    c.popNewlines();
    return out;
  }
  const items: Expr[] = [];
  while (!c.is(']') && !cutShort(c, ']')) {
    const before = c.lastEnd;
    items.push(parseExpression(c));
    if (!c.eat(',')) break;
    if (c.lastEnd === before) break;
  }
  const end = closeWith(c, ']', open);
  c.popNewlines();
  return { kind: 'tuple', items, span: span(open.start, end) };
}

function parseObject(c: Cursor): Expr {
  const open = c.next();
  c.pushNewlines(true);
  while (c.peek().kind === 'newline') c.next();
  if (isForStart(c)) {
    c.pushNewlines(false);
    const out = parseFor(c, open, true);
    c.popNewlines();
    c.popNewlines();
    return out;
  }
  const items: ObjectItem[] = [];
  for (;;) {
    while (c.peek().kind === 'newline') c.next();
    if (c.is('}') || cutShort(c, '}')) break;
    const key = parseExpression(c);
    if (!c.eat('=') && !c.eat(':')) {
      c.error(c.peek(), `expected '=' or ':' after the object key, found ${describe(c.peek())}`);
      break;
    }
    const value = parseExpression(c);
    items.push({ key, value, span: span(key.span.start, value.span.end) });
    if (c.eat(',')) continue;
    if (c.peek().kind === 'newline') continue;
    if (!c.is('}')) c.error(c.peek(), `expected ',', a newline or '}' after the object item, found ${describe(c.peek())}`);
    break;
  }
  const end = closeWith(c, '}', open);
  c.popNewlines();
  return { kind: 'object', items, span: span(open.start, end) };
}

/** After `[` or `{` (newlines already ignored): `for k, v in coll : ...`. */
function parseFor(c: Cursor, open: Token, object: boolean): ForExpr {
  c.next(); // `for`
  const first = c.next();
  let keyVar: ForExpr['keyVar'];
  let valueVar = { name: first.text, span: span(first.start, first.end) };
  if (c.eat(',')) {
    const second = c.next();
    if (second.kind !== 'ident') c.error(second, 'expected a value variable name after the comma in a for expression');
    keyVar = valueVar;
    valueVar = { name: second.text, span: span(second.start, second.end) };
  }
  if (c.isIdent('in')) c.next();
  else c.error(c.peek(), "expected 'in' in the for expression");
  const collection = parseExpression(c);
  if (!c.eat(':')) c.error(c.peek(), "expected ':' after the for expression's collection");
  let keyExpr: Expr | undefined;
  let valueExpr = parseExpression(c);
  let group = false;
  if (object) {
    if (c.eat('=>')) {
      keyExpr = valueExpr;
      valueExpr = parseExpression(c);
    } else c.error(c.peek(), "expected '=>' in the object for expression");
    if (c.eat('...')) group = true;
  }
  let cond: Expr | undefined;
  if (c.isIdent('if')) {
    c.next();
    cond = parseExpression(c);
  }
  const end = closeWith(c, object ? '}' : ']', open);
  return {
    kind: 'for', object, ...(keyVar ? { keyVar } : {}), valueVar, collection, ...(keyExpr ? { keyExpr } : {}), valueExpr, group,
    ...(cond ? { cond } : {}), span: span(open.start, end),
  };
}
