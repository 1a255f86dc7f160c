/**
 * `--jobs N`: files linted by worker threads give the same report as one thread, byte for
 * byte, in every format (text, JSON, SARIF, GitHub), with the same stderr and exit code: the
 * demo estate, the Helm charts (template mapping), the IAM and OKE fixtures, and a project with
 * nested configs, Namespace labels and RBAC chains across files, and standard input. Workers
 * really start (Node's worker debug log counts them); a failing worker rejects the run with a
 * message naming the file instead of hanging; the permission model without --allow-worker
 * falls back to one thread and says so.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { okelint, ROOT, tempDir, type CliOptions, type CliResult } from '../helpers/cli.js';
import type { RunInit } from '../../src/engine/parallel.js';
import type { FileTask } from '../../src/engine/worker-task.js';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

/** Runs the CLI with `--jobs 1` and with `--jobs N`, and expects identical results. */
async function expectSame(args: readonly string[], jobs: number, opts: CliOptions = {}): Promise<CliResult> {
  const one = await okelint([...args, '--jobs', '1'], opts);
  const many = await okelint([...args, '--jobs', String(jobs)], opts);
  expect(one.code).not.toBe(2);
  expect(many.stdout).toBe(one.stdout);
  expect(many.stderr).toBe(one.stderr);
  expect(many.code).toBe(one.code);
  return one;
}

describe('--jobs gives the report of one thread', () => {
  for (const format of FORMATS) {
    it(`on the demo estate (${format})`, async () => {
      const r = await expectSame(['fixtures/demo', '--format', format, '--no-color'], 2);
      expect(r.code).toBe(1);
      expect(r.stdout.length).toBeGreaterThan(1000);
    }, 60_000);
  }

  it('on the Helm charts, with findings moved to template lines (JSON and SARIF)', async () => {
    for (const format of ['json', 'sarif'] as const) {
      const r = await expectSame(['fixtures/helm', '--format', format], 2);
      expect(r.stdout).toContain('fixtures/helm/shop/templates/');
    }
  }, 60_000);

  it('on the IAM, OKE and RBAC fixtures with every rule (JSON, text), with three workers', async () => {
    const r = await expectSame(['fixtures/cloud-control', 'fixtures/node', 'fixtures/cluster-access', '--preset', 'strict', '--format', 'json'], 3);
    const rules = new Set((JSON.parse(r.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId));
    for (const id of ['iam-manage-all-resources', 'oke-node-pool-public-ip', 'rbac-wildcard', 'dashboard-exposed']) expect(rules).toContain(id);
    await expectSame(['fixtures/cloud-control', 'fixtures/node', 'fixtures/cluster-access', '--preset', 'strict', '--no-color'], 3);
  }, 60_000);

  describe('on a project with a config of its own in one directory, namespace labels, RBAC across files and stdin', () => {
    let dir = '';
    beforeAll(() => {
      dir = tempDir('okelint-jobs-');
      const write = (rel: string, text: string): void => {
        mkdirSync(join(dir, rel, '..'), { recursive: true });
        writeFileSync(join(dir, rel), text);
      };
      // team-a: restricted namespace (labels in another file), default preset.
      write('team-a/namespace.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n');
      // team-b: its own config turns a rule off and makes one an error.
      write('team-b/.okelint.yaml', 'rules:\n  image-no-digest: off\n  missing-resource-limits: error\n');
      for (let i = 0; i < 12; i++) {
        const team = i % 2 === 0 ? 'team-a' : 'team-b';
        write(`${team}/app-${i}.yaml`, [
          'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: app-${i}`, `  namespace: ${team}`, 'spec:',
          '  selector:', '    matchLabels:', `      app: app-${i}`, '  template:', '    metadata:', '      labels:', `        app: app-${i}`,
          '    spec:', '      containers:', `        - name: app-${i}`, `          image: registry.example.com/app:${i}.0`,
          ...(i % 3 === 0 ? ['          securityContext:', '            privileged: true'] : []), '',
        ].join('\n'));
      }
      write('rbac/role.yaml', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: everything\nrules:\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n');
      write('rbac/binding.yaml', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ci\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: everything\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: team-b\n');
      write('broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n');
      write('empty.yaml', '');
    });

    for (const format of FORMATS) {
      it(`${format}`, async () => {
        const input = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: piped\n  namespace: team-a\nspec:\n  hostNetwork: true\n  containers:\n    - name: c\n      image: nginx\n';
        const r = await expectSame(['team-a', 'team-b', 'rbac', 'broken.yaml', 'empty.yaml', '-', '--stdin-filename', 'team-b/piped.yaml', '--format', format, '--no-color'], 4, { cwd: dir, input });
        expect(r.code).toBe(1);
      }, 60_000);
    }

    it('where the configs and the namespace labels really apply', async () => {
      // A config applies to the files of the command-line path it is nearest to.
      const r = await okelint(['team-a', 'team-b', 'rbac', 'broken.yaml', '--format', 'json', '--jobs', '2'], { cwd: dir });
      const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; level: string; message: string }[] }).findings;
      expect(findings.some((f) => f.ruleId === 'image-no-digest' && f.file.startsWith('team-a/'))).toBe(true);
      expect(findings.some((f) => f.ruleId === 'image-no-digest' && f.file.startsWith('team-b/'))).toBe(false);
      expect(findings.filter((f) => f.ruleId === 'missing-resource-limits' && f.file.startsWith('team-b/')).every((f) => f.level === 'error')).toBe(true);
      expect(findings.some((f) => f.file.startsWith('team-a/') && /namespace "team-a"/.test(f.message))).toBe(true);
      expect(findings.some((f) => f.ruleId === 'rbac-wildcard' && f.file === 'rbac/role.yaml')).toBe(true);
      expect(findings.some((f) => f.ruleId === 'parse-error' && f.file === 'broken.yaml')).toBe(true);
    }, 60_000);
  });
});

