/**
 * One open document through the core call: find its workspace root and configuration, skip
 * what okelint does not lint (config files, ignored paths, formats the engine does not read yet),
 * run `lintText`, and turn the findings into diagnostics. No connection, no protocol traffic.
 */
import { basename, dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { isConfigName, type ConfigCache, type ConfigProblem, type LspSettings } from './config.js';
import { toDiagnostics } from './diagnostics.js';
import { lintText } from '../engine/lint-text.js';
import { DEFAULT_EXTENSIONS } from '../engine/run.js';
import { relativeInside } from '../files/paths.js';
import { findChartRoots } from '../helm/chart-roots.js';
import { HelmMapper } from '../helm/map.js';

/**
 * Extensions linted: those the engine reads by default. `.policy` and `.tf` documents are
 * accepted by the server (editors send them) and linted as soon as the engine reads them.
 */
const LINTED = new Set<string>(DEFAULT_EXTENSIONS);
const BY_LANGUAGE: Readonly<Record<string, string>> = { yaml: '.yaml', json: '.json', jsonc: '.json' };

export interface DocumentInput {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
}

export interface LintContext {
  readonly cache: ConfigCache;
  readonly settings: LspSettings;
  /** Absolute paths of the workspace folders. */
  readonly roots: readonly string[];
  /** Root for documents that are not files (untitled) when there is no workspace folder. */
  readonly cwd: string;
  /** YYYY-MM-DD, for `okelint.io/ignore-until`. */
  readonly today: string;
  readonly docsBaseUrl: string;
}

export type DocumentOutcome =
  | { readonly kind: 'linted'; readonly diagnostics: Diagnostic[] }
  | { readonly kind: 'config-invalid'; readonly problem: ConfigProblem }
  | { readonly kind: 'skipped'; readonly reason: 'config-file' | 'unsupported' | 'ignored' };

/** The file path behind a `file:` URI, else undefined. */
export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The workspace folder holding `fsPath` (the deepest one), else its directory. */
export function rootFor(fsPath: string | undefined, roots: readonly string[], cwd: string): string {
  if (fsPath === undefined) return roots[0] ?? cwd;
  let best: string | undefined;
  for (const r of roots) {
    if (relativeInside(r, fsPath) !== undefined && (best === undefined || r.length > best.length)) best = r;
  }
  return best ?? dirname(fsPath);
}

/** Lints one document under its configuration. Throws only on an engine bug. */
export async function lintDocument(doc: DocumentInput, ctx: LintContext): Promise<DocumentOutcome> {
  const fsPath = fsPathOf(doc.uri);
  if (fsPath !== undefined && isConfigName(fsPath)) return { kind: 'skipped', reason: 'config-file' };
  const ext = (fsPath !== undefined ? extname(fsPath).toLowerCase() : '') || BY_LANGUAGE[doc.languageId] || '';
  if (!LINTED.has(ext)) return { kind: 'skipped', reason: 'unsupported' };
  const root = rootFor(fsPath, ctx.roots, ctx.cwd);
  const resolved = await ctx.cache.forDocument(fsPath, root, ctx.settings);
  if (resolved.kind === 'invalid') return { kind: 'config-invalid', problem: resolved.problem };
  const { config } = resolved;
  if (fsPath !== undefined && (await ctx.cache.isIgnored(fsPath, root, config))) return { kind: 'skipped', reason: 'ignored' };
  const display = fsPath === undefined ? basename(doc.uri) : (relativeInside(root, fsPath) ?? fsPath.split(sep).join('/'));
  const result = lintText({ path: display, uri: display, text: doc.text }, config, ctx.today);
  let mapper: HelmMapper | undefined;
  if (result.findings.some((f) => f.helmTemplate !== undefined && !f.suppression)) {
    const charts = findChartRoots(root, config.chartRoot);
    if (charts.length) mapper = new HelmMapper({ roots: charts, explicit: config.chartRoot !== undefined, cwd: root, repoRoot: root });
  }
  const diagnostics = toDiagnostics(result.findings, {
    docsBaseUrl: ctx.docsBaseUrl,
    uriOf: (file) => (file === display ? doc.uri : pathToFileURL(resolve(root, file)).href),
    ...(mapper && { mapToTemplate: (f) => mapper.map(f) }),
  });
  return { kind: 'linted', diagnostics };
}
