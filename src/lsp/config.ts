/**
 * Configuration for the language server: the nearest `.okelint.yaml` of each document (as the
 * CLI finds it), the editor's `okelint` settings (`preset`, `kubernetesVersion`, applied like the
 * matching command-line flags), and `.okelintignore` plus config `ignore` patterns. Results are
 * cached until a watched file changes; an invalid config becomes a ConfigProblem, never a throw.
 */
import { basename, dirname } from 'node:path';
import { CONFIG_NAMES, ConfigError, findConfig, loadConfigFile } from '../engine/config-file.js';
import { PRESETS, type Preset, type ResolvedConfig } from '../engine/config-types.js';
import type { AnyRule } from '../engine/rule-api.js';
import { resolveConfig } from '../engine/resolve-config.js';
import { IgnoreLoader, isIgnored, scopeFromPatterns } from '../files/ignore-files.js';
import { parseMinor } from '../k8s/pss.js';

/** The `okelint` section of the editor's settings (`workspace/configuration`). */
export interface LspSettings {
  readonly preset?: Preset;
  readonly kubernetesVersion?: string;
}

/** An invalid config file, located for a diagnostic (0-based line and character). */
export interface ConfigProblem {
  /** Absolute path of the config file. */
  readonly file: string;
  readonly line: number;
  readonly character: number;
  readonly message: string;
}

/** The configuration a document is linted under, or why it cannot be. */
export type DocumentConfig =
  | { readonly kind: 'ok'; readonly config: ResolvedConfig }
  | { readonly kind: 'invalid'; readonly problem: ConfigProblem };

/** File names whose change invalidates the cache. */
export const WATCHED_NAMES: readonly string[] = [...CONFIG_NAMES, '.okelintignore'];

/** Globs for the `workspace/didChangeWatchedFiles` registration. */
export const WATCH_GLOBS: readonly string[] = WATCHED_NAMES.map((n) => `**/${n}`);

/** Whether a changed file (path or URI) is one the configuration depends on. */
export function isWatchedName(pathOrUri: string): boolean {
  return WATCHED_NAMES.includes(basename(pathOrUri));
}

/** Whether a file (path or URI) is an okelint config file (linted as config, not as a manifest). */
export function isConfigName(pathOrUri: string): boolean {
  return (CONFIG_NAMES as readonly string[]).includes(basename(pathOrUri));
}

/**
 * Validates raw settings. Unknown presets and malformed versions are dropped with a problem
 * message, so a typo in the editor's settings never stops linting.
 */
export function parseSettings(raw: unknown): { readonly settings: LspSettings; readonly problems: readonly string[] } {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null) return { settings: {}, problems };
  const { preset, kubernetesVersion } = raw as { preset?: unknown; kubernetesVersion?: unknown };
  let settings: LspSettings = {};
  if (preset !== undefined && preset !== null && preset !== '') {
    if ((PRESETS as readonly unknown[]).includes(preset)) settings = { ...settings, preset: preset as Preset };
    else problems.push(`okelint.preset "${String(preset)}" is not one of ${PRESETS.join(', ')}; using the config file's preset`);
  }
  if (kubernetesVersion !== undefined && kubernetesVersion !== null && kubernetesVersion !== '') {
    const v = String(kubernetesVersion);
    if (parseMinor(v) !== undefined) settings = { ...settings, kubernetesVersion: v };
    else problems.push(`okelint.kubernetesVersion "${v}" is not of the form 1.30 (or v1.30, latest); using the config file's version`);
  }
  return { settings, problems };
}

/** A ConfigError's `file:line:col: message` as a located problem (line 0 when it names no line). */
export function configProblemOf(err: unknown, file: string): ConfigProblem {
  const text = err instanceof Error ? err.message : String(err);
  const prefix = `${file}:`;
  if (text.startsWith(prefix)) {
    const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(text.slice(prefix.length));
    if (m) return { file, line: Math.max(0, Number(m[1]) - 1), character: Math.max(0, Number(m[2]) - 1), message: m[3] ?? text };
    return { file, line: 0, character: 0, message: text.slice(prefix.length).trim() };
  }
  return { file, line: 0, character: 0, message: text };
}

/** Per-workspace cache of resolved configs and ignore files. */
export class ConfigCache {
  private readonly configs = new Map<string, Promise<DocumentConfig>>();
  private readonly loaders = new Map<string, IgnoreLoader>();

  constructor(private readonly registry: readonly AnyRule[]) {}

  /** Forgets every config and ignore file read so far (a watched file changed). */
  clear(): void {
    this.configs.clear();
    this.loaders.clear();
  }

  /** The config file that governs `fsPath` (undefined for unsaved documents: `root`'s). */
  configPathFor(fsPath: string | undefined, root: string): string | undefined {
    return findConfig(fsPath === undefined ? root : dirname(fsPath));
  }

  /** The configuration for a document at `fsPath` (or an unsaved one in `root`). Never throws. */
  forDocument(fsPath: string | undefined, root: string, settings: LspSettings): Promise<DocumentConfig> {
    const path = this.configPathFor(fsPath, root);
    const key = `${path ?? ''}\u0000${settings.preset ?? ''}\u0000${settings.kubernetesVersion ?? ''}\u0000${path ? '' : root}`;
    let found = this.configs.get(key);
    if (!found) {
      found = this.load(path, root, settings);
      this.configs.set(key, found);
    }
    return found;
  }

  /** Whether `.okelintignore` files (up to the repository or workspace root) or config `ignore` exclude `fsPath`. */
  async isIgnored(fsPath: string, root: string, config: ResolvedConfig): Promise<boolean> {
    let loader = this.loaders.get(root);
    if (!loader) {
      loader = new IgnoreLoader({ cwd: root, respectGitignore: false });
      this.loaders.set(root, loader);
    }
    const scopes = [...(await loader.chain(dirname(fsPath)))];
    if (config.ignore.length) scopes.push(scopeFromPatterns(config.ignoreBase, config.ignore));
    return isIgnored(scopes, fsPath, false);
  }

  private async load(path: string | undefined, root: string, settings: LspSettings): Promise<DocumentConfig> {
    try {
      const file = path === undefined ? undefined : await loadConfigFile(path);
      const config = resolveConfig(this.registry, file, {
        ...(settings.preset && { preset: settings.preset }),
        ...(settings.kubernetesVersion !== undefined && { kubernetesVersion: settings.kubernetesVersion }),
      }, path === undefined ? root : dirname(path));
      return { kind: 'ok', config };
    } catch (e) {
      if (path !== undefined && e instanceof ConfigError) return { kind: 'invalid', problem: configProblemOf(e, path) };
      // Without a file, only an engine bug can throw here: lint with the defaults rather than not at all.
      if (path === undefined) return { kind: 'ok', config: resolveConfig(this.registry, undefined, {}, root) };
      return { kind: 'invalid', problem: configProblemOf(e, path) };
    }
  }
}
