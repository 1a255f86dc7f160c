import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { artifactLocation, pascalCase, toSarif, type SarifResult } from '../../src/report/sarif.js';
import { runMultitool, validateSarifSchema } from '../helpers/sarif-validate.js';
import { makeFinding, makeInput, makeRule } from '../helpers/findings.js';
import { RULES, sampleInput } from './sample.js';

const tmp = mkdtempSync(join(tmpdir(), 'okelint-sarif-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const runOf = (log: ReturnType<typeof toSarif>) => {
  const run = log.runs[0];
  if (!run) throw new Error('no run');
  return run;
};
const resultsOf = (log: ReturnType<typeof toSarif>): readonly SarifResult[] => runOf(log).results;

describe('sarif log', () => {
  it('has the GitHub-facing top level and driver', () => {
    const log = toSarif(sampleInput());
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = runOf(log);
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run).not.toHaveProperty('automationDetails');
    const { rules, ...driver } = run.tool.driver;
    expect(driver).toEqual({ name: 'okelint', version: '0.1.0', semanticVersion: '0.1.0', informationUri: 'https://github.com/okelint/okelint' });
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
  });

  it('describes every enabled rule, with security-severity as a string', () => {
    const url = 'https://github.com/okelint/okelint/blob/main/docs/rules/workload/privileged-container.md';
    expect(runOf(toSarif(sampleInput())).tool.driver.rules[1]).toEqual({
      id: 'privileged-container',
      name: 'PrivilegedContainer',
      shortDescription: { text: 'Finds privileged-container problems.' },
      fullDescription: { text: 'Finds privileged-container problems. Fix the privileged-container problem.' },
      help: {
        text: `Fix the privileged-container problem. Rule documentation: ${url}`,
        markdown: `Finds privileged-container problems.\n\n**Remediation:** Fix the privileged-container problem.\n\n[Rule documentation](${url})`,
      },
      helpUri: url,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'workload', 'pss:baseline'], precision: 'high', 'security-severity': '8.9' },
    });
    const severities = runOf(toSarif(sampleInput())).tool.driver.rules.map((r) => r.properties['security-severity']);
    expect(severities).toEqual(['3.0', '8.9', '5.0', '7.5', '2.0']);
    const many = makeRule({ id: 'x', tags: Array.from({ length: 30 }, (_, i) => `t${i}`) });
    expect(runOf(toSarif(makeInput({ rules: [many] }))).tool.driver.rules[0]?.properties.tags).toHaveLength(20);
    expect(pascalCase('iam-manage-all-resources-tenancy')).toBe('IamManageAllResourcesTenancy');
  });

  it('gives each result a ruleIndex that matches driver.rules', () => {
    const log = toSarif(sampleInput({ includeSuppressed: true }));
    const rules = runOf(log).tool.driver.rules;
    expect(resultsOf(log)).toHaveLength(7);
    for (const r of resultsOf(log)) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
  });

  it('locates results: region, %SRCROOT%, logical and related locations, fingerprint', () => {
    const [parse, priv, , rbac] = resultsOf(toSarif(sampleInput()));
    expect(priv).toEqual({
      ruleId: 'privileged-container', ruleIndex: 1, level: 'error', message: { text: 'Container "web" runs privileged.' },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 12, startColumn: 21, endLine: 12, endColumn: 25 },
        },
        logicalLocations: [{ kind: 'resource', name: 'web', fullyQualifiedName: 'prod/Deployment/web' }],
      }],
      partialFingerprints: { 'okelint/v1': 'fp-privileged-container-12-21' },
    });
    expect(parse?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1, startColumn: 6, endLine: 1, endColumn: 7 });
    expect(parse?.locations[0]).not.toHaveProperty('logicalLocations');
    expect(rbac?.locations[0]?.physicalLocation.region).toEqual({ startLine: 30, startColumn: 5, endLine: 32, endColumn: 3 });
    expect(rbac?.locations[0]?.logicalLocations).toEqual([{ kind: 'resource', name: 'app-admin', fullyQualifiedName: 'ClusterRole/app-admin' }]);
    expect(rbac?.relatedLocations).toEqual([{
      id: 1,
      physicalLocation: { artifactLocation: { uri: 'helm/rendered.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 40, startColumn: 5, endLine: 40, endColumn: 9 } },
      message: { text: 'Rendered by helm template' },
    }]);
    for (const r of resultsOf(toSarif(sampleInput()))) expect(Object.keys(r.partialFingerprints)).toEqual(['okelint/v1']);
  });

  it('encodes artifact URIs; absolute paths become file: URIs without a base', () => {
    expect(artifactLocation('./my dir/a#b.yaml')).toEqual({ uri: 'my%20dir/a%23b.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/tmp/x y.yaml')).toEqual({ uri: 'file:///tmp/x%20y.yaml' });
    expect(artifactLocation('C:/work/a.yaml')).toEqual({ uri: 'file:///C:/work/a.yaml' });
  });

  it('omits suppressed results by default, and carries suppressions on every result on request', () => {
    const plain = resultsOf(toSarif(sampleInput()));
    expect(plain).toHaveLength(5);
    expect(plain.some((r) => 'suppressions' in r)).toBe(false);
    const all = resultsOf(toSarif(sampleInput({ includeSuppressed: true })));
    expect(all.every((r) => Array.isArray(r.suppressions))).toBe(true);
    expect(all.filter((r) => r.suppressions?.length).map((r) => r.suppressions)).toEqual([
      [{ kind: 'inSource', status: 'accepted', justification: 'the CNI needs it' }],
      [{ kind: 'external', status: 'accepted', justification: 'reviewed' }],
    ]);
    const noneSuppressed = makeInput({ findings: [makeFinding({ line: 1, column: 1 }, { ruleId: 'r' })], includeSuppressed: true });
    expect(resultsOf(toSarif(noneSuppressed))[0]?.suppressions).toEqual([]);
  });

  it('formats as JSON ending in a newline, and never reads the environment', () => {
    const text = formatReport('sarif', sampleInput());
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(toSarif(sampleInput()));
    expect(text).not.toContain(process.cwd());
  });
});

