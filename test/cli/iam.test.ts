/**
 * OCI IAM policies end to end: `.policy` text and `oci iam policy get` JSON found by walking a
 * directory, findings at exact positions in text, JSON and SARIF, `--type iam` forcing a `.txt`
 * file, suppression comments in policy text, and a broken statement that stops nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { okelint, tempDir } from '../helpers/cli.js';
import { runMultitool, validateSarifSchema } from '../helpers/sarif-validate.js';

const POLICY = [
  '# Tenancy policies',                                                                   // 1
  'Allow group grp-str-auditors to view all-resources in tenancy',                        // 2  view: 2:33
  'Allow group NetworkAdmins to manage virtual-network-familly in compartment Network',   // 3  type: 3:37
  '# okelint-disable-next-line iam-questionable-syntax -- new type, reviewed in SEC-42',  // 4
  'Allow group ClusterAdmins to manage cluster-workload-mappings in compartment OKE',     // 5  suppressed
  'Allow group ${var.g} to read buckets',                                                 // 6  unresolved 6:13 (the statement goes on)
  '  in tenancy',                                                                         // 7
  '',
].join('\n');

// `oci iam policy get` output; the second statement has an escaped quote and a bad verb.
const CLI_GET = [
  '{',                                                                                       // 1
  '  "data": {',                                                                             // 2
  '    "compartment-id": "ocid1.tenancy.oc1..aaaa",',                                        // 3
  '    "name": "oke-operators",',                                                            // 4
  '    "statements": [',                                                                     // 5
  '      "Allow group OKE-Operators to use clusters in compartment OKE",',                   // 6
  '      "Allow group \'Caf\\u00e9\' to write \\"node-pools\\" in compartment OKE",',        // 7  write: 7:35
  '      "Allow group OKE-Operators to read virtual-network-family in compartment OKE"',     // 8
  '    ]',
  '  },',
  '  "etag": "abc"',
  '}',
  '',
].join('\n');

interface JsonFinding {
  ruleId: string; messageId: string; message: string; file: string; line: number; column: number; endLine: number; endColumn: number;
  path: (string | number)[]; object?: { kind: string; name?: string }; suppressed?: unknown;
}

let dir: string;
beforeAll(() => {
  dir = tempDir('okelint-iam-');
  mkdirSync(join(dir, 'iam'));
  writeFileSync(join(dir, 'iam', 'tenancy.policy'), POLICY);
  writeFileSync(join(dir, 'iam', 'oke-operators.json'), CLI_GET);
  writeFileSync(join(dir, 'iam', 'notes.txt'), 'Allow group A to view buckets in tenancy\n');
});

function brief(f: JsonFinding): string {
  return `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}/${f.messageId}`;
}

describe('okelint on OCI IAM policies', () => {
  it('walks .policy and policy JSON files and reports at exact positions (JSON)', async () => {
    const r = await okelint(['iam', '--format', 'json', '--include-suppressed'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: JsonFinding[]; summary: { filesLinted: number; objects: number } };
    expect(out.findings.map(brief)).toEqual([
      'iam/oke-operators.json:7:35-7:40 iam-parse-error/syntax',
      'iam/tenancy.policy:2:33-2:37 iam-parse-error/syntax',
      'iam/tenancy.policy:3:37-3:60 iam-questionable-syntax/unknownResourceType',
      'iam/tenancy.policy:5:37-5:62 iam-questionable-syntax/unknownResourceType',
      'iam/tenancy.policy:6:13-6:21 iam-unresolved/subject',
    ]);
    expect(out.summary).toMatchObject({ filesLinted: 2, objects: 7 });
    const [json, view] = out.findings;
    expect(json).toMatchObject({
      message: "expected a verb (inspect, read, use, manage) or '{' after 'to', found 'write'",
      object: { kind: 'Policy', name: 'oke-operators' },
      path: ['statements', 1],
    });
    expect(view?.message).toBe("expected a verb (inspect, read, use, manage) or '{' after 'to', found 'view'");
    expect(view?.object).toBeUndefined();
    expect(out.findings[3]?.suppressed).toEqual({ kind: 'comment', justification: 'new type, reviewed in SEC-42' });
  });

  it('shows the offending token in the text report', async () => {
    const r = await okelint(['iam/tenancy.policy', '--no-color'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain([
      '  2:33  error    expected a verb (inspect, read, use, manage) or \'{\' after \'to\', found \'view\'',
    ].join('\n'));
    expect(r.stdout).toContain('    2 | Allow group grp-str-auditors to view all-resources in tenancy\n      |                                 ^^^^\n');
    expect(r.stdout).toContain("  6:13  note     The subject is hidden behind '${var.g}': who gets the grant was not checked.");
  });

  it('emits SARIF at the raw JSON offsets, with the policy as a logical location, that passes both validators', async () => {
    const out = join(dir, 'iam.sarif');
    const r = await okelint(['iam', '--format', 'sarif', '--output-file', out], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(out, 'utf8')) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> }; logicalLocations?: { name: string; fullyQualifiedName: string }[] }[] }[] }[];
    };
    const results = log.runs[0]?.results ?? [];
    const first = results[0]?.locations[0];
    expect(results[0]?.ruleId).toBe('iam-parse-error');
    expect(first?.physicalLocation.artifactLocation.uri).toMatch(/iam\/oke-operators\.json$/);
    expect(first?.physicalLocation.region).toEqual({ startLine: 7, startColumn: 35, endLine: 7, endColumn: 40 });
    expect(first?.logicalLocations).toEqual([expect.objectContaining({ name: 'oke-operators', fullyQualifiedName: 'Policy/oke-operators' })]);
    expect(results.map((x) => `${x.ruleId}@${x.locations[0]?.physicalLocation.region.startLine}:${x.locations[0]?.physicalLocation.region.startColumn}`)).toEqual([
      'iam-parse-error@7:35', 'iam-parse-error@2:33', 'iam-questionable-syntax@3:37', 'iam-unresolved@6:13',
    ]);
    expect(validateSarifSchema(log)).toEqual([]);
    expect((await runMultitool(out)).errors).toEqual([]);
  }, 60_000);

  it('--type iam reads a .txt file (not walked otherwise) as policy text', async () => {
    const plain = await okelint(['iam/notes.txt', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(plain.stdout) as { findings: JsonFinding[] }).findings).toEqual([]);
    const r = await okelint(['iam/notes.txt', '--type', 'iam', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map(brief)).toEqual(['iam/notes.txt:1:18-1:22 iam-parse-error/syntax']);
    const stdin = await okelint(['-', '--type', 'iam', '--format', 'json'], { cwd: dir, input: 'Deny group X to manage all-resources in tenancy\n' });
    expect((JSON.parse(stdin.stdout) as { findings: JsonFinding[] }).findings.map(brief)).toEqual(['<stdin>:1:1-1:5 iam-parse-error/syntax']);
  });

  it('a broken statement stops neither the others nor other files', async () => {
    const d = tempDir('okelint-iam-broken-');
    writeFileSync(join(d, 'a.policy'), [
      'Allow group A to manage all-resources in compartment X, compartment Y',
      'Deny group B to read buckets in tenancy',
      'Allow group C to manage instance-familly in compartment Z',
      '',
    ].join('\n'));
    writeFileSync(join(d, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.25\n      securityContext:\n        privileged: true\n');
    const r = await okelint(['.', '--format', 'json'], { cwd: d });
    const ids = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
    expect(ids.filter((s) => s.startsWith('a.policy'))).toEqual([
      'a.policy:1 iam-parse-error', 'a.policy:2 iam-parse-error', 'a.policy:3 iam-questionable-syntax',
    ]);
    expect(ids).toContain('pod.yaml:10 privileged-container');
  });

  it('refuses an unknown --type; --type oke reads a JSON file as OKE cluster configuration', async () => {
    const bad = await okelint(['--type', 'xml', '.'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('okelint: --type must be one of k8s, helm, iam, oke, terraform (got "xml")\n');
    writeFileSync(join(dir, 'cluster.json'), '{"data": {"name": "oke", "endpoint-config": {"is-public-ip-enabled": true}}}\n');
    const oke = await okelint(['cluster.json', '--type', 'oke', '--format', 'json', '--rule', 'oke-basic-cluster=off'], { cwd: dir });
    expect(oke.code).toBe(1);
    const out = JSON.parse(oke.stdout) as { findings: { ruleId: string; line: number; column: number }[]; summary: { filesLinted: number } };
    expect(out.summary.filesLinted).toBe(1);
    expect(out.findings.map((f) => `${f.ruleId} ${f.line}:${f.column}`)).toContain('oke-public-api-endpoint 1:46');
  });
});
