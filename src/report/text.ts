/**
 * The human-readable report: findings grouped by file, each with a one-line code frame and
 * carets under the offending span, then skipped inputs, a per-layer summary for all five
 * security layers (the weakest one marked; for a run over both OKE configuration and Kubernetes
 * manifests, with each layer's rules listed under it) and a one-line total. ANSI colour only on
 * request.
 */
import { LAYERS, type Finding, type Layer, type Level } from '../engine/types.js';
import { plural, regionOf, visibleFindings, type ReportInput } from './input.js';
import { countFindings, severityLookup, describeCounts, isEstateRun, layerRules, type FindingCounts, type LayerRuleLine } from './summary.js';

type Style = 'bold' | 'underline' | 'dim' | 'red' | 'yellow' | 'cyan' | 'green';

const SGR: Readonly<Record<Style, readonly [number, number]>> = {
  bold: [1, 22], underline: [4, 24], dim: [2, 22], red: [31, 39], yellow: [33, 39], cyan: [36, 39], green: [32, 39],
};

const LEVEL_STYLE: Readonly<Record<Level, Style>> = { error: 'red', warning: 'yellow', note: 'cyan' };

/** Wraps text in ANSI styles, or returns it unchanged when colour is off. */
type Painter = (text: string, ...styles: Style[]) => string;

function painter(color: boolean): Painter {
  if (!color) return (text) => text;
  return (text, ...styles) => styles.reduce((s, st) => `\u001b[${SGR[st][0]}m${s}\u001b[${SGR[st][1]}m`, text);
}

/** Width of the layer-name column in the summary. */
const LAYER_COLUMN = 16;

/** Formats the text report (always ends with a newline). */
export function formatText(input: ReportInput): string {
  const paint = painter(input.color);
  const counts = countFindings(input.findings, severityLookup(input.rules));
  const sections: string[][] = [];
  for (const group of groupByFile(visibleFindings(input))) sections.push(fileSection(group, paint));
  if (input.summary.notices.length > 0) {
    sections.push([paint('Skipped:', 'bold'), ...input.summary.notices.map((n) => `  ${paint('warning', 'yellow')}: ${n.file}: ${n.message}`)]);
  }
  sections.push(layerSection(counts, paint, isEstateRun(input.findings, input.rules) ? input.findings : undefined));
  sections.push([totalLine(input, counts, paint)]);
  return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

function groupByFile(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.file);
    if (group) group.push(f);
    else groups.set(f.file, [f]);
  }
  return [...groups.values()];
}

function fileSection(findings: readonly Finding[], paint: Painter): string[] {
  const rows = findings.map((f) => {
    const region = regionOf(f);
    return { f, region, loc: `${region.startLine}:${region.startColumn}` };
  });
  const locWidth = Math.max(...rows.map((r) => r.loc.length));
  const msgWidth = Math.max(...rows.map((r) => r.f.message.length));
  const gutterWidth = Math.max(...rows.map((r) => String(r.region.startLine).length));
  const out = [paint(findings[0]?.file ?? '', 'bold', 'underline')];
  for (const { f, region, loc } of rows) {
    const suppressed = f.suppression ? `  ${paint(`[suppressed by ${f.suppression.kind}: ${f.suppression.justification}]`, 'dim')}` : '';
    out.push(
      `  ${paint(loc.padEnd(locWidth), 'dim')}  ${paint(f.level, LEVEL_STYLE[f.level])}${' '.repeat(7 - f.level.length)}` +
      `  ${f.message.padEnd(msgWidth)}  ${paint(f.ruleId, 'dim')}${suppressed}`,
    );
    const lineNo = String(region.startLine).padStart(gutterWidth);
    const frame = frameWindow(f.lineText, region.startColumn, region.endLine === region.startLine ? region.endColumn : undefined);
    const text = frame.text;
    out.push(`    ${paint(`${lineNo} |`, 'dim')}${text === '' ? '' : ` ${text}`}`);
    const { pad, width } = caretSpan(text, frame.startColumn, frame.endColumn);
    out.push(`    ${paint(`${' '.repeat(gutterWidth)} |`, 'dim')} ${pad}${paint('^'.repeat(width), LEVEL_STYLE[f.level], 'bold')}`);
    for (const r of f.related ?? []) out.push(`    ${paint(`↳ ${r.message}: ${r.file}:${r.start.line}:${r.start.column}`, 'dim')}`);
  }
  return out;
}

/** Longest code-frame line shown; a longer one (minified JSON) is cut around the finding. */
export const MAX_FRAME = 160;
const FRAME_BEFORE = 40;

/**
 * The part of `lineText` a code frame shows, with the columns moved to match: the whole line
 * when it is short, else MAX_FRAME characters from a little before the finding, with `…` where
 * text was cut.
 */
