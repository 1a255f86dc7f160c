/**
 * `where` conditions: comparisons (`=`, `!=`, `before`, `after`, `between … and …`, `in (…)`),
 * `any {}` / `all {}` groups (nested; `any( )` with parentheses accepted and reported), function
 * calls such as `sets-intersect(var, ('a', 'b'))`, and opaque interpolations standing for a
 * condition or for the rest of a list.
 */
import type { CallCondition, ComparisonOp, Condition, GroupCondition, Value, ValueList, Variable, WhereClause } from './ast.js';
import { shorten, type Cursor } from './parse-cursor.js';
import type { Token } from './lexer.js';

/** Deeper nesting is refused rather than risking the call stack. */
export const MAX_DEPTH = 64;

const KNOWN_FUNCTIONS = new Set(['sets-intersect']);
const WORD_OPS = new Set(['before', 'after', 'between', 'in']);
const CONDITION_WHAT = "a condition (<variable> = 'value', any {...}, all {...})";
const VALUE_WHAT = "a value ('text', /pattern/ or a variable)";

/**
 * `request.*` and `target.*` paths are variables; so are `1.*` / `2.*` in association statements
 * (`request.principal.subnet=2.subnet.id`, the second resource's subnet). Other unquoted values are bare.
 */
export function isVariablePath(lower: string, association: boolean): boolean {
  if (lower.startsWith('request.') || lower.startsWith('target.')) return true;
  return association && (lower.startsWith('1.') || lower.startsWith('2.')) && lower.length > 2;
}

function hideCondition(c: Cursor, tok: Token, what: string): void {
  c.hidden('condition', c.spanOf(tok), tok.text, `${what} '${shorten(tok.text)}' is not known; the condition was not fully checked`);
}

function isOperator(c: Cursor, tok: Token): boolean {
  return c.isPunct('=', tok) || c.isPunct('!=', tok) || (c.isWord(tok.lower, tok) && WORD_OPS.has(tok.lower));
}

function parseValue(c: Cursor): Value {
  const tok = c.tok;
  if (tok.kind === 'string') {
    c.next();
    if (tok.unresolved) hideCondition(c, tok, 'the value');
    return { kind: 'string', span: c.spanOf(tok), value: tok.value, ...(tok.unresolved ? { unresolved: true } : {}) };
  }
  if (c.isPunct('/')) {
    const p = c.nextPattern();
    if (p.unresolved) hideCondition(c, p, 'the pattern');
    return { kind: 'pattern', span: c.spanOf(p), value: p.value, ...(p.unresolved ? { unresolved: true } : {}) };
  }
  if (tok.kind === 'word') {
    c.next();
    const span = c.spanOf(tok);
    if (!tok.unresolved && isVariablePath(tok.lower, c.association)) return { kind: 'variable', span, path: tok.text };
    if (tok.unresolved) {
      hideCondition(c, tok, 'the value');
    } else {
      c.note('unquoted-value', span, `the value '${shorten(tok.text)}' is not quoted; OCI expects 'text', /pattern/ or a request./target. variable`);
    }
    return { kind: 'bare', span, value: tok.text, ...(tok.unresolved ? { unresolved: true } : {}) };
  }
  return c.fail([VALUE_WHAT], VALUE_WHAT);
}

/** `( value, value, ... )`; the current token is `(`. */
function parseValueList(c: Cursor): ValueList {
  const start = c.next().start;
  const items: Value[] = [parseValue(c)];
  while (c.isPunct(',')) {
    c.next();
    items.push(parseValue(c));
  }
  c.expectPunct(')', "',' or ')'");
  return { kind: 'list', span: c.span(start, c.lastEnd), items };
}

function parseVariable(c: Cursor): Variable {
  const tok = c.next();
  if (tok.unresolved) hideCondition(c, tok, 'the variable');
  return { kind: 'variable', span: c.spanOf(tok), path: tok.text, ...(tok.unresolved ? { unresolved: true } : {}) };
}

function parseComparison(c: Cursor): Condition {
  const start = c.tok.start;
  const left = parseVariable(c);
  const opTok = c.tok;
  if (!isOperator(c, opTok)) {
    c.fail(["'='", "'!='", 'before', 'after', 'between', 'in'], 'an operator (=, !=, before, after, between, in)');
  }
  c.next();
  const op = (opTok.kind === 'punct' ? opTok.text : opTok.lower) as ComparisonOp;
  let right: Value[];
  if (op === 'in') {
    if (!c.isPunct('(')) c.fail(["'('"], "'(' and a list of values");
    right = [...parseValueList(c).items];
  } else if (op === 'between') {
    const low = parseValue(c);
    c.expectWord('and', "'and'");
    right = [low, parseValue(c)];
  } else {
    right = [parseValue(c)];
  }
  return { kind: 'comparison', span: c.span(start, c.lastEnd), left, op, right };
}

