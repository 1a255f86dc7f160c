/**
 * Every statement of the OCI corpora (shared/corpora/oci/*.policy.txt, one statement per line)
 * goes through the parser: nothing throws, every parsed statement round-trips through the
 * canonical printer, and the statements that fail are exactly those listed, with reasons, in
 * corpus-expectations.json. Then every statement goes through the full IAM pipeline (each corpus
 * file as one policy, every registered rule enabled by the strict preset, suppression included):
 * nothing throws, findings stay on their statement's line, and the parse errors match the parser.
 * Prints per-file parse and finding counts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintIamSource } from '../../src/engine/lint-iam.js';
import type { Finding } from '../../src/engine/types.js';
import { parseStatement, printStatement, stripSpans, type StatementResult } from '../../src/oci-iam/index.js';
import { buildIamSource, lineIndexOf, type StatementText } from '../../src/sources/iam-policy.js';
import { registry, strictConfig } from '../helpers/registry-config.js';
import expectations from './corpus-expectations.json' with { type: 'json' };

const CORPUS = new URL('../../../shared/corpora/oci/', import.meta.url);

interface Expected {
  readonly file: string;
  readonly statement: string;
  readonly sources: string;
  readonly error: string;
  readonly category: 'invalid' | 'extraction-truncated';
  readonly reason: string;
  readonly completion?: string;
}

interface FileRun {
  readonly file: string;
  readonly lines: readonly string[];
  readonly results: readonly StatementResult[];
}

const expected = expectations.errors as readonly Expected[];
const key = (file: string, statement: string): string => `${file}\n${statement}`;

function runCorpus(): FileRun[] {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.policy.txt')).sort();
  return files.map((file) => {
    // One statement per line; the files end with a newline and hold no blank or comment lines.
    const lines = readFileSync(new URL(file, CORPUS), 'utf8').split('\n').filter((l) => l.length > 0);
    return { file, lines, results: lines.map((l) => parseStatement(l)) };
  });
}

describe('OCI IAM corpus', () => {
  const started = performance.now();
  const runs = runCorpus();
  const elapsed = performance.now() - started;

  it('reads every corpus file, one statement per line, matching its sources.tsv', () => {
    expect(runs.length).toBeGreaterThanOrEqual(11);
    for (const run of runs) {
      const tsv = readFileSync(new URL(run.file.replace('.policy.txt', '.sources.tsv'), CORPUS), 'utf8');
      const rows = tsv.split('\n').slice(1).filter((l) => l.length > 0).map((l) => l.split('\t')[0]);
      expect(run.lines, run.file).toEqual(rows);
    }
  });

  // Timing is reported (console, npm run bench), never asserted: a loaded machine must not fail CI.
  it('reads every statement of the corpus', () => {
    const total = runs.reduce((n, r) => n + r.lines.length, 0);
    expect(total).toBe(3674);
  });

  it('round-trips every parsed statement through the canonical printer', () => {
    const failures: string[] = [];
    for (const run of runs) {
      run.results.forEach((r, i) => {
        if (!r.ok) return;
        const printed = printStatement(r.statement);
        const again = parseStatement(printed);
        if (!again.ok) {
          failures.push(`${run.file}:${i + 1}: printed text does not parse: ${again.error.message}\n  ${printed}`);
        } else if (JSON.stringify(stripSpans(again.statement)) !== JSON.stringify(stripSpans(r.statement))) {
          failures.push(`${run.file}:${i + 1}: AST differs after printing\n  ${run.lines[i] ?? ''}\n  ${printed}`);
        } else if (printStatement(again.statement) !== printed) {
          failures.push(`${run.file}:${i + 1}: printing is not stable\n  ${printed}`);
        }
      });
    }
    expect(failures).toEqual([]);
  });

  it('keeps every span inside its line', () => {
    for (const run of runs) {
      run.results.forEach((r, i) => {
        const len = (run.lines[i] ?? '').length;
        const spans = r.ok ? [r.statement.span, ...r.questionable.map((q) => q.span), ...r.unresolved.map((u) => u.span)] : [r.error.span];
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(len);
          expect(s.start).toBeLessThanOrEqual(s.end);
        }
      });
    }
  });

  it('fails exactly on the statements listed in corpus-expectations.json, with the listed message', () => {
    const actual = new Map<string, string>();
    for (const run of runs) {
      run.results.forEach((r, i) => {
        if (!r.ok) actual.set(key(run.file, run.lines[i] ?? ''), r.error.message);
      });
    }
    const listed = new Map(expected.map((e) => [key(e.file, e.statement), e.error]));
    expect([...actual.keys()].sort()).toEqual([...listed.keys()].sort());
    for (const [k, message] of actual) expect(message, k).toBe(listed.get(k));
  });

  it('gives every listed error a reason, and every truncated statement parses once completed', () => {
    for (const e of expected) {
      expect(e.reason.length, e.statement).toBeGreaterThan(20);
      if (e.category === 'extraction-truncated') {
        expect(e.completion, e.statement).toBeDefined();
        const joined = parseStatement(`${e.statement} ${e.completion ?? ''}`);
        expect(joined.ok ? 'ok' : joined.error.message, e.statement).toBe('ok');
      } else {
        expect(e.category).toBe('invalid');
      }
    }
  });

  it('reports counts per source file', () => {
    const rows = runs.map((run) => {
      const ok = run.results.filter((r) => r.ok);
      const count = (pick: (r: Extract<StatementResult, { ok: true }>) => number): number =>
        ok.reduce((n, r) => n + (r.ok ? pick(r) : 0), 0);
      return {
        file: run.file.replace('.policy.txt', ''),
        statements: run.lines.length,
        parsed: ok.length,
        errors: run.lines.length - ok.length,
        questionable: count((r) => r.questionable.length),
        unresolved: count((r) => r.unresolved.length),
        'stmts unresolved': count((r) => (r.unresolved.length > 0 ? 1 : 0)),
      };
    });
    console.log(`OCI IAM corpus: ${rows.reduce((n, r) => n + r.statements, 0)} statements parsed in ${elapsed.toFixed(0)} ms`);
    console.table(rows);
    expect(rows.every((r) => r.parsed + r.errors === r.statements)).toBe(true);
  });

  describe('through the full IAM pipeline', () => {
    const config = strictConfig();
    const iamRules = registry.filter((r) => r.meta.appliesTo.includes('iam') || r.meta.id === 'iam-parse-error').map((r) => r.meta.id).sort();
    const lintStarted = performance.now();
    const linted = runs.map((run) => ({ run, findings: lintCorpusFile(run, config) }));
    const lintElapsed = performance.now() - lintStarted;

    it('lints every statement with every IAM rule, each finding on its own statement line', () => {
      for (const { run, findings } of linted) {
        for (const f of findings) {
          expect(f.start.line, `${run.file}: ${f.ruleId} ${f.message}`).toBe(f.end.line);
          expect(f.start.line).toBeGreaterThanOrEqual(1);
          expect(f.start.line).toBeLessThanOrEqual(run.lines.length);
        }
        const parseErrors = findings.filter((f) => f.ruleId === 'iam-parse-error').map((f) => f.start.line);
        const failed = run.results.flatMap((r, i) => (r.ok ? [] : [i + 1]));
        expect(parseErrors, run.file).toEqual(failed);
      }
    });

    it("flags every copy of the auditor any{!=, !=} statement as always true (the issue's known trap)", () => {
      const trap = /where any \{\s*request\.operation\s*!=\s*\/Create\*\//i;
      let copies = 0;
      for (const { run, findings } of linted) {
        const flagged = new Set(findings.filter((f) => f.ruleId === 'iam-tautological-condition').map((f) => f.start.line));
        run.lines.forEach((line, i) => {
          if (!trap.test(line)) return;
          copies++;
          expect(flagged.has(i + 1), `${run.file}:${i + 1} ${line}`).toBe(true);
        });
      }
      expect(copies).toBeGreaterThan(0);
    });

    it('reports finding counts per source file and rule', () => {
      const total = new Map<string, number>(iamRules.map((id) => [id, 0]));
      for (const { run, findings } of linted) {
        const counts = new Map<string, number>();
        for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
        for (const [id, n] of counts) total.set(id, (total.get(id) ?? 0) + n);
        const parsed = run.results.filter((r) => r.ok).length;
        const list = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([id, n]) => `${id} ${n}`).join(', ');
        console.log(`${run.file.replace('.policy.txt', '')}: ${parsed}/${run.lines.length} parsed; ${list || 'no findings'}`);
      }
      const statements = runs.reduce((n, r) => n + r.lines.length, 0);
      console.log(`OCI IAM corpus through the IAM pipeline: ${statements} statements, ${iamRules.length} rules, ${lintElapsed.toFixed(0)} ms`);
      console.table(Object.fromEntries([...total].sort(([a], [b]) => a.localeCompare(b)).map(([id, n]) => [id, { findings: n }])));
      expect([...total.keys()]).toEqual(expect.arrayContaining(iamRules));
    });
  });
});

/** One corpus file as one `.policy` text policy, one statement per line, linted with `config`. */
function lintCorpusFile(run: FileRun, config: ReturnType<typeof strictConfig>): Finding[] {
  const text = `${run.lines.join('\n')}\n`;
  const statements: StatementText[] = [];
  let start = 0;
  for (const line of run.lines) {
    statements.push({ text: line, start });
    start += line.length + 1;
  }
  const source = buildIamSource({ path: run.file, text, lineCounter: lineIndexOf(text) }, 'text', [{ statements }]);
  return lintIamSource(source, run.file, config, '2026-11-23').findings;
}
