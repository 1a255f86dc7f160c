/**
 * Autofix: from findings to text edits, for the CLI (`--fix`, `--fix-dry-run`) and the language
 * server (code actions).
 *
 * The file text is parsed again (the same parser as the engine), the finding's object is found
 * by its span, its container by position, and the fixer's intents become minimal text edits.
 * Every result is checked by parsing the edited text: it must parse exactly as cleanly as
 * before, hold the same objects, and planning the same intents again must change nothing (the
 * fixed values are there, so a second run is a no-op).
 *
 * Findings on objects rendered by `helm template` (`helmTemplate` set) are not fixed: the fix
 * belongs in the chart's template. Only `--fix-dry-run` asks for them (`renderedOutput`), to
 * show what the rendered objects should look like; such text is never written back.
 */
import { isMap } from 'yaml';
import { pathTo } from '../engine/position.js';
import type { ObjectIdentity, Span } from '../engine/types.js';
import { workloadOf, type ContainerView } from '../k8s/workload.js';
import { parseK8sFile, type ParsedK8sFile } from '../sources/k8s-yaml.js';
import { applyEdits, normalizeEdits, type Edit } from './edits.js';
import { FIXERS, hasFixer } from './fixers.js';
import { eolOf, PlanFailure, planTree, stepOf, treeOf, type Intent, type Style } from './yaml-plan.js';

export type { Edit } from './edits.js';
export { applyEdits } from './edits.js';
export { FIXABLE_RULES, hasFixer } from './fixers.js';

/** What a fix needs to know about a finding (a Finding has all of it). */
export interface FixTarget {
  readonly ruleId: string;
  readonly messageId: string;
  /** Offsets into the text the finding was made from. */
  readonly span: Span;
  /** Field path from the object root to the reported node: checked against the object found at `span`. */
  readonly path?: readonly (string | number)[];
  /** Checked against the object found at `span` (kind and name). */
  readonly object?: ObjectIdentity;
  readonly helmTemplate?: string;
}

/** Whether okelint has an autofix for this finding (rule, message and not from Helm output). */
export function isFixable(target: Pick<FixTarget, 'ruleId' | 'messageId' | 'helmTemplate'>): boolean {
  return target.helmTemplate === undefined && hasFixer(target.ruleId, target.messageId);
}

/** A code-action title for the finding's fix, e.g. "Set allowPrivilegeEscalation: false". */
export function fixTitle(target: Pick<FixTarget, 'ruleId' | 'messageId'>): string | undefined {
  return hasFixer(target.ruleId, target.messageId) ? FIXERS[target.ruleId]?.title : undefined;
}

/**
 * The edits (offsets into `text`) that fix one finding, or undefined when it cannot be fixed
 * safely. For the language server's code actions.
 */
export function fixEditsFor(text: string, finding: FixTarget): Edit[] | undefined {
  const parsed = parseK8sFile('', text);
  const located = locate(parsed, finding);
  if ('reason' in located) return undefined;
  try {
    const edits = plan(parsed, [located]);
    if (edits.length === 0) return undefined;
    return verify(parsed, applyEdits(text, edits), [located]) ? edits : undefined;
  } catch (e) {
    if (e instanceof PlanFailure) return undefined;
    throw e;
  }
}

export interface NotFixed<T extends FixTarget = FixTarget> {
  readonly target: T;
  readonly reason: string;
}

export interface FixTextOptions {
  /** Also fix objects rendered by `helm template` (for a diff of the rendered output; never to write). */
  readonly renderedOutput?: boolean;
}

/** Whether the text holds an object rendered by `helm template` (a `# Source:` document): such a file is never written. */
export function isHelmOutput(text: string): boolean {
  return parseK8sFile('', text).resources.some((r) => r.helmTemplate !== undefined);
}

export interface FixTextResult<T extends FixTarget = FixTarget> {
  /** The text with every possible fix applied (=== the input when nothing changed). */
  readonly text: string;
  readonly fixed: readonly T[];
  readonly notFixed: readonly NotFixed<T>[];
}

/** Most rounds of fixing one text: fixes that conflict within a round are retried in the next. */
export const MAX_ROUNDS = 5;

/**
 * Fixes every target it can in `text` (all spans refer to `text`). Targets of one object are
 * merged into one edit set when they agree; ones that cannot be merged in a round are tried
 * again on the result, up to MAX_ROUNDS rounds.
 */
export function fixText<T extends FixTarget>(text: string, targets: readonly T[], options: FixTextOptions = {}): FixTextResult<T> {
  const fixed: T[] = [];
  const notFixed: NotFixed<T>[] = [];
  let parsed = parseK8sFile('', text);
  let pending: Located<T>[] = [];
  for (const target of targets) {
    const located = locate(parsed, target, options);
    if ('reason' in located) notFixed.push({ target, reason: located.reason });
    else pending.push(located);
  }
  let current = text;
  for (let round = 1; round <= MAX_ROUNDS && pending.length > 0; round++) {
    // Each target alone first: those that cannot be planned are dropped for good.
    const ready: Located<T>[] = [];
    for (const item of pending) {
      try {
        const alone = plan(parsed, [item]);
        if (alone.length > 0) ready.push(item);
        else if (round === 1) notFixed.push({ target: item.target, reason: 'the file already holds what the fix would set' });
        else fixed.push(item.target);
      } catch (e) {
        if (!(e instanceof PlanFailure)) throw e;
        notFixed.push({ target: item.target, reason: e.message });
      }
    }
    pending = [];
    if (ready.length === 0) break;
    let batch = ready;
    let next = tryBatch(parsed, current, batch);
    if (next === undefined && batch.length > 1) {
      // They do not combine: apply the first alone, retry the rest on its result.
      batch = ready.slice(0, 1);
      pending = ready.slice(1);
      next = tryBatch(parsed, current, batch);
    }
    const first = batch[0];
    if (next === undefined) {
      if (first) notFixed.push({ target: first.target, reason: 'the edited file did not check out (it would not parse the same way)' });
      continue;
    }
    current = next;
    parsed = parseK8sFile('', current);
    for (const item of batch) fixed.push(item.target);
  }
  for (const item of pending) notFixed.push({ target: item.target, reason: `not settled after ${MAX_ROUNDS} rounds` });
  return { text: current, fixed, notFixed };
}

