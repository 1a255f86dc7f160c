/**
 * Lints one in-memory document end to end (pre-pass, file pass, project pass), as the language
 * server needs: cross-document rules see only this document.
 */
import type { ResolvedConfig } from './config-types.js';
import { lintFile, type FactSink, type FileResult } from './lint-file.js';
import { runProjectRules } from './project-pass.js';
import { ProjectScanner } from './project-scan.js';
import type { InputType } from '../sources/detect.js';

export interface LintTextInput {
  readonly path: string;
  readonly uri: string;
  readonly text: string;
  /** Forces the format (as `--type`); else detected from the path and the text. */
  readonly type?: InputType;
}

export function lintText(input: LintTextInput, config: ResolvedConfig, today: string): FileResult {
  const scanner = new ProjectScanner();
  scanner.scan(input.path, input.text);
  const facts: FactSink = new Map();
  const res = lintFile(input, config, today, scanner.info(), facts);
  const project = runProjectRules(config, facts, new Map([[input.path, res.covers]]));
  const findings = res.findings.concat(project).sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  return { ...res, findings };
}
