/**
 * Lints one file's text with the reader its format needs: OCI IAM policies, OKE configuration,
 * Terraform, or Kubernetes YAML and JSON (lint-k8s.ts). Nothing here touches the filesystem.
 */
import type { ResolvedConfig } from './config-types.js';
import { lintIamSource } from './lint-iam.js';
import { lintK8sFile, type FactSink, type FileResult, type LintFileInput, type ProjectInfo } from './lint-k8s.js';
import { lintOkeSource } from './lint-oke.js';
import { readOkeJson } from '../oke/json.js';
import { lintTerraform } from './lint-terraform.js';
import { detectFormat, iamFlavor } from '../sources/detect.js';
import { readIamSource } from '../sources/iam-policy.js';

export type { FactSink, FileResult, LintFileInput, ProjectInfo } from './lint-k8s.js';
export { positioned } from './lint-k8s.js';

/** Lints one file's text under `config`. `today` (YYYY-MM-DD) decides `ignore-until` expiry. */
export function lintFile(input: LintFileInput, config: ResolvedConfig, today: string, project?: ProjectInfo, facts?: FactSink): FileResult {
  const format = detectFormat(input.path, input.text, input.type);
  if (format === 'iam') return lintIamSource(readIamSource(input.path, input.text, iamFlavor(input.path, input.text)), input.uri, config, today);
  if (format === 'terraform') return lintTerraform(input, config, today);
  if (format === 'oke') return lintOkeSource(readOkeJson(input.path, input.text), input.uri, config, today);
  return lintK8sFile(input, config, today, project, facts);
}
