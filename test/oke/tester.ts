/**
 * A strict RuleTester for OKE rules: each case is API JSON, CLI JSON or Terraform (optionally
 * with a terraform.tfvars beside it), linted through the engine's file pass with only the rule
 * under test enabled plus `parse-error` as a guard. Exact error counts, known message ids, no
 * duplicate cases, exact positions and levels.
 */
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/engine/config-types.js';
import { lintFile } from '../../src/engine/lint-file.js';
import type { AnyRule, OkeRule } from '../../src/engine/rule-api.js';
import type { Finding, Level } from '../../src/engine/types.js';
import { TerraformModule } from '../../src/sources/terraform-module.js';
import { rules as registry } from '../../rules/index.js';
import { configFor, yaml } from '../helpers/rule-tester.js';

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

export interface OkeExpectedError {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message?: string;
  /** Checked when given (notes for unresolved values). */
  readonly level?: Level;
  /** Checked when given: the text of the line as reports show it (secrets masked). */
  readonly lineText?: string;
}

export interface OkeInvalidCase extends OkeValidCase {
  readonly errors: readonly OkeExpectedError[];
}

function configWith(rule: AnyRule): ResolvedConfig {
  const base = configFor(rule);
  const guard = registry.filter((r) => r.meta.id === 'parse-error').map((r) => ({ rule: r, level: r.meta.level, options: undefined }));
  const rules = [...base.rules, ...guard];
  return { ...base, rules, byId: new Map(rules.map((r) => [r.rule.meta.id, r])), knownIds: new Set(rules.map((r) => r.rule.meta.id)) };
}

/** Every finding of linting one case with `rule` enabled (plus the parse-error guard). */
export function lintOke(rule: AnyRule, c: OkeValidCase): Finding[] {
  const path = c.format === 'tf' ? 'main.tf' : 'cluster.json';
  const module = c.format === 'tf' && c.tfvars !== undefined
    ? new TerraformModule([{ path, uri: path, text: c.code }, { path: 'terraform.tfvars', uri: 'terraform.tfvars', text: c.tfvars }])
    : undefined;
  return lintFile({ path, uri: path, text: c.code, ...(module && { module }) }, configWith(rule), '2026-01-01').findings;
}

export const okeTester = {
  run<O>(rule: OkeRule<O>, cases: { valid: readonly OkeValidCase[]; invalid: readonly OkeInvalidCase[] }): void {
    const anyRule = rule as unknown as AnyRule;
    const meta = rule.meta;
    const lint = (c: OkeValidCase): Finding[] => {
      const all = lintOke(anyRule, c);
      const broken = all.filter((f) => f.ruleId === 'parse-error').map((f) => `${f.start.line}:${f.start.column} ${f.message}`);
      if (broken.length) throw new Error(`test case does not parse: ${broken.join('; ')}`);
      return all.filter((f) => f.ruleId === meta.id);
    };
    describe(meta.id, () => {
      it('has no duplicate cases', () => {
        const keys = [...cases.valid, ...cases.invalid].map((c) => JSON.stringify({ code: c.code, format: c.format, tfvars: c.tfvars }));
        expect(new Set(keys).size).toBe(keys.length);
      });
      cases.valid.forEach((c, i) => {
        it(`valid #${i}${c.name ? `: ${c.name}` : ''}`, () => {
          expect(lint(c).map((f) => `${f.start.line}:${f.start.column} ${f.messageId}: ${f.message}`)).toEqual([]);
        });
      });
      cases.invalid.forEach((c, i) => {
        it(`invalid #${i}${c.name ? `: ${c.name}` : ''}`, () => {
          for (const e of c.errors) {
            if (!(e.messageId in meta.messages)) throw new Error(`unknown messageId "${e.messageId}" for ${meta.id}`);
          }
          if (c.errors.length === 0) throw new Error('an invalid case needs at least one error');
          const actual = lint(c).map((f, j) => {
            const e = c.errors[j];
            return {
              messageId: f.messageId, line: f.start.line, column: f.start.column,
              ...(e?.endLine !== undefined && { endLine: f.end.line }),
              ...(e?.endColumn !== undefined && { endColumn: f.end.column }),
              ...(e?.message !== undefined && { message: f.message }),
              ...(e?.level !== undefined && { level: f.level }),
              ...(e?.lineText !== undefined && { lineText: f.lineText }),
            };
          });
          expect(actual).toEqual(c.errors.map((e) => ({ ...e })));
        });
      });
    });
  },
};
