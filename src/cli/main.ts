/**
 * The CLI shell: parse arguments, run the one core call, format, write, and return the exit
 * code. Only bin/okelint.js touches process.exitCode.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCommandLine, type LintOptions } from './args.js';
import { HELP } from './help.js';
import { ConfigError } from '../engine/config-file.js';
import { packageRoot } from '../engine/package-root.js';
import { lint, UsageError, type LintOutcome } from '../engine/run.js';
import { applyBaseline, readBaseline, toBaseline } from '../engine/baseline.js';
import { writeAtomic } from '../files/write-atomic.js';
import type { AnyRule } from '../engine/rule-api.js';
import type { Finding, Level, Notice } from '../engine/types.js';
import { formatReport, type ReportInput } from '../report/index.js';
import { formatSarif } from '../report/sarif.js';
import type { FixRun } from './fix.js';
// The lazy registry: a run loads the code of the rules its files need (src/engine/lazy-rules.ts).
import { rules as registry } from '../../rules/lazy.js';

export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const DOCS_BASE_URL = 'https://github.com/okelint/okelint/blob/main/docs/rules/';
const RANK: Record<Level, number> = { note: 1, warning: 2, error: 3 };

export function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs okelint with `argv` (no node/script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    io.stderr.write(`okelint: ${parsed.error}\n`);
    return 2;
  }
  const cmd = parsed.command;
  try {
    switch (cmd.kind) {
      case 'help': io.stdout.write(HELP); return 0;
      case 'version': io.stdout.write(`${version()}\n`); return 0;
      case 'rules': io.stdout.write(listRules(registry, cmd.format)); return 0;
      case 'explain': return explain(cmd.ruleId, io);
      case 'lsp': {
        const { startServer } = await import('../lsp/server.js');
        return await startServer({ input: io.stdin, output: io.stdout, cwd: io.cwd, env: io.env });
      }
      case 'lint': return await lintCommand(cmd.opts, io);
    }
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError) {
      io.stderr.write(`okelint: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`okelint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

async function lintCommand(opts: LintOptions, io: Io): Promise<number> {
  // The autofix modules load only when asked for (start-up time of a plain lint).
  const fix = opts.fix ? await import('./fix.js') : undefined;
  const recorded = opts.fix === 'dry-run' && opts.inputs.includes('-') ? fix?.recordStream(io.stdin) : undefined;
  let run = await lintRun(opts, io, () => recorded?.stream ?? io.stdin);
  let fixed: FixRun | undefined;
  if (fix && opts.fix) {
    const stdinName = opts.stdinFilename ?? '<stdin>';
    try {
      fixed = fix.runFixes({
        mode: opts.fix, findings: run.findings, quiet: opts.quiet, cwd: io.cwd,
        ...(recorded && { stdin: { display: stdinName, text: recorded.text() } }),
      });
    } catch (e) {
      throw new UsageError((e as Error).message, { cause: e });
    }
    if (opts.fix === 'dry-run') return dryRunOutput(opts, io, run, fixed, fix);
    // Report what is left, at its new positions: lint the fixed files again.
    if (fixed.written.length > 0) run = await lintRun(opts, io, () => io.stdin);
  }
  if (opts.writeBaseline !== undefined) {
    const baseline = toBaseline(run.findings);
    writeOutput(resolve(io.cwd, opts.writeBaseline), JSON.stringify(baseline, null, 2) + '\n');
    io.stderr.write(`okelint: wrote ${baseline.findings.length} findings to the baseline ${opts.writeBaseline}\n`);
  }
  const { findings, notices } = run;
  const summary = { ...run.outcome.summary, notices };
  const shown = opts.quiet ? findings.filter((f) => f.level === 'error') : findings;
  const toFile = opts.outputFile !== undefined;
  const color = opts.format === 'text' && !toFile && useColor(opts.color, io);
  const input: ReportInput = {
    findings: shown,
    rules: run.outcome.rules,
    summary,
    toolVersion: version(),
    color,
    includeSuppressed: opts.includeSuppressed,
    docsBaseUrl: DOCS_BASE_URL,
  };
  let text = opts.format === 'sarif' ? formatSarif(input, { ...(opts.sarifCategory !== undefined && { category: opts.sarifCategory }) }) : formatReport(opts.format, input);
  const fixNotes = fix && fixed ? fix.fixLines(fixed, 'write') : [];
  const textOut = opts.format === 'text' && !toFile;
  if (textOut && fixNotes.length > 0) text += `\nAutofix: ${fixNotes.join('\n  ')}\n`;
  if (toFile) writeOutput(resolve(io.cwd, opts.outputFile as string), text);
  else io.stdout.write(text);
  if (!textOut) for (const line of fixNotes) io.stderr.write(`okelint: ${line}\n`);
  if (opts.format !== 'text' || toFile) {
    for (const n of notices) io.stderr.write(`okelint: warning: ${n.file}: ${n.message}\n`);
  }
  return exitCode(opts.writeBaseline !== undefined ? [] : findings, run.outcome.config.failLevel, run.outcome.config.maxWarnings);
}

/** One lint of the inputs, with the baseline applied. */
interface LintRun {
  readonly outcome: LintOutcome;
  readonly findings: Finding[];
  readonly notices: Notice[];
}

