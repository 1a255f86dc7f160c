/**
 * The parser never throws: random text, text built from the policy grammar's own pieces and
 * mutated corpus statements all come back as `ok` or as an error, with spans inside the text.
 * Whatever parses also survives print → parse unchanged.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStatement, printStatement, stripSpans, type Span, type StatementResult } from '../../src/oci-iam/index.js';

const CORPUS = new URL('../../../shared/corpora/oci/', import.meta.url);
const statements = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.policy.txt'))
  .flatMap((f) => readFileSync(new URL(f, CORPUS), 'utf8').split('\n'))
  .filter((l) => l.length > 0);

/** Every span of a result, nodes included. */
function spans(result: StatementResult): Span[] {
  if (!result.ok) return [result.error.span];
  const out: Span[] = [...result.questionable.map((q) => q.span), ...result.unresolved.map((u) => u.span)];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'span') out.push(v as Span);
        else walk(v);
      }
    }
  };
  walk(result.statement);
  return out;
}

function check(text: string, offset = 0): StatementResult {
  const result = parseStatement(text, offset);
  for (const s of spans(result)) {
    expect(s.start).toBeGreaterThanOrEqual(offset);
    expect(s.end).toBeLessThanOrEqual(offset + text.length);
    expect(s.start).toBeLessThanOrEqual(s.end);
  }
  if (result.ok) {
    const printed = printStatement(result.statement);
    const again = parseStatement(printed);
    expect(again.ok ? 'ok' : `${again.error.message}: ${printed}`).toBe('ok');
    if (again.ok) expect(stripSpans(again.statement)).toEqual(stripSpans(result.statement));
  } else {
    expect(result.error.message.length).toBeGreaterThan(0);
  }
  return result;
}

const PIECES = [
  'allow', 'Allow', 'ENDORSE', 'admit', 'define', 'deny', 'group', 'dynamic-group', 'service', 'any-user',
  'any-group', 'resource', 'id', 'ocid1.group.oc1..aaa', 'of', 'tenancy', 'to', 'associate', 'with', 'as',
  'inspect', 'read', 'use', 'manage', 'view', 'all-resources', 'instance-family', 'in', 'compartment',
  'any-tenancy', 'a:b:c', 'where', 'any', 'all', 'and', 'between', 'before', 'after', 'sets-intersect',
  'request.permission', 'target.group.name', '2.subnet.id', "'x'", "'a b'", "'", '/A*/', '/', '{', '}',
  '(', ')', ',', '=', '!=', ':', '<group>', '<', '>', '%v', '${var.x}', '${join(",", x)}', '${', '"}"}',
  '$', '%', '|', '"', '\n', ' ', '\t', '\u00a0', '\u{1F600}', '\ud800',
];

const pieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((xs) => xs.join(' '));
const tightPieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((xs) => xs.join(''));

const mutation = fc.record({
  index: fc.nat(),
  seed: fc.nat(),
  op: fc.constantFrom('delete', 'insert', 'replace', 'truncate', 'swap', 'duplicate'),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })),
});

function mutate(text: string, m: { index: number; seed: number; op: string; insert: string }): string {
  const i = m.index % (text.length + 1);
  const j = Math.min(text.length, i + 1 + (m.seed % 12));
  switch (m.op) {
    case 'delete':
      return text.slice(0, i) + text.slice(j);
    case 'insert':
      return text.slice(0, i) + m.insert + text.slice(i);
    case 'replace':
      return text.slice(0, i) + m.insert + text.slice(j);
    case 'truncate':
      return text.slice(0, i);
    case 'swap': {
      const words = text.split(' ');
      const a = m.index % words.length;
      const b = m.seed % words.length;
      [words[a], words[b]] = [words[b] ?? '', words[a] ?? ''];
      return words.join(' ');
    }
    default:
      return text.slice(0, j) + text.slice(i);
  }
}

describe('parseStatement under random input', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), fc.nat({ max: 1000 }), (s, offset) => void check(s, offset)), { numRuns: 2000 });
  });

  it('never throws on sequences of grammar pieces', () => {
    fc.assert(fc.property(pieces, (s) => void check(s)), { numRuns: 3000 });
    fc.assert(fc.property(tightPieces, (s) => void check(s)), { numRuns: 2000 });
  });

  it('never throws on mutated corpus statements, and what parses round-trips', () => {
    const statement = fc.constantFrom(...statements);
    fc.assert(
      fc.property(statement, fc.array(mutation, { minLength: 1, maxLength: 3 }), (text, ms) => {
        void check(ms.reduce(mutate, text));
      }),
      { numRuns: 4000 },
    );
  });

  it('survives pathological nesting and long input', () => {
    const deep = `allow group a to read buckets in tenancy where ${'all {'.repeat(5000)}a = 'b'${'}'.repeat(5000)}`;
    const r = check(deep);
    expect(r.ok).toBe(false);
    const long = `allow group ${Array.from({ length: 5000 }, (_, i) => `g${i}`).join(', ')} to read buckets in tenancy`;
    expect(check(long).ok).toBe(true);
    const interp = `allow group ${'${'.repeat(3000)}x${'}'.repeat(3000)} to read buckets in tenancy`;
    expect(check(interp).ok).toBe(true);
    expect(check(`allow group ${'${"'.repeat(3000)} to`).ok).toBe(false);
  });
});
