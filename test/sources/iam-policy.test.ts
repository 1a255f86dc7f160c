/**
 * IAM policy sources: `.policy` statement splitting, JSON from the OCI CLI (`get`, `list`) and the
 * API, span mapping through JSON escapes, and format detection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, iamFlavor, looksLikePolicyJson } from '../../src/sources/detect.js';
import { jsonStringOffsets, readPolicyJson, readPolicyText, splitStatements, statementTextAt, type IamSource, type IamStatementUnit } from '../../src/sources/iam-policy.js';

function units(source: IamSource): IamStatementUnit[] {
  return source.policies.flatMap((p) => p.statements);
}

/** The file text under the span of the statement's verb (or the error). */
function under(source: IamSource, unit: IamStatementUnit, pick: 'verb' | 'error' | 'resource'): string {
  const r = unit.result;
  let span;
  if (!r.ok) span = r.error.span;
  else if (r.statement.kind === 'define' || r.statement.kind === 'associate') throw new Error('not a grant');
  else span = pick === 'resource' ? r.statement.resource?.span : r.statement.action.span;
  if (!span) throw new Error('no span');
  return source.file.text.slice(span.start, span.end);
}

describe('.policy text', () => {
  it('splits statements at start words, continuation lines, blank lines and comments', () => {
    const text = [
      '# Cluster admins',                                            // 1
      'Allow group ClusterAdmins to manage cluster-family',          // 2
      '    in compartment OKE',                                      // 3
      'allow GROUP Auditors to read all-resources in tenancy',       // 4
      '',                                                            // 5
      '  ENDORSE group A to read buckets in any-tenancy',            // 6
      '# okelint-disable-next-line iam-unresolved -- reviewed',      // 7
      'Define tenancy Acme as ocid1.tenancy.oc1..aaa',               // 8
      'admit group B of tenancy Acme to read buckets in tenancy',    // 9
    ].join('\n');
    const s = splitStatements(text);
    expect(s.map((x) => x.text)).toEqual([
      'Allow group ClusterAdmins to manage cluster-family\n    in compartment OKE',
      'allow GROUP Auditors to read all-resources in tenancy',
      'ENDORSE group A to read buckets in any-tenancy',
      'Define tenancy Acme as ocid1.tenancy.oc1..aaa',
      'admit group B of tenancy Acme to read buckets in tenancy',
    ]);
    for (const x of s) expect(text.slice(x.start, x.start + x.text.length)).toBe(x.text);
  });

  it('starts a statement at a stray line, and at Deny, so each gets its own error', () => {
    const text = 'Allow group A to read buckets in tenancy\nDeny group B to manage all-resources in tenancy\n\n  to read buckets\nAllow group C to read buckets in tenancy\n';
    const src = readPolicyText('p.policy', text);
    const all = units(src);
    expect(all.map((u) => u.result.ok)).toEqual([true, false, false, true]);
    expect(under(src, all[1] as IamStatementUnit, 'error')).toBe('Deny');
    expect(under(src, all[2] as IamStatementUnit, 'error')).toBe('to');
    expect(all.map((u) => u.index)).toEqual([0, 1, 2, 3]);
  });

  it('keeps CRLF line ends and a BOM out of the statements', () => {
    const text = '\uFEFFAllow group A to read buckets\r\n  in tenancy\r\n# c\r\nAllow group B to use keys in tenancy\r\n';
    const s = splitStatements(text);
    expect(s.map((x) => x.text)).toEqual(['Allow group A to read buckets\r\n  in tenancy', 'Allow group B to use keys in tenancy']);
    const src = readPolicyText('p.policy', text);
    expect(units(src).every((u) => u.result.ok)).toBe(true);
    expect(src.file.lineCounter.linePos(text.indexOf('Allow group B'))).toEqual({ line: 4, col: 1 });
  });

  it('gives spans in file offsets', () => {
    const text = '# header\n\nAllow group A to view buckets in tenancy\n';
    const src = readPolicyText('p.policy', text);
    const [u] = units(src);
    expect(u?.result.ok).toBe(false);
    expect(under(src, u as IamStatementUnit, 'error')).toBe('view');
    expect(src.policies).toHaveLength(1);
    expect(src.policies[0]?.name).toBeUndefined();
  });

  it('reads empty and comment-only files as no statements', () => {
    expect(units(readPolicyText('p.policy', ''))).toEqual([]);
    expect(units(readPolicyText('p.policy', '# nothing\n\n   \n'))).toEqual([]);
  });
});

