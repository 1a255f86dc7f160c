/**
 * Subjects (`group A, 'Dom'/'B'`, `group id ocid…`, `dynamic-group …`, `service a, b`, `any-user`,
 * `any-group`, `resource <type> <name>`), names, and `of tenancy <alias>`.
 */
import type { Name, OfTenancy, Subject, UnresolvedPart } from './ast.js';
import { shorten, type Cursor } from './parse-cursor.js';
import type { Token } from './lexer.js';

export const SUBJECT_KEYWORDS = ['group', 'dynamic-group', 'service', 'any-user', 'any-group'] as const;
const SUBJECT_WHAT = 'a subject (group, dynamic-group, service, any-user, any-group)';

/** Words that end a name list or start the next part; a bare name never takes them. */
const STOP_WORDS = new Set(['to', 'of', 'in', 'where', 'as', 'with']);

function nameFromToken(c: Cursor, tok: Token): Name {
  const quoted = tok.kind === 'string';
  return {
    span: c.spanOf(tok),
    value: quoted ? tok.value : tok.text,
    quoted,
    ...(tok.unresolved ? { unresolved: true } : {}),
  };
}

/** A quoted or bare name (or an opaque interpolation); fails with `what` otherwise. */
export function parseName(c: Cursor, what: string): Name {
  const tok = c.tok;
  const ok = tok.kind === 'string' || (tok.kind === 'word' && (tok.unresolved || !STOP_WORDS.has(tok.lower)));
  if (!ok) c.fail([what], what);
  return nameFromToken(c, c.next());
}

/** True when the current token can start a name. */
export function atName(c: Cursor, tok: Token = c.tok): boolean {
  return tok.kind === 'string' || (tok.kind === 'word' && (tok.unresolved || !STOP_WORDS.has(tok.lower)));
}

/** `id <ocid>` | name | name `/` name (identity-domain-qualified). */
function parseReference(c: Cursor, kind: string): Name {
  const start = c.tok.start;
  if (c.isWord('id') && atName(c, c.peek())) {
    c.next();
    const id = parseName(c, `the ${kind} OCID`);
    return { ...id, span: c.span(start, c.lastEnd), ocid: true };
  }
  const first = parseName(c, `a ${kind} name`);
  if (!c.isPunct('/')) return first;
  c.next();
  const second = parseName(c, `a ${kind} name`);
  return { ...second, span: c.span(start, c.lastEnd), domain: first };
}

function describeName(kind: string): string {
  return kind === 'service' ? 'a service name' : `a ${kind} name`;
}

/** Name list after a subject keyword; refuses a second subject keyword with a clear message. */
function parseNames(c: Cursor, kind: string, one: () => Name): Name[] {
  const names: Name[] = [];
  for (;;) {
    const tok = c.tok;
    if (tok.kind === 'word' && !tok.unresolved && (SUBJECT_KEYWORDS as readonly string[]).includes(tok.lower) && names.length > 0) {
      c.failHere(
        `a statement names one kind of subject; expected ${describeName(kind)} after ',', found '${tok.text}'`,
        [describeName(kind)],
      );
    }
    const name = one();
    names.push(name);
    if (!c.isPunct(',')) return names;
    c.next();
  }
}

function noteHidden(c: Cursor, name: Name, part: UnresolvedPart, what: string): void {
  if (name.unresolved || name.domain?.unresolved) {
    const text = c.textOf(name.span);
    c.hidden(part, name.span, text, `the ${what} '${shorten(text)}' is not known; who gets the grant was not checked`);
  }
}

export function parseSubject(c: Cursor): Subject {
  const tok = c.tok;
  const start = tok.start;
  if (c.isOpaque()) {
    c.next();
    const span = c.spanOf(tok);
    c.hidden('subject', span, tok.text, `the subject '${shorten(tok.text)}' is not known; who gets the grant was not checked`);
    return { kind: 'unresolved', span, text: tok.text };
  }
  const word = tok.kind === 'word' ? tok.lower : '';
  switch (word) {
    case 'any-user':
    case 'any-group':
      c.next();
      return { kind: word, span: c.spanOf(tok) };
    case 'group':
    case 'dynamic-group': {
      c.next();
      const names = parseNames(c, word, () => parseReference(c, word));
      for (const n of names) noteHidden(c, n, 'subject', `${word} name`);
      return { kind: word, span: c.span(start, c.lastEnd), names };
    }
    case 'service': {
      c.next();
      const names = parseNames(c, word, () => parseName(c, 'a service name'));
      for (const n of names) noteHidden(c, n, 'subject', 'service name');
      return { kind: 'service', span: c.span(start, c.lastEnd), names };
    }
    case 'resource': {
      c.next();
      const resourceType = parseName(c, 'a resource type');
      const names = parseNames(c, 'resource', () => parseName(c, 'a resource name'));
      noteHidden(c, resourceType, 'subject', 'resource type');
      for (const n of names) noteHidden(c, n, 'subject', 'resource name');
      return { kind: 'resource', span: c.span(start, c.lastEnd), resourceType, names };
    }
    default:
      return c.fail([...SUBJECT_KEYWORDS], SUBJECT_WHAT);
  }
}

/** `of tenancy <alias>`; the current token is `of`. */
export function parseOfTenancy(c: Cursor): OfTenancy {
  const start = c.next().start;
  c.expectWord('tenancy', "'tenancy' after 'of'");
  const alias = parseName(c, 'a tenancy alias');
  if (alias.unresolved) {
    c.hidden('tenancy-alias', alias.span, alias.value, `the tenancy alias '${shorten(alias.value)}' is not known; which tenancy is trusted was not checked`);
  }
  return { span: c.span(start, c.lastEnd), alias };
}
