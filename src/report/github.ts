/**
 * GitHub Actions workflow commands (`::error file=…::message`), one per unsuppressed finding,
 * so findings show as annotations on the run and on pull-request diffs.
 *
 * Annotation columns follow actions/toolkit's `AnnotationProperties`: `col`/`endColumn` are only
 * sent for single-line spans, and `endColumn` is inclusive (it defaults to `col`), so it is the
 * exclusive SARIF end minus one. The file is the repository-relative `uri`, which is what GitHub
 * resolves annotation paths against.
 */
import type { Finding, Level } from '../engine/types.js';
import { regionOf, type ReportInput } from './input.js';

const COMMAND: Readonly<Record<Level, string>> = { error: 'error', warning: 'warning', note: 'notice' };

/** Escapes a workflow command's message: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command for a finding (no trailing newline). */
export function githubCommand(f: Finding): string {
  const r = regionOf(f);
  const props: [string, string][] = [['file', f.uri], ['line', String(r.startLine)], ['endLine', String(r.endLine)]];
  if (r.endLine === r.startLine) props.push(['col', String(r.startColumn)], ['endColumn', String(r.endColumn - 1)]);
  props.push(['title', f.ruleId]);
  const propText = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  return `::${COMMAND[f.level]} ${propText}::${escapeData(f.message)}`;
}

/** Formats every unsuppressed finding as a workflow command; '' when there are none. */
export function formatGithub(input: ReportInput): string {
  const lines = input.findings.filter((f) => !f.suppression).map(githubCommand);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
