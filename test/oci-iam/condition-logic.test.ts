/**
 * Condition reasoning: glob intersection, tautologies (the corpus's auditor any{!=, !=} trap and
 * the other always-true shapes), the paths a condition allows, variable roles and the node that
 * encloses a path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conditionPaths, enclosingNode, findTautologies, globsIntersect, isAlwaysTrue, MAX_PATHS, narrowsEveryPath, variableRole, type Term,
} from '../../src/oci-iam/condition-logic.js';
import { parseStatement, type Comparison, type Condition } from '../../src/oci-iam/index.js';

const PREFIX = 'allow group g to manage groups in tenancy where ';

function cond(text: string): Condition {
  const r = parseStatement(PREFIX + text);
  if (!r.ok) throw new Error(r.error.message);
  if (r.statement.kind === 'define' || !r.statement.where) throw new Error('no where clause');
  return r.statement.where.condition;
}
/** The text of a node, as written in `cond(text)`. */
const textOf = (text: string, node: { span: { start: number; end: number } }): string => (PREFIX + text).slice(node.span.start, node.span.end);
const describeTerm = (t: Term): string => `${t.kind}:${t.variable ?? '?'}`;
const paths = (text: string): string[][] => conditionPaths(cond(text)).paths.map((p) => p.map(describeTerm));

describe('globsIntersect', () => {
  it.each([
    ['abc', 'abc', true], ['abc', 'abd', false], ['a*', 'b*', false], ['create*', 'update*', false],
    ['a*', '*b', true], ['*a*', 'xyz', false], ['*a*', 'xaz', true], ['', '*', true], ['', 'a', false],
    ['a*c', 'ab*', true], ['a*c', 'b*', false], ['*', 'anything', true], ['a**b', 'ab', true], ['**', '', true],
    ['x*y*z', '*q*', true], ['abc*', '*abd', true], ['abc', '*abd', false], ['a*b*c', 'a*d', false],
  ])('%s ∩ %s → %s', (a, b, want) => {
    expect(globsIntersect(a, b)).toBe(want);
    expect(globsIntersect(b, a)).toBe(want);
  });

  it('answers "may intersect" instead of spending unbounded memory on huge globs', () => {
    expect(globsIntersect('a'.repeat(2000), 'b'.repeat(2000))).toBe(true);
    expect(globsIntersect('a'.repeat(500), 'b'.repeat(500))).toBe(false);
  });
});

describe('findTautologies', () => {
  it('flags the auditor statement: any{} of != patterns that no value matches together', () => {
    const text = 'any {request.operation!=/Create*/, request.operation!=/Update*/, request.operation!=/Delete*/, request.operation!=/Change*/}';
    const [t, ...rest] = findTautologies(cond(text));
    expect(rest).toEqual([]);
    expect(t?.reason).toEqual({ kind: 'distinct-exclusions', variable: 'request.operation', values: ['/Create*/', '/Update*/'] });
    expect(textOf(text, t?.node ?? { span: { start: 0, end: 0 } })).toBe(text);
  });

  it("flags the issue's trap any{request.permission != 'A', request.permission != 'B'}, case-insensitively", () => {
    const [t] = findTautologies(cond("any{request.permission != 'A', REQUEST.PERMISSION != 'B'}"));
    expect(t?.reason).toEqual({ kind: 'distinct-exclusions', variable: 'request.permission', values: ["'A'", "'B'"] });
    // Matching is case-insensitive: 'a' and 'A' are the same value, so this one narrows.
    expect(findTautologies(cond("any{request.permission != 'A', request.permission != 'a'}"))).toEqual([]);
  });

  it('does not flag exclusions that one value can match together', () => {
    expect(findTautologies(cond('any{request.operation != /Create*/, request.operation != /*Key/}'))).toEqual([]);
    expect(findTautologies(cond("any{target.bucket.name != 'a', target.object.name != 'b'}"))).toEqual([]);
    expect(findTautologies(cond("any{request.permission != 'A'}"))).toEqual([]);
    expect(findTautologies(cond("all{request.permission != 'A', request.permission != 'B'}"))).toEqual([]);
  });

  it('flags = and != of the same value, and != of a value the = pattern covers', () => {
    expect(findTautologies(cond("any {target.group.name = 'Ops', target.group.name != 'OPS'}"))[0]?.reason)
      .toEqual({ kind: 'included-and-excluded', variable: 'target.group.name', included: "'Ops'", excluded: "'OPS'" });
    expect(findTautologies(cond("any {target.group.name = /Ops*/, target.group.name != 'ops-admins'}"))[0]?.reason)
      .toMatchObject({ kind: 'included-and-excluded', included: '/Ops*/' });
    expect(findTautologies(cond("any {target.group.name = 'ops-admins', target.group.name != /Ops*/}"))).toEqual([]);
  });

  it('flags a closed set named in full (every month, every weekday)', () => {
    const months = Array.from({ length: 12 }, (_, i) => `'${i + 1}'`).join(', ');
    expect(findTautologies(cond(`any {request.utc-timestamp.month-of-year in (${months})}`))[0]?.reason)
      .toEqual({ kind: 'whole-domain', variable: 'request.utc-timestamp.month-of-year' });
    expect(findTautologies(cond("any {request.utc-timestamp.month-of-year in ('6', '7', '8')}"))).toEqual([]);
    const days = "any {request.utc-timestamp.day-of-week in ('Saturday', 'sunday'), request.utc-timestamp.day-of-week != /S*/}";
    expect(findTautologies(cond(days))[0]?.reason).toEqual({ kind: 'whole-domain', variable: 'request.utc-timestamp.day-of-week' });
  });

  it('flags a pattern of stars alone on a variable every request has, but not the tag "is set" form', () => {
    const [t] = findTautologies(cond('request.permission = /*/'));
    expect(t?.reason).toEqual({ kind: 'matches-everything', variable: 'request.permission', value: '/*/' });
    expect(findTautologies(cond("request.principal.group.tag.ns.k = '*'"))).toEqual([]);
    expect(findTautologies(cond('target.resource.tag.ns.k = /*/'))).toEqual([]);
  });

  it('reports a nested tautology at its own node, and the outermost one only', () => {
    const text = "all {target.bucket.name = 'b', any {request.permission != 'A', request.permission != 'B', any {request.operation != 'X', request.operation != 'Y'}}}";
    const found = findTautologies(cond(text));
    expect(found.map((t) => textOf(text, t.node))).toEqual([
      "any {request.permission != 'A', request.permission != 'B', any {request.operation != 'X', request.operation != 'Y'}}",
    ]);
    expect(isAlwaysTrue(cond(text))).toBe(false);
  });

  it('ignores values it cannot see: variables, bare words, interpolations', () => {
    expect(findTautologies(cond("any {request.permission != '${var.a}', request.permission != 'B'}"))).toEqual([]);
    expect(findTautologies(cond("any {request.principal.id != target.agent.id, request.principal.id != 'B'}"))).toEqual([]);
    expect(findTautologies(cond("any {${var.x} != 'A', request.permission != 'B'}"))).toEqual([]);
  });
});

