/**
 * Template text: quoted strings (`"..."` with escapes) and heredocs (`<<EOT`, `<<-EOT`), both with
 * `${ }` interpolations, `%{ }` directives, `$${` / `%%{` escapes and `~` strip markers. Text is
 * read at character level; interpolations switch back to tokens for the expression parser.
 */
import type { Expr, Span, TemplateDirective, TemplateExpr, TemplatePart, TemplateText } from './ast.js';
import type { Cursor } from './cursor.js';
import { isIdContinue, codePointAt, type Token } from './lexer.js';
import { MapBuilder, mapOffset, sliceMap } from './offset-map.js';
import { flushIndent, meld } from './heredoc.js';

export type ExprParser = (c: Cursor) => Expr;

interface Mode {
  readonly heredoc?: { readonly marker: string; readonly flush: boolean };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Parses a quoted template; `open` is the consumed `"` token. */
export function parseQuoted(c: Cursor, open: Token, parseExpr: ExprParser): TemplateExpr {
  return scan(c, open, {}, parseExpr);
}

/** Parses a heredoc; `open` is the consumed `<<EOT` token (which includes its newline). */
export function parseHeredoc(c: Cursor, open: Token, parseExpr: ExprParser): TemplateExpr {
  return scan(c, open, { heredoc: { marker: open.marker ?? '', flush: open.flush ?? false } }, parseExpr);
}

class TextAcc {
  private pieces: string[] = [];
  private map = new MapBuilder();
  private start = -1;
  private end = -1;

  add(text: string, raw: number, rawLen: number, plain: boolean): void {
    if (this.start < 0) this.start = raw;
    this.pieces.push(text);
    if (plain) this.map.plain(raw, text.length);
    else this.map.fixed(raw, text.length);
    this.end = raw + rawLen;
  }