function parseCall(c: Cursor): CallCondition {
  const nameTok = c.next();
  const name = nameTok.lower;
  if (!KNOWN_FUNCTIONS.has(name)) {
    c.note('unknown-function', c.spanOf(nameTok), `'${shorten(nameTok.text)}' is not a known condition function (known: sets-intersect)`);
  }
  c.next(); // (
  const args: (Value | ValueList)[] = [];
  for (;;) {
    args.push(c.isPunct('(') ? parseValueList(c) : parseValue(c));
    if (!c.isPunct(',')) break;
    c.next();
  }
  c.expectPunct(')', "',' or ')'");
  return { kind: 'call', span: c.span(nameTok.start, c.lastEnd), name, args };
}

/** The last child hides the rest of the list (and possibly the closing bracket). */
function endsOpen(children: readonly Condition[]): boolean {
  const last = children[children.length - 1];
  return last !== undefined && (last.kind === 'unresolved' || (last.kind === 'group' && last.unterminated === true));
}

function parseGroup(c: Cursor, depth: number): GroupCondition {
  const opTok = c.next();
  const open = c.next();
  const parens = open.text === '(';
  const close = parens ? ')' : '}';
  const op = opTok.lower as 'any' | 'all';
  if (parens) {
    c.note('any-parentheses', c.span(opTok.start, open.end), `'${opTok.text}(' uses parentheses; OCI documents '${op} {...}' with braces`);
  }
  const children: Condition[] = [];
  for (;;) {
    children.push(parseCondition(c, depth + 1));
    while (c.isOpaque()) {
      const tok = c.next();
      hideCondition(c, tok, 'part of the condition list');
      children.push({ kind: 'unresolved', span: c.spanOf(tok), text: tok.text, glued: true });
    }
    if (c.isPunct(',')) {
      c.next();
      continue;
    }
    if (c.isPunct(close)) {
      c.next();
      return { kind: 'group', span: c.span(opTok.start, c.lastEnd), op, children, ...(parens ? { parens: true } : {}) };
    }
    if (c.atEnd() && endsOpen(children)) {
      return { kind: 'group', span: c.span(opTok.start, c.lastEnd), op, children, ...(parens ? { parens: true } : {}), unterminated: true };
    }
    c.fail(["','", `'${close}'`], `',' or '${close}'`);
  }
}

export function parseCondition(c: Cursor, depth = 0): Condition {
  if (depth > MAX_DEPTH) c.failHere(`conditions are nested more than ${MAX_DEPTH} levels deep`, []);
  const tok = c.tok;
  if (tok.kind === 'word') {
    const next = c.peek();
    if (!tok.unresolved && (tok.lower === 'any' || tok.lower === 'all') && !isOperator(c, next)) {
      if (c.isPunct('{', next) || c.isPunct('(', next)) return parseGroup(c, depth);
      c.next();
      c.fail(["'{'"], "'{' and a list of conditions");
    }
    if (!tok.unresolved && c.isPunct('(', next)) return parseCall(c);
    if (tok.unresolved && !isOperator(c, next)) {
      c.next();
      hideCondition(c, tok, 'the condition');
      return { kind: 'unresolved', span: c.spanOf(tok), text: tok.text };
    }
    if (tok.unresolved || !['where', 'and'].includes(tok.lower)) return parseComparison(c);
  }
  return c.fail([CONDITION_WHAT], CONDITION_WHAT);
}

/** `where <condition>`; the current token is `where`. */
export function parseWhere(c: Cursor): WhereClause {
  const start = c.next().start;
  const condition = parseCondition(c);
  return { span: c.span(start, c.lastEnd), keyword: true, condition };
}

/** An interpolation right after the location stands for the whole where clause. */
export function parseHiddenWhere(c: Cursor): WhereClause {
  const tok = c.next();
  hideCondition(c, tok, 'the where clause');
  const span = c.spanOf(tok);
  return { span, keyword: false, condition: { kind: 'unresolved', span, text: tok.text } };
}
