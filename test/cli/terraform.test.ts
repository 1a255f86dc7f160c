/**
 * Terraform end to end, as a user runs it: a module directory (`.tf` files and a
 * `terraform.tfvars`) walked by the CLI, `oci_identity_policy` statements reported at exact
 * lines and columns in the `.tf` and tfvars files (JSON), SARIF that passes both validators with
 * the statement's use as a related location, `//` suppressions, HCL syntax errors that stop
 * nothing, and `--type terraform` forcing the format on a file and on standard input.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { okelint, tempDir } from '../helpers/cli.js';
import { runMultitool, validateSarifSchema } from '../helpers/sarif-validate.js';

const MAIN = [
  '# OKE access policies',                                                                    // 1
  'resource "oci_identity_policy" "oke" {',                                                   // 2
  '  compartment_id = var.tenancy_ocid',                                                      // 3
  '  name           = "oke-operators"',                                                       // 4
  '  description    = "OKE operators"',                                                       // 5
  '  statements = concat(local.base, var.extra, [',                                           // 6
  '    "Allow group ${var.operators} to use clusters in compartment ${local.cmp}",',          // 7  operators from tfvars
  '    "Allow group OKE-Operators to view cluster-node-pools in compartment ${local.cmp}",',  // 8  view: 8:35
  '    <<-EOT',                                                                               // 9
  '      Allow group OKE-Operators to manage cluster-workload-mapings',                       // 10 type: 10:43
  '        in compartment ${local.cmp}',                                                      // 11
  '    EOT',                                                                                  // 12
  '    ,',                                                                                    // 13
  '    // okelint-disable-next-line iam-unresolved -- the CI group comes from the pipeline',  // 14
  '    "Allow group ${var.ci_group} to read clusters in compartment ${local.cmp}",',          // 15 unresolved, suppressed
  '    "Allow group ${var.on_call} to read clusters in compartment ${local.cmp}",',           // 16 unresolved: 16:18
  '  ])',                                                                                     // 17
  '}',                                                                                        // 18
  '',                                                                                         // 19
  'resource "oci_identity_group" "broken" {',                                                 // 20
  '  name = "ops" "extra"',                                                                   // 21 HCL error: 21:16
  '}',                                                                                        // 22
  '',
].join('\n');

const VARIABLES = [
  'variable "tenancy_ocid" {}',
  'variable "operators" {}',
  'variable "ci_group" {}',
  'variable "on_call" {}',
  'variable "extra" {',
  '  type    = list(string)',
  '  default = []',
  '}',
  '',
  'locals {',
  '  cmp  = "OKE"',
  '  base = ["Allow group OKE-Admins to manage cluster-family in compartment OKE"]',
  '}',
  '',
].join('\n');

const TFVARS = [
  'operators = "OKE-Operators"',
  'extra = [',
  '  "Allow group Auditors to inspect all-resources in tenancy where request.user.name = auditor",', // 3  unquoted: 3:87
  ']',
  '',
].join('\n');

/** The rules this test is about (other IAM rules may also fire on these statements). */
const CHECKED = new Set(['parse-error', 'iam-parse-error', 'iam-questionable-syntax', 'iam-unresolved', 'suppression-invalid']);

interface JsonFinding {
  ruleId: string; messageId: string; message: string; file: string; line: number; column: number; endLine: number; endColumn: number;
  path: (string | number)[]; object?: { kind: string; name?: string }; suppressed?: unknown;
}

let dir: string;
beforeAll(() => {
  dir = tempDir('okelint-tf-');
  mkdirSync(join(dir, 'infra'));
  writeFileSync(join(dir, 'infra', 'main.tf'), MAIN);
  writeFileSync(join(dir, 'infra', 'variables.tf'), VARIABLES);
  writeFileSync(join(dir, 'infra', 'terraform.tfvars'), TFVARS);
  writeFileSync(join(dir, 'infra', 'policies.hcl'), 'resource "oci_identity_policy" "p" {\n  statements = ["Allow group A to view buckets in tenancy"]\n}\n');
});

function brief(f: JsonFinding): string {
  return `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}/${f.messageId}${f.suppressed ? ' (suppressed)' : ''}`;
}

function checked(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings.filter((f) => CHECKED.has(f.ruleId));
}