/** The fixed text when the batch plans, applies and verifies; else undefined. */
function tryBatch(parsed: ParsedK8sFile, text: string, batch: readonly Located[]): string | undefined {
  try {
    const edits = plan(parsed, batch);
    const next = applyEdits(text, edits);
    return verify(parsed, next, batch) ? next : undefined;
  } catch (e) {
    if (e instanceof PlanFailure) return undefined;
    throw e;
  }
}

/** A target resolved to its object (by index, stable across fix rounds) and its intents. */
interface Located<T extends FixTarget = FixTarget> {
  readonly target: T;
  readonly resourceIndex: number;
  readonly intents: readonly Intent[];
}

function locate<T extends FixTarget>(parsed: ParsedK8sFile, target: T, options: FixTextOptions = {}): Located<T> | { readonly reason: string } {
  if (target.helmTemplate !== undefined && options.renderedOutput !== true) return { reason: `rendered by helm from ${target.helmTemplate} (fix the template)` };
  const fixer = Object.hasOwn(FIXERS, target.ruleId) ? FIXERS[target.ruleId] : undefined;
  const scope = fixer && Object.hasOwn(fixer.messages, target.messageId) ? fixer.messages[target.messageId] : undefined;
  if (!fixer || !scope) return { reason: 'no autofix for this finding' };
  const offset = target.span.start;
  let resourceIndex = -1;
  parsed.resources.forEach((r, i) => {
    const range = r.node.range;
    if (!range || offset < range[0] || offset > range[2]) return;
    const best = parsed.resources[resourceIndex]?.node.range;
    if (!best || range[0] >= best[0]) resourceIndex = i;
  });
  const resource = parsed.resources[resourceIndex];
  if (!resource) return { reason: 'no Kubernetes object at the finding (was the file changed?)' };
  if (target.object && (target.object.kind !== resource.kind || target.object.name !== resource.name)) {
    return { reason: 'the object at the finding is not the one reported (was the file changed?)' };
  }
  const workload = workloadOf(resource);
  if (!workload) return { reason: 'the object has no pod spec' };
  const podPath = pathTo(resource.node, workload.podSpec);
  const container = containerAt(workload.containers, offset, resource.node, target.path);
  const containerPath = container ? pathTo(resource.node, container.node) : undefined;
  if (scope === 'container' && !containerPath) return { reason: 'cannot tell which container the finding is about' };
  const expected = scope === 'container' ? containerPath : podPath;
  if (target.path && target.path.length > 0 && expected && !isPrefix(expected, target.path)) {
    return { reason: 'the finding does not point into the container or pod it should (was the file changed?)' };
  }
  const result = fixer.fix({
    messageId: target.messageId, resource, workload, podPath,
    ...(container && { container }),
    ...(containerPath && { containerPath }),
  });
  if ('skip' in result) return { reason: result.skip };
  return { target, resourceIndex, intents: result.intents };
}

/** The container whose map holds `offset`, else the one the finding's path goes through. */
function containerAt(
  containers: readonly ContainerView[], offset: number, root: ContainerView['node'], path: FixTarget['path'],
): ContainerView | undefined {
  const byOffset = containers.find((c) => {
    const range = c.node.range;
    return range !== undefined && range !== null && offset >= range[0] && offset < Math.max(range[1], range[0] + 1);
  });
  if (byOffset || !path) return byOffset;
  return containers.find((c) => {
    const p = pathTo(root, c.node);
    return p.length > 0 && isPrefix(p, path);
  });
}

function isPrefix(prefix: readonly (string | number)[], path: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]));
}

/** The edits for a batch of located targets: one merged intent tree per object. */
function plan(parsed: ParsedK8sFile, batch: readonly Located[]): Edit[] {
  const byResource = new Map<number, Intent[]>();
  for (const item of batch) {
    let list = byResource.get(item.resourceIndex);
    if (!list) byResource.set(item.resourceIndex, (list = []));
    list.push(...item.intents);
  }
  const edits: Edit[] = [];
  const { text } = parsed.file;
  const eol = eolOf(text);
  for (const [index, intents] of byResource) {
    const resource = parsed.resources[index];
    if (!resource) throw new PlanFailure('the object is gone');
    const contents = resource.doc.contents;
    const style: Style = { text, eol, step: stepOf(text, contents), json: isMap(contents) && contents.flow === true };
    edits.push(...planTree(resource.node, treeOf(intents), style));
  }
  const norm = normalizeEdits(edits);
  if (!norm) throw new PlanFailure('the fixes overlap');
  return norm;
}

/** The edited text parses as cleanly as before, holds the same objects, and needs no further edits. */
function verify(before: ParsedK8sFile, text: string, batch: readonly Located[]): boolean {
  const after = parseK8sFile('', text);
  if (after.problems.length !== before.problems.length || after.resources.length !== before.resources.length) return false;
  for (const item of batch) {
    const a = after.resources[item.resourceIndex];
    const b = before.resources[item.resourceIndex];
    if (!a || !b || a.kind !== b.kind || a.name !== b.name) return false;
  }
  try {
    return plan(after, batch).length === 0;
  } catch (e) {
    if (e instanceof PlanFailure) return false;
    throw e;
  }
}
