/**
 * The CLI's registry (rules/lazy.ts, generated): the same rules as rules/index.ts, in the same
 * order, with the same metas and hooks; the IAM and OKE rules' code loads when a run first reads
 * such a file, and a run then reports exactly what the eager registry reports. A run over YAML
 * alone loads none of the IAM, OKE, Terraform and Helm code (start-up time, DESIGN.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules as eager } from '../../rules/index.js';
import { rules as lazy } from '../../rules/lazy.js';
import { lint } from '../../src/engine/run.js';
import { loadRules } from '../../src/engine/lazy-rules.js';
import type { AnyRule } from '../../src/engine/rule-api.js';
import { okelint, ROOT, tempDir } from '../helpers/cli.js';

const HOOKS = ['check', 'collect', 'analyze', 'checkStatement', 'checkOke'] as const;
const hooksOf = (r: AnyRule): string[] => HOOKS.filter((h) => typeof r[h] === 'function');

describe('rules/lazy.ts', () => {
  it('holds every rule of rules/index.ts, in order, with the same meta and hooks', () => {
    expect(lazy.map((r) => r.meta.id)).toEqual(eager.map((r) => r.meta.id));
    lazy.forEach((r, i) => {
      const e = eager[i] as AnyRule;
      expect(r.meta).toEqual(e.meta);
      expect(hooksOf(r)).toEqual(hooksOf(e));
    });
    // The Kubernetes and engine rules are the modules themselves; the others are stand-ins.
    const standIns = lazy.filter((r, i) => r !== eager[i]).map((r) => r.meta.appliesTo.join());
    expect(standIns.length).toBeGreaterThan(20);
    expect(new Set(standIns)).toEqual(new Set(['iam', 'oke']));
  });

  it('refuses to run a rule before its module is loaded, then runs the module\'s own hook', async () => {
    const i = lazy.findIndex((r) => r.meta.id === 'iam-manage-all-resources');
    const standIn = lazy[i] as AnyRule;
    const ctx = {} as Parameters<NonNullable<AnyRule['checkStatement']>>[0];
    expect(() => standIn.checkStatement?.(ctx)).toThrow('rule iam-manage-all-resources ran before its module was loaded');
    await loadRules([standIn]);
    expect(standIn.checkStatement?.name).toBe(`bound ${(eager[i] as AnyRule).checkStatement?.name ?? ''}`);
  });

  it('reports what the eager registry reports, over IAM, OKE, Terraform and Kubernetes files', async () => {
    const request = { inputs: ['fixtures/cloud-control', 'fixtures/node', 'fixtures/demo'], cwd: ROOT, overrides: { preset: 'strict' as const }, today: '2026-01-01' };
    const withLazy = await lint({ ...request, registry: lazy });
    const withEager = await lint({ ...request, registry: eager });
    expect(withLazy.findings.length).toBeGreaterThan(100);
    expect(withLazy.findings).toEqual(withEager.findings);
    expect(withLazy.rules).toEqual(withEager.rules);
    expect(withLazy.summary).toEqual(withEager.summary);
  }, 60_000);
});

describe('a CLI run over YAML alone', () => {
  it('loads no IAM, OKE, Terraform or Helm code; a run over a .tf file does', async () => {
    const dir = tempDir('okelint-lazy-');
    mkdirSync(join(dir, 'yaml'));
    writeFileSync(join(dir, 'yaml', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n');
    // A module loader hook that lists every okelint module the run loads.
    writeFileSync(join(dir, 'hooks.mjs'), 'export async function load(url, context, next) {\n  if (url.includes("/dist/")) process.stderr.write(`LOADED ${url}\\n`);\n  return next(url, context);\n}\n');
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
    const loaded = async (input: string): Promise<string[]> => {
      const r = await okelint([input, '--format', 'json'], { cwd: dir, nodeArgs: ['--import', pathToFileURL(join(dir, 'register.mjs')).href] });
      expect(r.code).not.toBe(2);
      return r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.replace(/^LOADED .*\/dist\//, ''));
    };
    const yaml = await loaded('yaml');
    expect(yaml).toContain('src/engine/lint-k8s.js');
    expect(yaml).toContain('rules/workload/privileged-container.js');
    const heavy = /^src\/(sources\/hcl\/|sources\/iam-policy|sources\/terraform|helm\/|lsp\/|engine\/(lint-file|lint-iam|lint-oke|lint-terraform|terraform-modules|parallel|worker)\.js)/;
    const standIns = new Set(lazy.filter((r, i) => r !== eager[i]).map((r) => `rules/${r.meta.layer}/${r.meta.id}.js`));
    expect(yaml.filter((m) => heavy.test(m) || standIns.has(m))).toEqual([]);
    writeFileSync(join(dir, 'main.tf'), 'resource "oci_identity_policy" "p" {\n  compartment_id = "c"\n  name = "p"\n  description = "d"\n  statements = ["Allow group A to read buckets in tenancy"]\n}\n');
    const tf = await loaded('main.tf');
    expect(tf).toContain('src/engine/lint-terraform.js');
    expect(tf).toContain('rules/cloud-control/iam-manage-all-resources.js');
  }, 60_000);
});