describe('jsonStringOffsets', () => {
  it('maps plain text one to one', () => {
    expect(jsonStringOffsets('"abc"')).toEqual({ value: 'abc', offsets: [1, 2, 3, 4] });
  });

  it('maps escapes to their raw offsets', () => {
    const raw = String.raw`"a\"b\\c\u00e9d\n\/"`;
    const m = jsonStringOffsets(raw);
    expect(m.value).toBe('a"b\\céd\n/');
    expect(m.value).toBe(JSON.parse(raw));
    //          a  "  b  \  c  é  d   \n  /   end
    expect(m.offsets).toEqual([1, 2, 4, 5, 7, 8, 14, 15, 17, 19]);
    for (let i = 0; i < m.value.length; i++) {
      const o = m.offsets[i] as number;
      const rawUnit = raw.slice(o, m.offsets[i + 1]);
      expect(JSON.parse(`"${rawUnit}"`)).toBe(m.value[i]);
    }
  });

  it('maps surrogate pairs, literal and escaped, one unit at a time', () => {
    const raw = String.raw`"😀\ud83d\ude00x"`;
    const m = jsonStringOffsets(raw);
    expect(m.value).toBe('😀😀x');
    expect(m.offsets).toEqual([1, 2, 3, 9, 15, 16]);
  });

  it('survives an unterminated literal and a trailing backslash', () => {
    expect(jsonStringOffsets('"ab')).toEqual({ value: 'ab', offsets: [1, 2, 3] });
    expect(jsonStringOffsets('"a\\').value).toBe('a\\');
  });
});

const CLI_GET = `{
  "data": {
    "compartment-id": "ocid1.tenancy.oc1..aaa",
    "defined-tags": { "Oracle-Tags": { "CreatedBy": "me" } },
    "description": "cluster admins",
    "id": "ocid1.policy.oc1..bbb",
    "lifecycle-state": "ACTIVE",
    "name": "oke-admins",
    "statements": [
      "Allow group ClusterAdmins to manage cluster-family in compartment OKE",
      "Allow group 'Default'/'Net Admins' to view virtual-network-family in compartment OKE"
    ],
    "time-created": "2024-01-01T00:00:00+00:00"
  },
  "etag": "abc"
}
`;

