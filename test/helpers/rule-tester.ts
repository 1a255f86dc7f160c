/**
 * A strict RuleTester in the spirit of ESLint's: exact error counts, known message ids, no
 * duplicate cases, option schemas that compile, and exact positions.
 */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/engine/config-types.js';
import { lintFile } from '../../src/engine/lint-file.js';
import type { AnyRule, Rule } from '../../src/engine/rule-api.js';
import type { Finding, Level } from '../../src/engine/types.js';
import { LATEST_PSS_MINOR, parseMinor } from '../../src/k8s/pss.js';

export interface ExpectedError {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Exact message text, when a test wants to check interpolation. */
  readonly message?: string;
  /** Checked when given: the finding's level (a report's own level, such as a note for an unresolved value). */
  readonly level?: Level;
  /** Checked when given: the text of the line as reports show it (secrets masked). */
  readonly lineText?: string;
}

/** The Pod Security Standards policy a case is evaluated at (default: restricted, newest). */
export interface CasePolicy {
  readonly level?: 'baseline' | 'restricted';
  /** e.g. '1.24' */
  readonly version?: string;
}

export interface ValidCase {
  readonly code: string;
  readonly options?: Record<string, unknown>;
  readonly name?: string;
  readonly policy?: CasePolicy;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
}

/** Dedents a template literal so YAML cases can be indented with the test code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** A config with exactly `rule` enabled at its default level. */
export function configFor(rule: AnyRule, options?: Record<string, unknown>, policy?: CasePolicy): ResolvedConfig {
  const enabled = { rule, level: rule.meta.level, options: { ...(rule.meta.defaultOptions as object | undefined), ...options } };
  return {
    preset: 'strict', rules: [enabled], byId: new Map([[rule.meta.id, enabled]]), knownIds: new Set([rule.meta.id]),
    exclude: [], ignore: [], ignoreBase: '/', failLevel: 'error', maxFileSize: 1 << 20,
    pss: { level: policy?.level ?? 'restricted', minor: parseMinor(policy?.version) ?? LATEST_PSS_MINOR },
    pssOverrides: new Map(),
  };
}

/** `configFor(rule, options)` plus the `guards` other than `rule` (parse-error rules) at their default levels. */
export function configWithGuards(rule: AnyRule, guards: readonly AnyRule[], options?: Record<string, unknown>): ResolvedConfig {
  const base = configFor(rule, options);
  const extra = guards.filter((g) => g.meta.id !== rule.meta.id).map((g) => ({ rule: g, level: g.meta.level, options: undefined }));
  const rules = [...base.rules, ...extra];
  return { ...base, rules, byId: new Map(rules.map((r) => [r.rule.meta.id, r])), knownIds: new Set(rules.map((r) => r.rule.meta.id)) };
}

/** The findings of rule `id`; throws when a `guards` rule reported (the case does not parse). */
export function ruleFindings(all: readonly Finding[], id: string, guards: readonly string[]): Finding[] {
  const broken = all.filter((f) => guards.includes(f.ruleId)).map((f) => `${f.start.line}:${f.start.column} ${f.message}`);
  if (broken.length) throw new Error(`test case does not parse: ${broken.join('; ')}`);
  return all.filter((f) => f.ruleId === id);
}

/** Lints `code` with only `rule` enabled; throws if the code does not parse. */
export function lintWith(rule: AnyRule, code: string, options?: Record<string, unknown>, policy?: CasePolicy): Finding[] {
  const res = lintFile({ path: 'test.yaml', uri: 'test.yaml', text: code }, configFor(rule, options, policy), '2026-01-01');
  return res.findings;
}

function assertParses(code: string): void {
  const res = lintFile({ path: 't.yaml', uri: 't.yaml', text: code }, {
    ...configFor({ meta: { id: 'parse-error', layer: 'general', level: 'error', securitySeverity: 1, description: '', remediation: '', tags: [], appliesTo: ['engine'], recommended: true, messages: { syntax: '{{message}}' } }, check: () => [] }),
  }, '2026-01-01');
  if (res.findings.length) throw new Error(`test case does not parse: ${res.findings[0]?.message}`);
}

/** What every case has: its code, and a name for the test title. */
export interface BaseCase {
  readonly code: string;
  readonly name?: string;
}

/**
 * The tests every tester runs on its cases, inside the rule's `describe`: no two cases alike
 * (compared by `keyOf`), no finding on a valid case, and on an invalid one exactly the expected
 * errors (message id and start always; end, message, level and line text when the case gives
 * them). `lint` returns the rule's findings on a case and throws when the case does not parse.
 * A valid case written as a string is `{ code }` (every case field but `code` is optional).
 */
export function caseTests<C extends BaseCase>(
  meta: { readonly id: string; readonly messages: Readonly<Record<string, string>> },
  cases: { valid: readonly (string | C)[]; invalid: readonly (C & { readonly errors: readonly ExpectedError[] })[] },
  keyOf: (c: C) => object,
  lint: (c: C) => Finding[],
): void {
  const valid = cases.valid.map((c) => (typeof c === 'string' ? ({ code: c } as C) : c));
  it('has no duplicate cases', () => {
    const keys = [...valid, ...cases.invalid].map((c) => JSON.stringify(keyOf(c)));
    expect(new Set(keys).size).toBe(keys.length);
  });
  valid.forEach((c, i) => {
    it(`valid #${i}${c.name ? `: ${c.name}` : ''}`, () => {
      expect(lint(c).map(brief)).toEqual([]);
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
}

export const ruleTester = {
  run<O>(rule: Rule<O>, cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] }): void {
    const anyRule = rule as unknown as AnyRule;
    const meta = rule.meta;
    describe(meta.id, () => {
      it('has a valid options schema', () => {
        if (meta.options) new Ajv({ strict: true, allErrors: true }).compile(meta.options);
      });
      caseTests(meta, cases, (c) => ({ code: c.code, options: c.options, policy: c.policy }), (c) => {
        assertParses(c.code);
        return lintWith(anyRule, c.code, c.options, c.policy).filter((f) => f.ruleId === meta.id);
      });
    });
  },
};

function brief(f: Finding): string {
  return `${f.start.line}:${f.start.column} ${f.messageId}: ${f.message}`;
}