/** `stdin` is only asked for when an input is `-` (opening standard input costs start-up time). */
async function lintRun(opts: LintOptions, io: Io, stdin: () => NodeJS.ReadableStream): Promise<LintRun> {
  const outcome = await lint({
    inputs: opts.inputs,
    cwd: io.cwd,
    registry,
    overrides: {
      ...(opts.preset && { preset: opts.preset }),
      rules: opts.rules,
      ...(opts.failLevel && { failLevel: opts.failLevel }),
      ...(opts.maxWarnings !== undefined && { maxWarnings: opts.maxWarnings }),
      ...(opts.kubernetesVersion !== undefined && { kubernetesVersion: opts.kubernetesVersion }),
    },
    ...(opts.config !== undefined && { configPath: opts.config }),
    ...(opts.inputs.includes('-') && { stdin: stdin() }),
    ...(opts.jobs !== undefined && { jobs: opts.jobs }),
    ...(opts.chartRoot !== undefined && { chartRoot: opts.chartRoot }),
    ...(opts.stdinFilename !== undefined && { stdinFilename: opts.stdinFilename }),
    ...(opts.type !== undefined && { type: opts.type }),
    today: new Date().toISOString().slice(0, 10),
  });
  const notices = [...outcome.summary.notices];
  if (opts.baseline === undefined || opts.writeBaseline !== undefined) return { outcome, findings: outcome.findings, notices };
  let applied;
  try {
    applied = applyBaseline(outcome.findings, readBaseline(resolve(io.cwd, opts.baseline)));
  } catch (e) {
    throw new UsageError((e as Error).message, { cause: e });
  }
  if (applied.stale) notices.push({ file: opts.baseline, message: `${applied.stale} baseline entries no longer match any finding (fixed or moved); refresh it with --write-baseline` });
  return { outcome, findings: applied.findings, notices };
}

/**
 * `--fix-dry-run`: the unified diff of every file a fix would change on stdout (or the output
 * file), what it would do on stderr, and the exit code `--fix` would give.
 */
function dryRunOutput(opts: LintOptions, io: Io, run: LintRun, fixed: FixRun, fix: typeof import('./fix.js')): number {
  const diff = fixed.plans.map(fix.planDiff).join('');
  if (opts.outputFile !== undefined) writeOutput(resolve(io.cwd, opts.outputFile), diff);
  else io.stdout.write(diff);
  for (const line of fix.fixLines(fixed, 'dry-run')) io.stderr.write(`okelint: ${line}\n`);
  for (const n of run.notices) io.stderr.write(`okelint: warning: ${n.file}: ${n.message}\n`);
  return exitCode(fix.remainingAfter(run.findings, fixed), run.outcome.config.failLevel, run.outcome.config.maxWarnings);
}

/** Writes a report or baseline atomically; a failure is a usage error (exit 2). */
function writeOutput(path: string, text: string): void {
  try {
    writeAtomic(path, text);
  } catch (e) {
    throw new UsageError((e as Error).message, { cause: e });
  }
}

/** 1 when an unsuppressed finding is at or above the fail level, or warnings exceed the maximum. */
export function exitCode(findings: readonly Finding[], failLevel: Level | 'none', maxWarnings: number | undefined): number {
  const active = findings.filter((f) => !f.suppression);
  if (failLevel !== 'none' && active.some((f) => RANK[f.level] >= RANK[failLevel])) return 1;
  if (maxWarnings !== undefined && active.filter((f) => f.level === 'warning').length > maxWarnings) return 1;
  return 0;
}

function useColor(flag: boolean | undefined, io: Io): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

function listRules(rules: readonly AnyRule[], format: 'text' | 'json'): string {
  if (format === 'json') {
    const out = rules.map(({ meta: m }) => ({
      id: m.id, layer: m.layer, level: m.level, recommended: m.recommended,
      securitySeverity: m.securitySeverity, description: m.description, remediation: m.remediation, tags: m.tags,
    }));
    return JSON.stringify(out, null, 2) + '\n';
  }
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  const lines = rules.map(({ meta: m }) =>
    `${m.id.padEnd(width)}  ${m.layer.padEnd(14)}  ${m.level.padEnd(7)}  ${m.recommended ? 'recommended' : 'strict     '}  ${m.description}`);
  return lines.join('\n') + '\n';
}

function explain(id: string, io: Io): number {
  const rule = registry.find((r) => r.meta.id === id);
  if (!rule) {
    io.stderr.write(`okelint: unknown rule "${id}" (okelint rules lists them)\n`);
    return 2;
  }
  const doc = readFileSync(join(packageRoot(), 'docs', 'rules', rule.meta.layer, `${id}.md`), 'utf8');
  io.stdout.write(doc.replace(/^<!--.*-->\n+/, ''));
  return 0;
}

function processIo(): Io {
  return {
    stdout: process.stdout, cwd: process.cwd(), env: process.env,
    // Opened on first use (start-up time): most runs never read standard input or write to stderr.
    get stdin() {
      return process.stdin;
    },
    get stderr() {
      return process.stderr;
    },
  };
}