describe('isAlwaysTrue', () => {
  it('propagates through any (one member) and all (every member)', () => {
    const taut = "any {request.permission != 'A', request.permission != 'B'}";
    expect(isAlwaysTrue(cond(`any {target.bucket.name = 'b', ${taut}}`))).toBe(true);
    expect(isAlwaysTrue(cond(`all {${taut}, any {request.operation != 'X', request.operation != 'Y'}}`))).toBe(true);
    expect(isAlwaysTrue(cond(`all {${taut}, target.bucket.name = 'b'}`))).toBe(false);
    expect(isAlwaysTrue(cond(`all {${taut}, \${var.more}}`))).toBe(false);
    expect(isAlwaysTrue(cond("target.bucket.name = 'b'"))).toBe(false);
  });

  it('keeps an any{} true when an interpolation supplies the rest of the list', () => {
    const c = cond("any {request.permission != 'A', request.permission != 'B' ${length(var.x) > 0 ? \",${var.x}}\" : \"}\"}");
    expect(c).toMatchObject({ kind: 'group', unterminated: true });
    expect(isAlwaysTrue(c)).toBe(true);
  });
});

describe('conditionPaths', () => {
  it('expands any into alternatives and all into their combinations', () => {
    expect(paths("all {target.bucket.name = 'b', any {request.permission = 'A', request.permission != 'B'}}")).toEqual([
      ['include:target.bucket.name', 'include:request.permission'],
      ['include:target.bucket.name', 'exclude:request.permission'],
    ]);
    expect(paths("sets-intersect(target.resource.tag.ns.k, ('a'))")).toEqual([['include:target.resource.tag.ns.k']]);
    expect(paths("request.utc-timestamp before '2030-01-01T00:00Z'")).toEqual([['include:request.utc-timestamp']]);
    expect(paths("all {request.region = 'phx', ${var.more}}")).toEqual([['include:request.region', 'unknown:?']]);
  });

  it('drops always-true parts: the weakest path shows what is left', () => {
    expect(paths("any {target.bucket.name = 'b', any {request.permission != 'A', request.permission != 'B'}}")).toEqual([[]]);
    expect(paths("all {target.bucket.name = 'b', any {request.permission != 'A', request.permission != 'B'}}")).toEqual([['include:target.bucket.name']]);
  });

  it('gives up past MAX_PATHS alternatives with one unknown path', () => {
    const any = (n: number): string => `any {${Array.from({ length: 4 }, (_, i) => `target.x${n} = '${i}'`).join(', ')}}`;
    const text = `all {${Array.from({ length: 5 }, (_, n) => any(n)).join(', ')}}`;
    expect(4 ** 5).toBeGreaterThan(MAX_PATHS);
    const r = conditionPaths(cond(text));
    expect(r.truncated).toBe(true);
    expect(r.paths.map((p) => p.map(describeTerm))).toEqual([['unknown:?']]);
    expect(conditionPaths(cond(`all {${any(0)}, ${any(1)}}`)).paths).toHaveLength(16);
  });

  it('narrowsEveryPath: every alternative must hold a narrowing term', () => {
    const byAction = (t: Term): boolean => t.kind === 'include' && t.role === 'action';
    expect(narrowsEveryPath(cond("any {request.permission = 'A', request.permission = 'B'}"), byAction)).toBe(true);
    expect(narrowsEveryPath(cond("any {request.permission = 'A', target.bucket.name = 'b'}"), byAction)).toBe(false);
    expect(narrowsEveryPath(undefined, byAction)).toBe(false);
  });
});