describe('--jobs workers', () => {
  it('start one per job, at most one per file, and none with --jobs 1', async () => {
    const env = { NODE_DEBUG: 'worker' };
    const started = (r: CliResult): number => r.stderr.split('\n').filter((l) => /instantiating Worker/.test(l)).length;
    expect(started(await okelint(['fixtures/demo', '--format', 'json', '--jobs', '2'], { env }))).toBe(2);
    expect(started(await okelint(['fixtures/demo', '--format', 'json', '--jobs', '1'], { env }))).toBe(0);
    expect(started(await okelint(['fixtures/demo/shop/web.yaml', '--format', 'json', '--jobs', '4'], { env }))).toBe(0);
    expect(started(await okelint(['fixtures/demo', '--format', 'json', '--jobs', 'auto'], { env }))).toBe(0);
  }, 60_000);

  it('fall back to one thread under the permission model without --allow-worker, and say so', async () => {
    const plain = await okelint(['fixtures/demo', '--format', 'json', '--jobs', '1']);
    const denied = await okelint(['fixtures/demo', '--format', 'json', '--jobs', '2'], { nodeArgs: ['--experimental-permission', '--allow-fs-read=*'] });
    expect(denied.code).toBe(plain.code);
    expect(denied.stderr).toContain('okelint: warning: --jobs: the permission model does not allow worker threads (--allow-worker): linting on the main thread');
    const strip = (s: string): unknown => ({ ...(JSON.parse(s) as object), summary: undefined });
    expect(strip(denied.stdout)).toEqual(strip(plain.stdout));
    const allowed = await okelint(['fixtures/demo', '--format', 'json', '--jobs', '2'], { nodeArgs: ['--experimental-permission', '--allow-fs-read=*', '--allow-worker'] });
    expect(allowed.stdout).toBe(plain.stdout);
  }, 60_000);

  /** The pool module of the build (its worker is dist/src/engine/worker.js). */
  const parallel = (): Promise<typeof import('../../src/engine/parallel.js')> =>
    import(pathToFileURL(join(ROOT, 'dist/src/engine/parallel.js')).href) as Promise<typeof import('../../src/engine/parallel.js')>;
  const init = (ruleIds: readonly string[]): RunInit => ({
    cwd: ROOT, root: ROOT, today: '2026-01-01', overrides: {}, ruleIds, configs: [undefined], terraformMaxBytes: 1 << 20,
  });
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: team\nspec:\n  containers:\n    - name: c\n      image: nginx\n      securityContext:\n        privileged: true\n';
  /** Files that may hold a Namespace: the workers parse them first; the later file's labels win. */
  const namespace = (level: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n`;
  const candidates = [{ display: 'a.yaml', text: namespace('baseline') }, { display: 'b.yaml', text: 'kind: Namespace # not one\n' }, { display: 'c.yaml', text: namespace('restricted') }];
  const task = (index: number, config = 0): FileTask => ({ index, display: `f${index}.yaml`, uri: `f${index}.yaml`, config, read: { ok: true, text: POD } });
  const same = (t: FileTask): FileTask => t;

  it('parse the Namespace candidates first, hand outcomes back in file order, and serve the next run with the same workers', async () => {
    const { workerPool } = await parallel();
    const pool = workerPool(2);
    for (let run = 0; run < 2; run++) {
      const order: number[] = [];
      await pool.lint(init(['privileged-container']), candidates, Array.from({ length: 30 }, (_, i) => task(i)), same, (t, o) => {
        order.push(t.index);
        expect(o.status).toBe('linted');
        expect(o.findings.map((f) => [f.ruleId, f.file, f.start.line])).toEqual([['privileged-container', t.display, 11]]);
        expect(o.findings[0]?.message).toMatch(/\(namespace "team" enforces restricted:v1\.\d+\)$/);
      });
      expect(order).toEqual(Array.from({ length: 30 }, (_, i) => i));
    }
    expect(workerPool(2)).toBe(pool);
  }, 30_000);

  it('reject the run, naming the file, when linting one throws, and are not used again', async () => {
    const { workerPool } = await parallel();
    const pool = workerPool(3);
    await expect(pool.lint(init(['privileged-container']), [], [task(0), task(1, 7), task(2)], same, () => undefined))
      .rejects.toThrow(/^worker thread failed while linting f1\.yaml: Error: no config #7 for f1\.yaml/);
    expect(workerPool(3)).not.toBe(pool);
  }, 30_000);

  it('reject the run when the workers cannot set it up', async () => {
    const { workerPool } = await parallel();
    await expect(workerPool(4).lint(init(['no-such-rule']), candidates, [task(0), task(1)], same, () => undefined))
      .rejects.toThrow(/^worker thread failed: Error: rule "no-such-rule" is not a built-in rule/);
  }, 30_000);
});

describe('--jobs usage', () => {
  for (const bad of ['0', '-1', 'two', '1.5', '']) {
    it(`refuses --jobs "${bad}" with exit code 2`, async () => {
      const r = await okelint(['fixtures/demo', `--jobs=${bad}`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`okelint: --jobs takes a number of worker threads from 1, or auto (got "${bad}")\n`);
    });
  }

  it('is in --help', async () => {
    expect((await okelint(['--help'])).stdout).toMatch(/--jobs N\|auto/);
  });
});
