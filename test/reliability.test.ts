/**
 * Hostile nesting never crashes a run (DESIGN, "Reliability and security"). Before the readers'
 * nesting limit, 10 000 levels of YAML or JSON parsed twice in one process (the Namespace
 * pre-pass, a second copy of a file, the language server's re-lint) aborted node with a V8
 * "RegExpCompiler Allocation failed" out-of-memory. Each input here is spawned through the CLI
 * as a user runs it (twice in one run, in SARIF, from standard input, as a config file) and
 * through `lintText` (the language server's path) again and again: each gives one `parse-error`
 * (`NESTING`) at the first collection beyond the limit, and the good documents and files of the
 * same run are still linted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint-text.js';
import { okelint, tempDir, type CliResult } from './helpers/cli.js';
import {
  blockMapping, blockSequence, compactMappings, flowSequence, jsonObject, LIMIT, namespaceLabels, policyJson, terraformBlocks,
  terraformTuple, tfvarsJson, type DeepInput,
} from './helpers/deep.js';
import { strictConfig } from './helpers/registry-config.js';
import { validateSarifSchema } from './helpers/sarif-validate.js';

const N = 10_000;
const NESTING = `nested deeper than ${LIMIT} levels, okelint's limit (NESTING)`;
const YAML_MESSAGE = `Syntax error: ${NESTING}; this document was not checked.`;

const POD = (name: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: c\n      securityContext: { privileged: true }\n`;
const GOOD_POLICY = '{"data": {"name": "ok", "statements": ["Allow group Admins to manage all-resources in tenancy"]}}\n';
const GOOD_TF = [
  'resource "oci_identity_policy" "p" {',
  '  name           = "p"',
  '  compartment_id = "ocid1.tenancy.oc1..aaa"',
  '  description    = "d"',
  '  statements     = ["Allow group Admins to manage all-resources in tenancy", var.stmt]',
  '}',
  '',
].join('\n');

interface JsonFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

interface JsonLog {
  readonly findings: JsonFinding[];
  readonly summary: { readonly filesLinted: number; readonly notices: readonly unknown[] };
}

/** `file line:column ruleId` of each finding, in report order. */
const brief = (fs: readonly JsonFinding[]): string[] => fs.map((f) => `${f.file} ${f.line}:${f.column} ${f.ruleId}`);
const at = (d: DeepInput, file = d.name): string => `${file} ${d.line}:${d.column} parse-error`;

// The deep documents sit between good ones: a Pod before (same file) and after (next document).
const flow = flowSequence(N);
const block = blockMapping(1000);
const blockSeq = blockSequence(N);
const compact = compactMappings(N);
const json = jsonObject(N);
const nsJson = jsonObject(N, 'ns-json', 'Namespace');
const ns = namespaceLabels(N);
const policy = policyJson(N);
const tuple = terraformTuple(N, 'tuple');
const blocks = terraformBlocks(1000);
const tfvars = tfvarsJson(N);

/** The flow document, with a Pod before it and one after: its line moves down by the first Pod's lines. */
const POD_LINES = POD('before').split('\n').length - 1;
const flowStream = `${POD('before')}---\n${flow.text}---\n${POD('after')}`;
const flowInStream = { ...flow, line: flow.line + POD_LINES + 1 };

let dir: string;
let run: CliResult;
let log: JsonLog;

beforeAll(async () => {
  dir = tempDir('okelint-reliability-');
  const write = (name: string, text: string): void => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  write('good.yaml', POD('good'));
  write('flow.yaml', flowStream);
  write('flow-again.yaml', flowStream);
  for (const d of [block, blockSeq, compact, json, nsJson, ns, policy]) write(d.name, d.text);
  write('good-policy.json', GOOD_POLICY);
  write(`tf/${tuple.name}`, `${tuple.text}${GOOD_TF}`);
  write(`tf/${blocks.name}`, blocks.text);
  write(`tf/${tfvars.name}`, tfvars.text);
  write('tf/terraform.tfvars', `y = ${'['.repeat(N)}${']'.repeat(N)}\n`);
  write('tf/variables.tf', 'variable "stmt" {}\nvariable "x" {}\nvariable "y" {}\n');
  run = await okelint(['.', '--format', 'json'], { cwd: dir });
  log = JSON.parse(run.stdout) as JsonLog;
}, 120_000);