  take(): TemplateText | undefined {
    if (this.start < 0) return undefined;
    const part: TemplateText = { kind: 'text', value: this.pieces.join(''), span: { start: this.start, end: this.end }, map: this.map.finish(this.end) };
    this.pieces = [];
    this.map = new MapBuilder();
    this.start = -1;
    return part;
  }
}

function scan(c: Cursor, open: Token, mode: Mode, parseExpr: ExprParser): TemplateExpr {
  const t = c.text;
  const n = t.length;
  const heredoc = mode.heredoc;
  let i = c.charLevelAfter(open);
  const parts: TemplatePart[] = [];
  const acc = new TextAcc();
  let trimNext = false;
  let end: number;
  const flushText = (): void => {
    let part = acc.take();
    if (part && trimNext) part = trimText(part, 'left');
    trimNext = false;
    if (part) parts.push(part);
  };
  c.enter({ start: open.start, end: open.end });
  for (;;) {
    if (heredoc && (i === open.end || t[i - 1] === '\n')) {
      const close = closingMarker(t, i, heredoc.marker);
      if (close >= 0) {
        flushText();
        end = close;
        break;
      }
    }
    if (i >= n) {
      flushText();
      c.error({ start: open.start, end: n }, heredoc ? `unterminated heredoc: no closing ${heredoc.marker} line` : 'unterminated string');
      end = n;
      break;
    }
    const ch = t[i];
    if (!heredoc && ch === '"') {
      flushText();
      end = i + 1;
      break;
    }
    if (!heredoc && ch === '\n') {
      flushText();
      c.error({ start: open.start, end: i }, 'unterminated string: a quoted string cannot span lines');
      end = i;
      break;
    }
    const next = t[i + 1];
    if ((ch === '$' || ch === '%') && next === ch && t[i + 2] === '{') {
      acc.add(`${ch}{`, i + 1, 2, true);
      i += 3;
    } else if ((ch === '$' || ch === '%') && next === '{') {
      flushText();
      const stripLeft = t[i + 2] === '~';
      if (stripLeft) trimLast(parts);
      const r = ch === '$' ? interpolation(c, i, stripLeft, parseExpr) : directive(c, i, parseExpr);
      parts.push(r.part);
      trimNext = r.stripRight;
      i = c.lastEnd;
    } else if (!heredoc && ch === '\\') {
      i = escape(c, acc, i);
    } else if (heredoc && ch === '\n') {
      acc.add('\n', i, 1, true);
      i++;
      flushText();
    } else {
      let j = i + 1;
      while (j < n) {
        const d = t[j];
        if (d === '\n' || d === '$' || d === '%' || (!heredoc && (d === '"' || d === '\\'))) break;
        j++;
      }
      acc.add(t.slice(i, j), i, j - i, true);
      i = j;
    }
  }
  c.leave();
  c.templates.push({ start: open.start, end });
  c.resumeAt(end);
  let out = parts;
  if (heredoc?.flush) out = flushIndent(out);
  out = meld(out);
  if (out.length === 0) {
    const at = heredoc ? open.end : open.end;
    out = [{ kind: 'text', value: '', span: { start: at, end: at }, map: new MapBuilder().finish(at) }];
  }
  return { kind: 'template', parts: out, ...(heredoc ? { heredoc } : {}), span: { start: open.start, end } };
}

/** Offset just past the closing marker if the line at `i` is one, else -1. */
function closingMarker(t: string, i: number, marker: string): number {
  let j = i;
  while (t[j] === ' ' || t[j] === '\t') j++;
  if (marker === '' || !t.startsWith(marker, j)) return -1;
  const after = j + marker.length;
  if (after < t.length && isIdContinue(codePointAt(t, after))) return -1;
  let k = after;
  while (t[k] === ' ' || t[k] === '\t' || t[k] === '\r') k++;
  return k >= t.length || t[k] === '\n' ? after : -1;
}

function escape(c: Cursor, acc: TextAcc, i: number): number {
  const t = c.text;
  const e = t[i + 1];
  if (e !== undefined && e in SIMPLE_ESCAPES) {
    acc.add(SIMPLE_ESCAPES[e] ?? '', i, 2, false);
    return i + 2;
  }
  if (e === 'u' || e === 'U') {
    const len = e === 'u' ? 4 : 8;
    const hex = t.slice(i + 2, i + 2 + len);
    const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
    if (cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      acc.add(String.fromCodePoint(cp), i, 2 + len, false);
      return i + 2 + len;
    }
  }
  const bad = e === undefined || e === '\n' ? '' : codePointAt(t, i + 1);
  c.error({ start: i, end: i + 1 + bad.length }, `invalid escape sequence \\${bad}`);
  acc.add(bad, i, 1 + bad.length, false);
  return i + 1 + bad.length;
}

function interpolation(c: Cursor, at: number, stripLeft: boolean, parseExpr: ExprParser): { part: TemplatePart; stripRight: boolean } {
  c.resumeAt(at + 2 + (stripLeft ? 1 : 0));
  c.pushNewlines(false);
  const expr = parseExpr(c);
  const stripRight = closeSequence(c, at, '${');
  c.popNewlines();
  return { part: { kind: 'interpolation', expr, span: { start: at, end: c.lastEnd }, stripLeft, stripRight }, stripRight };
}

function directive(c: Cursor, at: number, parseExpr: ExprParser): { part: TemplatePart; stripRight: boolean } {
  c.resumeAt(at + 2 + (c.text[at + 2] === '~' ? 1 : 0));
  c.pushNewlines(false);
  const kw = c.next();
  let fields: Partial<Pick<TemplateDirective, 'expr' | 'keyVar' | 'valueVar'>> = {};
  let keyword: TemplateDirective['keyword'] = 'endif';
  if (kw.kind === 'ident' && (kw.text === 'if' || kw.text === 'else' || kw.text === 'endif' || kw.text === 'endfor')) {
    keyword = kw.text;
    if (keyword === 'if') fields = { expr: parseExpr(c) };
  } else if (kw.kind === 'ident' && kw.text === 'for') {
    keyword = 'for';
    const first = c.next();
    let second: Token | undefined;
    if (c.eat(',')) second = c.next();
    if (first.kind !== 'ident' || (second && second.kind !== 'ident')) c.error(first, 'expected iterator name after %{for');
    if (!c.isIdent('in')) c.error(c.peek(), "expected 'in' in %{for}");
    else c.next();
    const expr = parseExpr(c);
    fields = second ? { keyVar: first.text, valueVar: second.text, expr } : { valueVar: first.text, expr };
  } else {
    c.error(kw, 'expected if, else, endif, for or endfor after %{');
  }
  const stripRight = closeSequence(c, at, '%{');
  c.popNewlines();
  return { part: { kind: 'directive', keyword, ...fields, span: { start: at, end: c.lastEnd } }, stripRight };
}

/** Reads the `}` or `~}` that closes `${`/`%{`; on anything else records an error and skips to it. */
function closeSequence(c: Cursor, at: number, opener: string): boolean {
  if (c.is('~') && c.is('}', 1)) {
    c.next();
    c.next();
    return true;
  }
  if (c.eat('}')) return false;
  c.error({ start: at, end: c.peek().start }, `expected } to close ${opener}`);
  // Skip to the matching `}`, but not past the end of the line or the string's closing quote.
  c.recovering++;
  let depth = 0;
  const lineEnd = c.text.indexOf('\n', at);
  for (let tok = c.peek(); tok.kind !== 'eof'; tok = c.peek()) {
    if ((lineEnd >= 0 && tok.start > lineEnd) || (tok.kind === 'oquote' && depth === 0)) break;
    c.next();
    if (tok.kind === 'punct' && (tok.text === '{' || tok.text === '[' || tok.text === '(')) depth++;
    else if (tok.kind === 'punct' && (tok.text === ']' || tok.text === ')')) depth = Math.max(0, depth - 1);
    else if (tok.kind === 'punct' && tok.text === '}' && depth-- === 0) break;
  }
  c.recovering--;
  return false;
}

function trimLast(parts: TemplatePart[]): void {
  const last = parts[parts.length - 1];
  if (last?.kind === 'text') parts[parts.length - 1] = trimText(last, 'right');
}

/** Removes leading (`left`) or trailing (`right`) whitespace, as a `~` strip marker does. */
export function trimText(part: TemplateText, side: 'left' | 'right'): TemplateText {
  const v = part.value;
  let a = 0;
  let b = v.length;
  if (side === 'left') while (a < b && /\s/.test(v[a] ?? '')) a++;
  else while (b > a && /\s/.test(v[b - 1] ?? '')) b--;
  const map = sliceMap(part.map, a, b);
  const span: Span = { start: a === 0 ? part.span.start : mapOffset(part.map, a), end: b === v.length ? part.span.end : mapOffset(part.map, b) };
  return { kind: 'text', value: v.slice(a, b), span, map };
}
