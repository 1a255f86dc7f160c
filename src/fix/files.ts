/**
 * Autofix over files, for the CLI: group the findings by the file they were made from, re-read
 * each file, fix its text (fixText), and either write it back atomically (`--fix`) or show the
 * change as a unified diff (`--fix-dry-run`).
 *
 * Never written, whatever the mode: standard input, and files holding `helm template` output
 * (a `# Source:` document), whose fix belongs in the chart's templates. Those are dry-run only.
 * A file is written through its real path (a symlink stays a symlink) with its mode and its
 * UTF-8 byte order mark kept.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Finding } from '../engine/types.js';
import { writeAtomic } from '../files/write-atomic.js';
import { fixText, isHelmOutput, type NotFixed } from './index.js';
import { unifiedDiff } from './unified-diff.js';

/** The message of the related location that keeps a mapped Helm finding's rendered position (src/helm/map.ts). */
export const RENDERED_BY_HELM = 'Rendered by helm template';

const BOM = '\uFEFF';

/** Where a fixed text came from, and so whether it may be written. */
export type FixSource = 'file' | 'stdin' | 'helm';

/** The fixes of one file (or of standard input). */
export interface FilePlan {
  /** The path as the report shows it (relative to the working directory), or the stdin name. */
  readonly display: string;
  readonly source: FixSource;
  /** Absolute path (files and Helm output read from a file). */
  readonly absPath?: string;
  /** Text before and after the fixes, without the byte order mark. */
  readonly before: string;
  readonly after: string;
  readonly bom: boolean;
  readonly fixed: readonly Finding[];
  readonly notFixed: readonly NotFixed<Finding>[];
}

export interface PlanRequest {
  /** The findings to fix (those the report shows); others are ignored by fixText. */
  readonly findings: readonly Finding[];
  readonly cwd: string;
  /** Standard input as it was linted, when `-` was among the inputs. */
  readonly stdin?: { readonly display: string; readonly text: string };
  /** `--fix-dry-run`: also plan fixes on Helm output (for the diff only). */
  readonly dryRun: boolean;
}

/** A file that could not be read back for fixing. */
export interface FixProblem {
  readonly file: string;
  readonly message: string;
}

/** Plans the fixes of every file with findings; nothing is written. */
export function planFixes(req: PlanRequest): { plans: FilePlan[]; problems: FixProblem[] } {
  const groups = new Map<string, Finding[]>();
  for (const f of req.findings) {
    const file = sourceFileOf(f);
    let group = groups.get(file);
    if (!group) groups.set(file, (group = []));
    group.push(f);
  }
  const plans: FilePlan[] = [];
  const problems: FixProblem[] = [];
  for (const [display, findings] of groups) {
    const fromStdin = req.stdin !== undefined && display === req.stdin.display;
    const absPath = fromStdin ? undefined : resolve(req.cwd, display);
    const read = fromStdin ? { text: req.stdin?.text ?? '', bom: false } : readBack(absPath as string);
    if ('error' in read) {
      problems.push({ file: display, message: read.error });
      continue;
    }
    const helm = findings.some((f) => f.helmTemplate !== undefined) || isHelmOutput(read.text);
    const source: FixSource = fromStdin ? 'stdin' : helm ? 'helm' : 'file';
    const base = { display, source, ...(absPath !== undefined && { absPath }), before: read.text, bom: read.bom };
    if (helm && !req.dryRun) {
      const reason = 'helm template output is never written: fix the chart\'s templates (--fix-dry-run shows the change in the rendered output)';
      plans.push({ ...base, after: read.text, fixed: [], notFixed: findings.map((target) => ({ target, reason })) });
      continue;
    }
    const result = fixText(read.text, findings, { renderedOutput: helm });
    plans.push({ ...base, after: result.text, fixed: result.fixed, notFixed: result.notFixed });
  }
  return { plans, problems };
}

/** The file a finding's span points into: for a Helm finding mapped to its template, the rendered output. */
export function sourceFileOf(f: Finding): string {
  if (f.helmTemplate === undefined) return f.file;
  return f.related?.find((r) => r.message === RENDERED_BY_HELM)?.file ?? f.file;
}

/** Whether a plan changes its text and may be written (a file that is neither stdin nor Helm output). */
export function isWritable(plan: FilePlan): boolean {
  return plan.source === 'file' && plan.after !== plan.before;
}

/**
 * Writes the plans that may be written (isWritable), each atomically through its real path with
 * its mode kept. Returns the plans written; throws Error naming the file on the first failure.
 */
export function writeFixes(plans: readonly FilePlan[]): FilePlan[] {
  const written: FilePlan[] = [];
  for (const plan of plans) {
    if (!isWritable(plan) || plan.absPath === undefined) continue;
    let real: string, mode: number;
    try {
      real = realpathSync(plan.absPath);
      mode = statSync(real).mode & 0o7777;
    } catch (e) {
      throw new Error(`cannot write ${plan.display} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
    }
    writeAtomic(real, (plan.bom ? BOM : '') + plan.after, { mode });
    written.push(plan);
  }
  return written;
}

/** The plan's change as a unified diff (`a/<path>` → `b/<path>`, for `patch -p1` or `git apply`); '' when nothing changes. */
export function planDiff(plan: FilePlan): string {
  const bom = plan.bom ? BOM : '';
  return unifiedDiff(bom + plan.before, bom + plan.after, { oldName: `a/${plan.display}`, newName: `b/${plan.display}` });
}

/** Reads a file back for fixing: strict UTF-8, the byte order mark noted and removed (as the linter read it). */
function readBack(absPath: string): { text: string; bom: boolean } | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (e) {
    return { error: `cannot read the file again to fix it (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom ? 3 : 0)), bom };
  } catch {
    return { error: 'the file is no longer valid UTF-8: not fixed' };
  }
}
