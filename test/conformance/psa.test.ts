/**
 * Conformance with upstream Pod Security admission: EVERY fixture in ../shared/corpora/psa
 * (all versions, both levels) is linted with the matching preset and version. A pass fixture
 * must give no PSS finding; a fail fixture must give a finding from the rule mapped to its
 * check id (or from the restricted rule that overrides that check). Prints the figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/engine/config-types.js';
import { lintFile } from '../../src/engine/lint-file.js';
import { resolveConfig } from '../../src/engine/resolve-config.js';
import { registry } from '../helpers/registry-config.js';

const PSA = new URL('../../../shared/corpora/psa/', import.meta.url).pathname;

interface Row { path: string; level: 'baseline' | 'restricted'; version: string; expected: 'pass' | 'fail'; check: string }

const rows: Row[] = readFileSync(PSA + 'index.tsv', 'utf8').trim().split('\n').slice(1).map((line) => {
  const [path, level, version, expected, check] = line.split('\t') as [string, Row['level'], string, Row['expected'], string];
  return { path, level, version, expected, check };
});

const pssRules = registry.filter((r) => r.meta.pss);
const ruleOfCheck = new Map(pssRules.map((r) => [r.meta.pss?.check, r.meta.id]));
const overriderOf = new Map(pssRules.filter((r) => r.meta.pss?.overrides).map((r) => [r.meta.pss?.overrides, r.meta.id]));
const configs = new Map<string, ResolvedConfig>();

function configOf(level: string, version: string): ResolvedConfig {
  const key = `${level}@${version}`;
  let cfg = configs.get(key);
  if (!cfg) {
    cfg = resolveConfig(registry, undefined, { preset: level === 'baseline' ? 'pss-baseline' : 'pss-restricted', kubernetesVersion: version }, '/');
    configs.set(key, cfg);
  }
  return cfg;
}

describe('Pod Security admission conformance (../shared/corpora/psa)', () => {
  it('maps every upstream check id to exactly one rule', () => {
    const checks = [...new Set(rows.map((r) => r.check).filter((c) => c !== 'base' && c !== 'base_linux' && c !== 'base_windows' && c !== '(minimal-valid-pod)'))].sort();
    expect(checks.filter((c) => !ruleOfCheck.has(c))).toEqual([]);
    expect(pssRules.length).toBe(19);
  });

  it('agrees with upstream on every fixture', () => {
    const disagreements: string[] = [];
    const tally = new Map<string, { agree: number; total: number }>();
    for (const row of rows) {
      const text = readFileSync(PSA + row.path, 'utf8');
      const findings = lintFile({ path: row.path, uri: row.path, text }, configOf(row.level, row.version), '2026-11-23').findings;
      const pss = findings.filter((f) => registry.find((r) => r.meta.id === f.ruleId)?.meta.pss);
      const other = findings.filter((f) => f.ruleId === 'parse-error');
      let ok: boolean;
      if (row.expected === 'pass') ok = pss.length === 0 && other.length === 0;
      else {
        const want = ruleOfCheck.get(row.check);
        const accepted = new Set([want, want && overriderOf.get(want)].filter(Boolean));
        ok = pss.some((f) => accepted.has(f.ruleId));
      }
      const key = `${row.level} ${row.expected}`;
      const t = tally.get(key) ?? { agree: 0, total: 0 };
      t.total++;
      if (ok) t.agree++;
      tally.set(key, t);
      if (!ok) disagreements.push(`${row.path} (${row.check}, expected ${row.expected}): ${pss.map((f) => `${f.ruleId}@${f.start.line}:${f.start.column}`).join(', ') || 'no PSS finding'}${other.length ? ' + parse errors' : ''}`);
    }
    const total = [...tally.values()].reduce((a, t) => ({ agree: a.agree + t.agree, total: a.total + t.total }), { agree: 0, total: 0 });
    console.log(`PSA conformance: ${total.agree}/${total.total} fixtures agree (${((100 * total.agree) / total.total).toFixed(2)}%)`);
    for (const [k, t] of [...tally].sort()) console.log(`  ${k.padEnd(16)} ${t.agree}/${t.total}`);
    expect(rows.length).toBe(4537);
    expect(disagreements.slice(0, 50)).toEqual([]);
  }, 120_000);
});