describe('policy JSON', () => {
  it('reads oci iam policy get output, with the name and compartment', () => {
    const src = readPolicyJson('p.json', CLI_GET);
    expect(src.problems).toEqual([]);
    expect(src.kind).toBe('json');
    expect(src.policies).toHaveLength(1);
    const p = src.policies[0];
    expect(p?.name).toBe('oke-admins');
    expect(p?.compartmentId).toBe('ocid1.tenancy.oc1..aaa');
    expect(p?.nameSpan && CLI_GET.slice(p.nameSpan.start, p.nameSpan.end)).toBe('"oke-admins"');
    const [a, b] = units(src);
    expect(a?.result.ok).toBe(true);
    expect(under(src, a as IamStatementUnit, 'verb')).toBe('manage');
    expect(b?.result.ok).toBe(false);
    expect(under(src, b as IamStatementUnit, 'error')).toBe('view');
  });

  it('reads oci iam policy list output (several policies)', () => {
    const text = JSON.stringify({ data: [
      { name: 'one', 'compartment-id': 'c1', statements: ['Allow group A to read buckets in tenancy'] },
      { name: 'two', 'compartment-id': 'c2', statements: ['Allow group B to use keys in tenancy', 'Allow group C to inspect users in tenancy'] },
    ] }, null, 2);
    const src = readPolicyJson('l.json', text);
    expect(src.policies.map((p) => [p.name, p.compartmentId, p.statements.length])).toEqual([['one', 'c1', 1], ['two', 'c2', 2]]);
    expect(units(src).every((u) => u.result.ok)).toBe(true);
  });

  it('reads API objects (camelCase), one or a bare list', () => {
    const one = readPolicyJson('a.json', JSON.stringify({ compartmentId: 'c', name: 'api', statements: ['Allow group A to read buckets in tenancy'] }));
    expect(one.policies.map((p) => [p.name, p.compartmentId])).toEqual([['api', 'c']]);
    const list = readPolicyJson('a.json', JSON.stringify([{ name: 'x', statements: [] }, { name: 'y', statements: ['Allow any-user to read buckets in tenancy'] }]));
    expect(list.policies.map((p) => p.name)).toEqual(['x', 'y']);
  });

  it('maps spans through escapes back to the raw JSON', () => {
    const text = String.raw`{"name": "é", "statements": ["Allow group 'Caf\u00e9 Admins' to\tmanage all-resources in compartment \u0041pp where request.user.name = 'x\\y'", "Allow group \u0041 to write buckets in tenancy"]}`;
    const src = readPolicyJson('e.json', text);
    expect(src.problems).toEqual([]);
    const [a, b] = units(src);
    expect(a?.offsets).toBeDefined();
    expect(under(src, a as IamStatementUnit, 'verb')).toBe('manage');
    expect(under(src, a as IamStatementUnit, 'resource')).toBe('all-resources');
    const r = a?.result;
    if (!r?.ok || r.statement.kind !== 'allow') throw new Error('expected an allow statement');
    const subject = r.statement.subject;
    expect(text.slice(subject.span.start, subject.span.end)).toBe(String.raw`group 'Caf\u00e9 Admins'`);
    expect(statementTextAt(a as IamStatementUnit, subject.span)).toBe("group 'Café Admins'");
    const loc = r.statement.location;
    expect(loc && text.slice(loc.span.start, loc.span.end)).toBe(String.raw`compartment \u0041pp`);
    expect(loc && statementTextAt(a as IamStatementUnit, loc.span)).toBe('compartment App');
    expect(under(src, b as IamStatementUnit, 'error')).toBe('write');
  });

  it('reports entries that are not strings, and JSON syntax errors', () => {
    const src = readPolicyJson('n.json', '{"name": "p", "statements": ["Allow group A to read buckets in tenancy", 3, null, {"a": 1}]}');
    const all = units(src);
    expect(all.map((u) => (u.result.ok ? 'ok' : u.result.error.found))).toEqual(['ok', '3', 'null', 'an object']);
    const bad = all[1]?.result;
    if (!bad || bad.ok) throw new Error('expected an error');
    expect(bad.error.message).toBe('expected a policy statement (a string), found 3');
    const broken = readPolicyJson('b.json', '{"data": {"statements": ["Allow group A to read buckets in tenancy"');
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.policies).toEqual([]);
  });

  it('accepts a trailing comma after the last statement (hand-edited transcripts)', () => {
    const src = readPolicyJson('t.json', '{"data": {"name": "p", "statements": ["Allow group A to read buckets in tenancy",]}}');
    expect(src.problems).toEqual([]);
    expect(units(src).map((u) => u.result.ok)).toEqual([true]);
  });

  it('ignores JSON that holds no policy', () => {
    expect(readPolicyJson('k.json', '{"apiVersion": "v1", "kind": "Pod"}').policies).toEqual([]);
    expect(readPolicyJson('k.json', '{"data": []}').policies).toEqual([]);
  });
});

