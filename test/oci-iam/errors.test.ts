/**
 * Invalid statements: each error points at the exact offending token and says what was expected
 * and what was found.
 */
import { describe, expect, it } from 'vitest';
import { parseStatement, type ParseError } from '../../src/oci-iam/index.js';

function fail(text: string, offset = 0): ParseError {
  const r = parseStatement(text, offset);
  if (r.ok) throw new Error(`expected a parse error for: ${text}`);
  return r.error;
}

/** Error message, the text under its span, and what was found. */
function describeError(text: string): [string, string, string] {
  const e = fail(text);
  return [e.message, text.slice(e.span.start, e.span.end), e.found];
}

describe('statement-level errors', () => {
  it('reports an unknown verb at the verb', () => {
    const text = "Allow group grp-str-auditors to view all-resources in tenancy where request.region = 'str'";
    const e = fail(text);
    expect(e.message).toBe("expected a verb (inspect, read, use, manage) or '{' after 'to', found 'view'");
    expect(e.span).toEqual({ start: 32, end: 36 });
    expect(e.expected).toEqual(['inspect', 'read', 'use', 'manage', "'{'"]);
    expect(e.found).toBe('view');
  });

  it('refuses Deny and other start words', () => {
    expect(describeError('Deny group X to manage all-resources in tenancy')).toEqual([
      "expected a statement keyword (allow, endorse, admit, define) at the start of the statement, found 'Deny' (OCI policies only grant access; there is no Deny statement)",
      'Deny',
      'Deny',
    ]);
    const e = fail('  Permit group X to read buckets in tenancy', 100);
    expect(e.span).toEqual({ start: 102, end: 108 });
    expect(e.expected).toEqual(['allow', 'endorse', 'admit', 'define']);
  });

  it('refuses two locations', () => {
    expect(describeError('Allow group X to manage all-resources in compartment A, compartment B')).toEqual([
      "a statement takes a single location; expected 'where' or end of statement after 'A', found ','",
      ',',
      ',',
    ]);
  });

  it('refuses two resource types', () => {
    expect(describeError('Allow group X to manage instance-family, volume-family in compartment A')).toEqual([
      "a statement takes a single resource type; expected 'in' after 'instance-family', found ','",
      ',',
      ',',
    ]);
  });

  it('refuses two where clauses and a bare condition list', () => {
    expect(describeError("allow group g to manage volume-family in tenancy where all{request.permission != 'VOLUME_DELETE'} where request.region='str'")[0]).toBe(
      "expected end of statement after '}', found 'where' (a statement takes one where clause; combine the conditions with all {...})",
    );
    expect(describeError("allow group g to read buckets in tenancy where a = 'b', c = 'd'")).toEqual([
      "expected end of statement after 'b', found ',' (join several conditions with any {...} or all {...})",
      ',',
      ',',
    ]);
  });

  it('refuses the docs pseudo-syntax', () => {
    expect(describeError('Allow group <group_name> to manage mysql-family in tenancy | compartment <compartment_name>')).toEqual([
      "expected 'where' or end of statement after 'tenancy', found '|'",
      '|',
      '|',
    ]);
  });

  it('reports a missing word at the last token', () => {
    const [message, under, found] = describeError('Allow group X to manage');
    expect(message).toBe('expected a resource type (e.g. all-resources, instance-family, buckets) after \'manage\', found end of statement');
    expect(under).toBe('manage');
    expect(found).toBe('end of statement');
    expect(describeError('Allow group X to manage all-resources in')[0]).toBe(
      "expected a location (tenancy, compartment <name>, compartment id <ocid>, any-tenancy) after 'in', found end of statement",
    );
  });

  it('reports empty text', () => {
    expect(fail('')).toMatchObject({ span: { start: 0, end: 0 }, found: 'end of statement' });
    expect(fail('   ', 10).span).toEqual({ start: 13, end: 13 });
  });
});

describe('subject errors', () => {
  it('reports a missing to', () => {
    expect(describeError('Allow group X manage all-resources in tenancy')).toEqual(["expected ',' or 'to' after 'X', found 'manage'", 'manage', 'manage']);
    expect(describeError('Endorse group X of tenancy Y to read buckets in tenancy')[0]).toBe(
      "expected ',' or 'to' after 'X', found 'of' ('of tenancy <alias>' follows the subject only in Admit statements)",
    );
  });

  it('reports an unknown subject kind', () => {
    expect(describeError('Allow user X to manage all-resources in tenancy')).toEqual([
      "expected a subject (group, dynamic-group, service, any-user, any-group) after 'Allow', found 'user'",
      'user',
      'user',
    ]);
  });

  it('refuses two kinds of subject in one statement', () => {
    expect(describeError('Allow group A, dynamic-group B to read buckets in tenancy')).toEqual([
      "a statement names one kind of subject; expected a group name after ',', found 'dynamic-group'",
      'dynamic-group',
      'dynamic-group',
    ]);
  });

  it('reports a missing name after a domain', () => {
    expect(describeError("Allow group 'D'/ to read buckets in tenancy")).toEqual(["expected a group name after '/', found 'to'", 'to', 'to']);
  });
});

