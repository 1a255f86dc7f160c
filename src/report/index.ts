/**
 * The reporters' single entry point: `formatReport(format, input)`. Every format is a pure
 * function of the findings, the enabled rules' metadata and the run summary.
 */
import { formatGithub } from './github.js';
import type { Format, ReportInput } from './input.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export type { Format, ReportInput } from './input.js';

const FORMATTERS: Readonly<Record<Format, (input: ReportInput) => string>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

/** Renders the report in `format`; the result ends with '\n' unless it is empty. */
export function formatReport(format: Format, input: ReportInput): string {
  return FORMATTERS[format](input);
}