describe('format detection', () => {
  it('goes by extension, then content', () => {
    expect(detectFormat('a/b.policy', '')).toBe('iam');
    expect(detectFormat('main.tf', '')).toBe('terraform');
    expect(detectFormat('pod.yaml', 'statements: []')).toBe('k8s');
    expect(detectFormat('pod.yml', '')).toBe('k8s');
    expect(detectFormat('p.json', CLI_GET)).toBe('iam');
    expect(detectFormat('P.JSON', '{"statements": ["Allow group A to read buckets in tenancy"]}')).toBe('iam');
    expect(detectFormat('pod.json', '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}')).toBe('k8s');
    expect(detectFormat('<stdin>', 'Allow group A to read buckets in tenancy')).toBe('k8s');
  });

  it('--type forces the format (helm is k8s)', () => {
    expect(detectFormat('x.txt', 'Allow group A', 'iam')).toBe('iam');
    expect(detectFormat('p.policy', '', 'k8s')).toBe('k8s');
    expect(detectFormat('rendered.yaml', '', 'helm')).toBe('k8s');
    expect(detectFormat('c.json', '', 'oke')).toBe('oke');
    expect(detectFormat('c.json', '', 'terraform')).toBe('terraform');
  });

  it('recognises policy JSON shapes, broken JSON included', () => {
    expect(looksLikePolicyJson('{"data": [{"name": "a", "statements": ["x"]}]}')).toBe(true);
    expect(looksLikePolicyJson('[{"statements": []}]')).toBe(true);
    expect(looksLikePolicyJson('{"data": {"statements": ["x",]}}')).toBe(true);
    expect(looksLikePolicyJson('{"spec": {"statements": "x"}}')).toBe(false);
    expect(looksLikePolicyJson('{"data": []}')).toBe(false);
    expect(looksLikePolicyJson('{"kind": "ConfigMap"}')).toBe(false);
  });

  it('reads IAM files as JSON or text by extension and first character', () => {
    expect(iamFlavor('p.json', '')).toBe('json');
    expect(iamFlavor('p.policy', '{')).toBe('text');
    expect(iamFlavor('p.txt', '  {"data": {}}')).toBe('json');
    expect(iamFlavor('p.txt', 'Allow group A to read buckets in tenancy')).toBe('text');
    expect(iamFlavor('-', '[]')).toBe('json');
  });
});

describe('robustness (fast-check)', () => {
  it('jsonStringOffsets agrees with JSON.parse, unit by unit, for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean(), (value, asciiOnly) => {
      let raw = JSON.stringify(value);
      if (asciiOnly) raw = raw.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const m = jsonStringOffsets(raw);
      expect(m.value).toBe(value);
      expect(m.offsets).toHaveLength(value.length + 1);
      expect(m.offsets[value.length]).toBe(raw.length - 1);
      for (let i = 0; i < value.length; i++) {
        expect(JSON.parse(`"${raw.slice(m.offsets[i], m.offsets[i + 1])}"`)).toBe(value[i]);
      }
    }), { numRuns: 300 });
  });

  it('never throws on arbitrary text or JSON, and every span stays inside the file', () => {
    const statement = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        'Allow group A to view buckets in tenancy', "Allow group 'Caf\u00e9' to read buckets in tenancy where x = 'a\"b'",
        'Allow ${var.s} to manage ${var.r} in <c> where ${x}', 'Deny group X', 'Define tenancy A as %v',
      ),
    );
    const check = (src: IamSource): void => {
      const n = src.file.text.length;
      for (const p of src.problems) expect(p.span.end).toBeLessThanOrEqual(n);
      for (const u of units(src)) {
        const spans: { start: number; end: number }[] = [];
        JSON.stringify(u.result, (k, v: unknown) => {
          if (k === 'span') spans.push(v as { start: number; end: number });
          return v;
        });
        for (const sp of spans) {
          expect(sp.start).toBeGreaterThanOrEqual(0);
          expect(sp.start).toBeLessThanOrEqual(sp.end);
          expect(sp.end).toBeLessThanOrEqual(n);
        }
      }
    };
    fc.assert(fc.property(fc.array(statement, { maxLength: 5 }), fc.nat(), (list, cut) => {
      const text = list.join('\n');
      check(readPolicyText('p.policy', text));
      const json = JSON.stringify({ data: { name: 'p', statements: list } }, null, 1);
      check(readPolicyJson('p.json', json));
      check(readPolicyJson('p.json', json.slice(0, cut % (json.length + 1))));
    }), { numRuns: 300 });
  });
});
