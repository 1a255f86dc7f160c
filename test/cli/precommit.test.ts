/**
 * The pre-commit hook for real, with the `pre-commit` tool (Debian's package in CI): a
 * temporary git repository runs the `okelint` hook of .pre-commit-hooks.yaml through
 * `pre-commit try-repo`, which installs okelint as a user's pre-commit would (`language: node`:
 * npm install with dev dependencies, the `prepare` build, npm pack, a global install of the
 * tarball). It fails on a bad manifest and passes on a clean one.
 *
 * Independent of the checkout's git state: the hook repository is a fresh one-commit copy of
 * the files git would commit (tracked and untracked-but-not-ignored, as they are on disk),
 * because try-repo clones its repository at HEAD and sees uncommitted work only partly.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../helpers/cli.js';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'okelint test', GIT_AUTHOR_EMAIL: 'test@okelint.invalid',
  GIT_COMMITTER_NAME: 'okelint test', GIT_COMMITTER_EMAIL: 'test@okelint.invalid',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The files git would commit from the checkout, as they are on disk. */
function committableFiles(): string[] {
  const listed = git(ROOT, 'ls-files', '--cached', '--others', '--exclude-standard', '-z').split('\0');
  return [...new Set(listed)].filter((f) => f !== '' && existsSync(join(ROOT, f)));
}

/** A one-commit repository holding this checkout's committable files. */
function hookRepository(): string {
  const repo = join(tempDir('okelint-hook-repo-'), 'okelint');
  for (const f of committableFiles()) {
    mkdirSync(dirname(join(repo, f)), { recursive: true });
    cpSync(join(ROOT, f), join(repo, f), { verbatimSymlinks: true });
  }
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'okelint under test');
  return repo;
}

interface Run { code: number | null; output: string }

function preCommit(cwd: string, args: readonly string[], home: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('pre-commit', args, {
      cwd,
      env: {
        ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: home, NO_COLOR: '1',
        // The packages are in npm's cache after `npm ci`: do not revalidate each one.
        npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const CLEAN = `apiVersion: v1
kind: Pod
metadata:
  name: clean
  namespace: shop
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    seccompProfile: { type: RuntimeDefault }
  containers:
    - name: app
      image: iad.ocir.io/acme/app:1.4.2@sha256:0f3c6a1d2e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d
      resources:
        requests: { cpu: 100m, memory: 64Mi }
        limits: { cpu: 500m, memory: 128Mi }
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities: { drop: [ALL] }
`;
const BAD = CLEAN.replace('name: clean', 'name: bad').replace('allowPrivilegeEscalation: false', 'privileged: true');
/** A Helm chart template: not YAML until rendered; the hook's `exclude` keeps it out. */
const TEMPLATE = `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}
spec:
  containers:
    - name: app
      image: {{ .Values.image }}
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
`;

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

describe('the pre-commit hook', () => {
  let hookRepo: string;
  let project: string;
  let home: string;

  beforeAll(() => {
    if (!hasPreCommit) {
      throw new Error('pre-commit is not installed: this test runs the real hook (apt-get install -y pre-commit; .ci/run installs it)');
    }
    hookRepo = hookRepository();
    home = tempDir('okelint-pre-commit-home-');
    project = tempDir('okelint-pre-commit-project-');
    git(project, 'init', '-q');
    writeFileSync(join(project, 'clean.yaml'), CLEAN);
    writeFileSync(join(project, 'package.json'), '{ "name": "not-kubernetes", "version": "1.0.0" }\n');
    mkdirSync(join(project, 'chart', 'templates'), { recursive: true });
    writeFileSync(join(project, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: chart\nversion: 0.1.0\n');
    writeFileSync(join(project, 'chart', 'templates', 'pod.yaml'), TEMPLATE);
    git(project, 'add', '-A');
    git(project, 'commit', '-q', '-m', 'clean project');
  });

  afterAll(() => {
    for (const dir of [hookRepo && dirname(hookRepo), home, project]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('describes one okelint hook: node, serial, YAML/JSON/.policy/.tf files, chart templates excluded', () => {
    const hooks = parse(readFileSync(join(hookRepo, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(hooks.map((h) => h.id)).toEqual(['okelint']);
    const hook = hooks[0] ?? {};
    expect(hook).toMatchObject({ name: 'okelint', entry: 'okelint', language: 'node', require_serial: true });
    const files = new RegExp(String(hook.files)), exclude = new RegExp(String(hook.exclude));
    const picked = (f: string): boolean => files.test(f) && !exclude.test(f);
    expect(['a.yaml', 'k8s/b.yml', 'c.json', 'iam/d.policy', 'oke/main.tf', 'templates.yaml'].filter(picked)).toHaveLength(6);
    expect(['README.md', 'x.yaml.bak', 'chart/templates/pod.yaml', 'templates/a.yml', 'main.tfvars'].filter(picked)).toEqual([]);
    // The package name pre-commit installs is the one whose bin provides `entry`.
    const pkg = JSON.parse(readFileSync(join(hookRepo, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain(hook.entry);
    expect(pkg.scripts.prepare).toBe('npm run build');
  });

  it('passes on a clean project (non-Kubernetes JSON and chart templates included)', async () => {
    const r = await preCommit(project, ['try-repo', hookRepo, 'okelint', '--all-files', '--verbose'], home);
    expect(r.output).toMatch(/^okelint\.+Passed$/m);
    expect(r.output).toContain('✔ no problems');
    expect(r.code, r.output).toBe(0);
  }, 600_000);

  it('fails on a bad manifest, naming the finding', async () => {
    writeFileSync(join(project, 'bad.yaml'), BAD);
    git(project, 'add', 'bad.yaml');
    const r = await preCommit(project, ['try-repo', hookRepo, 'okelint', '--files', 'bad.yaml', 'clean.yaml'], home);
    expect(r.output).toMatch(/^okelint\.+Failed$/m);
    expect(r.output).toContain('- exit code: 1');
    expect(r.output).toMatch(/^bad\.yaml\n(?:\s.*\n)*?\s+18:21\s+error\s+Container "app" sets securityContext\.privileged: true/m);
    expect(r.output).not.toContain('clean.yaml');
    expect(r.code, r.output).toBe(1);
  }, 600_000);
});
