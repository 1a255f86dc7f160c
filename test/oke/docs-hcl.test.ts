/**
 * The Terraform forms in the OKE rules' docs (```hcl blocks, which test/docs.test.ts does not
 * lint) say what they show: linted as `main.tf`, each Incorrect block gives at least one finding
 * of the rule and each Correct block none.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/engine/lint-file.js';
import { registry, strictConfig } from '../helpers/registry-config.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function hclBlocks(md: string, title: string): string[] {
  const start = md.search(new RegExp(`^## ${title}\\s*$`, 'm'));
  if (start < 0) return [];
  const rest = md.slice(start).split('\n').slice(1).join('\n');
  const end = rest.search(/^## /m);
  return [...(end < 0 ? rest : rest.slice(0, end)).matchAll(/```hcl\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

const OKE_RULES = registry.filter((r) => r.meta.appliesTo.includes('oke'));

describe('OKE rule docs: Terraform examples', () => {
  it('covers every OKE rule', () => {
    expect(OKE_RULES.map((r) => r.meta.id).sort()).toEqual([
      'oke-basic-cluster', 'oke-dashboard-addon', 'oke-image-verification-disabled', 'oke-node-metadata-secret',
      'oke-node-pool-boot-volume-kms', 'oke-node-pool-in-transit-encryption', 'oke-node-pool-no-nsg', 'oke-node-pool-public-ip',
      'oke-psp-admission', 'oke-public-api-endpoint', 'oke-secrets-kms', 'oke-tiller-addon',
    ]);
  });
  for (const rule of OKE_RULES) {
    const { id, layer } = rule.meta;
    it(id, () => {
      const md = readFileSync(`${ROOT}rules/${layer}/${id}.md`, 'utf8');
      const count = (code: string): number => lintFile({ path: 'main.tf', uri: 'main.tf', text: code }, strictConfig(), '2026-11-23').findings
        .filter((f) => f.ruleId === id && f.level !== 'note').length;
      const incorrect = hclBlocks(md, 'Incorrect');
      const correct = hclBlocks(md, 'Correct');
      expect(incorrect.length, 'an Incorrect Terraform example').toBeGreaterThan(0);
      expect(correct.length, 'a Correct Terraform example').toBeGreaterThan(0);
      for (const code of incorrect) expect(count(code), `Incorrect:\n${code}`).toBeGreaterThan(0);
      for (const code of correct) expect(count(code), `Correct:\n${code}`).toBe(0);
    });
  }
});