describe('10 000 levels of nesting, every reader, in one CLI run', () => {
  it('exits 1 (findings), not 2 or a crash, with nothing on stderr', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(log.summary.notices).toEqual([]);
  });

  it('reports each deep document once, at the first collection beyond the limit', () => {
    const parseErrors = brief(log.findings.filter((f) => f.ruleId === 'parse-error'));
    expect(parseErrors).toEqual([
      at(blockSeq), at(block), at(compact), at(json), at(ns), at(nsJson), at(policy),
      at(flowInStream, 'flow-again.yaml'), at(flowInStream, 'flow.yaml'),
      at(blocks, `tf/${blocks.name}`), at(tfvars, `tf/${tfvars.name}`), at(tuple, `tf/${tuple.name}`),
    ].sort((a, b) => a.localeCompare(b)));
  });

  it('names the limit and the NESTING code in each message', () => {
    const messages = log.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.message);
    expect(messages.filter((m) => m === YAML_MESSAGE)).toHaveLength(10);
    expect(messages.filter((m) => m.startsWith(`HCL syntax error: ${NESTING}, so its top-level block was not read`))).toHaveLength(2);
  });

  it('still lints the good documents around the deep ones, and the good files of the run', () => {
    const privileged = log.findings.filter((f) => f.ruleId === 'privileged-container').map((f) => `${f.file} ${f.line}`);
    // The Pod after the deep document: past the first Pod, `---`, the ConfigMap and `---`; `privileged` is its line 8.
    const afterLine = POD_LINES + 1 + (flow.text.split('\n').length - 1) + 1 + 8;
    expect(privileged.sort()).toEqual(
      ['flow-again.yaml 8', `flow-again.yaml ${afterLine}`, 'flow.yaml 8', `flow.yaml ${afterLine}`, 'good.yaml 8'].sort(),
    );
  });

  it('still lints the good IAM policy file and the Terraform block after the deep attribute', () => {
    const tenancyWide = brief(log.findings.filter((f) => f.ruleId === 'iam-manage-all-resources-tenancy'));
    // Both point at the statement's subject, `group Admins`; the Terraform one is on line 6 (the deep attribute is line 1).
    const tfLine = GOOD_TF.split('\n')[4] ?? '';
    expect(tenancyWide).toEqual([
      `good-policy.json 1:${GOOD_POLICY.indexOf('group Admins') + 1} iam-manage-all-resources-tenancy`,
      `tf/${tuple.name} 6:${tfLine.indexOf('group Admins') + 1} iam-manage-all-resources-tenancy`,
    ]);
  });

  it('leaves a variable set only in the too-deep terraform.tfvars.json unresolved, with a note', () => {
    const tfLine = GOOD_TF.split('\n')[4] ?? '';
    expect(brief(log.findings.filter((f) => f.ruleId === 'iam-unresolved'))).toEqual([`tf/${tuple.name} 6:${tfLine.indexOf('var.stmt') + 1} iam-unresolved`]);
  });
});

describe('the same deep input through the other ways in', () => {
  it('a deep JSON Namespace alone (parsed by the pre-pass and the main pass): exit 1, where it used to abort node', async () => {
    const res = await okelint([nsJson.name, '--format', 'json'], { cwd: dir });
    expect(res.stderr).not.toMatch(/FATAL|out of memory/);
    expect(res.code).toBe(1);
    expect(brief((JSON.parse(res.stdout) as JsonLog).findings)).toEqual([at(nsJson)]);
  });

  it('SARIF: valid, with the parse-error result at the exact region', async () => {
    const res = await okelint([flow.name, flow.name.replace('flow', 'flow-again'), '--format', 'sarif'], { cwd: dir });
    expect(res.code).toBe(1);
    const sarif = JSON.parse(res.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    expect(validateSarifSchema(sarif)).toEqual([]);
    const regions = sarif.runs[0]?.results.filter((r) => r.ruleId === 'parse-error').map((r) => {
      const loc = r.locations[0]?.physicalLocation;
      return `${loc?.artifactLocation.uri ?? ''} ${loc?.region.startLine ?? 0}:${loc?.region.startColumn ?? 0}`;
    });
    expect(regions).toEqual([`flow-again.yaml ${flowInStream.line}:${flow.column}`, `flow.yaml ${flowInStream.line}:${flow.column}`]);
  });

  it('standard input: a parse-error at the same position', async () => {
    const res = await okelint(['-', '--format', 'json'], { input: json.text });
    expect(res.code).toBe(1);
    const findings = (JSON.parse(res.stdout) as JsonLog).findings;
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([`${json.line}:${json.column} parse-error`]);
  });

  it('a deep config file is a config error (exit 2) that names the file, the position and the limit', async () => {
    const cfgDir = tempDir('okelint-deep-config-');
    writeFileSync(join(cfgDir, '.okelint.yaml'), `rules: ${'{a: '.repeat(N)}1${'}'.repeat(N)}\n`);
    writeFileSync(join(cfgDir, 'pod.yaml'), POD('p'));
    const res = await okelint(['pod.yaml'], { cwd: cfgDir });
    expect(res.code).toBe(2);
    // `rules: ` is 7 columns and each `{a: ` 4; the root map is level 1, so flow map k is level k + 1: k = 256.
    expect(res.stderr).toBe(`okelint: ${join(cfgDir, '.okelint.yaml')}:1:${7 + 4 * (LIMIT - 1) + 1}: ${NESTING}\n`);
  });
});

describe('the language server path (lintText), again and again in one process', () => {
  const config = strictConfig();
  const inputs: readonly { readonly d: DeepInput; readonly text: string; readonly line: number }[] = [
    { d: flow, text: flowStream, line: flowInStream.line },
    ...[block, blockSeq, compact, json, nsJson, ns, policy, tuple, blocks].map((d) => ({ d, text: d.text, line: d.line })),
  ];

  it.each(inputs.map((i) => [i.d.name, i] as const))('%s: one parse-error at the same position on every re-lint', (_name, input) => {
    for (let i = 0; i < 4; i++) {
      const res = lintText({ path: input.d.name, uri: input.d.name, text: input.text }, config, '2026-11-23');
      const parseErrors = res.findings.filter((f) => f.ruleId === 'parse-error');
      expect(parseErrors.map((f) => `${f.start.line}:${f.start.column}`)).toEqual([`${input.line}:${input.d.column}`]);
      expect(parseErrors[0]?.message).toContain(NESTING);
    }
  });

  it('a file with a deep document and good ones: the good ones are linted every time', () => {
    for (let i = 0; i < 4; i++) {
      const res = lintText({ path: 'flow.yaml', uri: 'flow.yaml', text: flowStream }, config, '2026-11-23');
      expect(res.findings.filter((f) => f.ruleId === 'privileged-container')).toHaveLength(2);
    }
  });
});
