/**
 * `where` conditions: comparisons, patterns, variables on both sides, nested any/all, time
 * operators, sets-intersect, the `any( )` form, unquoted values, and interpolations that hide a
 * condition or the end of a condition list.
 */
import { describe, expect, it } from 'vitest';
import { parseStatement, type Condition, type Span, type StatementResult } from '../../src/oci-iam/index.js';

type Parsed = Extract<StatementResult, { ok: true }>;

const PREFIX = 'allow group g to manage groups in tenancy where ';

function parse(cond: string): { text: string; r: Parsed; c: Condition } {
  const text = PREFIX + cond;
  const r = parseStatement(text);
  if (!r.ok) throw new Error(r.error.message);
  const where = r.statement.kind === 'define' ? undefined : r.statement.where;
  if (!where) throw new Error('no where clause');
  return { text, r, c: where.condition };
}
const at = (text: string, span: Span): string => text.slice(span.start, span.end);

describe('comparisons', () => {
  it('reads = and != with quoted values, with spans for each side', () => {
    const { text, c } = parse("target.group.name != 'Administrators'");
    if (c.kind !== 'comparison') throw new Error(c.kind);
    expect(c.op).toBe('!=');
    expect(at(text, c.span)).toBe("target.group.name != 'Administrators'");
    expect(c.left).toEqual({ kind: 'variable', path: 'target.group.name', span: { start: 48, end: 65 } });
    expect(c.right).toEqual([{ kind: 'string', value: 'Administrators', span: { start: 69, end: 85 } }]);
    expect(at(text, c.right[0]?.span ?? { start: 0, end: 0 })).toBe("'Administrators'");
    const eq = parse("request.permission='GROUP_INSPECT'").c;
    expect(eq).toMatchObject({ op: '=', right: [{ kind: 'string', value: 'GROUP_INSPECT' }] });
  });

  it('reads /pattern/ values', () => {
    const { text, c } = parse('target.group.name = /A-Users-*/');
    if (c.kind !== 'comparison') throw new Error(c.kind);
    expect(c.right).toEqual([{ kind: 'pattern', value: 'A-Users-*', span: { start: 68, end: 79 } }]);
    expect(at(text, c.right[0]?.span ?? { start: 0, end: 0 })).toBe('/A-Users-*/');
  });

  it('reads a variable on the right-hand side', () => {
    const { c } = parse('target.resource.compartment.tag.ns.k = request.principal.group.tag.ns.k');
    expect(c).toMatchObject({ right: [{ kind: 'variable', path: 'request.principal.group.tag.ns.k' }] });
  });

  it("reads the '*' any-value string", () => {
    expect(parse("request.principal.group.tag.ns.k = '*'").c).toMatchObject({ right: [{ kind: 'string', value: '*' }] });
  });

  it('reports an unquoted value as questionable', () => {
    const { text, r, c } = parse('target.bucket.name=Bucket-A');
    expect(c).toMatchObject({ right: [{ kind: 'bare', value: 'Bucket-A' }] });
    expect(r.questionable.map((q) => [q.code, at(text, q.span)])).toEqual([['unquoted-value', 'Bucket-A']]);
  });

  it('reads before and after', () => {
    expect(parse("request.utc-timestamp before '2022-01-01T00:00Z'").c).toMatchObject({ op: 'before', right: [{ value: '2022-01-01T00:00Z' }] });
    expect(parse("request.utc-timestamp AFTER '2022-01-01T00:00Z'").c).toMatchObject({ op: 'after' });
  });

  it('reads between … and …', () => {
    const { text, c } = parse("request.utc-timestamp.time-of-day between '17:00:00Z' and '01:00:00Z'");
    if (c.kind !== 'comparison') throw new Error(c.kind);
    expect(c.op).toBe('between');
    expect(c.right.map((v) => at(text, v.span))).toEqual(["'17:00:00Z'", "'01:00:00Z'"]);
    expect(at(text, c.span)).toBe("request.utc-timestamp.time-of-day between '17:00:00Z' and '01:00:00Z'");
  });

  it('reads in (…) inside ANY {…}', () => {
    const { c } = parse("ANY {request.utc-timestamp.month-of-year in ('6', '7', '8')}");
    if (c.kind !== 'group') throw new Error(c.kind);
    expect(c.children[0]).toMatchObject({ op: 'in', right: [{ value: '6' }, { value: '7' }, { value: '8' }] });
  });
});