describe('grant and location errors', () => {
  it('reports bad permission lists', () => {
    expect(describeError('Allow group X to {} in tenancy')).toEqual(["expected a permission name after '{', found '}'", '}', '}']);
    expect(describeError('Allow group X to {A B} in tenancy')).toEqual(["expected ',' or '}' after 'A', found 'B'", 'B', 'B']);
  });

  it('reports bad locations', () => {
    expect(describeError('Allow group X to manage all-resources in region phx')[1]).toBe('region');
    expect(describeError('Allow group X to manage all-resources in tenancy Foo')).toEqual([
      "expected 'where' or end of statement after 'tenancy', found 'Foo'",
      'Foo',
      'Foo',
    ]);
    expect(describeError('Allow group X to read buckets in compartment a:')[0]).toBe("expected a compartment name after ':', found end of statement");
    expect(describeError('Allow group X to read buckets tenancy')[0]).toBe("expected 'in' and a location after 'buckets', found 'tenancy'");
  });

  it('reports bad Define statements', () => {
    expect(describeError('define user X as ocid1')[0]).toBe("expected tenancy, group, dynamic-group or compartment after 'define', found 'user'");
    expect(describeError('define tenancy X ocid1')).toEqual(["expected 'as' after 'X', found 'ocid1'", 'ocid1', 'ocid1']);
  });
});

describe('condition errors', () => {
  const where = (cond: string): [string, string, string] => describeError(`allow group g to read buckets in tenancy where ${cond}`);

  it('reports an unknown operator', () => {
    expect(where("request.region ~ 'phx'")).toEqual([
      "expected an operator (=, !=, before, after, between, in) after 'request.region', found '~'",
      '~',
      '~',
    ]);
  });

  it('reports missing values and separators', () => {
    expect(where('request.region =')[0]).toBe("expected a value ('text', /pattern/ or a variable) after '=', found end of statement");
    expect(where("all {a = 'b' c = 'd'}")).toEqual(["expected ',' or '}' after 'b', found 'c'", 'c', 'c']);
    expect(where("all {a = 'b'")).toEqual(["expected ',' or '}' after 'b', found end of statement", "'b'", 'end of statement']);
    expect(where('all {}')[0]).toBe("expected a condition (<variable> = 'value', any {...}, all {...}) after '{', found '}'");
    expect(where("t between 'a' 'b'")[0]).toBe("expected 'and' after 'a', found 'b'");
    expect(where("t in 'a'")[0]).toBe("expected '(' and a list of values after 'in', found 'a'");
    expect(where('any')[0]).toBe("expected '{' and a list of conditions after 'any', found end of statement");
    expect(where("all request.region = 'x'")[0]).toBe("expected '{' and a list of conditions after 'all', found 'request.region'");
  });

  it('refuses nesting deeper than the limit', () => {
    const e = fail(`allow group g to read buckets in tenancy where ${'all {'.repeat(100)}a = 'b'${'}'.repeat(100)}`);
    expect(e.message).toBe('conditions are nested more than 64 levels deep');
  });
});

describe('lexical errors', () => {
  it('reports an unclosed quote from the quote to the end', () => {
    const text = "Allow group 'X to manage all-resources in tenancy";
    const e = fail(text);
    expect(e.message).toBe("the quoted value is never closed: 'X to manage all-resources in tenancy");
    expect(e.span).toEqual({ start: 12, end: text.length });
  });

  it('reports an unclosed interpolation', () => {
    const e = fail('Allow group ${var.x to manage all-resources in tenancy');
    expect(e.message).toBe("an interpolation `${` is never closed: '${var.x to manage all-resources in tena…'");
    expect(e.span.start).toBe(12);
  });

  it('reports an unclosed pattern', () => {
    const text = 'allow group g to read buckets in tenancy where t = /abc';
    expect(fail(text)).toMatchObject({ message: "the /pattern/ is never closed: '/abc'", span: { start: 51, end: 55 } });
  });
});
