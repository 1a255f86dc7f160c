import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okelint, tempDir } from '../helpers/cli.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: false\n  containers:\n    - name: c\n      image: nginx:1.25\n      securityContext:\n        privileged: true\n';

describe('okelint CLI basics', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = await okelint(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('--help prints usage', async () => {
    const r = await okelint(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^okelint — /);
    expect(r.stdout).toContain('--format text|json|sarif|github');
  });

  it('exits 2 with one line on bad usage', async () => {
    for (const args of [['--format', 'xml', '.'], ['--bogus'], [], ['--rule', 'nope', '.'], ['--rule', 'no-such-rule=off', '.']]) {
      const r = await okelint(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^okelint: /);
    }
  });

  it('exits 2 for a path that does not exist', async () => {
    const r = await okelint(['no/such/dir']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/dir');
  });

  it('lists rules as text and JSON', async () => {
    const text = await okelint(['rules']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^privileged-container\s+workload\s+error\s+recommended\s+/m);
    const json = await okelint(['rules', '--format', 'json']);
    const rules = JSON.parse(json.stdout) as { id: string; layer: string }[];
    expect(rules.find((r) => r.id === 'privileged-container')?.layer).toBe('workload');
  });

  it('explains a rule, and refuses an unknown one', async () => {
    const r = await okelint(['explain', 'privileged-container']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# privileged-container\n/);
    expect(r.stdout).toContain('## Incorrect');
    const bad = await okelint(['explain', 'nope']);
    expect(bad.code).toBe(2);
  });

  it('reads stdin with - and reports the --stdin-filename', async () => {
    const r = await okelint(['-', '--stdin-filename', 'deploy/pod.yaml', '--format', 'json'], { input: POD });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; column: number }[] };
    expect(out.findings.find((f) => f.ruleId === 'privileged-container')).toMatchObject({ file: 'deploy/pod.yaml', line: 11, column: 21 });
  });

  it('exit code follows --fail-level and --max-warnings', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pod.yaml'), POD);
    expect((await okelint(['pod.yaml'], { cwd: dir })).code).toBe(1);
    expect((await okelint(['pod.yaml', '--fail-level', 'none'], { cwd: dir })).code).toBe(0);
    expect((await okelint(['pod.yaml', '--rule', 'privileged-container=warning', '--rule', 'image-no-digest=off'], { cwd: dir })).code).toBe(0);
    expect((await okelint(['pod.yaml', '--rule', 'privileged-container=warning', '--max-warnings', '0'], { cwd: dir })).code).toBe(1);
  });

  it('writes --output-file atomically and prints nothing on stdout', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pod.yaml'), POD);
    const r = await okelint(['pod.yaml', '--format', 'json', '--output-file', 'out/../report.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { version: number };
    expect(report.version).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 2 when the output file cannot be written, leaving no temporary file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pod.yaml'), POD);
    const r = await okelint(['pod.yaml', '--output-file', 'missing-dir/report.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*report\.txt/);
    expect(existsSync(join(dir, 'missing-dir'))).toBe(false);
  });

  it('reports a config error with file, line and key, exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pod.yaml'), POD);
    writeFileSync(join(dir, '.okelint.yaml'), 'preset: recommended\nrules:\n  privileged-containr: off\n');
    const r = await okelint(['.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`okelint: ${join(dir, '.okelint.yaml')}:3:3: unknown rule "privileged-containr" in "rules"\n`);
  });

  it('uses the nearest config walking up from the linted path, and --config overrides', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pod.yaml'), POD);
    writeFileSync(join(dir, '.okelint.yaml'), 'rules:\n  privileged-container: off\n');
    writeFileSync(join(dir, 'strict.yaml'), 'preset: strict\n');
    const near = await okelint([join(dir, 'pod.yaml'), '--format', 'json'], { cwd: '/' });
    const ids = (JSON.parse(near.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    expect(ids).not.toContain('privileged-container');
    const explicit = await okelint([join(dir, 'pod.yaml'), '--format', 'json', '--config', join(dir, 'strict.yaml')], { cwd: '/' });
    expect((JSON.parse(explicit.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).toContain('privileged-container');
  });
});
