/**
 * Command-line parsing: a pure function from argv to a Command (or a usage error).
 */
import { parseArgs } from 'node:util';
import type { FailLevel, Preset } from '../engine/config-types.js';
import type { LevelSetting } from '../engine/types.js';
import type { Format } from '../report/input.js';
import { INPUT_TYPES, type InputType } from '../sources/detect.js';

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'rules'; readonly format: 'text' | 'json' }
  | { readonly kind: 'explain'; readonly ruleId: string }
  | { readonly kind: 'lsp' }
  | { readonly kind: 'lint'; readonly opts: LintOptions };

export interface LintOptions {
  readonly inputs: readonly string[];
  readonly format: Format;
  readonly outputFile?: string;
  readonly config?: string;
  readonly preset?: Preset;
  readonly rules: readonly (readonly [string, LevelSetting])[];
  readonly failLevel?: FailLevel;
  readonly maxWarnings?: number;
  readonly quiet: boolean;
  readonly color?: boolean;
  readonly stdinFilename?: string;
  readonly includeSuppressed: boolean;
  readonly kubernetesVersion?: string;
  readonly chartRoot?: string;
  readonly baseline?: string;
  readonly writeBaseline?: string;
  /** `--type`: read every input as this format. */
  readonly type?: InputType;
  /** `--fix` (write the fixed files) or `--fix-dry-run` (print them as a unified diff). */
  readonly fix?: 'write' | 'dry-run';
  /** `--sarif-category`: SARIF `automationDetails.id` (ends with `/`). */
  readonly sarifCategory?: string;
  /** `--jobs`: worker threads (default 1: none), or `auto` (one per CPU on large runs). */
  readonly jobs?: number | 'auto';
}

