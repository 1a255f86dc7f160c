/**
 * Recursive-descent parser for one OCI IAM policy statement:
 *
 *   allow|endorse|admit <subject> [of tenancy <alias>] to <verb> <resource-type> | {PERMS}
 *       [in <location>] [where <condition>]
 *   endorse|admit <subject> [of tenancy <alias>] to associate <rt> in <loc> with <rt> in <loc> [where ...]
 *   define tenancy|group|dynamic-group|compartment <alias> as <ocid>
 *
 * Keywords are case-insensitive. A statement that is not valid gives `ok: false` with the span of
 * the offending token and what was expected there; soft problems come back in `questionable`,
 * parts hidden by interpolations in `unresolved`. The parser never throws.
 */
import type { AssociateStatement, DefineStatement, GrantStatement, Location, OfTenancy, Statement, StatementResult, Subject, WhereClause } from './ast.js';
import { DEFINE_TARGETS } from './ast.js';
import { Cursor, ParseFailure, END, quote, shorten } from './parse-cursor.js';
import { parseHiddenWhere, parseWhere } from './parse-conditions.js';
import { parseAction, parseLocation, parseResource, type LocationContext } from './parse-grant.js';
import { parseName, parseOfTenancy, parseSubject } from './parse-subjects.js';

const KEYWORDS = ['allow', 'endorse', 'admit', 'define'] as const;
const KEYWORD_WHAT = 'a statement keyword (allow, endorse, admit, define)';
type GrantKeyword = 'allow' | 'endorse' | 'admit';

/** Parses one statement; `offset` is where `text` starts in the enclosing file and shifts every span. */
export function parseStatement(text: string, offset = 0): StatementResult {
  const c = new Cursor(text, offset);
  try {
    const statement = parseAny(c);
    return { ok: true, statement, questionable: c.questionable, unresolved: c.unresolved };
  } catch (e) {
    if (e instanceof ParseFailure) {
      return { ok: false, error: { span: e.span, message: e.message, expected: e.expected, found: e.found } };
    }
    throw e;
  }
}

function parseAny(c: Cursor): Statement {
  const tok = c.tok;
  const word = tok.kind === 'word' && !tok.unresolved ? tok.lower : '';
  switch (word) {
    case 'allow':
    case 'endorse':
    case 'admit':
      return parseGrant(c, word);
    case 'define':
      return parseDefine(c);
    case 'deny':
      return c.fail([...KEYWORDS], KEYWORD_WHAT, 'OCI policies only grant access; there is no Deny statement');
    default:
      return c.fail([...KEYWORDS], KEYWORD_WHAT);
  }
}

function hasNames(subject: Subject): boolean {
  return 'names' in subject;
}

/** After the location (or where the location would be): `where`, an opaque where clause, or the end. */
function parseTail(c: Cursor, hiddenWhereAllowed: boolean): WhereClause | undefined {
  if (c.isWord('where')) {
    const where = parseWhere(c);
    if (c.isPunct(',')) c.fail([END], END, 'join several conditions with any {...} or all {...}');
    if (c.isWord('where')) c.fail([END], END, 'a statement takes one where clause; combine the conditions with all {...}');
    expectEnd(c, []);
    return where;
  }
  if (hiddenWhereAllowed && c.isOpaque()) {
    const where = parseHiddenWhere(c);
    expectEnd(c, []);
    return where;
  }
  return undefined;
}

function expectEnd(c: Cursor, before: readonly string[]): void {
  if (c.atEnd()) return;
  if (c.isPunct(',') && before.includes('where')) {
    const prev = c.previous;
    c.failHere(`a statement takes a single location; expected 'where' or end of statement${prev ? ` after ${quote(prev)}` : ''}, found ','`, ['where', END]);
  }
  const expected = [...before, END];
  c.fail(expected, expected.map((e) => (e === END ? END : `'${e}'`)).join(' or '));
}