describe('okelint on Terraform', () => {
  it('walks a module directory and reports in the .tf and tfvars files at exact positions (JSON)', async () => {
    const r = await okelint(['infra', '--format', 'json', '--include-suppressed'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const findings = checked(r.stdout);
    expect(findings.map(brief)).toEqual([
      'infra/main.tf:8:35-8:39 iam-parse-error/syntax',
      'infra/main.tf:10:43-10:67 iam-questionable-syntax/unknownResourceType',
      'infra/main.tf:15:18-15:33 iam-unresolved/subject (suppressed)',
      'infra/main.tf:16:18-16:32 iam-unresolved/subject',
      'infra/main.tf:21:16-21:17 parse-error/hcl',
      'infra/terraform.tfvars:3:87-3:94 iam-questionable-syntax/unquotedValue',
    ]);
    const byLine = new Map(findings.map((f) => [`${f.file}:${f.line}`, f]));
    expect(byLine.get('infra/main.tf:8')).toMatchObject({ object: { kind: 'Policy', name: 'oke-operators' }, path: ['statements', 3] });
    expect(byLine.get('infra/main.tf:16')?.message).toBe("The subject is hidden behind '${var.on_call}': who gets the grant was not checked. (var.on_call is not set in terraform.tfvars or *.auto.tfvars and has no default)");
    expect(byLine.get('infra/main.tf:15')?.suppressed).toEqual({ kind: 'comment', justification: 'the CI group comes from the pipeline' });
    expect(byLine.get('infra/terraform.tfvars:3')?.path).toEqual(['statements', 1]);
    const summary = (JSON.parse(r.stdout) as { summary: { filesLinted: number; objects: number } }).summary;
    expect(summary).toMatchObject({ filesLinted: 2, objects: 7 });
  });

  it('shows the offending token of a heredoc statement in the text report', async () => {
    const r = await okelint(['infra/main.tf', '--no-color'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('   10 |       Allow group OKE-Operators to manage cluster-workload-mapings\n       |                                           ^^^^^^^^^^^^^^^^^^^^^^^^\n');
  });

  it('emits SARIF with the tfvars statement related to its use in main.tf, valid for both validators', async () => {
    const out = join(dir, 'tf.sarif');
    const r = await okelint(['infra', '--format', 'sarif', '--output-file', out], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(out, 'utf8')) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> }; message: { text: string } }[] }[] }[];
    };
    const results = (log.runs[0]?.results ?? []).filter((x) => CHECKED.has(x.ruleId));
    expect(results.map((x) => `${x.ruleId}@${x.locations[0]?.physicalLocation.artifactLocation.uri.replace(/^.*infra\//, '')}:${x.locations[0]?.physicalLocation.region.startLine}:${x.locations[0]?.physicalLocation.region.startColumn}`)).toEqual([
      'iam-parse-error@main.tf:8:35', 'iam-questionable-syntax@main.tf:10:43', 'iam-unresolved@main.tf:16:18', 'parse-error@main.tf:21:16',
      'iam-questionable-syntax@terraform.tfvars:3:87',
    ]);
    const tfvars = results[4];
    expect(tfvars?.relatedLocations?.map((l) => [l.physicalLocation.artifactLocation.uri.replace(/^.*infra\//, ''), l.physicalLocation.region.startLine, l.physicalLocation.region.startColumn, l.message.text]))
      .toEqual([['main.tf', 6, 35, 'the statement is used here']]);
    expect(validateSarifSchema(log)).toEqual([]);
    expect((await runMultitool(out)).errors).toEqual([]);
  }, 60_000);

  it('--type terraform reads a file of another extension, and standard input without a module', async () => {
    const plain = await okelint(['infra/policies.hcl', '--format', 'json'], { cwd: dir });
    expect(plain.code).toBe(0);
    const forced = await okelint(['infra/policies.hcl', '--type', 'terraform', '--format', 'json'], { cwd: dir });
    expect(forced.code).toBe(1);
    expect(checked(forced.stdout).map(brief)).toEqual(['infra/policies.hcl:2:35-2:39 iam-parse-error/syntax']);
    // An error before every unknown part is the statement's own; an unknown subject is a note.
    const input = 'locals {\n  cmp = "OKE"\n}\nresource "oci_identity_policy" "p" {\n  statements = ["Allow group ${var.g} to use clusters in compartment ${local.cmp}", "Allow group A to view clusters in compartment ${var.c}"]\n}\n';
    const stdin = await okelint(['-', '--type', 'terraform', '--stdin-filename', 'infra/extra.tf', '--format', 'json'], { cwd: dir, input });
    expect(checked(stdin.stdout).map((f) => `${brief(f)}: ${f.message}`)).toEqual([
      "infra/extra.tf:5:30-5:38 iam-unresolved/subject: The subject is hidden behind '${var.g}': who gets the grant was not checked. (var.g is not set in terraform.tfvars or *.auto.tfvars and has no default)",
      "infra/extra.tf:5:103-5:107 iam-parse-error/syntax: expected a verb (inspect, read, use, manage) or '{' after 'to', found 'view'",
    ]);
  });
});
