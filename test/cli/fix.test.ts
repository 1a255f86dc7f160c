/**
 * `--fix` and `--fix-dry-run` as a user runs them (the spawned CLI), on a copy of the demo
 * estate: the dry run's diff is what --fix writes and GNU patch and `git apply` accept it;
 * every file keeps its comments and its lines (only added lines and flipped values); a second
 * --fix changes nothing. Then what is never written (stdin, helm output), what is kept (mode,
 * symlink, BOM, CRLF), suppressed findings, and the options that do not go together.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXABLE_RULES } from '../../src/fix/index.js';
import { okelint, ROOT, tempDir } from '../helpers/cli.js';

const DEMO = join(ROOT, 'fixtures', 'demo');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function copyDemo(): string {
  const dir = tempDir('okelint-fix-');
  cpSync(DEMO, join(dir, 'demo'), { recursive: true });
  return dir;
}

const commentsOf = (text: string): string[] => text.split('\n').map((l) => /#.*$/.exec(l)?.[0] ?? '').filter((c) => c !== '');
const keyOf = (line: string): string | undefined => /^\s*(?:- )?[A-Za-z0-9_.\-/"]+:(?=\s)/.exec(line)?.[0];

/**
 * The lines of `after` that are not lines of `before` kept in order, failing when a line of
 * `before` is gone: only a value after the same key may change (`privileged: true` → `false`).
 */
function addedLines(before: string, after: string): string[] {
  const b = before.split('\n'), a = after.split('\n');
  const added: string[] = [];
  let j = 0;
  for (const line of b) {
    while (j < a.length && a[j] !== line && !(keyOf(line) !== undefined && keyOf(a[j] ?? '') === keyOf(line))) added.push(a[j++] ?? '');
    if (j >= a.length) throw new Error(`line lost: ${JSON.stringify(line)}`);
    j++;
  }
  return added.concat(a.slice(j));
}

interface JsonReport { findings: { ruleId: string; messageId: string; file: string }[] }

describe('--fix on the demo estate', () => {
  let dir: string;
  let before: Map<string, string>;
  let dry: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    dir = copyDemo();
    before = snapshot(dir);
    dry = await okelint(['demo', '--fix-dry-run'], { cwd: dir });
  });

  it('--fix-dry-run prints a diff, writes nothing, and exits as --fix would', () => {
    expect(dry.code, dry.stderr).toBe(1);
    expect(dry.stderr).toMatch(/^okelint: would fix \d+ problems in 5 files \(--fix-dry-run: nothing written\)$/m);
    expect(dry.stdout).toMatch(/^--- a\/demo\/shop\/worker\.yaml\n\+\+\+ b\/demo\/shop\/worker\.yaml\n@@ /m);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the diff is accepted by git apply --check and GNU patch', () => {
    const patch = join(tempDir('okelint-patch-'), 'fix.patch');
    writeFileSync(patch, dry.stdout);
    execFileSync('git', ['apply', '--check', patch], { cwd: dir, stdio: 'pipe' });
    execFileSync('patch', ['-p1', '--dry-run', '--batch', '-i', patch], { cwd: dir, stdio: 'pipe' });
  });

  it('--fix writes exactly what the dry run showed, keeping every comment and line', async () => {
    const applied = copyDemo();
    const patch = join(applied, 'fix.patch');
    writeFileSync(patch, dry.stdout);
    execFileSync('patch', ['-p1', '--batch', '--quiet', '-i', patch], { cwd: applied, stdio: 'pipe' });

    const r = await okelint(['demo', '--fix'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const [, n] = /would fix (\d+) problems/.exec(dry.stderr) ?? [];
    expect(r.stdout).toContain(`\nAutofix: fixed ${n} problems in 5 files\n`);
    const after = snapshot(dir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    let changed = 0;
    for (const [file, text] of after) {
      expect(text, file).toBe(readFileSync(join(applied, file), 'utf8'));
      const old = before.get(file) ?? '';
      expect(commentsOf(text), file).toEqual(commentsOf(old));
      const added = addedLines(old, text);
      for (const line of added) expect(line, `${file}: ${line}`).not.toMatch(/#/);
      if (text !== old) changed++;
    }
    expect(changed).toBe(5);

    // What is left: nothing a fixer handles, and every file still parses.
    const report = await okelint(['demo', '--format', 'json'], { cwd: dir });
    const left = (JSON.parse(report.stdout) as JsonReport).findings;
    expect(left.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'manifest-schema')).toEqual([]);
    expect(left.filter((f) => FIXABLE_RULES.includes(f.ruleId))).toEqual([]);
    expect(left.length).toBeGreaterThan(0);
  });

  it('a second --fix changes nothing, and the dry run is then empty', async () => {
    const fixed = snapshot(dir);
    const again = await okelint(['demo', '--fix'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('\nAutofix: nothing fixed\n');
    expect(snapshot(dir)).toEqual(fixed);
    const dry2 = await okelint(['demo', '--fix-dry-run'], { cwd: dir });
    expect(dry2.stdout).toBe('');
    expect(dry2.stderr).toContain('okelint: nothing to fix (--fix-dry-run: nothing written)');
  });
});

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    seccompProfile: { type: RuntimeDefault }
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        privileged: true # to be fixed
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities: { drop: [ALL] }
`;
const FIXED_POD = POD.replace('privileged: true #', 'privileged: false #');

describe('what --fix never writes', () => {
  it('refuses standard input, and shows its fixes as a diff in a dry run', async () => {
    const r = await okelint(['--fix', '-'], { input: POD });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('okelint: --fix never writes standard input: use --fix-dry-run to see its fixes as a diff\n');
    const dry = await okelint(['--fix-dry-run', '-', '--stdin-filename', 'deploy/web.yaml'], { input: POD });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe('--- a/deploy/web.yaml\n+++ b/deploy/web.yaml\n@@ -11,7 +11,7 @@\n'
      + '     - name: web\n       image: nginx:1.27\n       securityContext:\n'
      + '-        privileged: true # to be fixed\n+        privileged: false # to be fixed\n'
      + '         allowPrivilegeEscalation: false\n         readOnlyRootFilesystem: true\n         capabilities: { drop: [ALL] }\n');
    expect(dry.stderr).toContain('okelint: deploy/web.yaml: standard input is never written; the diff shows its fixes\n');
  });

  it('leaves helm template output alone, and shows the rendered change in a dry run', async () => {
    const dir = tempDir();
    const rendered = `---\n# Source: web/templates/pod.yaml\n${POD}`;
    writeFileSync(join(dir, 'rendered.yaml'), rendered);
    const r = await okelint(['rendered.yaml', '--fix'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'rendered.yaml'), 'utf8')).toBe(rendered);
    expect(r.stdout).toContain('Autofix: nothing fixed\n  not fixed: rendered.yaml: 1 problem (privileged-container): helm template output is never written');
    const dry = await okelint(['rendered.yaml', '--fix-dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('-        privileged: true # to be fixed\n+        privileged: false # to be fixed\n');
    expect(dry.stderr).toContain('okelint: rendered.yaml: helm template output is never written; the diff shows the rendered objects');
    expect(readFileSync(join(dir, 'rendered.yaml'), 'utf8')).toBe(rendered);
  });
});

