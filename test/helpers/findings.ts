/**
 * Factories for synthetic findings, rule metadata and report inputs, for reporter tests.
 */
import type { RuleMeta } from '../../src/engine/rule-api.js';
import type { Finding, RunSummary } from '../../src/engine/types.js';
import type { ReportInput } from '../../src/report/input.js';

/** Rule metadata with sensible defaults. */
export function makeRule(overrides: Partial<RuleMeta<unknown>> & Pick<RuleMeta<unknown>, 'id'>): RuleMeta<unknown> {
  return {
    layer: 'workload',
    level: 'error',
    securitySeverity: 8,
    description: `Finds ${overrides.id} problems.`,
    remediation: `Fix the ${overrides.id} problem.`,
    tags: [],
    appliesTo: ['k8s'],
    recommended: true,
    messages: { default: 'Problem.' },
    ...overrides,
  };
}

/** Where a finding sits: 1-based start and (exclusive) end; the end defaults to one line/char later. */
export interface At {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/**
 * A finding on `file` at `at`; the offsets in `span` are synthetic (line * 1000 + column) so
 * they sort like positions.
 */
export function makeFinding(at: At, overrides: Partial<Finding> & Pick<Finding, 'ruleId'>): Finding {
  const endLine = at.endLine ?? at.line;
  const endColumn = at.endColumn ?? at.column + 1;
  return {
    messageId: 'default',
    level: 'error',
    layer: 'workload',
    message: 'Problem.',
    file: 'deploy/web.yaml',
    uri: 'deploy/web.yaml',
    lineText: '',
    span: { start: at.line * 1000 + at.column, end: endLine * 1000 + endColumn },
    start: { line: at.line, column: at.column },
    end: { line: endLine, column: endColumn },
    path: [],
    fingerprint: `fp-${overrides.ruleId}-${at.line}-${at.column}`,
    ...overrides,
  };
}

/** A run summary with no notices. */
export function makeSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return { filesLinted: 1, filesSkipped: 0, objects: 1, documentsSkipped: 0, notices: [], ...overrides };
}

/** A complete report input (colour off, suppressed left out). */
export function makeInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    findings: [],
    rules: [],
    summary: makeSummary(),
    toolVersion: '0.1.0',
    color: false,
    includeSuppressed: false,
    docsBaseUrl: 'https://github.com/okelint/okelint/blob/main/docs/rules/',
    ...overrides,
  };
}
