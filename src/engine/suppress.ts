/**
 * Central suppression: comment directives, object annotations and config exclusions.
 * Invalid suppressions (no reason, unknown rule id, bad or past `ignore-until`) are reported
 * as `suppression-invalid` and do not suppress anything.
 */
import type { Origin } from './anchor.js';
import type { Exclusion, ResolvedConfig } from './config-types.js';
import type { At, MessageData } from './rule-api.js';
import { parseDirectives } from './suppress-comments.js';
import type { Finding, Suppression } from './types.js';
import type { K8sResource } from '../k8s/resource.js';
import { getMap, pairOf, str } from '../k8s/yaml-access.js';

interface SuppressInput {
  readonly text: string;
  readonly resources: readonly K8sResource[];
  readonly config: ResolvedConfig;
  readonly today: string;
  /** Makes a `suppression-invalid` finding. */
  readonly make: (origin: Origin, resource: K8sResource | undefined, at: At, messageId: string, data?: MessageData) => Finding;
}

/** A suppression that covers `ids` for findings whose start offset is in `[start, end)`. */
export interface Cover {
  readonly ids: ReadonlySet<string>;
  readonly start: number;
  readonly end: number;
  readonly suppression: Suppression;
}

const INVALID = 'suppression-invalid';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A file's suppressions: what they cover, and the invalid ones as findings. */
export interface FileSuppressions {
  readonly covers: readonly Cover[];
  readonly invalid: readonly Finding[];
}

/** Parses the comment directives and annotations of one file. */
export function fileSuppressions(input: SuppressInput): FileSuppressions {
  const covers: Cover[] = [];
  const invalid: Finding[] = [];
  const report = invalidReporter(input, invalid);
  for (const d of parseDirectives(input.text)) {
    const owner = input.resources.find((r) => r.node.range && r.node.range[0] <= d.span.start && d.span.start < r.node.range[2]);
    const ok = checkIds(d.ids.map((i) => ({ id: i.id, at: { range: [i.span.start, i.span.end] as const } })), input, report, owner);
    if (d.ids.length === 0) report({ messageId: 'noIds', at: { range: [d.span.start, d.span.end] } }, owner);
    else if (!d.reason) report({ messageId: 'noReason', data: { ids: d.ids.map((i) => i.id).join(',') }, at: { range: [d.span.start, d.span.end] } }, owner);
    else if (isPlaceholder(d.reason)) report({ messageId: 'placeholderReason', data: { ids: d.ids.map((i) => i.id).join(','), reason: d.reason }, at: { range: [d.span.start, d.span.end] } }, owner);
    else if (ok.length) covers.push({ ids: new Set(ok), ...d.applies, suppression: { kind: 'comment', justification: d.reason } });
  }
  for (const r of input.resources) annotationCover(r, input, report, covers);
  return { covers, invalid };
}

/** `f` with the first matching suppression (comment or annotation cover, then config exclusion). */
export function suppress(f: Finding, covers: readonly Cover[], exclude: readonly Exclusion[]): Finding {
  const cover = covers.find((c) => c.ids.has(f.ruleId) && f.span.start >= c.start && f.span.start < c.end);
  if (cover) return { ...f, suppression: cover.suppression };
  const o = f.object;
  const ex = o && exclude.find((e) => e.rule === f.ruleId
    && (e.namespace === undefined || e.namespace === o.namespace)
    && (e.kind === undefined || e.kind === o.kind)
    && (e.name === undefined || e.name === o.name));
  return ex ? { ...f, suppression: { kind: 'config', justification: ex.reason } } : f;
}

type InvalidReport = (r: { messageId: string; data?: Record<string, string>; at: At }, resource?: K8sResource) => void;

function invalidReporter(input: SuppressInput, out: Finding[]): InvalidReport {
  const enabled = input.config.byId.get(INVALID);
  return (r, resource) => {
    if (!enabled) return;
    const meta = enabled.rule.meta;
    const origin: Origin = { ruleId: INVALID, level: enabled.level, layer: meta.layer, template: meta.messages[r.messageId] ?? r.messageId };
    out.push(input.make(origin, resource, r.at, r.messageId, r.data));
  };
}

/** Reports unknown ids; returns the known ones. */
function checkIds(ids: readonly { id: string; at: At }[], input: SuppressInput, report: InvalidReport, resource?: K8sResource): string[] {
  const ok: string[] = [];
  for (const { id, at } of ids) {
    if (input.config.knownIds.has(id)) ok.push(id);
    else report({ messageId: 'unknownRule', data: { id }, at }, resource);
  }
  return ok;
}

function annotationCover(r: K8sResource, input: SuppressInput, report: InvalidReport, covers: Cover[]): void {
  const annotations = getMap(r.metadata, 'annotations');
  const ignorePair = annotations && pairOf(annotations, 'okelint.io/ignore');
  if (!annotations || !ignorePair?.value) return;
  const value = ignorePair.value;
  const ids = (str(value) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const ok = checkIds(ids.map((id) => ({ id, at: value })), input, report, r);
  const reason = str(pairOf(annotations, 'okelint.io/ignore-reason')?.value)?.trim() ?? '';
  const untilPair = pairOf(annotations, 'okelint.io/ignore-until');
  const until = str(untilPair?.value);
  if (ids.length === 0) return report({ messageId: 'noIds', at: value }, r);
  if (!reason) return report({ messageId: 'noReasonAnnotation', data: { ids: ids.join(',') }, at: ignorePair }, r);
  if (isPlaceholder(reason)) return report({ messageId: 'placeholderReason', data: { ids: ids.join(','), reason }, at: ignorePair }, r);
  if (untilPair?.value && (until === undefined || !DATE.test(until) || Number.isNaN(Date.parse(until)))) {
    return report({ messageId: 'badUntil', data: { value: until ?? '' }, at: untilPair.value }, r);
  }
  if (until !== undefined && untilPair?.value && until < input.today) {
    return report({ messageId: 'expired', data: { ids: ids.join(','), until }, at: untilPair.value }, r);
  }
  const range = r.node.range;
  if (ok.length && range) {
    covers.push({ ids: new Set(ok), start: range[0], end: range[2], suppression: { kind: 'annotation', justification: reason } });
  }
}

/**
 * A reason that is still a placeholder (`<reason>`, as the editor's quick fix inserts it) says
 * nothing: it counts as missing until someone writes why the finding is accepted.
 */
export function isPlaceholder(reason: string): boolean {
  return /^<[^<>]*>$/.test(reason.trim());
}
