import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okelint, ROOT, tempDir } from '../helpers/cli.js';

describe('baselines', () => {
  it('records the findings, then reports only new ones and counts stale entries', async () => {
    const dir = tempDir('okelint-baseline-');
    cpSync(join(ROOT, 'fixtures/demo'), join(dir, 'demo'), { recursive: true });
    const write = await okelint(['demo', '--write-baseline', 'okelint-baseline.json'], { cwd: dir });
    expect(write.code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, 'okelint-baseline.json'), 'utf8')) as { version: number; findings: unknown[] };
    expect(baseline.version).toBe(1);
    expect(baseline.findings.length).toBeGreaterThan(10);
    expect(write.stderr).toContain(`wrote ${baseline.findings.length} findings to the baseline`);

    const clean = await okelint(['demo', '--baseline', 'okelint-baseline.json', '--format', 'json'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect((JSON.parse(clean.stdout) as { findings: unknown[] }).findings).toEqual([]);

    // Lines inserted above do not disturb the baseline; a new privileged container does show.
    const worker = join(dir, 'demo/shop/worker.yaml');
    const text = readFileSync(worker, 'utf8');
    writeFileSync(worker, `# moved down\n\n${text.replace('privileged: true', 'privileged: false')}`);
    writeFileSync(join(dir, 'demo/new.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: { name: fresh }\nspec:\n  containers:\n    - name: c\n      securityContext: { privileged: true }\n');
    const after = await okelint(['demo', '--baseline', 'okelint-baseline.json', '--format', 'json', '--rule', 'privileged-container=error'], { cwd: dir });
    expect(after.code).toBe(1);
    const findings = (JSON.parse(after.stdout) as { findings: { ruleId: string; file: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'privileged-container').map((f) => f.file)).toEqual(['demo/new.yaml']);
    expect(findings.every((f) => f.file === 'demo/new.yaml')).toBe(true);
    expect(after.stderr).toMatch(/okelint-baseline\.json: 1 baseline entries no longer match/);
  });

  it('exits 2 on a file that is not a baseline', async () => {
    const dir = tempDir('okelint-baseline-bad-');
    writeFileSync(join(dir, 'b.json'), '{"hello": 1}');
    writeFileSync(join(dir, 'p.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n');
    const r = await okelint(['p.yaml', '--baseline', 'b.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b\.json is not an okelint baseline/);
  });
});
