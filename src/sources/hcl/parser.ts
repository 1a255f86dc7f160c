/**
 * HCL2 native-syntax parser: bodies of attributes (`name = expr`) and blocks
 * (`type "label" label2 { ... }`). It never throws: syntax errors are returned with spans, and
 * parsing resumes at the next line. Nesting deeper than MAX_NESTING (the readers' shared limit)
 * drops the top-level item holding it with an error (code `NESTING` in the message), so hostile
 * input cannot overflow the stack, and parsing goes on at the next top-level item.
 */
import type { Attribute, Block, BlockLabel, Body, HclError, Span } from './ast.js';
import { Cursor, NestingLimit } from './cursor.js';
import { describe, parseExpression } from './expr.js';
import type { Token } from './lexer.js';
import { parseHeredoc, parseQuoted } from './template.js';

export interface ParseResult {
  readonly body: Body;
  readonly errors: readonly HclError[];
  /** Every comment (`#`, `//`, block comments) in order, from its marker to the end of its line or to the block comment end. */
  readonly comments: readonly Span[];
}

/** Parses a whole HCL file (`.tf`, `.tfvars`, `.hcl`). */
export function parseHcl(text: string): ParseResult {
  const c = new Cursor(text);
  const items: (Attribute | Block)[] = [];
  for (;;) {
    try {
      parseItems(c, items, undefined);
      break;
    } catch (e) {
      if (!(e instanceof NestingLimit)) throw e;
      if (!c.resumeTopLevel()) break;
    }
  }
  const inString = insideAny(c.templates);
  const problems = [...c.lexer.problems.values()].filter((p) => !inString(p.span.start));
  const errors = [...problems, ...c.errors].sort((a, b) => a.span.start - b.span.start);
  const comments = [...c.lexer.comments.values()].filter((s) => !inString(s.start)).sort((a, b) => a.start - b.start);
  return { body: { items, span: { start: 0, end: text.length } }, errors, comments };
}

/** A test for "offset is strictly inside one of `spans`" (binary search over the merged spans). */
function insideAny(spans: readonly Span[]): (offset: number) => boolean {
  const merged: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else merged.push(s);
  }
  return (offset) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = merged[mid] as Span;
      if (offset <= s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** Parses body items into `items` until `}` (inside a block: `open` is its brace) or the end of the file. */
function parseItems(c: Cursor, items: (Attribute | Block)[], open: Token | undefined): void {
  for (;;) {
    const t = c.peek();
    if (t.kind === 'newline') {
      c.next();
    } else if (t.kind === 'eof') {
      if (open) c.error({ start: open.start, end: open.end }, "this '{' is never closed");
      return;
    } else if (t.kind === 'punct' && t.text === '}') {
      if (open) return;
      c.error(t, "unexpected '}'");
      c.next();
    } else if (t.kind === 'ident') {
      if (!open) c.topItem = t.start;
      const item = parseItem(c, open !== undefined);
      if (item) items.push(item);
    } else {
      c.error(t, `expected an attribute or a block, found ${describe(t)}`);
      skipLine(c);
    }
  }
}

function parseItem(c: Cursor, nested: boolean): Attribute | Block | undefined {
  const name = c.next();
  const nameSpan = { start: name.start, end: name.end };
  if (c.is('=')) {
    c.next();
    const before = c.errors.length;
    const expr = parseExpression(c);
    // After an error in the value, the rest of the line is skipped without more errors.
    if (c.errors.length > before) skipLine(c);
    else endOfLine(c, nested, 'attribute');
    return { kind: 'attribute', name: name.text, nameSpan, expr, span: { start: name.start, end: expr.span.end } };
  }
  const labels: BlockLabel[] = [];
  for (;;) {
    const t = c.peek();
    if (t.kind === 'ident') {
      c.next();
      labels.push({ value: t.text, span: { start: t.start, end: t.end } });
    } else if (t.kind === 'oquote') {
      const tpl = parseQuoted(c, c.next(), parseExpression);
      const value = tpl.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
      if (tpl.parts.some((p) => p.kind !== 'text')) c.error(tpl.span, 'block labels cannot contain interpolations or directives');
      labels.push({ value, span: tpl.span });
    } else {
      break;
    }
  }
  const open = c.peek();
  if (!(open.kind === 'punct' && open.text === '{')) {
    c.error(open, `expected '=' or '{' after ${labels.length ? 'the block labels' : `'${name.text}'`}, found ${describe(open)}`);
    skipLine(c);
    return undefined;
  }
  c.next();
  c.enter(open);
  const items: (Attribute | Block)[] = [];
  parseItems(c, items, open);
  c.leave();
  const close = c.eat('}');
  const end = close ? close.end : c.lastEnd;
  if (close) endOfLine(c, nested, 'block');
  return {
    kind: 'block', type: name.text, typeSpan: nameSpan, labels,
    body: { items, span: { start: open.end, end: close ? close.start : end } },
    openBrace: { start: open.start, end: open.end }, closeBrace: close ? { start: close.start, end: close.end } : undefined,
    span: { start: name.start, end },
  };
}

/** After an attribute or block: a newline, the end of the file, or (inside a block) its `}`. */
function endOfLine(c: Cursor, nested: boolean, what: string): void {
  const t = c.peek();
  if (t.kind === 'newline' || t.kind === 'eof' || (nested && t.kind === 'punct' && t.text === '}')) return;
  c.error(t, `expected a newline after the ${what}, found ${describe(t)}`);
  skipLine(c);
}

/** Error recovery: skips to the end of the line (brackets and strings are skipped whole). */
function skipLine(c: Cursor): void {
  c.recovering++;
  let depth = 0;
  for (;;) {
    const t = c.peek();
    if (t.kind === 'eof' || (depth === 0 && (t.kind === 'newline' || (t.kind === 'punct' && t.text === '}')))) break;
    c.next();
    if (t.kind === 'oquote') parseQuoted(c, t, parseExpression);
    else if (t.kind === 'heredoc') parseHeredoc(c, t, parseExpression);
    else if (t.kind === 'punct' && (t.text === '{' || t.text === '[' || t.text === '(')) depth++;
    else if (t.kind === 'punct' && (t.text === '}' || t.text === ']' || t.text === ')')) depth = Math.max(0, depth - 1);
  }
  c.recovering--;
}
