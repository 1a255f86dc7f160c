/**
 * Which reader a file goes to: by extension, then by content, unless `--type` forces it.
 *
 *   .policy              → iam (okelint's policy text format)
 *   .tf                  → terraform
 *   .yaml / .yml         → k8s
 *   .json                → iam when it looks like an OCI policy (a `statements` array of strings,
 *                          at the top level or under `data`, one policy or a list), else oke when
 *                          it holds an OKE cluster, node pool or virtual node pool (API JSON, or
 *                          CLI output under `data`), else k8s
 *   anything else        → oke when the text is JSON holding OKE configuration (piped
 *                          `oci ce cluster get` output), else k8s (stdin without a name, files
 *                          named on the command line)
 *
 * `--type helm` is k8s (the Kubernetes reader splits `# Source:` streams itself).
 */
import { extname } from 'node:path';
import { looksLikeOkeJson } from '../oke/classify.js';

/** The values of `--type`. */
export const INPUT_TYPES = ['k8s', 'helm', 'iam', 'oke', 'terraform'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

/** The readers a file can go to. */
export type SourceFormat = 'k8s' | 'iam' | 'oke' | 'terraform';

/** The two IAM readers okelint has: `.policy` text, and JSON from the OCI CLI or API. */
export type IamFlavor = 'text' | 'json';

/** The format of `path` (display path or file name) holding `text`. */
export function detectFormat(path: string, text: string, forced?: InputType): SourceFormat {
  if (forced !== undefined) return forced === 'helm' ? 'k8s' : forced;
  switch (extname(path).toLowerCase()) {
    case '.policy': return 'iam';
    case '.tf': return 'terraform';
    case '.json': return looksLikePolicyJson(text) ? 'iam' : looksLikeOkeJson(text) ? 'oke' : 'k8s';
    default: return /^\s*[[{]/.test(text) && looksLikeOkeJson(text, { strict: true }) ? 'oke' : 'k8s';
  }
}

/** How an IAM file is read: JSON (or YAML) documents, else policy text. */
export function iamFlavor(path: string, text: string): IamFlavor {
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') return 'json';
  if (ext === '.policy') return 'text';
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'text';
}

const STATEMENTS_KEY = /"statements"\s*:/;
const STATEMENTS_ARRAY = /"statements"\s*:\s*\[\s*(?:"|\])/;

/**
 * True when `text` is JSON shaped like `oci iam policy get|list` output or API policy objects.
 * Cheap for everything else: only text that mentions a "statements" key is parsed; JSON that does
 * not parse (a trailing comma in a hand-edited transcript) is judged by its first statements array.
 */
export function looksLikePolicyJson(text: string): boolean {
  if (!STATEMENTS_KEY.test(text)) return false;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return STATEMENTS_ARRAY.test(text);
  }
  const root = isObject(value) && 'data' in value ? value.data : value;
  return Array.isArray(root) ? root.some(isPolicy) : isPolicy(root);
}

function isPolicy(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value.statements)) return false;
  return value.statements.length === 0 || value.statements.some((s) => typeof s === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
