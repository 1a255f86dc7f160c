/**
 * Counts shared by the text and JSON summaries. Suppressed findings are counted apart and
 * never as problems, whether or not the report shows them.
 */
import type { RuleMeta } from '../engine/rule-api.js';
import { LAYERS, type Finding, type Layer, type Level, type SecurityLayer } from '../engine/types.js';

/** Number of findings per level. */
export interface LevelCounts {
  error: number;
  warning: number;
  note: number;
}

/** Per-run tallies of the unsuppressed findings. */
export interface FindingCounts {
  /** Unsuppressed findings. */
  readonly problems: number;
  /** Distinct files with at least one unsuppressed finding. */
  readonly filesWithProblems: number;
  readonly byLevel: LevelCounts;
  /** Every security layer in LAYERS order, plus `general` (engine rules). */
  readonly byLayer: Readonly<Record<Layer, LevelCounts>>;
  /**
   * The security layers with the most severe findings: most errors, then warnings, then notes,
   * then the highest security severity; ties all listed. Empty when every layer is clean.
   */
  readonly weakestLayers: readonly SecurityLayer[];
  readonly suppressed: number;
}

/** The layers reported in summaries: the five security layers, then `general`. */
export const SUMMARY_LAYERS: readonly Layer[] = [...LAYERS, 'general'];

const zero = (): LevelCounts => ({ error: 0, warning: 0, note: 0 });

/**
 * Tallies `findings` (suppressed ones only into `suppressed`). `severityOf` gives a rule's
 * security severity, used to break ties when picking the weakest layer.
 */
export function countFindings(findings: readonly Finding[], severityOf: (ruleId: string) => number = () => 0): FindingCounts {
  const byLevel = zero();
  const byLayer = Object.fromEntries(SUMMARY_LAYERS.map((l) => [l, zero()])) as Record<Layer, LevelCounts>;
  const maxSeverity = new Map<Layer, number>();
  const files = new Set<string>();
  let problems = 0, suppressed = 0;
  for (const f of findings) {
    if (f.suppression) { suppressed++; continue; }
    problems++;
    files.add(f.file);
    byLevel[f.level]++;
    byLayer[f.layer][f.level]++;
    maxSeverity.set(f.layer, Math.max(maxSeverity.get(f.layer) ?? 0, severityOf(f.ruleId)));
  }
  const weakestLayers = weakest(byLayer, (layer) => maxSeverity.get(layer) ?? 0);
  return { problems, filesWithProblems: files.size, byLevel, byLayer, weakestLayers, suppressed };
}

/** A rule-id → security-severity lookup over rule metadata (0 for unknown ids). */
export function severityLookup(rules: readonly { readonly id: string; readonly securitySeverity: number }[]): (ruleId: string) => number {
  const map = new Map(rules.map((r) => [r.id, r.securitySeverity]));
  return (ruleId) => map.get(ruleId) ?? 0;
}

/** Compares counts by errors, then warnings, then notes (positive when `a` is more severe). */
export function compareSeverity(a: LevelCounts, b: LevelCounts): number {
  return a.error - b.error || a.warning - b.warning || a.note - b.note;
}

function weakest(byLayer: Readonly<Record<Layer, LevelCounts>>, severity: (layer: Layer) => number): SecurityLayer[] {
  let best: SecurityLayer[] = [];
  for (const layer of LAYERS) {
    const c = byLayer[layer];
    if (c.error + c.warning + c.note === 0) continue;
    const first = best[0];
    const cmp = first === undefined ? 1 : compareSeverity(c, byLayer[first]) || severity(layer) - severity(first);
    if (cmp > 0) best = [layer];
    else if (cmp === 0) best.push(layer);
  }
  return best;
}

/** `2 errors, 1 warning` (non-zero levels only, most severe first); '' when all are zero. */
export function describeCounts(c: LevelCounts): string {
  const parts: string[] = [];
  const levels: readonly Level[] = ['error', 'warning', 'note'];
  for (const level of levels) if (c[level] > 0) parts.push(`${c[level]} ${level}${c[level] === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** One rule's part in a layer's story: how often it fired, at which level, and where first. */
export interface LayerRuleLine {
  readonly ruleId: string;
  readonly counts: LevelCounts;
  readonly first: Finding;
}

/**
 * Whether the unsuppressed findings come from both OKE cluster configuration (rules for `oke`
 * units) and Kubernetes manifests (rules for `k8s` objects): one estate, told layer by layer.
 */
export function isEstateRun(findings: readonly Finding[], rules: readonly Pick<RuleMeta<unknown>, 'id' | 'appliesTo'>[]): boolean {
  const unitsOf = new Map(rules.map((r) => [r.id, r.appliesTo]));
  let oke = false, k8s = false;
  for (const f of findings) {
    if (f.suppression) continue;
    const units = unitsOf.get(f.ruleId) ?? [];
    oke ||= units.includes('oke');
    k8s ||= units.includes('k8s');
  }
  return oke && k8s;
}

/** The unsuppressed findings of `layer` by rule: most severe first, then by rule id. */
export function layerRules(findings: readonly Finding[], layer: Layer): LayerRuleLine[] {
  const byRule = new Map<string, { counts: LevelCounts; first: Finding }>();
  for (const f of findings) {
    if (f.suppression || f.layer !== layer) continue;
    let entry = byRule.get(f.ruleId);
    if (!entry) byRule.set(f.ruleId, (entry = { counts: zero(), first: f }));
    entry.counts[f.level]++;
  }
  return [...byRule].map(([ruleId, e]) => ({ ruleId, ...e }))
    .sort((a, b) => compareSeverity(b.counts, a.counts) || a.ruleId.localeCompare(b.ruleId));
}