export type ParseResult = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: string };

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
const PRESETS = ['recommended', 'strict', 'pss-baseline', 'pss-restricted'] as const;
const FAIL_LEVELS = ['error', 'warning', 'note', 'none'] as const;
const RULE_LEVELS = ['off', 'note', 'warning', 'error'] as const;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  preset: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'fail-level': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'include-suppressed': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  stdio: { type: 'boolean' },
  type: { type: 'string' },
  'kubernetes-version': { type: 'string' },
  'chart-root': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'sarif-category': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  jobs: { type: 'string' },
} as const;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined | Error {
  if (value === undefined) return undefined;
  return (allowed as readonly string[]).includes(value) ? (value as T) : new Error(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** Parses argv (without node and script). */
export function parseCommandLine(argv: readonly string[]): ParseResult {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return { ok: false, error: (e instanceof Error ? e.message : String(e)).split('\n', 1)[0] ?? 'bad arguments' };
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { ok: true, command: { kind: 'help' } };
  if (v.version) return { ok: true, command: { kind: 'version' } };
  const [sub, ...rest] = positionals;
  if (sub === 'rules') {
    const format = oneOf('format', v.format ?? 'text', ['text', 'json'] as const);
    if (format instanceof Error) return { ok: false, error: format.message };
    if (rest.length) return { ok: false, error: `okelint rules takes no arguments (got "${rest[0]}")` };
    return { ok: true, command: { kind: 'rules', format: format ?? 'text' } };
  }
  if (sub === 'explain') {
    if (rest.length !== 1 || !rest[0]) return { ok: false, error: 'usage: okelint explain <rule-id>' };
    return { ok: true, command: { kind: 'explain', ruleId: rest[0] } };
  }
  if (sub === 'lsp') return { ok: true, command: { kind: 'lsp' } };
  const format = oneOf('format', v.format, FORMATS);
  const preset = oneOf('preset', v.preset, PRESETS);
  const failLevel = oneOf('fail-level', v['fail-level'], FAIL_LEVELS);
  const type = oneOf('type', v.type, INPUT_TYPES);
  for (const r of [format, preset, failLevel, type]) if (r instanceof Error) return { ok: false, error: r.message };
  const rules: [string, LevelSetting][] = [];
  for (const spec of v.rule ?? []) {
    const m = /^([a-z0-9-]+)=(\w+)$/.exec(spec);
    const level = m && oneOf('rule', m[2], RULE_LEVELS);
    if (!m || !level || level instanceof Error) return { ok: false, error: `--rule takes <rule-id>=off|note|warning|error (got "${spec}")` };
    rules.push([m[1] as string, level]);
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!/^\d+$/.test(v['max-warnings'])) return { ok: false, error: `--max-warnings takes a whole number (got "${v['max-warnings']}")` };
  }
  if (positionals.length === 0) return { ok: false, error: 'no paths given (try "okelint ." or "okelint --help")' };
  if (v['stdin-filename'] !== undefined && !positionals.includes('-')) {
    return { ok: false, error: '--stdin-filename needs "-" among the paths' };
  }
  const fix = fixMode(v.fix, v['fix-dry-run'], format, v['write-baseline'], positionals);
  if (fix instanceof Error) return { ok: false, error: fix.message };
  const category = sarifCategory(v['sarif-category'], format);
  if (category instanceof Error) return { ok: false, error: category.message };
  const jobs = jobsOption(v.jobs);
  if (jobs instanceof Error) return { ok: false, error: jobs.message };
  const color = v['no-color'] ? false : v.color;
  return {
    ok: true,
    command: {
      kind: 'lint',
      opts: {
        inputs: positionals,
        format: (format as Format | undefined) ?? 'text',
        ...(v['output-file'] !== undefined && { outputFile: v['output-file'] }),
        ...(v.config !== undefined && { config: v.config }),
        ...(preset !== undefined && { preset: preset as Preset }),
        rules,
        ...(failLevel !== undefined && { failLevel: failLevel as FailLevel }),
        ...(maxWarnings !== undefined && { maxWarnings }),
        quiet: v.quiet ?? false,
        ...(color !== undefined && { color }),
        ...(v['stdin-filename'] !== undefined && { stdinFilename: v['stdin-filename'] }),
        includeSuppressed: v['include-suppressed'] ?? false,
        ...(v['kubernetes-version'] !== undefined && { kubernetesVersion: v['kubernetes-version'] }),
        ...(v['chart-root'] !== undefined && { chartRoot: v['chart-root'] }),
        ...(v.baseline !== undefined && { baseline: v.baseline }),
        ...(v['write-baseline'] !== undefined && { writeBaseline: v['write-baseline'] }),
        ...(type !== undefined && !(type instanceof Error) && { type }),
        ...(fix !== undefined && { fix }),
        ...(category !== undefined && { sarifCategory: category }),
        ...(jobs !== undefined && { jobs }),
      },
    },
  };
}

/** `--fix` / `--fix-dry-run`, refused with what cannot go with them. */
function fixMode(
  fix: boolean | undefined, dryRun: boolean | undefined, format: unknown, writeBaseline: string | undefined, inputs: readonly string[],
): LintOptions['fix'] | Error {
  if (!fix && !dryRun) return undefined;
  if (fix && dryRun) return new Error('--fix and --fix-dry-run do not go together (--fix-dry-run shows what --fix would write)');
  if (writeBaseline !== undefined) return new Error('--write-baseline does not go with --fix or --fix-dry-run (fix first, then write the baseline)');
  if (dryRun) {
    if (format !== undefined && format !== 'text') return new Error('--fix-dry-run prints a unified diff: --format does not apply');
    return 'dry-run';
  }
  if (inputs.includes('-')) return new Error('--fix never writes standard input: use --fix-dry-run to see its fixes as a diff');
  return 'write';
}

/** `--jobs N` (a whole number from 1) or `--jobs auto`. */
function jobsOption(value: string | undefined): number | 'auto' | undefined | Error {
  if (value === undefined) return undefined;
  if (value === 'auto') return 'auto';
  if (!/^[1-9]\d{0,3}$/.test(value)) return new Error(`--jobs takes a number of worker threads from 1, or auto (got "${value}")`);
  return Number(value);
}

/** `--sarif-category C` → `C/` (a trailing slash appended, as GitHub's upload does); only with SARIF output. */
function sarifCategory(value: string | undefined, format: unknown): string | undefined | Error {
  if (value === undefined) return undefined;
  if (format !== 'sarif') return new Error('--sarif-category needs --format sarif');
  if (!/^[^\s]+$/.test(value) || value === '/') return new Error(`--sarif-category takes a category without spaces, e.g. okelint/k8s (got "${value}")`);
  return value.endsWith('/') ? value : `${value}/`;
}
