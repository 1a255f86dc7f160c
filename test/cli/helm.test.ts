/**
 * Findings on `helm template` output land on the chart's template lines, with the rendered
 * location and the values.yaml key as related locations, in every format.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okelint, ROOT, tempDir } from '../helpers/cli.js';
import { runMultitool, validateSarifSchema } from '../helpers/sarif-validate.js';

const CHART = 'fixtures/helm/webapp';
const TEMPLATE = `${CHART}/templates/deployment.yaml`;

interface JsonFinding {
  ruleId: string; file: string; line: number; column: number; message: string;
  related?: { file: string; line: number; column: number; message: string }[];
}

const brief = (f: JsonFinding) => [f.ruleId, f.file, f.line, f.column, (f.related ?? []).map((r) => `${r.file}:${r.line}:${r.column}`)];

const EXPECTED = [
  ['image-no-digest', TEMPLATE, 22, 11, [`${CHART}/rendered.yaml:29:18`, `${CHART}/values.yaml:4:3`]],
  ['privileged-container', TEMPLATE, 25, 11, [`${CHART}/rendered.yaml:37:25`, `${CHART}/values.yaml:17:3`]],
  ['missing-resource-limits', TEMPLATE, 27, 11, [`${CHART}/rendered.yaml:40:13`, `${CHART}/values.yaml:24:3`]],
];

describe('helm template mapping', () => {
  it('puts each finding on its template line, with the rendered and values locations (JSON)', async () => {
    const r = await okelint([`${CHART}/rendered.yaml`, '--chart-root', CHART, '--format', 'json']);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.map(brief)).toEqual(EXPECTED);
    expect(findings.find((f) => f.ruleId === 'privileged-container')?.message).toMatch(/\(value from values\.yaml: securityContext\.privileged\)$/);
  });

  it('does the same for a rendered stream on stdin', async () => {
    const rendered = readFileSync(join(ROOT, CHART, 'rendered.yaml'), 'utf8');
    const r = await okelint(['-', '--stdin-filename', `${CHART}/rendered.yaml`, '--chart-root', CHART, '--format', 'json'], { input: rendered });
    expect((JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map(brief)).toEqual(EXPECTED);
  });

  it('shows the template line and the related locations in text', async () => {
    const r = await okelint([`${CHART}/rendered.yaml`, '--chart-root', CHART, '--no-color']);
    expect(r.stdout).toContain(`${TEMPLATE}\n  22:11  warning`);
    expect(r.stdout).toContain(`    ↳ Rendered by helm template: ${CHART}/rendered.yaml:37:25\n    ↳ Value from values.yaml: securityContext.privileged: ${CHART}/values.yaml:17:3`);
  });

  it('emits SARIF on template lines that passes both validators', async () => {
    const dir = tempDir('okelint-helm-');
    const out = join(dir, 'helm.sarif');
    const r = await okelint([`${CHART}/rendered.yaml`, '--chart-root', CHART, '--format', 'sarif', '--output-file', out]);
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; relatedLocations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const results = log.runs[0]?.results ?? [];
    expect(results.map((x) => `${x.locations[0]?.physicalLocation.artifactLocation.uri}:${x.locations[0]?.physicalLocation.region.startLine}`))
      .toEqual([`${TEMPLATE}:22`, `${TEMPLATE}:25`, `${TEMPLATE}:27`]);
    expect(results[1]?.relatedLocations.map((l) => l.physicalLocation.artifactLocation.uri)).toEqual([`${CHART}/rendered.yaml`, `${CHART}/values.yaml`]);
    expect(validateSarifSchema(log)).toEqual([]);
    writeFileSync(out, JSON.stringify(log));
    expect((await runMultitool(out)).errors).toEqual([]);
  }, 60_000);

  it('leaves findings on the rendered stream when no chart is found', async () => {
    const dir = tempDir('okelint-helm-nochart-');
    writeFileSync(join(dir, 'out.yaml'), readFileSync(join(ROOT, CHART, 'rendered.yaml')));
    const r = await okelint(['out.yaml', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map((f) => `${f.file}:${f.line}`)).toEqual(['out.yaml:29', 'out.yaml:37', 'out.yaml:40']);
  });
});
