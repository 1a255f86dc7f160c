/**
 * Real Terraform: every `.tf` / `.tfvars` file of the OKE corpus parses without an error, and every
 * policy statement of the IAM corpus that came from a `.tf` file reads back, when written as an
 * HCL string of an `oci_identity_policy`, as the same statement: its literal text, or (behind
 * unresolved `${...}`) a skeleton that the IAM parser reads exactly as it reads the corpus line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStatement, stripSpans } from '../../../src/oci-iam/index.js';
import { parseHcl } from '../../../src/sources/hcl/parser.js';
import { iamPolicyStatements } from '../../../src/sources/hcl/tf-policy.js';
import { lintFile } from '../../../src/engine/lint-file.js';
import { strictConfig } from '../../helpers/registry-config.js';

const CORPUS = new URL('../../../../shared/corpora/oci/', import.meta.url).pathname;

describe('OKE corpus Terraform', () => {
  const files = readdirSync(`${CORPUS}oke`).filter((f) => /\.(tf|tfvars)$/.test(f)).sort();

  it('has the five Terraform files', () => {
    expect(files).toHaveLength(5);
  });

  for (const name of files) {
    it(`parses ${name} without error, and lints it with the whole registry without a parse error`, () => {
      const text = readFileSync(`${CORPUS}oke/${name}`, 'utf8');
      const { body, errors } = parseHcl(text);
      expect(errors.map((e) => `${e.span.start}: ${e.message}`)).toEqual([]);
      expect(body.items.length).toBeGreaterThan(0);
      const findings = lintFile({ path: name, uri: name, text, type: 'terraform' }, strictConfig(), '2026-11-23').findings;
      expect(findings.filter((f) => f.ruleId.endsWith('parse-error')).map((f) => f.message)).toEqual([]);
    });
  }
});

/** Statements of the IAM corpus whose source paths include a `.tf` file. */
function terraformStatements(): { file: string; statement: string }[] {
  return readdirSync(CORPUS).filter((f) => f.endsWith('.sources.tsv')).sort().flatMap((file) =>
    readFileSync(CORPUS + file, 'utf8').split('\n').slice(1).flatMap((line) => {
      const [statement, paths] = line.split('\t');
      return statement && paths && /\.tf(;|$)/.test(paths) ? [{ file, statement }] : [];
    }));
}

/** The statement as an HCL quoted string (it was one, or a heredoc line when it holds a bare quote). */
function asHcl(statement: string): { text: string; start: number } {
  const quoted = `resource "oci_identity_policy" "p" {\n  statements = ["${statement}"]\n}\n`;
  if (parseHcl(quoted).errors.length === 0) return { text: quoted, start: quoted.indexOf('"', quoted.indexOf('[')) + 1 };
  const heredoc = `resource "oci_identity_policy" "p" {\n  statements = [<<EOT\n${statement}\nEOT\n  ]\n}\n`;
  return { text: heredoc, start: heredoc.indexOf('EOT\n') + 4 };
}

describe('IAM corpus statements written in Terraform', () => {
  const all = terraformStatements();

  it('reads all 1,484 of them back as written', () => {
    expect(all).toHaveLength(1484);
    const problems: string[] = [];
    let literal = 0, partial = 0;
    for (const { file, statement } of all) {
      const { text, start } = asHcl(statement);
      const parsed = parseHcl(text);
      if (parsed.errors.length) {
        problems.push(`${file}: ${statement}: ${parsed.errors.map((e) => e.message).join('; ')}`);
        continue;
      }
      const stmts = iamPolicyStatements({ path: 'p.tf', text, body: parsed.body })[0]?.statements ?? [];
      const s = stmts[0];
      const read = s?.kind === 'text' ? s : s?.kind === 'unresolved' ? s.partial : undefined;
      if (stmts.length !== 1 || !read) {
        problems.push(`${file}: ${statement}: read as ${JSON.stringify(stmts.map((x) => x.kind))}`);
        continue;
      }
      if (s?.kind === 'text') literal++;
      else partial++;
      const want = statement.includes('\\') ? read.text : statement.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
      if (read.text.trimEnd() !== want.trimEnd()) problems.push(`${file}: read back as ${read.text}`);
      else if (!statement.includes('\\') && read.mapOffset(0) !== start) problems.push(`${file}: starts at ${read.mapOffset(0)}, not ${start}`);
      const ours = parseStatement(read.text.trimEnd(), 0);
      const theirs = parseStatement(want.trimEnd(), 0);
      if (JSON.stringify(stripSpans(ours)) !== JSON.stringify(stripSpans(theirs))) problems.push(`${file}: parses differently: ${statement}`);
    }
    expect(problems).toEqual([]);
    console.log(`Terraform-written corpus statements: ${literal} literal, ${partial} behind unresolved \${...} or %v`);
  });
});
