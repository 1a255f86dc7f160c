/**
 * A strict RuleTester for OKE rules: each case is API JSON, CLI JSON or Terraform (optionally
 * with a terraform.tfvars beside it), linted through the engine's file pass with only the rule
 * under test enabled plus `parse-error` as a guard. Exact error counts, known message ids, no
 * duplicate cases, exact positions and levels.
 */
import { describe } from 'vitest';
import { lintFile } from '../../src/engine/lint-file.js';
import type { AnyRule, OkeRule } from '../../src/engine/rule-api.js';
import type { Finding } from '../../src/engine/types.js';
import { TerraformModule } from '../../src/sources/terraform-module.js';
import { rules as registry } from '../../rules/index.js';
import { caseTests, configWithGuards, ruleFindings, yaml, type ExpectedError } from '../helpers/rule-tester.js';

/** Dedents a template literal (JSON or HCL) so cases can be indented with the test code. */
export const code = yaml;

export type OkeCaseFormat = 'json' | 'tf';

export interface OkeValidCase {
  readonly code: string;
  /** `json` (default) lints the code as `cluster.json`, `tf` as `main.tf`. */
  readonly format?: OkeCaseFormat;
  /** A terraform.tfvars beside `main.tf`. */
  readonly tfvars?: string;
  readonly name?: string;
}

export interface OkeInvalidCase extends OkeValidCase {
  /** Usually with `level` (notes for unresolved values) and, for secrets, `lineText`. */
  readonly errors: readonly ExpectedError[];
}

const GUARDS = ['parse-error'];

/** Every finding of linting one case with `rule` enabled (plus the parse-error guard). */
export function lintOke(rule: AnyRule, c: OkeValidCase): Finding[] {
  const path = c.format === 'tf' ? 'main.tf' : 'cluster.json';
  const module = c.format === 'tf' && c.tfvars !== undefined
    ? new TerraformModule([{ path, uri: path, text: c.code }, { path: 'terraform.tfvars', uri: 'terraform.tfvars', text: c.tfvars }])
    : undefined;
  return lintFile({ path, uri: path, text: c.code, ...(module && { module }) }, configWithGuards(rule, registry.filter((r) => GUARDS.includes(r.meta.id))), '2026-01-01').findings;
}

export const okeTester = {
  run<O>(rule: OkeRule<O>, cases: { valid: readonly OkeValidCase[]; invalid: readonly OkeInvalidCase[] }): void {
    const anyRule = rule as unknown as AnyRule;
    const meta = rule.meta;
    describe(meta.id, () => {
      caseTests(meta, cases, (c) => ({ code: c.code, format: c.format, tfvars: c.tfvars }), (c) => ruleFindings(lintOke(anyRule, c), meta.id, GUARDS));
    });
  },
};
