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
import type { LintFileInput } from '../engine/lint-file.js';
import { lintText } from '../engine/lint-text.js';
import type { Finding } from '../engine/types.js';
import { DEFAULT_EXTENSIONS } from '../engine/run.js';
import { relativeInside } from '../files/paths.js';

/**
 * Extensions linted: those the engine reads by default (the CLI's). A `.tf` document is accepted
 * (editors send them) and linted as soon as the engine reads Terraform.
 */
const LINTED = new Set<string>(DEFAULT_EXTENSIONS);
/** The extension an unsaved document is linted as, by language id (those the editor set-ups use). */
const BY_LANGUAGE: Readonly<Record<string, string>> = {
  yaml: '.yaml', json: '.json', jsonc: '.json', 'oci-iam-policy': '.policy', ocipolicy: '.policy', terraform: '.tf',
};

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
  | {
    readonly kind: 'linted';
    readonly diagnostics: Diagnostic[];
    /** The findings behind `diagnostics`, index for index (suppressed ones left out), for the code actions. */
    readonly findings: readonly Finding[];
  }
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
  // An unsaved document is named with the extension of its language, so the engine reads it as such.
  const untitled = basename(doc.uri);
  const display = fsPath === undefined
    ? (extname(untitled).toLowerCase() === ext ? untitled : `${untitled}${ext}`)
    : (relativeInside(root, fsPath) ?? fsPath.split(sep).join('/'));
  // A `.tf` file on disk is evaluated in its module, as the CLI does. lintText hands its input to
  // lintFile as is, so the module goes in a LintFileInput (test/lsp/server.test.ts checks it arrives).
  const module = ext === '.tf' && fsPath !== undefined ? await ctx.cache.terraformModule(fsPath, root, config.maxFileSize) : undefined;
  const input: LintFileInput = { path: display, uri: display, text: doc.text, ...(module && { module }) };
  const result = lintText(input, config, ctx.today);
  const unsuppressed = result.findings.filter((f) => !f.suppression);
  const mapper = unsuppressed.some((f) => f.helmTemplate !== undefined) ? ctx.cache.helmMapperFor(root, config.chartRoot) : undefined;
  // A `# okelint-disable-next-line` comment in the chart's template suppresses as it does in the CLI.
  const shown = mapper ? unsuppressed.filter((f) => f.helmTemplate === undefined || !mapper.map(f).suppression) : unsuppressed;
  const diagnostics = toDiagnostics(shown, {
    file: display,
    docsBaseUrl: ctx.docsBaseUrl,
    uriOf: (file) => (file === display ? doc.uri : pathToFileURL(resolve(root, file)).href),
    ...(mapper && { mapToTemplate: (f) => mapper.map(f) }),
  });
  return { kind: 'linted', diagnostics, findings: shown };
}
