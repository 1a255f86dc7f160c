/**
 * Parser state shared by the body, expression and template parsers: token lookahead with
 * context-dependent newlines, error collection, and the nesting limit.
 */
import type { HclError, Span } from './ast.js';
import { itemEnd } from './item-end.js';
import { Lexer, type Token } from './lexer.js';
import { MAX_NESTING, NESTING_CODE, nestingMessage } from '../nesting.js';

/** Deepest nesting of blocks, brackets, expressions and templates that is parsed: the readers' limit. */
export { MAX_NESTING };

/** Thrown (only inside the parser) when the nesting limit is passed; caught by `parseHcl`. */
export class NestingLimit extends Error {}

export class Cursor {
  readonly lexer: Lexer;
  readonly errors: HclError[] = [];
  /** Spans of every quoted string and heredoc read (comments found inside them are not comments). */
  readonly templates: Span[] = [];
  private buf: Token[] = [];
  /** Stack of "newlines are significant" flags: true in bodies and objects, false in brackets. */
  private readonly nl: boolean[] = [true];
  private depth = 0;
  /** While > 0, errors are not recorded (skipping text after an error). */
  recovering = 0;

  constructor(readonly text: string) {
    this.lexer = new Lexer(text);
  }

  private get newlinesMatter(): boolean {
    return this.nl[this.nl.length - 1] ?? true;
  }

  /** The k-th upcoming token (newlines skipped where they do not matter). */
  peek(k = 0): Token {
    const skip = !this.newlinesMatter;
    let seen = 0;
    for (let i = 0; ; i++) {
      while (i >= this.buf.length) this.buf.push(this.lexer.next());
      const tok = this.buf[i] as Token;
      if (skip && tok.kind === 'newline') continue;
      if (seen === k || tok.kind === 'eof') return tok;
      seen++;
    }
  }

  next(): Token {
    const skip = !this.newlinesMatter;
    for (;;) {
      if (this.buf.length === 0) this.buf.push(this.lexer.next());
      const tok = this.buf.shift() as Token;
      if (skip && tok.kind === 'newline') continue;
      this.lastEnd = tok.end;
      return tok;
    }
  }

  /** True when the next token is punctuation `p`. */
  is(p: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'punct' && t.text === p;
  }

  isIdent(word?: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'ident' && (word === undefined || t.text === word);
  }

  /** Consumes punctuation `p` if it is next. */
  eat(p: string): Token | undefined {
    return this.is(p) ? this.next() : undefined;
  }

  /**
   * Switches to character-level reading right after `tok` (an opening quote or heredoc start
   * that was just consumed): drops any lookahead and returns the offset to read from.
   */
  charLevelAfter(tok: Token): number {
    this.buf = [];
    this.lexer.pos = tok.end;
    return tok.end;
  }

  /** Resumes token reading at `pos` after character-level reading. */
  resumeAt(pos: number): void {
    this.buf = [];
    this.lexer.pos = pos;
    this.lastEnd = pos;
  }

  pushNewlines(significant: boolean): void {
    this.nl.push(significant);
  }

  popNewlines(): void {
    if (this.nl.length > 1) this.nl.pop();
  }

  error(span: Span, message: string): void {
    if (this.recovering > 0) return;
    const last = this.errors[this.errors.length - 1];
    if (last && last.span.start === span.start && last.message === message) return;
    this.errors.push({ message, span });
  }

  /**
   * Enters one nesting level; past `MAX_NESTING` records an error at `at` and throws NestingLimit,
   * which `parseHcl` catches to drop the top-level item and go on at `resumeTopLevel`.
   */
  enter(at: Span): void {
    if (++this.depth > MAX_NESTING) {
      this.recovering = 0;
      this.error(at, `${nestingMessage()} (${NESTING_CODE}), so its top-level block was not read`);
      this.limitAt = at.end;
      throw new NestingLimit();
    }
  }

  /**
   * After NestingLimit: starts over, with all nesting closed, after the top-level item that held
   * the too-deep token (`itemEnd`; at least the line after that token). False at the end of the file.
   */
  resumeTopLevel(): boolean {
    const nl = this.text.indexOf('\n', this.limitAt);
    const next = Math.max(itemEnd(this.text, this.topItem), nl < 0 ? this.text.length : nl + 1);
    if (next >= this.text.length) return false;
    this.buf = [];
    this.nl.length = 1;
    this.depth = 0;
    this.recovering = 0;
    this.lexer.pos = next;
    this.lastEnd = next;
    return true;
  }

  leave(): void {
    this.depth--;
  }

  /** Offset where the previous token ended (for spans of constructs that end there). */
  lastEnd = 0;

  /** End of the token that passed the nesting limit. */
  private limitAt = 0;

  /** Start of the top-level item being parsed (set by the body parser). */
  topItem = 0;

  private lineStarts: number[] | undefined;

  /** The 1-based line of `offset` (for messages that point back at an opening bracket). */
  lineOf(offset: number): number {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