describe('helm template output mapped to its chart', () => {
  it('shows the diff of the rendered file, not of the template the finding was moved to', async () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'fixtures', 'helm', 'webapp'), dir, { recursive: true });
    const before = snapshot(dir);
    const report = await okelint(['rendered.yaml', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(report.stdout) as JsonReport).findings.find((f) => f.ruleId === 'privileged-container')?.file).toBe('templates/deployment.yaml');
    const dry = await okelint(['rendered.yaml', '--fix-dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^--- a\/rendered\.yaml\n\+\+\+ b\/rendered\.yaml\n@@ -34,7 \+34,7 @@\n[^]*^- {12}privileged: true\n\+ {12}privileged: false\n/m);
    const fixed = await okelint(['rendered.yaml', '--fix'], { cwd: dir });
    expect(fixed.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('what --fix keeps', () => {
  it('writes through a symlink, keeping the mode, the byte order mark and CRLF', async () => {
    const dir = tempDir();
    const crlf = POD.replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'real.yaml'), `\uFEFF${crlf}`);
    chmodSync(join(dir, 'real.yaml'), 0o640);
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    const r = await okelint(['link.yaml', '--fix'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Autofix: fixed 1 problem in 1 file\n');
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(statSync(join(dir, 'real.yaml')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe(`\uFEFF${FIXED_POD.replace(/\n/g, '\r\n')}`);
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'real.yaml']);
  });

  it('does not fix suppressed or baselined findings, and with --quiet fixes errors only', async () => {
    const dir = tempDir();
    const suppressed = POD.replace('        privileged: true', '        # okelint-disable-next-line privileged-container -- needs a FUSE mount\n        privileged: true');
    writeFileSync(join(dir, 'a.yaml'), suppressed);
    const r = await okelint(['a.yaml', '--fix'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Autofix: nothing fixed\n');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(suppressed);

    writeFileSync(join(dir, 'c.yaml'), POD);
    expect((await okelint(['c.yaml', '--write-baseline', 'base.json'], { cwd: dir })).code).toBe(0);
    const base = await okelint(['c.yaml', '--fix', '--baseline', 'base.json'], { cwd: dir });
    expect(base.code).toBe(0);
    expect(base.stdout).toContain('Autofix: nothing fixed\n');
    expect(readFileSync(join(dir, 'c.yaml'), 'utf8')).toBe(POD);

    const both = POD.replace('        readOnlyRootFilesystem: true\n', '');
    writeFileSync(join(dir, 'b.yaml'), both);
    const q = await okelint(['b.yaml', '--fix', '--quiet'], { cwd: dir });
    expect(q.code).toBe(0);
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe(both.replace('privileged: true #', 'privileged: false #'));
  });

  it('keeps machine-readable output clean: the fix summary goes to stderr', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), POD);
    const r = await okelint(['a.yaml', '--fix', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const left = (JSON.parse(r.stdout) as JsonReport).findings;
    expect(left.length).toBeGreaterThan(0);
    expect(left.filter((f) => FIXABLE_RULES.includes(f.ruleId))).toEqual([]);
    expect(r.stderr).toBe('okelint: fixed 1 problem in 1 file\n');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(FIXED_POD);
  });
});

describe('options that do not go together', () => {
  it.each([
    [['--fix', '--fix-dry-run', 'x.yaml'], '--fix and --fix-dry-run do not go together (--fix-dry-run shows what --fix would write)'],
    [['--fix-dry-run', '--format', 'json', 'x.yaml'], '--fix-dry-run prints a unified diff: --format does not apply'],
    [['--fix', '--write-baseline', 'b.json', 'x.yaml'], '--write-baseline does not go with --fix or --fix-dry-run (fix first, then write the baseline)'],
  ])('%j', async (args, message) => {
    const r = await okelint(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`okelint: ${message}\n`);
  });
});
