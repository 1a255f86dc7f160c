/**
 * The strict RuleTester for OCI IAM rules: each case is `.policy` text (default) or policy JSON,
 * linted through the engine's file pass with only the rule under test enabled, plus the two
 * parse-error rules as a guard (a case must parse unless the rule under test is about parsing).
 * Exact error counts, known message ids, no duplicate cases, exact positions.
 */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/engine/config-types.js';
import { lintFile } from '../../src/engine/lint-file.js';
import type { AnyRule, IamRule } from '../../src/engine/rule-api.js';
import type { Finding } from '../../src/engine/types.js';
import { rules as registry } from '../../rules/index.js';
import { configFor, yaml, type ExpectedError } from './rule-tester.js';

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

/** A config with `rule` enabled at its default level, and the parse-error rules as guards. */
function configWith(rule: AnyRule, options?: Record<string, unknown>): ResolvedConfig {
  const base = configFor(rule, options);
  const guards = registry.filter((r) => GUARDS.includes(r.meta.id) && r.meta.id !== rule.meta.id).map((r) => ({ rule: r, level: r.meta.level, options: undefined }));
  const rules = [...base.rules, ...guards];
  return { ...base, rules, byId: new Map(rules.map((r) => [r.rule.meta.id, r])), knownIds: new Set(rules.map((r) => r.rule.meta.id)) };
}

/** Every finding of linting `code` as a `format` file with `rule` enabled (plus the parse guards). */
export function lintIam(rule: AnyRule, code: string, format: IamFormat = 'policy', options?: Record<string, unknown>): Finding[] {
  const path = `test.${format}`;
  return lintFile({ path, uri: path, text: code }, configWith(rule, options), '2026-01-01').findings;
}

export const iamTester = {
  run<O>(rule: IamRule<O>, cases: { valid: readonly (string | IamValidCase)[]; invalid: readonly IamInvalidCase[] }): void {
    const anyRule = rule as unknown as AnyRule;
    const meta = rule.meta;
    const parseGuard = !GUARDS.includes(meta.id);
    const lint = (c: IamValidCase): Finding[] => {
      const all = lintIam(anyRule, c.code, c.format, c.options);
      if (parseGuard) {
        const broken = all.filter((f) => GUARDS.includes(f.ruleId)).map((f) => `${f.start.line}:${f.start.column} ${f.message}`);
        if (broken.length) throw new Error(`test case does not parse: ${broken.join('; ')}`);
      }
      return all.filter((f) => f.ruleId === meta.id);
    };
    describe(meta.id, () => {
      it('has a valid options schema', () => {
        if (meta.options) new Ajv({ strict: true, allErrors: true }).compile(meta.options);
      });
      it('has no duplicate cases', () => {
        const keys = [...cases.valid, ...cases.invalid].map((c) => JSON.stringify(typeof c === 'string' ? { code: c } : { code: c.code, format: c.format, options: c.options }));
        expect(new Set(keys).size).toBe(keys.length);
      });
      cases.valid.forEach((c, i) => {
        const vc = typeof c === 'string' ? { code: c } : c;
        it(`valid #${i}${vc.name ? `: ${vc.name}` : ''}`, () => {
          expect(lint(vc).map((f) => `${f.start.line}:${f.start.column} ${f.messageId}: ${f.message}`)).toEqual([]);
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
            };
          });
          expect(actual).toEqual(c.errors.map((e) => ({ ...e })));
        });
      });
    });
  },
};