describe('groups', () => {
  it('reads nested any/all with spans for every node', () => {
    const cond = "all {target.bucket.name='BucketA', any {request.permission='OBJECT_CREATE', request.permission='OBJECT_INSPECT'}}";
    const { text, c } = parse(cond);
    if (c.kind !== 'group') throw new Error(c.kind);
    expect(c.op).toBe('all');
    expect(at(text, c.span)).toBe(cond);
    expect(c.children.map((ch) => at(text, ch.span))).toEqual([
      "target.bucket.name='BucketA'",
      "any {request.permission='OBJECT_CREATE', request.permission='OBJECT_INSPECT'}",
    ]);
    const inner = c.children[1];
    if (inner?.kind !== 'group') throw new Error('inner');
    expect(inner.op).toBe('any');
    expect(inner.children.map((ch) => at(text, ch.span))).toEqual(["request.permission='OBJECT_CREATE'", "request.permission='OBJECT_INSPECT'"]);
  });

  it('accepts ALL/any written without a space before the brace', () => {
    expect(parse("ALL{request.principal.type='cluster'}").c).toMatchObject({ kind: 'group', op: 'all' });
    expect(parse("any{request.operation!=/Create*/, request.operation!=/Update*/}").c).toMatchObject({
      op: 'any',
      children: [{ op: '!=', right: [{ kind: 'pattern', value: 'Create*' }] }, { op: '!=' }],
    });
  });

  it('accepts any( ) with parentheses and reports it', () => {
    const { text, r, c } = parse("any( request.resource.type='a', request.resource.type='b')");
    expect(c).toMatchObject({ kind: 'group', op: 'any', parens: true });
    expect(r.questionable.map((q) => [q.code, at(text, q.span)])).toEqual([['any-parentheses', 'any(']]);
  });
});

describe('functions', () => {
  it('reads sets-intersect with a variable and a value list', () => {
    const cond = "sets-intersect(target.resource.compartment.tag.tagns-lz-role.tag-lz-role, ('lz-security-admin', 'x'))";
    const { text, r, c } = parse(cond);
    if (c.kind !== 'call') throw new Error(c.kind);
    expect(c.name).toBe('sets-intersect');
    expect(at(text, c.span)).toBe(cond);
    expect(c.args).toMatchObject([
      { kind: 'variable', path: 'target.resource.compartment.tag.tagns-lz-role.tag-lz-role' },
      { kind: 'list', items: [{ value: 'lz-security-admin' }, { value: 'x' }] },
    ]);
    expect(at(text, c.args[1]?.span ?? { start: 0, end: 0 })).toBe("('lz-security-admin', 'x')");
    expect(r.questionable).toEqual([]);
  });

  it('reports an unknown function as questionable', () => {
    const { r } = parse("sets-subset(target.x, ('a'))");
    expect(r.questionable.map((q) => q.code)).toEqual(['unknown-function']);
  });
});

describe('unresolved conditions', () => {
  it('keeps an interpolated value as an unresolved string', () => {
    const { text, r, c } = parse("request.principal.id='${data.oci_core_instance.bastion.id}'");
    expect(c).toMatchObject({ right: [{ kind: 'string', value: '${data.oci_core_instance.bastion.id}', unresolved: true }] });
    expect(r.unresolved.map((u) => [u.part, at(text, u.span)])).toEqual([['condition', "'${data.oci_core_instance.bastion.id}'"]]);
  });

  it('keeps a whole condition hidden by %v or ${…}', () => {
    expect(parse('%v').c).toMatchObject({ kind: 'unresolved', text: '%v' });
    expect(parse('${local.cond}').c).toMatchObject({ kind: 'unresolved', text: '${local.cond}' });
  });

  it('keeps an interpolation that stands for a list element', () => {
    const cond = "all {target.domain.name = 'd',${join(\",\", local.custom_id_domain_cred_admin_groups)}}";
    const { c } = parse(cond);
    expect(c).toMatchObject({ kind: 'group', children: [{ kind: 'comparison' }, { kind: 'unresolved' }] });
    expect(c.kind === 'group' && c.unterminated).toBeFalsy();
  });

  it('accepts a group whose rest and closing brace come from an interpolation', () => {
    const tail = '${length(local.cred_admin_groups) > 0 ? ",${join(",", local.cred_admin_groups)}}" : "}"}';
    const cond = `all {target.group.name != 'Administrators' ${tail}`;
    const { text, r, c } = parse(cond);
    if (c.kind !== 'group') throw new Error(c.kind);
    expect(c.unterminated).toBe(true);
    expect(c.children[1]).toMatchObject({ kind: 'unresolved', text: tail, glued: true });
    expect(at(text, c.span)).toBe(cond);
    expect(r.unresolved.map((u) => at(text, u.span))).toEqual([tail]);
    expect(r.unresolved[0]?.message).toContain('not fully checked');
  });

  it('keeps an interpolated variable on the left as unresolved', () => {
    const { c } = parse("target.resource.tag.${var.ns}.role = 'x'");
    expect(c).toMatchObject({ kind: 'comparison', left: { path: 'target.resource.tag.${var.ns}.role', unresolved: true } });
  });
});
