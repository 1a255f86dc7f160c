/**
 * The parser's token cursor: current token, one-token lookahead, span shifting, the soft-problem
 * and unresolved-part collectors, and the error builder behind every `iam-parse-error` message.
 */
import type { Name, Questionable, QuestionableCode, Span, Unresolved, UnresolvedPart } from './ast.js';
import { lexAt, lexPatternAt, type Token } from './lexer.js';

/** Thrown inside the parser only; `parseStatement` turns it into an `ok: false` result. */
export class ParseFailure extends Error {
  constructor(
    readonly span: Span,
    message: string,
    readonly expected: readonly string[],
    readonly found: string,
  ) {
    super(message);
  }
}

export const END = 'end of statement';
const SHOW_MAX = 40;

/** How a token is quoted in messages: `'view'`, `end of statement`, long text shortened. */
export function show(tok: Token): string {
  if (tok.kind === 'end') return END;
  return tok.text.length > SHOW_MAX ? `${tok.text.slice(0, SHOW_MAX - 1)}…` : tok.text;
}

/** A token as quoted in a message: `'view'`; a quoted value shows its own quotes; `end of statement`. */
export function quote(tok: Token): string {
  if (tok.kind === 'end') return END;
  return tok.text.startsWith("'") ? show(tok) : `'${show(tok)}'`;
}

export class Cursor {
  tok: Token;
  private prev: Token | undefined;
  readonly questionable: Questionable[] = [];
  readonly unresolved: Unresolved[] = [];
  /** Inside an association statement, where `1.x` / `2.x` name the associated resources. */
  association = false;

  constructor(
    readonly text: string,
    private readonly base: number,
  ) {
    this.tok = lexAt(text, 0);
  }

  /** Shifts a local range to the enclosing file's offsets. */
  span(start: number, end: number): Span {
    return { start: start + this.base, end: end + this.base };
  }

  /** The text under a (shifted) span. */
  textOf(span: Span): string {
    return this.text.slice(span.start - this.base, span.end - this.base);
  }

  spanOf(tok: Token): Span {
    return this.span(tok.start, tok.end);
  }

  /** The last consumed token. */
  get previous(): Token | undefined {
    return this.prev;
  }

  /** End (local) of the last consumed token. */
  get lastEnd(): number {
    return this.prev?.end ?? 0;
  }

  /** Consumes and returns the current token. */
  next(): Token {
    const tok = this.tok;
    if (tok.kind === 'bad') this.failBad(tok);
    this.prev = tok;
    this.tok = lexAt(this.text, tok.end);
    return tok;
  }

  /** The token after the current one. */
  peek(): Token {
    return lexAt(this.text, this.tok.end);
  }

  /** Re-reads the current `/` as a `/pattern/` and consumes it. */
  nextPattern(): Token {
    const tok = lexPatternAt(this.text, this.tok.start);
    if (tok.kind === 'bad') this.failBad(tok);
    this.prev = tok;
    this.tok = lexAt(this.text, tok.end);
    return tok;
  }

  /** Current token is a resolved word equal to `word` (case-insensitive; `word` lower-case). */
  isWord(word: string, tok: Token = this.tok): boolean {
    return tok.kind === 'word' && !tok.unresolved && tok.lower === word;
  }

  isPunct(p: string, tok: Token = this.tok): boolean {
    return tok.kind === 'punct' && tok.text === p;
  }

  atEnd(): boolean {
    return this.tok.kind === 'end';
  }

  /** Current token is a word holding an interpolation or placeholder. */
  isOpaque(tok: Token = this.tok): boolean {
    return tok.kind === 'word' && tok.unresolved;
  }

  /** Consumes a keyword or fails with the standard message. */
  expectWord(word: string, what = `'${word}'`): Token {
    if (!this.isWord(word)) this.fail([word], what);
    return this.next();
  }

  expectPunct(p: string, what = `'${p}'`): Token {
    if (!this.isPunct(p)) this.fail([`'${p}'`], what);
    return this.next();
  }

  /**
   * Fails at the current token: "expected <what> after '<previous>', found '<current>'".
   * At the end of the statement the error span is the last token's.
   */
  fail(expected: readonly string[], what: string, hint?: string): never {
    const tok = this.tok;
    if (tok.kind === 'bad') this.failBad(tok);
    const after = this.prev ? ` after ${quote(this.prev)}` : ' at the start of the statement';
    const found = tok.kind === 'end' ? END : tok.text;
    const message = `expected ${what}${after}, found ${quote(tok)}${hint ? ` (${hint})` : ''}`;
    const span = tok.kind === 'end' && this.prev ? this.spanOf(this.prev) : this.spanOf(tok);
    throw new ParseFailure(span, message, expected, found);
  }

  /** Fails at the current token with a message of its own. */
  failHere(message: string, expected: readonly string[], tok: Token = this.tok): never {
    throw new ParseFailure(this.spanOf(tok), message, expected, tok.kind === 'end' ? END : tok.text);
  }

  private failBad(tok: Token): never {
    throw new ParseFailure(this.spanOf(tok), `${tok.problem ?? 'unexpected text'}: ${quote(tok)}`, [], tok.text);
  }

  note(code: QuestionableCode, span: Span, message: string): void {
    this.questionable.push({ code, span, message });
  }

  hidden(part: UnresolvedPart, span: Span, text: string, message: string): void {
    this.unresolved.push({ part, span, text, message });
  }

  /** Records an unresolved name. */
  hiddenName(part: UnresolvedPart, name: Name, what: string): void {
    if (name.unresolved) this.hidden(part, name.span, name.value, `${what} is hidden by '${shorten(name.value)}' and was not checked`);
  }
}

export function shorten(text: string): string {
  return text.length > SHOW_MAX ? `${text.slice(0, SHOW_MAX - 1)}…` : text;
}
