/**
 * On-demand lexer for the HCL2 native syntax. The parser asks for one token at a time, and reads
 * template text (inside quotes and heredocs) itself at character level from `pos`, so the lexer
 * needs no mode stack. Every scan is a single forward pass (no regular expressions over the text),
 * so no input can make it backtrack.
 */
import type { Span } from '../../engine/types.js';

export type TokenKind = 'ident' | 'number' | 'newline' | 'eof' | 'punct' | 'oquote' | 'heredoc' | 'invalid';

export interface Token {
  readonly kind: TokenKind;
  /** The token's text; for punctuation the operator itself (`==`, `...`, `{`). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** For `heredoc` tokens: the marker and whether it was `<<-`. */
  readonly marker?: string;
  readonly flush?: boolean;
}

const PUNCT3 = new Set(['...']);
const PUNCT2 = new Set(['=>', '==', '!=', '<=', '>=', '&&', '||']);
const PUNCT1 = new Set(['{', '}', '[', ']', '(', ')', ',', '.', '=', ':', '?', '+', '-', '*', '/', '%', '<', '>', '!', '~']);

const LETTER = /\p{L}|\p{Nl}/u;
const ID_CONTINUE = /\p{L}|\p{Nl}|\p{Mn}|\p{Mc}|\p{Nd}|\p{Pc}/u;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** First character of an identifier (ASCII fast path, then Unicode letters). */
export function isIdStart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return true;
  return c > 127 && LETTER.test(ch);
}

export function isIdContinue(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || isDigit(c)) return true;
  return c > 127 && ID_CONTINUE.test(ch);
}

/** The whole code point at `i` (two UTF-16 units for a surrogate pair). */
export function codePointAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

export class Lexer {
  pos = 0;
  /** Problems found while skipping comments, by start offset (a position may be lexed twice). */
  readonly problems = new Map<number, { message: string; span: Span }>();
  /** Every comment skipped (`#`, `//`, block comments), by start offset; the parser drops those inside strings. */
  readonly comments = new Map<number, Span>();

  constructor(readonly text: string) {}

  /** Reads the next token starting at `pos`, skipping spaces and comments (not newlines). */
  next(): Token {
    this.skipSpaceAndComments();
    const t = this.text;
    const start = this.pos;
    if (start >= t.length) return { kind: 'eof', text: '', start, end: start };
    const ch = t[start] ?? '';
    const c = t.charCodeAt(start);
    if (c === 10) return this.make('newline', start, start + 1);
    if (ch === '"') return this.make('oquote', start, start + 1);
    if (isDigit(c)) return this.make('number', start, this.scanNumber(start));
    const cp = codePointAt(t, start);
    if (isIdStart(cp)) {
      let i = start + cp.length;
      while (i < t.length) {
        const next = codePointAt(t, i);
        if (!isIdContinue(next)) break;
        i += next.length;
      }
      return this.make('ident', start, i);
    }
    if (ch === '<' && t[start + 1] === '<') return this.heredocStart(start);
    const three = t.slice(start, start + 3);
    if (PUNCT3.has(three)) return this.make('punct', start, start + 3);
    const two = t.slice(start, start + 2);
    if (PUNCT2.has(two)) return this.make('punct', start, start + 2);
    if (PUNCT1.has(ch)) return this.make('punct', start, start + 1);
    return this.make('invalid', start, start + Math.max(1, cp.length));
  }

  private make(kind: TokenKind, start: number, end: number): Token {
    this.pos = end;
    return { kind, text: this.text.slice(start, end), start, end };
  }

  private skipSpaceAndComments(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
        this.pos++;
      } else if (c === 35 || (c === 47 && t.charCodeAt(this.pos + 1) === 47)) {
        // `#` or `//` comment: up to (not including) the newline, which still ends the line.
        const nl = t.indexOf('\n', this.pos);
        const end = nl < 0 ? t.length : nl;
        this.comments.set(this.pos, { start: this.pos, end: t.charCodeAt(end - 1) === 13 ? end - 1 : end });
        this.pos = end;
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const close = t.indexOf('*/', this.pos + 2);
        const end = close < 0 ? t.length : close + 2;
        if (close < 0) this.problems.set(this.pos, { message: 'unterminated /* comment', span: { start: this.pos, end } });
        this.comments.set(this.pos, { start: this.pos, end });
        this.pos = end;
      } else {
        return;
      }
    }
  }

  private scanNumber(start: number): number {
    const t = this.text;
    let i = start;
    while (isDigit(t.charCodeAt(i))) i++;
    if (t[i] === '.' && isDigit(t.charCodeAt(i + 1))) {
      i++;
      while (isDigit(t.charCodeAt(i))) i++;
    }
    if (t[i] === 'e' || t[i] === 'E') {
      let j = i + 1;
      if (t[j] === '+' || t[j] === '-') j++;
      if (isDigit(t.charCodeAt(j))) {
        while (isDigit(t.charCodeAt(j))) j++;
        i = j;
      }
    }
    return i;
  }

  /** `<<EOT` or `<<-EOT` followed by the end of the line; anything else is an invalid `<<`. */
  private heredocStart(start: number): Token {
    const t = this.text;
    let i = start + 2;
    const flush = t[i] === '-';
    if (flush) i++;
    const first = codePointAt(t, i);
    if (!isIdStart(first)) return this.make('invalid', start, start + 2);
    const markerStart = i;
    i += first.length;
    while (i < t.length) {
      const next = codePointAt(t, i);
      if (!isIdContinue(next)) break;
      i += next.length;
    }
    const marker = t.slice(markerStart, i);
    let j = i;
    if (t[j] === '\r') j++;
    if (j < t.length && t[j] !== '\n') return this.make('invalid', start, i);
    const end = j < t.length ? j + 1 : j;
    this.pos = end;
    return { kind: 'heredoc', text: t.slice(start, i), start, end, marker, flush };
  }
}
