/**
 * The JSON report, a stable machine-readable shape (`version: 1`). Pretty-printed with two
 * spaces. Fields may be added in later versions; none is removed or renamed without bumping
 * `version`.
 *
 * ```ts
 * {
 *   version: 1,
 *   tool: { name: 'okelint', version: string },          // semver of okelint
 *   findings: Array<{
 *     ruleId: string,                                     // e.g. 'privileged-container'
 *     messageId: string,                                  // key of the rule's message template
 *     level: 'error' | 'warning' | 'note',                // effective level after config
 *     layer: 'cloud-control' | 'cluster-access' | 'workload' | 'supply-chain' | 'node' | 'general',
 *     message: string,                                    // rendered message (secrets never included)
 *     file: string,                                       // display path, relative to the working directory
 *     uri: string,                                        // path relative to the repository root
 *     line: number, column: number,                       // 1-based start; columns count UTF-16 code units
 *     endLine: number, endColumn: number,                 // 1-based end; endColumn is exclusive
 *     path: Array<string | number>,                       // field path from the object root
 *     object?: { apiVersion?: string, kind: string, name?: string, namespace?: string },
 *     helmTemplate?: string,                              // Helm template that rendered the object (# Source:)
 *     related?: Array<{ file: string, uri: string, line: number, column: number, endLine: number, endColumn: number, message: string }>,
 *     fingerprint: string,                                // stable identity across line moves
 *     suppressed?: { kind: 'comment' | 'annotation' | 'config' | 'baseline', justification: string },
 *   }>,                                                   // suppressed ones only with --include-suppressed
 *   summary: {
 *     problems: number,                                   // unsuppressed findings
 *     filesWithProblems: number,
 *     filesLinted: number, filesSkipped: number,
 *     objects: number,                                    // Kubernetes objects (and other units) linted
 *     documentsSkipped: number,                           // non-Kubernetes YAML/JSON documents
 *     byLevel: { error: number, warning: number, note: number },
 *     byLayer: { [layer]: { error: number, warning: number, note: number } },  // all five layers + general
 *     weakestLayers: string[],                            // security layers with the most severe findings
 *     suppressed: number,                                 // counted whether or not they are listed
 *     notices: Array<{ file: string, message: string }>,  // skipped or problematic inputs
 *   },
 * }
 * ```
 */
import type { Finding, Layer, Notice, ObjectIdentity, Suppression } from '../engine/types.js';
import { regionOf, visibleFindings, type ReportInput } from './input.js';
import { countFindings, severityLookup, type LevelCounts } from './summary.js';

/** One finding in the JSON report. */
export interface JsonFinding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly level: Finding['level'];
  readonly layer: Layer;
  readonly message: string;
  readonly file: string;
  readonly uri: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly path: readonly (string | number)[];
  readonly object?: ObjectIdentity;
  readonly helmTemplate?: string;
  readonly related?: readonly { file: string; uri: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
  readonly fingerprint: string;
  readonly suppressed?: Suppression;
}

/** The summary block of the JSON report. */
export interface JsonSummary {
  readonly problems: number;
  readonly filesWithProblems: number;
  readonly filesLinted: number;
  readonly filesSkipped: number;
  readonly objects: number;
  readonly documentsSkipped: number;
  readonly byLevel: LevelCounts;
  readonly byLayer: Readonly<Record<Layer, LevelCounts>>;
  readonly weakestLayers: readonly string[];
  readonly suppressed: number;
  readonly notices: readonly Notice[];
}

/** The whole JSON report. */
export interface JsonReport {
  readonly version: 1;
  readonly tool: { readonly name: 'okelint'; readonly version: string };
  readonly findings: readonly JsonFinding[];
  readonly summary: JsonSummary;
}

/** Builds the JSON report object. */
export function toJsonReport(input: ReportInput): JsonReport {
  const counts = countFindings(input.findings, severityLookup(input.rules));
  const s = input.summary;
  return {
    version: 1,
    tool: { name: 'okelint', version: input.toolVersion },
    findings: visibleFindings(input).map(jsonFinding),
    summary: {
      problems: counts.problems,
      filesWithProblems: counts.filesWithProblems,
      filesLinted: s.filesLinted,
      filesSkipped: s.filesSkipped,
      objects: s.objects,
      documentsSkipped: s.documentsSkipped,
      byLevel: counts.byLevel,
      byLayer: counts.byLayer,
      weakestLayers: counts.weakestLayers,
      suppressed: counts.suppressed,
      notices: s.notices.map((n) => ({ file: n.file, message: n.message })),
    },
  };
}

function jsonFinding(f: Finding): JsonFinding {
  const r = regionOf(f);
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    level: f.level,
    layer: f.layer,
    message: f.message,
    file: f.file,
    uri: f.uri,
    line: r.startLine,
    column: r.startColumn,
    endLine: r.endLine,
    endColumn: r.endColumn,
    path: [...f.path],
    ...(f.object && { object: { ...f.object } }),
    ...(f.helmTemplate !== undefined && { helmTemplate: f.helmTemplate }),
    ...(f.related?.length && {
      related: f.related.map((r) => ({
        file: r.file, uri: r.uri, line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column, message: r.message,
      })),
    }),
    fingerprint: f.fingerprint,
    ...(f.suppression && { suppressed: { kind: f.suppression.kind, justification: f.suppression.justification } }),
  };
}

/** Formats the JSON report (ends with a newline). */
export function formatJson(input: ReportInput): string {
  return JSON.stringify(toJsonReport(input), null, 2) + '\n';
}