export function frameWindow(lineText: string, startColumn: number, endColumn: number | undefined): { text: string; startColumn: number; endColumn: number | undefined } {
  if (lineText.length <= MAX_FRAME) return { text: lineText, startColumn, endColumn };
  const from = Math.max(0, startColumn - 1 - FRAME_BEFORE);
  const to = Math.min(lineText.length, from + MAX_FRAME);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < lineText.length ? '…' : '';
  const shift = prefix.length - from;
  const end = endColumn === undefined || endColumn - 1 > to ? to + 1 : endColumn;
  return { text: prefix + lineText.slice(from, to) + suffix, startColumn: startColumn + shift, endColumn: Math.max(end + shift, startColumn + shift + 1) };
}

/**
 * Padding (tabs kept, everything else a space) and caret count for a span starting at
 * `startColumn` (1-based, UTF-16) on `lineText`; with no `endColumn` the span runs to the end
 * of the line. Widths count code points, so a surrogate pair gets one caret.
 */
export function caretSpan(lineText: string, startColumn: number, endColumn: number | undefined): { pad: string; width: number } {
  const before = lineText.slice(0, startColumn - 1);
  const pad = Array.from(before, (ch) => (ch === '\t' ? '\t' : ' ')).join('') + ' '.repeat(Math.max(0, startColumn - 1 - before.length));
  const inside = lineText.slice(startColumn - 1, endColumn === undefined ? undefined : endColumn - 1);
  const width = Math.max(1, Array.from(inside).length);
  return { pad, width };
}

/** Rules listed under a layer of the estate story before the rest are counted. */
const STORY_RULES = 5;

/**
 * The per-layer summary. With `estate` (findings from both OKE configuration and Kubernetes
 * manifests), each layer also lists its rules with their counts and first location, so the
 * weakest layer's story reads in one place: a public API endpoint next to a cluster-admin binding.
 */
function layerSection(counts: FindingCounts, paint: Painter, estate?: readonly Finding[]): string[] {
  const weakest = new Set<Layer>(counts.weakestLayers);
  const lines = [paint(estate ? 'Security layers (one estate: OKE cluster configuration and Kubernetes manifests):' : 'Security layers:', 'bold')];
  const layers: Layer[] = [...LAYERS];
  const general = counts.byLayer.general;
  if (general.error + general.warning + general.note > 0) layers.push('general');
  for (const layer of layers) {
    const desc = describeCounts(counts.byLayer[layer]);
    const name = layer.padEnd(LAYER_COLUMN);
    if (desc === '') lines.push(`  ${name}${paint('no findings', 'green')}`);
    else if (weakest.has(layer)) lines.push(`  ${paint(name + desc, 'bold')}  ${paint('← weakest', 'red', 'bold')}`);
    else lines.push(`  ${name}${desc}`);
    if (estate) lines.push(...storyLines(layerRules(estate, layer), paint));
  }
  return lines;
}

function storyLines(rules: readonly LayerRuleLine[], paint: Painter): string[] {
  const shown = rules.slice(0, STORY_RULES);
  const idWidth = Math.max(0, ...shown.map((r) => r.ruleId.length));
  const countWidth = Math.max(0, ...shown.map((r) => describeCounts(r.counts).length));
  const indent = ' '.repeat(2 + LAYER_COLUMN);
  const out = shown.map((r) => {
    const where = `${r.first.file}:${r.first.start.line}:${r.first.start.column}`;
    return `${indent}${r.ruleId.padEnd(idWidth)}  ${describeCounts(r.counts).padEnd(countWidth)}  ${paint(where, 'dim')}`;
  });
  if (rules.length > shown.length) out.push(`${indent}${paint(`… and ${plural(rules.length - shown.length, 'more rule')}`, 'dim')}`);
  return out;
}

function totalLine(input: ReportInput, counts: FindingCounts, paint: Painter): string {
  const s = input.summary;
  const head = counts.problems > 0
    ? paint(`✖ ${plural(counts.problems, 'problem')} (${describeCounts(counts.byLevel)}) in ${plural(counts.filesWithProblems, 'file')}`, counts.byLevel.error > 0 ? 'red' : 'yellow', 'bold')
    : paint('✔ no problems', 'green', 'bold');
  const parts = [head, `${plural(s.objects, 'object')} in ${plural(s.filesLinted, 'file')} linted`];
  if (s.filesSkipped > 0) parts.push(`${plural(s.filesSkipped, 'file')} skipped`);
  if (s.documentsSkipped > 0) parts.push(`${plural(s.documentsSkipped, 'non-Kubernetes document')} skipped`);
  if (counts.suppressed > 0) parts.push(`${counts.suppressed} suppressed`);
  return parts.join(' · ');
}
