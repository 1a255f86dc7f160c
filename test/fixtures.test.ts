/**
 * The fixture corpus: fixtures/<layer>/<rule-id>/ carries its expectations inline.
 * - `# expect: <id>[, <id>]` on the line where a finding of that rule must start;
 * - objects named `ok-*` must not fire the folder's rule, objects named `bad-*` must;
 * - an optional first-line `# lint-config: {"rules": {...}}` gives rule settings.
 * A file directly in the rule's folder is linted alone; a sub-folder is a multi-file project
 * linted as one set (cross-document rules see all of it; the first line of its first file may
 * carry the lint-config). Everything runs through the engine's full pipeline (pre-pass, files,
 * project pass) with the strict preset (PSS at restricted, newest version); only the folder's
 * rule is compared.
 */
import { readFileSync, statSync } from 'node:fs';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/run.js';
import type { ConfigFile } from '../src/engine/config-file.js';
import { parseK8sFile } from '../src/sources/k8s-yaml.js';
import { registry } from './helpers/registry-config.js';

const ROOT = new URL('../', import.meta.url).pathname;
const EXPECT = /#\s*expect:\s*([a-z0-9, -]+?)\s*$/;
const units = globSync('fixtures/*/*/*', { cwd: ROOT, ignore: ['fixtures/demo/**', 'fixtures/helm/**'] }).sort()
  .filter((p) => statSync(ROOT + p).isDirectory() || /\.(ya?ml|json)$/.test(p));

function filesOf(unit: string): string[] {
  return statSync(ROOT + unit).isDirectory() ? globSync(`${unit}/**/*.{yaml,yml,json}`, { cwd: ROOT }).sort() : [unit];
}

function lintConfig(files: readonly string[]): ConfigFile['rules'] {
  const first = files[0] ? readFileSync(ROOT + files[0], 'utf8').split('\n', 1)[0] ?? '' : '';
  const m = /^#\s*lint-config:\s*(\{.*\})\s*$/.exec(first);
  return m ? (JSON.parse(m[1] as string) as { rules: ConfigFile['rules'] }).rules : undefined;
}

describe('fixture corpus', () => {
  it('has fixtures for every Kubernetes rule', () => {
    const covered = new Set(units.map((f) => f.split('/')[2]));
    const missing = registry.filter((r) => r.meta.appliesTo.includes('k8s') && !covered.has(r.meta.id)).map((r) => r.meta.id);
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
      if (ruleId !== 'parse-error') expect(out.findings.filter((f) => f.ruleId === 'parse-error').map((f) => `${f.file}: ${f.message}`)).toEqual([]);
      const mine = out.findings.filter((f) => f.ruleId === ruleId);
      const expected: string[] = [];
      const bad: string[] = [];
      for (const file of files) {
        const text = readFileSync(ROOT + file, 'utf8');
        text.split('\n').forEach((line, i) => {
          const m = EXPECT.exec(line);
          if (m && (m[1] as string).split(',').map((s) => s.trim()).includes(ruleId)) expected.push(`${file}:${i + 1}`);
        });
        bad.push(...parseK8sFile(file, text).resources.map((r) => r.name ?? '').filter((n) => n.startsWith('bad-')));
      }
      const actual = [...new Set(mine.map((f) => `${f.file}:${f.start.line}`))].sort();
      expect(actual, 'lines with findings vs # expect markers').toEqual(expected.sort());
      expect(expected.length, 'a fixture must expect at least one finding').toBeGreaterThan(0);
      for (const f of mine) if (f.object) expect(f.object.name ?? '', `finding on a non-bad object at ${f.file}:${f.start.line}`).toMatch(/^bad-/);
      const fired = new Set(mine.map((f) => f.object?.name));
      expect(bad.filter((n) => !fired.has(n)), 'bad-* objects that did not fire').toEqual([]);
    });
  }
});
