import type { AnyRule } from './rule-api.js';
import type { Level } from './types.js';
import type { PssMeta } from '../k8s/pss.js';

export const PRESETS = ['recommended', 'strict', 'pss-baseline', 'pss-restricted'] as const;
export type Preset = (typeof PRESETS)[number];
export type FailLevel = Level | 'none';

export interface EnabledRule {
  readonly rule: AnyRule;
  readonly level: Level;
  readonly options: unknown;
}

/** A per-object exemption from config `exclude`. */
export interface Exclusion {
  readonly rule: string;
  readonly namespace?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly reason: string;
}

/** The effective configuration for a set of files. */
export interface ResolvedConfig {
  /** The config file it came from, if any. */
  readonly source?: string;
  readonly preset: Preset;
  /** Enabled rules in registry order (engine rules included). */
  readonly rules: readonly EnabledRule[];
  readonly byId: ReadonlyMap<string, EnabledRule>;
  /** Every rule id the registry knows, enabled or not (for suppression checks). */
  readonly knownIds: ReadonlySet<string>;
  readonly exclude: readonly Exclusion[];
  readonly ignore: readonly string[];
  /** Directory the `ignore` patterns are relative to. */
  readonly ignoreBase: string;
  readonly failLevel: FailLevel;
  readonly maxWarnings?: number;
  readonly maxFileSize: number;
  readonly kubernetesVersion?: string;
  /** Chart directory for mapping helm template output back to templates (relative paths: to the config file). */
  readonly chartRoot?: string;
  /** Default Pod Security Standards level and version (namespace labels may override per object). */
  readonly pss: { readonly level: 'baseline' | 'restricted'; readonly minor: number };
  /** Baseline PSS rule id → the enabled restricted check that overrides it. */
  readonly pssOverrides: ReadonlyMap<string, PssMeta>;
}

/** Files larger than this are skipped with a warning unless `maxFileSize` says otherwise. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
