/**
 * Autofix test helpers: lint a text in memory (recommended preset, every fixable rule on) and
 * fix its findings, as the CLI does for a file.
 */
import { lintText } from '../../src/engine/lint-text.js';
import { resolveConfig } from '../../src/engine/resolve-config.js';
import type { Finding } from '../../src/engine/types.js';
import { FIXABLE_RULES, fixText, hasFixer, type FixTextResult } from '../../src/fix/index.js';
import { rules } from '../../rules/index.js';

const CONFIG = resolveConfig(rules, undefined, { rules: [] }, '/');

/** Every finding of the text (path decides the format: `.json` or YAML). */
export function findingsOf(text: string, path = 'manifest.yaml'): Finding[] {
  return lintText({ path, uri: path, text }, CONFIG, '2026-01-01').findings.filter((f) => !f.suppression);
}

/** Findings that have an autofix, optionally of the given rules only. */
export function fixableOf(text: string, only: readonly string[] = FIXABLE_RULES, path = 'manifest.yaml'): Finding[] {
  return findingsOf(text, path).filter((f) => only.includes(f.ruleId) && hasFixer(f.ruleId, f.messageId));
}

/** Fixes the fixable findings (of `only`) in `text`. */
export function fix(text: string, only: readonly string[] = FIXABLE_RULES, path = 'manifest.yaml'): FixTextResult<Finding> {
  return fixText(text, fixableOf(text, only, path));
}

/** The ids of the fixable rules that still report on `text`. */
export function fixableIds(text: string, path = 'manifest.yaml'): string[] {
  return fixableOf(text, FIXABLE_RULES, path).map((f) => `${f.ruleId}/${f.messageId}`).sort();
}
