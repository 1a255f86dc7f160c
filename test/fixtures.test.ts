/**
 * The fixture corpus: fixtures/<layer>/<rule-id>/*.yaml carry their expectations inline.
 * - `# expect: <id>[, <id>]` on the line where a finding of that rule must start;
 * - objects named `ok-*` must not fire the folder's rule, objects named `bad-*` must;
 * - an optional first-line `# lint-config: {"rules": {...}}` gives rule settings;
 * - Namespace objects in the file apply their Pod Security labels to the file's workloads.
 * Every file is linted with the strict preset (PSS at restricted, newest version); only the
 * folder's rule is compared.
 */
import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/engine/lint-file.js';
import { parseK8sFile } from '../src/sources/k8s-yaml.js';
import { ProjectScanner } from '../src/engine/project-scan.js';
import { registry, strictConfig } from './helpers/registry-config.js';

const ROOT = new URL('../', import.meta.url).pathname;
const files = globSync('fixtures/*/*/*.{yaml,yml,json}', { cwd: ROOT, ignore: ['fixtures/demo/**'] }).sort();
const EXPECT = /#\s*expect:\s*([a-z0-9, -]+?)\s*$/;

describe('fixture corpus', () => {
  it('has fixtures for every Kubernetes rule', () => {
    const covered = new Set(files.map((f) => f.split('/')[2]));
    const missing = registry.filter((r) => r.meta.appliesTo.includes('k8s') && !covered.has(r.meta.id)).map((r) => r.meta.id);
    expect(missing).toEqual([]);
  });

  for (const file of files) {
    const [, layer, ruleId] = file.split('/') as [string, string, string];
    it(file, () => {
      const rule = registry.find((r) => r.meta.id === ruleId);
      expect(rule, `fixtures/${layer}/${ruleId} names no rule`).toBeDefined();
      expect(rule?.meta.layer).toBe(layer);
      const text = readFileSync(ROOT + file, 'utf8');
      const lintConfig = /^#\s*lint-config:\s*(\{.*\})\s*$/m.exec(text.split('\n', 1)[0] ?? '');
      const config = strictConfig(lintConfig ? (JSON.parse(lintConfig[1] as string) as { rules: never }).rules : undefined);
      const scanner = new ProjectScanner();
      scanner.scan(file, text);
      const findings = lintFile({ path: file, uri: file, text }, config, '2026-11-23', scanner.info()).findings;
      const parseErrors = findings.filter((f) => f.ruleId === 'parse-error' && ruleId !== 'parse-error');
      expect(parseErrors.map((f) => f.message)).toEqual([]);
      const mine = findings.filter((f) => f.ruleId === ruleId);
      const expected = text.split('\n').flatMap((line, i) => {
        const m = EXPECT.exec(line);
        const ids = m ? (m[1] as string).split(',').map((s) => s.trim()) : [];
        return ids.includes(ruleId) ? [i + 1] : [];
      });
      const actualLines = [...new Set(mine.map((f) => f.start.line))].sort((a, b) => a - b);
      expect(actualLines, 'lines with findings vs # expect markers').toEqual(expected);
      expect(expected.length, 'a fixture file must expect at least one finding').toBeGreaterThan(0);
      for (const f of mine) if (f.object) expect(f.object.name ?? '', `finding on a non-bad object at line ${f.start.line}`).toMatch(/^bad-/);
      const fired = new Set(mine.map((f) => f.object?.name));
      const bad = parseK8sFile(file, text).resources.map((r) => r.name ?? '').filter((n) => n.startsWith('bad-'));
      expect(bad.filter((n) => !fired.has(n)), 'bad-* objects that did not fire').toEqual([]);
    });
  }
});
