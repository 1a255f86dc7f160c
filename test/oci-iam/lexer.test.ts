/**
 * The lexer: words with opaque pieces (`${...}` with nesting and HCL strings, `%v`, `<placeholder>`),
 * quoted values, punctuation, patterns, and bad tokens; plus the known resource-type lists.
 */
import { describe, expect, it } from 'vitest';
import { lexAt, lexPatternAt, scanInterpolation, scanPlaceholder, type Token } from '../../src/oci-iam/lexer.js';
import { isFamily, isKnownResourceType, RESOURCE_FAMILIES, VERBS, verbRank } from '../../src/oci-iam/resource-types.js';

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (;;) {
    const t = lexAt(text, pos);
    if (t.kind === 'end') return out;
    out.push(t);
    if (t.kind === 'bad') return out;
    pos = t.end;
  }
}
const brief = (text: string): string[] => tokens(text).map((t) => `${t.kind}:${t.text}${t.unresolved ? '*' : ''}`);

describe('lexAt', () => {
  it('splits words, quoted values and punctuation', () => {
    expect(brief("group 'D'/'G', a:b where x!='y' {A}")).toEqual([
      'word:group', "string:'D'", 'punct:/', "string:'G'", 'punct:,', 'word:a', 'punct::', 'word:b',
      'word:where', 'word:x', 'punct:!=', "string:'y'", 'punct:{', 'word:A', 'punct:}',
    ]);
  });

  it('keeps OCIDs, dotted variables and hyphenated names as single words', () => {
    expect(brief('ocid1.group.oc1..aaa request.utc-timestamp.time-of-day objectstorage-us-ashburn-1')).toEqual([
      'word:ocid1.group.oc1..aaa', 'word:request.utc-timestamp.time-of-day', 'word:objectstorage-us-ashburn-1',
    ]);
  });

  it('takes interpolations, printf verbs and placeholders into words', () => {
    expect(brief('objectstorage-${var.region_name} %v <Remediation Group> <label>-admins ${a}${b}')).toEqual([
      'word:objectstorage-${var.region_name}*', 'word:%v*', 'word:<Remediation Group>*', 'word:<label>-admins*', 'word:${a}${b}*',
    ]);
  });

  it('skips nested braces and HCL strings inside an interpolation', () => {
    const text = '${length(x) > 0 ? ",${join(",", y)}}" : "}"} rest';
    expect(brief(text)).toEqual(['word:${length(x) > 0 ? ",${join(",", y)}}" : "}"}*', 'word:rest']);
    expect(scanInterpolation('${"\\"}"}', 0)).toBe(8);
    expect(scanInterpolation('${"$${"}', 0)).toBe(8);
    expect(scanInterpolation('${ {a} ', 0)).toBe(-1);
  });

  it('marks quoted values holding opaque pieces as unresolved', () => {
    expect(brief("'${values[\"ocid\"]}' '%v' '<image_OCID>' 'plain'")).toEqual([
      "string:'${values[\"ocid\"]}'*", "string:'%v'*", "string:'<image_OCID>'*", "string:'plain'",
    ]);
  });

  it('recognises only placeholder-shaped angle brackets', () => {
    expect(scanPlaceholder('<a b>', 0)).toBe(5);
    expect(scanPlaceholder('<1a>', 0)).toBe(-1);
    expect(scanPlaceholder('<a >', 0)).toBe(-1);
    expect(scanPlaceholder('<a{b}>', 0)).toBe(-1);
    expect(brief('< x')).toEqual(['punct:<', 'word:x']);
  });

  it('reports unclosed quotes and interpolations as bad tokens', () => {
    expect(lexAt("x 'abc", 1)).toMatchObject({ kind: 'bad', start: 2, end: 6, problem: 'the quoted value is never closed' });
    expect(lexAt('a${b', 0)).toMatchObject({ kind: 'bad', start: 1 });
  });

  it('treats Unicode spaces as whitespace and keeps surrogate pairs together', () => {
    expect(brief('a\u00a0b\u2028c')).toEqual(['word:a', 'word:b', 'word:c']);
    expect(lexAt('\u{1F600}', 0)).toMatchObject({ kind: 'word', end: 2 });
  });
});

describe('lexPatternAt', () => {
  it('reads a /pattern/ up to the next slash', () => {
    expect(lexPatternAt('x = /A-Users-*/, y', 4)).toMatchObject({ kind: 'pattern', value: 'A-Users-*', start: 4, end: 15 });
    expect(lexPatternAt('/a${"/"}b/', 0)).toMatchObject({ kind: 'pattern', value: 'a${"/"}b', unresolved: true });
    expect(lexPatternAt('/abc\n/', 0).kind).toBe('bad');
  });
});

describe('resource types', () => {
  it('knows verbs in order, families, IAM types and corpus types', () => {
    expect(VERBS).toEqual(['inspect', 'read', 'use', 'manage']);
    expect(verbRank('use')).toBeGreaterThan(verbRank('read'));
    expect(isFamily('Instance-Family')).toBe(true);
    expect(isFamily('instances')).toBe(false);
    for (const t of ['all-resources', 'ALL-RESOURCES', 'dynamic-groups', 'policies', 'cluster-node-pools', 'bucket', 'buckets', 'key-delegate']) {
      expect(isKnownResourceType(t), t).toBe(true);
    }
    expect(isKnownResourceType('flux-capacitors')).toBe(false);
    expect([...RESOURCE_FAMILIES].every((f) => f.endsWith('-family') || f === 'datasafe-family-resources')).toBe(true);
  });
});
