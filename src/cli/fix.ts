/**
 * `--fix` and `--fix-dry-run` for the CLI: which findings are fixed, the fix run over files,
 * and the lines that tell the user what happened. The file work itself is in src/fix/files.ts.
 *
 * Fixed are the findings the report would show (unsuppressed, not in the baseline, errors only
 * with --quiet) whose rule and message have an autofix.
 */
import { Transform } from 'node:stream';
import type { Finding } from '../engine/types.js';
import { hasFixer } from '../fix/index.js';
import { planFixes, writeFixes, type FilePlan, type FixProblem } from '../fix/files.js';

export { planDiff } from '../fix/files.js';
import { plural } from '../report/input.js';

export interface FixRun {
  readonly plans: readonly FilePlan[];
  readonly problems: readonly FixProblem[];
  /** Plans whose files were written (`--fix`); [] for a dry run. */
  readonly written: readonly FilePlan[];
  /** Findings fixed (or, dry-run, that would be). */
  readonly fixed: readonly Finding[];
  /** Files changed (or, dry-run, that would be). */
  readonly files: number;
}

export interface FixRequest {
  readonly mode: 'write' | 'dry-run';
  readonly findings: readonly Finding[];
  readonly quiet: boolean;
  readonly cwd: string;
  readonly stdin?: { readonly display: string; readonly text: string };
}

/** Plans the fixes and, for `--fix`, writes them. Throws Error (with the file) when a write fails. */
export function runFixes(req: FixRequest): FixRun {
  const candidates = req.findings.filter((f) => !f.suppression && (!req.quiet || f.level === 'error') && hasFixer(f.ruleId, f.messageId));
  const { plans, problems } = planFixes({
    findings: candidates, cwd: req.cwd, dryRun: req.mode === 'dry-run', ...(req.stdin && { stdin: req.stdin }),
  });
  const written = req.mode === 'write' ? writeFixes(plans) : [];
  const counted = req.mode === 'write' ? written : plans.filter((p) => p.after !== p.before);
  return { plans, problems, written, fixed: counted.flatMap((p) => p.fixed), files: counted.length };
}

/** The findings a dry run leaves: all but those it would fix. */
export function remainingAfter(findings: readonly Finding[], run: FixRun): Finding[] {
  const fixed = new Set(run.fixed);
  return findings.filter((f) => !fixed.has(f));
}

/** What the fix run did, one line each: the count, then each file not written and each fix not made. */
export function fixLines(run: FixRun, mode: 'write' | 'dry-run'): string[] {
  const counts = `${plural(run.fixed.length, 'problem')} in ${plural(run.files, 'file')}`;
  const none = run.fixed.length === 0;
  const lines = [mode === 'write'
    ? (none ? 'nothing fixed' : `fixed ${counts}`)
    : `${none ? 'nothing to fix' : `would fix ${counts}`} (--fix-dry-run: nothing written)`];
  for (const p of run.problems) lines.push(`not fixed: ${p.file}: ${p.message}`);
  for (const plan of run.plans) {
    if (mode === 'dry-run' && plan.source !== 'file' && plan.after !== plan.before) {
      lines.push(plan.source === 'stdin'
        ? `${plan.display}: standard input is never written; the diff shows its fixes`
        : `${plan.display}: helm template output is never written; the diff shows the rendered objects: make the change in the chart's templates`);
    }
    const reasons = new Map<string, Finding[]>();
    for (const n of plan.notFixed) {
      const list = reasons.get(n.reason);
      if (list) list.push(n.target);
      else reasons.set(n.reason, [n.target]);
    }
    for (const [reason, targets] of reasons) {
      const rules = [...new Set(targets.map((t) => t.ruleId))].join(', ');
      lines.push(`not fixed: ${plan.display}: ${plural(targets.length, 'problem')} (${rules}): ${reason}`);
    }
  }
  return lines;
}

/**
 * Standard input, passed through and kept: the linter reads the stream as usual, and the bytes
 * it saw can be decoded again for the dry run's diff.
 */
export function recordStream(input: NodeJS.ReadableStream): { readonly stream: NodeJS.ReadableStream; text(): string } {
  const chunks: Buffer[] = [];
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback(null, chunk);
    },
  });
  input.pipe(tee);
  return {
    stream: tee,
    text: () => {
      const bytes = Buffer.concat(chunks);
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(bom ? 3 : 0));
    },
  };
}
