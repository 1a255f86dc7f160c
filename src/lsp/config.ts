/**
 * Configuration for the language server: the nearest `.okelint.yaml` of each document (as the
 * CLI finds it), the editor's `okelint` settings (`preset`, `kubernetesVersion`, applied like the
 * matching command-line flags), `.okelintignore` plus config `ignore` patterns, and the context files
 * other than the document itself: the Helm charts rendered output maps back to, the other files of
 * a `.tf` document's Terraform module. Everything read from disk is cached until a watched file
 * changes, so a keystroke re-lints from memory; an invalid config becomes a ConfigProblem,
 * never a throw.
 */
import { basename, dirname, sep } from 'node:path';
import { CONFIG_NAMES, ConfigError, findConfig, loadConfigFile } from '../engine/config-file.js';
import { PRESETS, type Preset, type ResolvedConfig } from '../engine/config-types.js';
import type { AnyRule } from '../engine/rule-api.js';
import { resolveConfig } from '../engine/resolve-config.js';
import { IgnoreLoader, isIgnored, scopeFromPatterns } from '../files/ignore-files.js';
import { toDisplayPath } from '../files/paths.js';
import { TerraformModules } from '../engine/terraform-modules.js';
import { isModuleFile } from '../sources/hcl/tf-scope.js';
import type { TerraformModule } from '../sources/terraform-module.js';
import { findChartRoots } from '../helm/chart-roots.js';
import { HelmMapper } from '../helm/map.js';
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

/** File names whose change invalidates the configuration. */
export const WATCHED_NAMES: readonly string[] = [...CONFIG_NAMES, '.okelintignore'];

/**
 * Globs of the context files: the chart files Helm findings are mapped to, and the files of a
 * Terraform module (their change invalidates the context cache).
 */
const CONTEXT_GLOBS: readonly string[] = ['**/Chart.yaml', '**/values.yaml', '**/templates/**', '**/*.tf', '**/*.tfvars', '**/*.tfvars.json'];

/** Globs for the `workspace/didChangeWatchedFiles` registration. */
export const WATCH_GLOBS: readonly string[] = [...WATCHED_NAMES.map((n) => `**/${n}`), ...CONTEXT_GLOBS];

/** Whether a changed file (path or URI) is one the configuration depends on. */
export function isWatchedName(pathOrUri: string): boolean {
  return WATCHED_NAMES.includes(basename(pathOrUri));
}

/** Whether a file path is a context file: of a Helm chart (Chart.yaml, values.yaml, a template) or of a Terraform module. */
export function isContextFile(path: string): boolean {
  const name = basename(path);
  return name === 'Chart.yaml' || name === 'values.yaml' || path.includes(`${sep}templates${sep}`) || isModuleFile(name);
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

/** Per-workspace cache of config file locations, resolved configs, ignore files and Helm charts. */
export class ConfigCache {
  private readonly configs = new Map<string, Promise<DocumentConfig>>();
  private readonly configPaths = new Map<string, string | undefined>();
  private readonly loaders = new Map<string, IgnoreLoader>();
  private readonly mappers = new Map<string, HelmMapper | undefined>();
  private readonly modules = new Map<string, TerraformModules>();

  constructor(private readonly registry: readonly AnyRule[]) {}

  /** Forgets every config, ignore file and context file read so far (a watched file changed). */
  clear(): void {
    this.configs.clear();
    this.configPaths.clear();
    this.loaders.clear();
    this.clearContext();
  }

  /** Forgets the Helm charts and Terraform modules read (a context file changed). */
  clearContext(): void {
    this.mappers.clear();
    this.modules.clear();
  }

  /** The config file that governs `fsPath` (undefined for unsaved documents: `root`'s). */
  configPathFor(fsPath: string | undefined, root: string): string | undefined {
    const dir = fsPath === undefined ? root : dirname(fsPath);
    if (!this.configPaths.has(dir)) this.configPaths.set(dir, findConfig(dir));
    return this.configPaths.get(dir);
  }

  /**
   * The mapper from `helm template` output to the charts under `root` (or the config's
   * `chartRoot`), as the CLI finds them; undefined when there is no chart. Kept, with the
   * templates it has read, until a chart file changes.
   */
  helmMapperFor(root: string, chartRoot: string | undefined): HelmMapper | undefined {
    const key = `${root}\u0000${chartRoot ?? ''}`;
    if (!this.mappers.has(key)) {
      const charts = findChartRoots(root, chartRoot);
      this.mappers.set(key, charts.length ? new HelmMapper({ roots: charts, explicit: chartRoot !== undefined, cwd: root, repoRoot: root }) : undefined);
    }
    return this.mappers.get(key);
  }

  /**
   * The Terraform module of the `.tf` file at `fsPath` (the other `.tf` and tfvars files of its
   * directory, as the CLI reads them), display paths relative to `root`. Kept until a context
   * file changes; the document's own text always comes from the editor.
   */
  terraformModule(fsPath: string, root: string, maxBytes: number): Promise<TerraformModule> {
    let modules = this.modules.get(root);
    if (!modules) {
      modules = new TerraformModules(root, (abs) => toDisplayPath(root, abs), maxBytes);
      this.modules.set(root, modules);
    }
    return modules.get(dirname(fsPath));
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