function parseGrant(c: Cursor, keyword: GrantKeyword): Statement {
  const start = c.next().start;
  const subject = parseSubject(c);
  let ofTenancy: OfTenancy | undefined;
  if (keyword === 'admit' && c.isWord('of')) ofTenancy = parseOfTenancy(c);
  if (!c.isWord('to')) {
    const expected = [...(hasNames(subject) ? ["','"] : []), ...(keyword === 'admit' && !ofTenancy ? ['of tenancy'] : []), 'to'];
    const hint = c.isWord('of') ? "'of tenancy <alias>' follows the subject only in Admit statements" : undefined;
    c.fail(expected, expected.map((e) => (e.startsWith("'") ? e : `'${e}'`)).join(' or '), hint);
  }
  if (keyword === 'admit' && !ofTenancy) {
    c.note('admit-without-tenancy', subject.span, "an Admit statement names the other tenancy with 'of tenancy <alias>' after the subject");
  }
  c.next();
  if (c.isWord('associate')) return parseAssociate(c, keyword, start, subject, ofTenancy);
  const action = parseAction(c);
  const resource = action.kind === 'verb' ? parseResource(c) : undefined;
  let location: Location | undefined;
  const ctx: LocationContext = { alias: keyword !== 'allow', ofTenancy: false, keyword };
  if (c.isWord('in')) {
    c.next();
    location = parseLocation(c, ctx);
  } else if (c.isWord('where') || c.atEnd()) {
    const at = resource?.span ?? action.span;
    c.note('missing-location', at, 'the statement has no location (in tenancy, in compartment ...); OCI requires one');
  } else {
    c.fail(['in', 'where', END], `'in' and a location`);
  }
  const where = parseTail(c, location !== undefined);
  if (!where) expectEnd(c, location ? ['where'] : []);
  const stmt: GrantStatement = {
    kind: keyword,
    span: c.span(start, c.lastEnd),
    subject,
    action,
    ...(ofTenancy ? { ofTenancy } : {}),
    ...(resource ? { resource } : {}),
    ...(location ? { location } : {}),
    ...(where ? { where } : {}),
  };
  return stmt;
}

function parseAssociate(c: Cursor, keyword: GrantKeyword, start: number, subject: Subject, ofTenancy: OfTenancy | undefined): AssociateStatement {
  const assocTok = c.next();
  if (keyword === 'allow') {
    c.note('associate-in-allow', c.spanOf(assocTok), "'associate' is documented for Endorse and Admit statements");
  }
  const ctx: LocationContext = { alias: true, ofTenancy: true, keyword };
  c.association = true;
  const resource = parseResource(c);
  c.expectWord('in', "'in' and a location");
  const location = parseLocation(c, ctx);
  c.expectWord('with', "'with'");
  const withResource = parseResource(c);
  c.expectWord('in', "'in' and a location");
  const withLocation = parseLocation(c, ctx);
  const where = parseTail(c, true);
  if (!where) expectEnd(c, ['where']);
  return {
    kind: 'associate',
    keyword,
    span: c.span(start, c.lastEnd),
    subject,
    ...(ofTenancy ? { ofTenancy } : {}),
    resource,
    location,
    withResource,
    withLocation,
    ...(where ? { where } : {}),
  };
}

function parseDefine(c: Cursor): DefineStatement {
  const start = c.next().start;
  const tok = c.tok;
  const target = DEFINE_TARGETS.find((t) => c.isWord(t));
  if (target === undefined) return c.fail([...DEFINE_TARGETS], 'tenancy, group, dynamic-group or compartment');
  c.next();
  if (target === 'dynamic-group') {
    c.note('define-dynamic-group', c.spanOf(tok), "'define dynamic-group' is not documented (tenancy, group and compartment are)");
  }
  const alias = parseName(c, 'an alias');
  c.expectWord('as', "'as'");
  const ocid = parseName(c, 'an OCID');
  if (alias.unresolved) c.hidden('define', alias.span, alias.value, `the alias '${shorten(alias.value)}' is not known`);
  if (ocid.unresolved) {
    c.hidden('define', ocid.span, ocid.value, `the OCID '${shorten(ocid.value)}' is not known; what the alias names was not checked`);
  }
  expectEnd(c, []);
  return { kind: 'define', span: c.span(start, c.lastEnd), target, alias, ocid };
}
