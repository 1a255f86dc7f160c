/**
 * Findings as LSP diagnostics: 0-based ranges (the engine's 1-based UTF-16 columns minus one,
 * end exclusive in both), severity from the level, the rule id as `code` with its docs page,
 * and related information for the Helm template (and values.yaml key) behind a rendered object
 * and for the other places a finding names. Pure: no I/O, only types from vscode-languageserver.
 */
import type { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver';
import type { ConfigProblem } from './config.js';
import type { Finding, Level, Position, RelatedLocation } from '../engine/types.js';
import { ruleDocsUrl } from '../report/input.js';

/** The diagnostics' `source`. */
export const SOURCE = 'okelint';

/** What `Diagnostic.data` carries from publishing to `textDocument/codeAction`. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly layer: string;
  readonly fingerprint: string;
  /** `# Source:` template of a rendered Helm object. */
  readonly helmTemplate?: string;
  /**
   * The file the finding is written in when it is not this document (a Terraform statement whose
   * text is in a tfvars file): the diagnostic sits where this document uses it, and a comment
   * here would not suppress it, so no disable is offered.
   */
  readonly writtenIn?: string;
}

const SEVERITY: Record<Level, DiagnosticSeverity> = { error: 1, warning: 2, note: 3 };

/** The LSP severity of a level: error 1, warning 2, note 3 (Information). */
export function severityOf(level: Level): DiagnosticSeverity {
  return SEVERITY[level];
}

/** A 0-based LSP range from the engine's 1-based, end-exclusive positions. */
export function toRange(start: Position, end: Position): Range {
  return {
    start: { line: Math.max(0, start.line - 1), character: Math.max(0, start.column - 1) },
    end: { line: Math.max(0, end.line - 1), character: Math.max(0, end.column - 1) },
  };
}

/** How diagnostics are made for one document. */
export interface DiagnosticContext {
  /** The document's display path, as the engine names it in findings. */
  readonly file: string;
  /** Base URL of the rule docs (a rule's page is `docsBaseUrl + layer + '/' + id + '.md'`). */
  readonly docsBaseUrl: string;
  /** URI of a file named by a finding or a related location (display path as the engine gave it). */
  readonly uriOf: (file: string) => string;
  /** The finding moved to its Helm template, when the chart is found (else undefined or `f` itself). */
  readonly mapToTemplate?: (f: Finding) => Finding | undefined;
}

/** The diagnostics of a document's findings; suppressed findings are left out. */
export function toDiagnostics(findings: readonly Finding[], ctx: DiagnosticContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) if (!f.suppression) out.push(toDiagnostic(f, ctx));
  return out;
}

/** One finding as a diagnostic. */
export function toDiagnostic(f: Finding, ctx: DiagnosticContext): Diagnostic {
  const elsewhere = f.file !== ctx.file;
  const data: DiagnosticData = {
    ruleId: f.ruleId,
    layer: f.layer,
    fingerprint: f.fingerprint,
    ...(f.helmTemplate !== undefined && { helmTemplate: f.helmTemplate }),
    ...(elsewhere && { writtenIn: f.file }),
  };
  // A finding written in another file is shown where this document uses it (its first related
  // location here, else the top), with the place it is written as related information.
  const here = elsewhere ? f.related?.find((r) => r.file === ctx.file) : undefined;
  const related = elsewhere
    ? [info(ctx, { ...f, message: 'The reported text is written here' }), ...(f.related ?? []).filter((r) => r !== here).map((r) => info(ctx, r))]
    : relatedOf(f, ctx);
  const start = { line: 1, column: 1 };
  return {
    range: elsewhere ? toRange(here?.start ?? start, here?.end ?? start) : toRange(f.start, f.end),
    severity: severityOf(f.level),
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(ctx.docsBaseUrl, { id: f.ruleId, layer: f.layer }) },
    source: SOURCE,
    message: f.message,
    ...(related.length > 0 && { relatedInformation: related }),
    data,
  };
}

function relatedOf(f: Finding, ctx: DiagnosticContext): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  const mapped = f.helmTemplate !== undefined ? ctx.mapToTemplate?.(f) : undefined;
  if (mapped && mapped !== f) {
    out.push(info(ctx, { ...mapped, message: `Helm template ${f.helmTemplate ?? ''} renders this` }));
    // The mapper puts the rendered location first, then the values.yaml key, then f's own related.
    const own = f.related?.length ?? 0;
    for (const r of (mapped.related ?? []).slice(1, (mapped.related?.length ?? 0) - own)) out.push(info(ctx, r));
  }
  for (const r of f.related ?? []) out.push(info(ctx, r));
  return out;
}

function info(ctx: DiagnosticContext, r: Pick<RelatedLocation, 'file' | 'start' | 'end' | 'message'>): DiagnosticRelatedInformation {
  return { location: { uri: ctx.uriOf(r.file), range: toRange(r.start, r.end) }, message: r.message };
}

/** The diagnostic an invalid config file gets: an error on the offending key's line, to its end. */
export function configDiagnostic(problem: ConfigProblem, lineText: string | undefined): Diagnostic {
  const end = lineText !== undefined && lineText.length > problem.character ? lineText.length : problem.character + 1;
  return {
    range: { start: { line: problem.line, character: problem.character }, end: { line: problem.line, character: end } },
    severity: 1,
    code: 'config-invalid',
    source: SOURCE,
    message: `Invalid okelint config: ${problem.message}. Files under it are not linted until it is fixed.`,
  };
}
