/**
 * The unified diff of --fix-dry-run: exact hunks for the usual shapes, and for random texts a
 * diff that a strict applier, GNU patch and `git apply` all turn into the new text.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines, unifiedDiff } from '../../src/fix/unified-diff.js';
import { tempDir } from '../helpers/cli.js';

const names = { oldName: 'a/f.yaml', newName: 'b/f.yaml' };
const lines = (n: number, from = 1): string => Array.from({ length: n }, (_, i) => `l${i + from}\n`).join('');

/**
 * Applies a unified diff of one file strictly: every context and removed line must match the
 * old text where the header says, and the counts must agree. Throws on any mismatch.
 */
function applyStrict(before: string, diff: string): string {
  if (diff === '') return before;
  const old = splitLines(before);
  const out: string[] = [];
  const body = diff.split('\n');
  if (body[0] !== `--- ${names.oldName}` || body[1] !== `+++ ${names.newName}`) throw new Error('bad header');
  let at = 0;
  let i = 2;
  while (i < body.length && body[i] !== '') {
    const m = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(body[i] ?? '');
    if (!m) throw new Error(`bad hunk header: ${body[i]}`);
    const [oldStart, oldCount, , newCount] = m.slice(1).map(Number) as [number, number, number, number];
    const first = oldCount === 0 ? oldStart : oldStart - 1;
    if (first < at) throw new Error('hunks overlap');
    out.push(...old.slice(at, first));
    at = first;
    let seenOld = 0, seenNew = 0;
    i++;
    while (i < body.length && /^[ +-]/.test(body[i] ?? '')) {
      const kind = (body[i] as string)[0];
      let text = (body[i] as string).slice(1) + '\n';
      if (body[i + 1] === '\\ No newline at end of file') { text = text.slice(0, -1); i++; }
      if (kind !== '+') {
        if (old[at] !== text) throw new Error(`context mismatch at old line ${at + 1}`);
        at++; seenOld++;
      }
      if (kind !== '-') { out.push(text); seenNew++; }
      i++;
    }
    if (seenOld !== oldCount || seenNew !== newCount) throw new Error('hunk counts do not match');
  }
  return out.concat(old.slice(at)).join('');
}

describe('unified diff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', names)).toBe('');
  });

  it('shows an insertion with three lines of context on each side', () => {
    const before = lines(10);
    const after = before.replace('l5\n', 'l5\nnew\n');
    expect(unifiedDiff(before, after, names)).toBe(
      '--- a/f.yaml\n+++ b/f.yaml\n@@ -3,6 +3,7 @@\n l3\n l4\n l5\n+new\n l6\n l7\n l8\n');
  });

  it('puts removed lines before added ones and splits distant changes into hunks', () => {
    const before = lines(20);
    const after = before.replace('l2\n', 'L2\n').replace('l18\n', 'L18\n');
    expect(unifiedDiff(before, after, names)).toBe('--- a/f.yaml\n+++ b/f.yaml\n'
      + '@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n'
      + '@@ -15,6 +15,6 @@\n l15\n l16\n l17\n-l18\n+L18\n l19\n l20\n');
  });

  it('joins changes at most six lines apart into one hunk', () => {
    const before = lines(20);
    const after = before.replace('l5\n', 'L5\n').replace('l12\n', 'L12\n');
    const diff = unifiedDiff(before, after, names);
    expect(diff.match(/^@@/gm)).toHaveLength(1);
    expect(diff).toContain('@@ -2,14 +2,14 @@\n');
  });

  it('marks a last line without a newline, on either side', () => {
    expect(unifiedDiff('a\nb', 'a\nb\nc\n', names)).toBe(
      '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n');
    expect(unifiedDiff('a\n', 'a\nb', names)).toBe('--- a/f.yaml\n+++ b/f.yaml\n@@ -1,1 +1,2 @@\n a\n+b\n\\ No newline at end of file\n');
  });

  it('keeps CR as part of the line and numbers an empty side by the line before it', () => {
    expect(unifiedDiff('a\r\nb\r\n', 'a\r\nx\r\nb\r\n', names)).toBe('--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,3 @@\n a\r\n+x\r\n b\r\n');
    expect(unifiedDiff('', 'a\n', names)).toBe('--- a/f.yaml\n+++ b/f.yaml\n@@ -0,0 +1,1 @@\n+a\n');
    expect(unifiedDiff('a\n', '', names)).toBe('--- a/f.yaml\n+++ b/f.yaml\n@@ -1,1 +0,0 @@\n-a\n');
  });

  it('gives a correct replacement when the texts are too far apart to match line by line', () => {
    const before = lines(1500);
    const after = lines(1500, 2000);
    const diff = unifiedDiff(before, after, names);
    expect(diff.startsWith('--- a/f.yaml\n+++ b/f.yaml\n@@ -1,1500 +1,1500 @@\n-l1\n')).toBe(true);
    expect(applyStrict(before, diff)).toBe(after);
  });

  const texts = fc.array(fc.constantFrom('a\n', 'b\n', 'c\n', 'key: v\n', '  - x\r\n', '# c\n', '\n'), { maxLength: 40 })
    .chain((ls) => fc.tuple(fc.constant(ls), fc.boolean()))
    .map(([ls, cut]) => { const t = ls.join(''); return cut && t.endsWith('\n') ? t.slice(0, -1) : t; });

  it('always applies back to the new text (strict applier, random texts)', () => {
    fc.assert(fc.property(texts, texts, (before, after) => {
      const diff = unifiedDiff(before, after, names);
      expect(applyStrict(before, diff)).toBe(after);
      // Minimal enough: never more changed lines than a full replacement.
      const changed = diff.split('\n').filter((l) => /^[+-](?![+-]{2} )/.test(l)).length;
      expect(changed).toBeLessThanOrEqual(splitLines(before).length + splitLines(after).length);
    }), { numRuns: 500 });
  });

  it('is accepted by GNU patch and git apply, which produce the new texts', () => {
    const dir = tempDir('okelint-diff-');
    const samples = fc.sample(fc.tuple(texts, texts), { numRuns: 60, seed: 7 });
    let patchText = '';
    const expected: string[] = [];
    samples.forEach(([before, after], i) => {
      mkdirSync(join(dir, 'p', String(i)), { recursive: true });
      mkdirSync(join(dir, 'g', String(i)), { recursive: true });
      writeFileSync(join(dir, 'p', String(i), 'f.yaml'), before);
      writeFileSync(join(dir, 'g', String(i), 'f.yaml'), before);
      patchText += unifiedDiff(before, after, { oldName: `a/${i}/f.yaml`, newName: `b/${i}/f.yaml` });
      expected.push(after);
    });
    writeFileSync(join(dir, 'all.patch'), patchText);
    execFileSync('patch', ['-p1', '--batch', '--quiet', '-i', join(dir, 'all.patch')], { cwd: join(dir, 'p'), stdio: 'pipe' });
    execFileSync('git', ['apply', '--whitespace=nowarn', join(dir, 'all.patch')], { cwd: join(dir, 'g'), stdio: 'pipe' });
    expected.forEach((after, i) => {
      expect(readFileSync(join(dir, 'p', String(i), 'f.yaml'), 'utf8')).toBe(after);
      expect(readFileSync(join(dir, 'g', String(i), 'f.yaml'), 'utf8')).toBe(after);
    });
  });
});
