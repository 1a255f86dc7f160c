/**
 * The strict RuleTester for OCI IAM rules: each case is `.policy` text (default) or policy JSON,
 * linted through the engine's file pass with only the rule under test enabled, plus the two
 * parse-error rules as a guard (a case must parse unless the rule under test is about parsing).
 * Exact error counts, known message ids, no duplicate cases, exact positions.
 */
import { Ajv } from 'ajv';
import { describe, it } from 'vitest';
import { lintFile } from '../../src/engine/lint-file.js';
import type { AnyRule, IamRule } from '../../src/engine/rule-api.js';
import type { Finding } from '../../src/engine/types.js';
import { rules as registry } from '../../rules/index.js';
import { caseTests, configWithGuards, ruleFindings, yaml, type ExpectedError } from './rule-tester.js';

/** Dedents a template literal (policy text or JSON) so cases can be indented with the test code. */
export const policy = yaml;

export type IamFormat = 'policy' | 'json';

export interface IamValidCase {
  readonly code: string;
  /** `policy` (default) lints the code as `test.policy`, `json` as `test.json`. */
  readonly format?: IamFormat;
  readonly options?: Record<string, unknown>;
  readonly name?: string;
}

export interface IamInvalidCase extends IamValidCase {
  readonly errors: readonly ExpectedError[];
}

const GUARDS = ['parse-error', 'iam-parse-error'];

/** Every finding of linting `code` as a `format` file with `rule` enabled (plus the parse guards). */
export function lintIam(rule: AnyRule, code: string, format: IamFormat = 'policy', options?: Record<string, unknown>): Finding[] {
  const path = `test.${format}`;
  const guards = registry.filter((r) => GUARDS.includes(r.meta.id));
  return lintFile({ path, uri: path, text: code }, configWithGuards(rule, guards, options), '2026-01-01').findings;
}

export const iamTester = {
  run<O>(rule: IamRule<O>, cases: { valid: readonly (string | IamValidCase)[]; invalid: readonly IamInvalidCase[] }): void {
    const anyRule = rule as unknown as AnyRule;
    const meta = rule.meta;
    // A case must parse, unless the rule under test is a parse-error rule.
    const guards = GUARDS.includes(meta.id) ? [] : GUARDS;
    describe(meta.id, () => {
      it('has a valid options schema', () => {
        if (meta.options) new Ajv({ strict: true, allErrors: true }).compile(meta.options);
      });
      caseTests(meta, cases, (c) => ({ code: c.code, format: c.format, options: c.options }), (c) =>
        ruleFindings(lintIam(anyRule, c.code, c.format, c.options), meta.id, guards));
    });
  },
};
