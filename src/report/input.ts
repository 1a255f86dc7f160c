/**
 * The input every reporter receives, and small pure helpers the formats share.
 * Reporters are pure functions of this input: no file system, no process, no console.
 */
import type { Finding, ObjectIdentity, RunSummary } from '../engine/types.js';
import type { RuleMeta } from '../engine/rule-api.js';

/** Everything a reporter needs; built by the CLI from the run outcome. */
export interface ReportInput {
  /** ALL findings incl. suppressed ones (`finding.suppression` set); sorted by file then span start. */
  readonly findings: readonly Finding[];
  /** Every ENABLED rule, in a stable order (registry order). */
  readonly rules: readonly RuleMeta<unknown>[];
  readonly summary: RunSummary;
  /** Semver, e.g. `0.1.0`. */
  readonly toolVersion: string;
  /** ANSI colour; honoured by the text format only. */
  readonly color: boolean;
  /** When false, suppressed findings are left out of every format (but counted in text/json summaries). */
  readonly includeSuppressed: boolean;
  /** Base of the rule docs; a rule's page is `docsBaseUrl + layer + '/' + id + '.md'`. */
  readonly docsBaseUrl: string;
}

/** Output formats of `--format`. */
export type Format = 'text' | 'json' | 'sarif' | 'github';

/** The formats, in help order. */
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];

/** A 1-based region; `endColumn` is exclusive (the column after the last character). */
export interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The findings a format shows: suppressed ones only when `includeSuppressed`. */
export function visibleFindings(input: ReportInput): readonly Finding[] {
  return input.includeSuppressed ? input.findings : input.findings.filter((f) => !f.suppression);
}

/** URL of a rule's documentation page. */
export function ruleDocsUrl(docsBaseUrl: string, rule: Pick<RuleMeta<unknown>, 'id' | 'layer'>): string {
  return `${docsBaseUrl}${rule.layer}/${rule.id}.md`;
}

/**
 * The finding's region, made safe for every consumer: lines and columns at least 1, the end
 * never before the start, and a single-line region at least one character wide.
 */
export function regionOf(finding: Pick<Finding, 'start' | 'end'>): Region {
  const startLine = Math.max(1, finding.start.line);
  const startColumn = Math.max(1, finding.start.column);
  const endLine = Math.max(startLine, finding.end.line);
  let endColumn = Math.max(1, finding.end.column);
  if (endLine === startLine && endColumn <= startColumn) endColumn = startColumn + 1;
  return { startLine, startColumn, endLine, endColumn };
}

/** `namespace/Kind/name`, leaving out the parts that are unknown (cluster-scoped, unnamed). */
export function objectQualifiedName(object: ObjectIdentity): string {
  return [object.namespace, object.kind, object.name].filter((p): p is string => p !== undefined && p !== '').join('/');
}

/** `n thing` / `n things`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
