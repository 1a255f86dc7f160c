/**
 * The fixture corpus: fixtures/<layer>/<rule-id>/ carries its expectations inline.
 * - `# expect: <id>[, <id>]` on the line where a finding of that rule must start;
 * - objects named `ok-*` must not fire the folder's rule, objects named `bad-*` must;
 * - an optional first-line `# lint-config: {"rules": {...}}` gives rule settings;
 * - where a trailing comment cannot share the line (policy text, JSON, Terraform heredocs), a
 *   sidecar `<file>.expect.json` (`[{"line": 3, "rule": "iam-parse-error"}]`) replaces the
 *   markers; an entry may add `"column"` (1-based), and then a finding of that rule must start
 *   exactly there;
 * - a Terraform fixture folder is a module: its `.tf` files are linted and read their
 *   `terraform.tfvars` / `*.auto.tfvars` from beside them, as the CLI does; findings on
 *   statements written in a tfvars file are expected by that file's sidecar.
 * The ok-/bad- naming applies to Kubernetes objects only.
 * A file directly in the rule's folder is linted alone; a sub-folder is a multi-file project
 * linted as one set (cross-document rules see all of it; the first line of its first file may
 * carry the lint-config). Everything runs through the engine's full pipeline (pre-pass, files,
 * project pass) with the strict preset (PSS at restricted, newest version); only the folder's
 * rule is compared.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/run.js';
import type { ConfigFile } from '../src/engine/config-file.js';
import { parseK8sFile } from '../src/sources/k8s-yaml.js';
import { detectFormat } from '../src/sources/detect.js';
import { registry } from './helpers/registry-config.js';

const ROOT = new URL('../', import.meta.url).pathname;
const EXPECT = /#\s*expect:\s*([a-z0-9, -]+?)\s*$/;
const SIDECAR = /\.expect\.json$/;
const units = globSync('fixtures/*/*/*', { cwd: ROOT, ignore: ['fixtures/demo/**', 'fixtures/helm/**'] }).sort()
  .filter((p) => statSync(ROOT + p).isDirectory() || (/\.(ya?ml|json|policy|tf)$/.test(p) && !SIDECAR.test(p)));

function filesOf(unit: string): string[] {
  return statSync(ROOT + unit).isDirectory()
    ? globSync(`${unit}/**/*.{yaml,yml,json,policy,tf}`, { cwd: ROOT }).filter((p) => !SIDECAR.test(p)).sort()
    : [unit];
}

/** The tfvars files of a module fixture: not linted themselves, but statements written there are reported there (sidecar only). */
function tfvarsOf(unit: string): string[] {
  return statSync(ROOT + unit).isDirectory() ? globSync(`${unit}/**/*.{tfvars,tfvars.json}`, { cwd: ROOT }).sort() : [];
}

/** The rules expected on each line (and column): `# expect:` markers, or the file's `.expect.json` sidecar. */
function expectations(file: string, text: string): { line: number; column?: number; rules: string[] }[] {
  if (existsSync(`${ROOT}${file}.expect.json`)) {
    const list = JSON.parse(readFileSync(`${ROOT}${file}.expect.json`, 'utf8')) as { line: number; column?: number; rule: string }[];
    return list.map((e) => ({ line: e.line, ...(e.column !== undefined && { column: e.column }), rules: [e.rule] }));
  }
  return text.split('\n').flatMap((line, i) => {
    const m = EXPECT.exec(line);
    return m ? [{ line: i + 1, rules: (m[1] as string).split(',').map((s) => s.trim()) }] : [];
  });
}

function lintConfig(files: readonly string[]): ConfigFile['rules'] {
  const first = files[0] ? readFileSync(ROOT + files[0], 'utf8').split('\n', 1)[0] ?? '' : '';
  const m = /^#\s*lint-config:\s*(\{.*\})\s*$/.exec(first);
  return m ? (JSON.parse(m[1] as string) as { rules: ConfigFile['rules'] }).rules : undefined;
}

describe('fixture corpus', () => {
  it('has fixtures for every Kubernetes and IAM rule', () => {
    const covered = new Set(units.map((f) => f.split('/')[2]));
    const missing = registry.filter((r) => (r.meta.appliesTo.includes('k8s') || r.meta.appliesTo.includes('iam')) && !covered.has(r.meta.id)).map((r) => r.meta.id);
    expect(missing).toEqual([]);
  });

  it('has a Terraform (.tf) fixture for every IAM rule', () => {
    const withTf = new Set(units.filter((u) => filesOf(u).some((f) => f.endsWith('.tf'))).map((u) => u.split('/')[2]));
    const missing = registry.filter((r) => r.meta.appliesTo.includes('iam') && !withTf.has(r.meta.id)).map((r) => r.meta.id);
    expect(missing).toEqual([]);
  });

  for (const unit of units) {
    const [, layer, ruleId] = unit.split('/') as [string, string, string];
    it(unit, async () => {
      const rule = registry.find((r) => r.meta.id === ruleId);
      expect(rule, `fixtures/${layer}/${ruleId} names no rule`).toBeDefined();
      expect(rule?.meta.layer).toBe(layer);
      const files = filesOf(unit);
      const rules = lintConfig(files);
      const out = await lint({
        inputs: files, cwd: ROOT, registry, overrides: {}, today: '2026-11-23',
        configFile: { path: ROOT + 'fixtures/.virtual-okelint.yaml', preset: 'strict', ...(rules && { rules }) },
      });
      for (const guard of ['parse-error', 'iam-parse-error']) {
        if (ruleId !== guard) expect(out.findings.filter((f) => f.ruleId === guard).map((f) => `${f.file}: ${f.message}`)).toEqual([]);
      }
      const mine = out.findings.filter((f) => f.ruleId === ruleId);
      const expected: string[] = [];
      const columns: string[] = [];
      const bad: string[] = [];
      const k8sFiles = new Set<string>();
      for (const file of [...files, ...tfvarsOf(unit)]) {
        const text = readFileSync(ROOT + file, 'utf8');
        for (const e of expectations(file, text)) {
          if (!e.rules.includes(ruleId)) continue;
          expected.push(`${file}:${e.line}`);
          if (e.column !== undefined) columns.push(`${file}:${e.line}:${e.column}`);
        }
        if (!files.includes(file) || detectFormat(file, text) !== 'k8s') continue;
        k8sFiles.add(file);
        bad.push(...parseK8sFile(file, text).resources.map((r) => r.name ?? '').filter((n) => n.startsWith('bad-')));
      }
      const actual = [...new Set(mine.map((f) => `${f.file}:${f.start.line}`))].sort();
      expect(actual, 'lines with findings vs # expect markers').toEqual([...new Set(expected)].sort());
      const starts = new Set(mine.map((f) => `${f.file}:${f.start.line}:${f.start.column}`));
      expect(columns.filter((c) => !starts.has(c)), 'expected columns with no finding starting there').toEqual([]);
      expect(expected.length, 'a fixture must expect at least one finding').toBeGreaterThan(0);
      for (const f of mine) if (f.object && k8sFiles.has(f.file)) expect(f.object.name ?? '', `finding on a non-bad object at ${f.file}:${f.start.line}`).toMatch(/^bad-/);
      const fired = new Set(mine.map((f) => f.object?.name));
      expect(bad.filter((n) => !fired.has(n)), 'bad-* objects that did not fire').toEqual([]);
    });
  }
});
