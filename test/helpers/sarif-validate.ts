/**
 * Offline SARIF validation for tests:
 * - `validateSarifSchema`: ajv against the vendored SARIF 2.1.0 schema (`schemas/sarif-2.1.0.json`);
 * - `runMultitool`: `@microsoft/sarif-multitool validate --rule-kind "Gh;Sarif"`, the GitHub rule set.
 *   The multitool exits 0 even when it reports errors, so the result is read from its output log.
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCHEMA_PATH = `${ROOT}schemas/sarif-2.1.0.json`;
/** The platform binary, called directly: no shell, so `Gh;Sarif` needs no quoting. */
export const MULTITOOL_PATH = `${ROOT}node_modules/@microsoft/sarif-multitool-${process.platform}/Sarif.Multitool${process.platform === 'win32' ? '.exe' : ''}`;

// ajv-formats is CommonJS: the default import is `module.exports`, which is the plugin itself.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
  }
  return validator;
}

/** Schema errors as `instancePath: message` strings; [] when the log is schema-valid. */
export function validateSarifSchema(log: unknown): string[] {
  const validate = compile();
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}

/** One multitool finding: its rule (e.g. `GH1013`, `JSON1008`) and message id plus arguments. */
export interface MultitoolIssue {
  readonly ruleId: string;
  readonly message: string;
}

/** Error- and warning-level multitool results (notes are not collected). */
export interface MultitoolReport {
  readonly errors: MultitoolIssue[];
  readonly warnings: MultitoolIssue[];
}

interface OutputResult {
  readonly ruleId?: string;
  readonly level?: string;
  readonly message?: { readonly id?: string; readonly text?: string; readonly arguments?: readonly string[] };
}

interface OutputLog {
  readonly runs?: readonly { readonly results?: readonly OutputResult[] }[];
}

/**
 * Validates a SARIF file with the GitHub and SARIF rule sets. Rejects only when the tool
 * itself fails (non-zero exit or no output log).
 */
export async function runMultitool(sarifPath: string): Promise<MultitoolReport> {
  const outPath = `${sarifPath}.validation.sarif`;
  // File FIRST: `--rule-kind` takes a list and would swallow a path placed after it.
  const args = ['validate', sarifPath, '--rule-kind', 'Gh;Sarif', '-o', outPath, '--log', 'ForceOverwrite'];
  await new Promise<void>((resolve, reject) => {
    execFile(MULTITOOL_PATH, args, { timeout: 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`Sarif.Multitool failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
  let log: OutputLog;
  try {
    log = JSON.parse(await readFile(outPath, 'utf8')) as OutputLog;
  } finally {
    await rm(outPath, { force: true });
  }
  const errors: MultitoolIssue[] = [];
  const warnings: MultitoolIssue[] = [];
  for (const run of log.runs ?? []) {
    for (const r of run.results ?? []) {
      const issue = { ruleId: r.ruleId ?? '?', message: describe(r.message) };
      if (r.level === 'error') errors.push(issue);
      else if (r.level === undefined || r.level === 'warning') warnings.push(issue);
    }
  }
  return { errors, warnings };
}

function describe(message: OutputResult['message']): string {
  if (!message) return '';
  if (message.text !== undefined) return message.text;
  return `${message.id ?? ''}${message.arguments?.length ? ` (${message.arguments.join(', ')})` : ''}`;
}
