/**
 * The acceptance checks on the demo estate's SARIF: both validators, real regions, rule
 * indexes, security severities, and fingerprints that survive lines inserted above an object.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { okelint, ROOT, tempDir } from '../helpers/cli.js';
import { runMultitool, validateSarifSchema } from '../helpers/sarif-validate.js';

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface Log {
  runs: { tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } }; results: Result[] }[];
}

let sarifPath: string;
let log: Log;

beforeAll(async () => {
  const dir = tempDir('okelint-sarif-');
  sarifPath = join(dir, 'demo.sarif');
  const r = await okelint(['fixtures/demo', '--format', 'sarif', '--output-file', sarifPath]);
  expect(r.code, r.stderr).toBe(1);
  log = JSON.parse(readFileSync(sarifPath, 'utf8')) as Log;
});

describe('SARIF for the demo estate', () => {
  it('is valid against the SARIF 2.1.0 schema (ajv)', () => {
    expect(validateSarifSchema(log)).toEqual([]);
  });

  it('passes the multitool Gh;Sarif rules with no error-level result', async () => {
    const report = await runMultitool(sarifPath);
    expect(report.errors).toEqual([]);
  }, 60_000);

  it('has results with real regions, not all on line 1', () => {
    const results = log.runs[0]?.results ?? [];
    expect(results.length).toBeGreaterThan(10);
    const lines = new Set(results.map((r) => r.locations[0]?.physicalLocation.region.startLine));
    expect(lines.size).toBeGreaterThan(5);
    for (const r of results) {
      const loc = r.locations[0]?.physicalLocation;
      expect(loc?.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc?.artifactLocation.uri).toMatch(/^fixtures\/demo\//);
      expect(loc?.region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives every result a matching ruleIndex and every rule a security-severity', () => {
    const run = log.runs[0];
    const rules = run?.tool.driver.rules ?? [];
    for (const r of run?.results ?? []) expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
    for (const rule of rules) expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
  });

  it('keeps partialFingerprints when lines are inserted above the objects', async () => {
    const dir = tempDir('okelint-fp-');
    cpSync(join(ROOT, 'fixtures/demo'), join(dir, 'fixtures/demo'), { recursive: true });
    const before = await okelint(['fixtures/demo', '--format', 'sarif'], { cwd: dir });
    const files = (JSON.parse(before.stdout) as Log).runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri) ?? [];
    for (const f of new Set(files)) {
      const p = join(dir, f as string);
      writeFileSync(p, `# a comment\n# and another\n\n${readFileSync(p, 'utf8')}`);
    }
    const after = await okelint(['fixtures/demo', '--format', 'sarif'], { cwd: dir });
    const fp = (out: string) => (JSON.parse(out) as Log).runs[0]?.results.map((r) => `${r.ruleId} ${r.partialFingerprints['okelint/v1']}`).sort();
    const lines = (out: string) => (JSON.parse(out) as Log).runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.region.startLine);
    expect(fp(after.stdout)).toEqual(fp(before.stdout));
    expect(lines(after.stdout)).not.toEqual(lines(before.stdout));
  });
});

describe('Node permission model', () => {
  it('runs with filesystem reads only, to the same output', async () => {
    const plain = await okelint(['fixtures/demo', '--no-color']);
    const restricted = await okelint(['fixtures/demo', '--no-color'], { nodeArgs: ['--experimental-permission', '--allow-fs-read=*'] });
    expect(restricted.stderr.replace(/^\(node:\d+\) ExperimentalWarning.*\n(\(Use `node --trace-warnings.*\n)?/m, '')).toBe(plain.stderr);
    expect(restricted.stdout).toBe(plain.stdout);
    expect(restricted.code).toBe(plain.code);
  });
});
