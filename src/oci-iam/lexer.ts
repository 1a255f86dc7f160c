/**
 * On-demand lexer for OCI IAM policy statements.
 *
 * `lexAt(text, pos)` skips whitespace and returns the token starting there; the parser keeps the
 * position, so a context-dependent token (a `/pattern/` value) can be read with `lexPatternAt`
 * without re-lexing anything. Every scan is a single forward pass over characters (no regular
 * expressions), so no input can make it backtrack.
 *
 * Word tokens take in `${...}` interpolations (nesting and HCL strings inside them included),
 * `%{...}` directives, printf verbs (`%v`) and `<placeholder>`s, and are then `unresolved`.
 */

export type TokenKind = 'word' | 'string' | 'punct' | 'pattern' | 'end' | 'bad';

export interface Token {
  readonly kind: TokenKind;
  /** Local offsets into the text being parsed. */
  readonly start: number;
  readonly end: number;
  /** Raw text of the token. */
  readonly text: string;
  /** Words: the text; strings and patterns: the text between the delimiters. */
  readonly value: string;
  /** Lower-case `value`, for case-insensitive keyword tests. */
  readonly lower: string;
  /** Holds `${...}`, `%{...}`, `%v` or a `<placeholder>`. */
  readonly unresolved: boolean;
  /** For `bad` tokens: what is wrong. */
  readonly problem?: string;
}

const PUNCT = new Set(['{', '}', '(', ')', ',', '=', '/', ':', '|', '"', '!', '<', '>', "'", ';']);

/** Whitespace: ASCII controls and space, NBSP, BOM, line and paragraph separators. */
export function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWordChar(ch: string, c: number): boolean {
  return !isSpace(c) && !PUNCT.has(ch);
}

const STRING_FRAME = -1;

/**
 * Scans an interpolation that starts at `start` with `${` or `%{`. Inside it, braces nest and HCL
 * double-quoted strings (with escapes and their own interpolations) are skipped. Returns the end
 * offset (after the closing `}`), or -1 if it is never closed.
 */
export function scanInterpolation(text: string, start: number): number {
  const stack: number[] = [0];
  let i = start + 2;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1] ?? 0;
    if (top === STRING_FRAME) {
      if (c === 92 /* \ */) {
        i += 2;
      } else if (c === 34 /* " */) {
        stack.pop();
        i++;
      } else if (c === 36 /* $ */ && text.charCodeAt(i + 1) === 36 && text.charCodeAt(i + 2) === 123) {
        i += 3; // `$${` is a literal `${`
      } else if ((c === 36 || c === 37 /* % */) && text.charCodeAt(i + 1) === 123 /* { */) {
        stack.push(0);
        i += 2;
      } else {
        i++;
      }
      continue;
    }
    if (c === 34) {
      stack.push(STRING_FRAME);
    } else if (c === 123) {
      stack[stack.length - 1] = top + 1;
    } else if (c === 125 /* } */) {
      if (top === 0) {
        stack.pop();
        if (stack.length === 0) return i + 1;
      } else {
        stack[stack.length - 1] = top - 1;
      }
    }
    i++;
  }
  return -1;
}

const PLACEHOLDER_MAX = 80;

/**
 * A doc placeholder `<Compartment_OCID>`, `<Remediation Group>`: a letter after `<`, then letters,
 * digits, `_`, `-`, `.` or spaces, then `>`. Returns the end offset or -1.
 */
export function scanPlaceholder(text: string, start: number): number {
  if (!isLetter(text.charCodeAt(start + 1))) return -1;
  const limit = Math.min(text.length, start + PLACEHOLDER_MAX);
  for (let i = start + 2; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) return text.charCodeAt(i - 1) === 32 ? -1 : i + 1;
    const ok = isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === 32;
    if (!ok) return -1;
  }
  return -1;
}

/** If an opaque piece (`${...}`, `%{...}`, `%v`, `<placeholder>`) starts at `i`, its end; 0 if none; -1 if unclosed. */
function opaqueAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  if ((c === 36 || c === 37) && next === 123) return scanInterpolation(text, i);
  if (c === 37 && isLetter(next)) return i + 2;
  if (c === 60 /* < */) {
    const end = scanPlaceholder(text, i);
    return end < 0 ? 0 : end;
  }
  return 0;
}

function make(kind: TokenKind, text: string, start: number, end: number, value: string, unresolved: boolean): Token {
  return { kind, start, end, text: text.slice(start, end), value, lower: value.toLowerCase(), unresolved };
}

function bad(text: string, start: number, end: number, problem: string): Token {
  const raw = text.slice(start, end);
  return { kind: 'bad', start, end, text: raw, value: raw, lower: raw.toLowerCase(), unresolved: false, problem };
}

/** Skips whitespace from `pos`. */
export function skipSpace(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function lexString(text: string, start: number): Token {
  let i = start + 1;
  let unresolved = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 39 /* ' */) {
      return make('string', text, start, i + 1, text.slice(start + 1, i), unresolved);
    }
    const end = opaqueAt(text, i);
    if (end < 0) return bad(text, start, text.length, 'an interpolation `${` inside the quoted value is never closed');
    if (end > 0) {
      unresolved = true;
      i = end;
    } else {
      i++;
    }
  }
  return bad(text, start, text.length, 'the quoted value is never closed');
}

/** The token at `pos` (after whitespace). */
export function lexAt(text: string, pos: number): Token {
  const start = skipSpace(text, pos);
  if (start >= text.length) return make('end', text, start, start, '', false);
  const ch = text.charAt(start);
  const c = text.charCodeAt(start);
  if (c === 39) return lexString(text, start);
  if (ch === '!' && text.charAt(start + 1) === '=') return make('punct', text, start, start + 2, '!=', false);
  let i = start;
  let unresolved = false;
  while (i < text.length) {
    const end = opaqueAt(text, i);
    if (end < 0) return bad(text, i, text.length, 'an interpolation `${` is never closed');
    if (end > 0) {
      unresolved = true;
      i = end;
      continue;
    }
    const k = text.charCodeAt(i);
    if (!isWordChar(text.charAt(i), k)) break;
    i++;
  }
  if (i > start) return make('word', text, start, i, text.slice(start, i), unresolved);
  // A single punctuation character; an unknown lone surrogate or symbol is punctuation too.
  const width = c >= 0xd800 && c <= 0xdbff && start + 1 < text.length ? 2 : 1;
  return make('punct', text, start, start + width, text.slice(start, start + width), false);
}

/**
 * Reads a `/pattern/` whose opening slash is at `start`. The pattern runs to the next `/` on the
 * same line; interpolations inside it are skipped as a whole.
 */
export function lexPatternAt(text: string, start: number): Token {
  let i = start + 1;
  let unresolved = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */) return make('pattern', text, start, i + 1, text.slice(start + 1, i), unresolved);
    if (c === 10 || c === 13) break;
    const end = opaqueAt(text, i);
    if (end < 0) break;
    if (end > 0) {
      unresolved = true;
      i = end;
    } else {
      i++;
    }
  }
  return bad(text, start, i, 'the /pattern/ is never closed');
}