describe('variableRole', () => {
  it.each([
    ['request.permission', 'action'], ['REQUEST.OPERATION', 'action'], ['request.principal.type', 'principal'],
    ['request.user.mfaTotpVerified', 'principal'], ['request.groups.id', 'principal'], ['target.compartment.id', 'location'],
    ['target.resource.compartment.tag.ns.k', 'location'], ['request.region', 'location'], ['target.key.id', 'resource'],
    ['target.resource.tag.ns.k', 'resource'], ['request.resource.type', 'resource'], ['request.utc-timestamp.day-of-week', 'time'],
    ['request.networkSource.name', 'context'], ['2.subnet.id', 'other'],
  ])('%s → %s', (path, role) => {
    expect(variableRole(path)).toBe(role);
  });
});

describe('enclosingNode', () => {
  it('finds the smallest node holding every span', () => {
    const text = "all {target.bucket.name = 'b', any {request.permission != 'A', all {request.permission != 'B', request.operation != 'C'}}}";
    const root = cond(text);
    const excluded = conditionPaths(root).paths[1] ?? [];
    expect(excluded.map(describeTerm)).toEqual(['include:target.bucket.name', 'exclude:request.permission', 'exclude:request.operation']);
    const deny = excluded.filter((t) => t.kind === 'exclude');
    expect(textOf(text, enclosingNode(root, deny.map((t) => t.node.span)))).toBe("all {request.permission != 'B', request.operation != 'C'}");
    expect(textOf(text, enclosingNode(root, [deny[0]?.node.span ?? root.span]))).toBe("request.permission != 'B'");
    expect(enclosingNode(root, excluded.map((t) => t.node.span))).toBe(root);
  });
});

describe('against brute-force evaluation', () => {
  // Conditions over two variables every request has, with literal and pattern values over {a, b}.
  const VARS = ['request.permission', 'request.operation'];
  const value = fc.constantFrom("'a'", "'b'", "'ab'", "'A'", '/a*/', '/*b/', '/*/', '/a/', '/*a*/', '/b*a/');
  const comparison = fc.tuple(fc.constantFrom(...VARS), fc.constantFrom('=', '!='), value).map(([v, op, val]) => `${v} ${op} ${val}`);
  const { cond: condition } = fc.letrec<{ cond: string }>((tie) => ({
    cond: fc.oneof({ depthSize: 'small', withCrossShrink: true }, comparison, fc.tuple(fc.constantFrom('any', 'all'), fc.array(tie('cond'), { minLength: 1, maxLength: 4 })).map(([op, cs]) => `${op} {${cs.join(', ')}}`)),
  }));
  const strings = ['', 'a', 'b', 'c', 'ab', 'ba', 'aa', 'bb', 'abc', 'bca', 'aba', 'cab'];
  const matches = (written: string, s: string): boolean => {
    const body = written.slice(1, -1).toLowerCase();
    const re = new RegExp(`^${body.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return re.test(s);
  };
  const holds = (c: Comparison, env: Record<string, string>): boolean => {
    const written = c.right[0];
    const text = written?.kind === 'pattern' ? `/${written.value}/` : `'${written?.kind === 'string' ? written.value : ''}'`;
    const m = matches(text, env[c.left.path.toLowerCase()] ?? '');
    return c.op === '=' ? m : !m;
  };
  const evaluate = (c: Condition, env: Record<string, string>): boolean => {
    if (c.kind === 'comparison') return holds(c, env);
    if (c.kind !== 'group') throw new Error(c.kind);
    return c.op === 'any' ? c.children.some((x) => evaluate(x, env)) : c.children.every((x) => evaluate(x, env));
  };
  const envs = strings.flatMap((p) => strings.map((o) => ({ 'request.permission': p, 'request.operation': o })));

  it('an always-true verdict holds for every request, and the paths are equivalent to the condition', () => {
    fc.assert(fc.property(condition, (text) => {
      const c = cond(text);
      const always = isAlwaysTrue(c);
      const { paths: alts, truncated } = conditionPaths(c);
      for (const env of envs) {
        const truth = evaluate(c, env);
        if (always) expect(truth, `${text} at ${JSON.stringify(env)}`).toBe(true);
        if (!truncated) {
          const viaPaths = alts.some((p) => p.every((t) => t.node.kind === 'comparison' && holds(t.node, env)));
          expect(viaPaths, `${text} at ${JSON.stringify(env)}`).toBe(truth);
        }
      }
      for (const t of findTautologies(c)) expect(isAlwaysTrue(t.node)).toBe(true);
    }), { numRuns: 300 });
  });
});