describe('sarif validation', () => {
  it('passes the SARIF 2.1.0 schema (ajv)', () => {
    expect(validateSarifSchema(toSarif(sampleInput()))).toEqual([]);
    expect(validateSarifSchema(toSarif(sampleInput({ includeSuppressed: true })))).toEqual([]);
    expect(validateSarifSchema(toSarif(makeInput()))).toEqual([]);
  });

  it('passes the multitool GitHub + SARIF rules with no errors and no warnings', async () => {
    const file = join(tmp, 'okelint.sarif');
    writeFileSync(file, formatReport('sarif', sampleInput({ includeSuppressed: true })));
    const report = await runMultitool(file);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('catches a broken log with both validators', async () => {
    const log = JSON.parse(formatReport('sarif', sampleInput())) as { $schema?: string; runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    delete log.$schema;
    const region = log.runs[0]?.results[0]?.locations[0]?.physicalLocation.region;
    if (!region) throw new Error('no region');
    region.startLine = 0;
    expect(validateSarifSchema(log)).toContainEqual(expect.stringMatching(/region\/startLine: must be >= 1/));
    const file = join(tmp, 'broken.sarif');
    writeFileSync(file, JSON.stringify(log, null, 2));
    const report = await runMultitool(file);
    expect(report.errors.map((e) => e.ruleId)).toContain('JSON1008');
  });

  it('catches a schema-valid log that GitHub would reject (multitool GH rules)', async () => {
    const log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'okelint' } }, results: [] }] };
    expect(validateSarifSchema(log)).toEqual([]);
    const file = join(tmp, 'gh-incomplete.sarif');
    writeFileSync(file, JSON.stringify(log));
    const report = await runMultitool(file);
    expect(report.errors.map((e) => e.ruleId).sort()).toEqual(['GH1013', 'GH1018']);
    expect(report.warnings.map((e) => e.ruleId)).toContain('SARIF2005');
  });
});
