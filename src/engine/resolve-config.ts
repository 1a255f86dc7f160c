/**
 * Combines the registry, a config file and command-line overrides into a ResolvedConfig.
 */
import { dirname, resolve } from 'node:path';
import type { ConfigFile } from './config-file.js';
import { ConfigError } from './config-file.js';
import { DEFAULT_MAX_FILE_BYTES, type EnabledRule, type FailLevel, type Preset, type ResolvedConfig } from './config-types.js';
import type { AnyRule } from './rule-api.js';

import type { LevelSetting } from './types.js';
import { LATEST_PSS_MINOR, parseMinor, type PssMeta } from '../k8s/pss.js';

/** Whether `preset` turns `rule` on. PSS presets enable exactly that level's checks (plus the engine's own rules). */
function presetEnables(preset: Preset, rule: AnyRule): boolean {
  const m = rule.meta;
  switch (preset) {
    case 'strict': return true;
    case 'recommended': return m.recommended;
    case 'pss-baseline': return m.pss?.level === 'baseline' || m.appliesTo.includes('engine');
    case 'pss-restricted': return m.pss !== undefined || m.appliesTo.includes('engine');
  }
}

export interface CliOverrides {
  readonly preset?: Preset;
  readonly rules?: readonly (readonly [string, LevelSetting])[];
  readonly failLevel?: FailLevel;
  readonly maxWarnings?: number;
  /** `--kubernetes-version`: PSS policy version, `1.30` or `v1.30` or `latest`. */
  readonly kubernetesVersion?: string;
}

/** Resolves the rule set. Throws ConfigError for unknown rule ids on the command line. */
export function resolveConfig(
  registry: readonly AnyRule[],
  file: ConfigFile | undefined,
  cli: CliOverrides,
  cwd: string,
): ResolvedConfig {
  const preset: Preset = cli.preset ?? file?.preset ?? 'recommended';
  const knownIds = new Set(registry.map((r) => r.meta.id));
  const levels = new Map<string, LevelSetting>();
  const options = new Map<string, Record<string, unknown>>();
  for (const r of registry) levels.set(r.meta.id, presetEnables(preset, r) ? r.meta.level : 'off');
  for (const [id, setting] of Object.entries(file?.rules ?? {})) {
    if (typeof setting === 'string') levels.set(id, setting);
    else {
      const rule = registry.find((r) => r.meta.id === id);
      levels.set(id, setting.level ?? rule?.meta.level ?? 'off');
      if (setting.options) options.set(id, setting.options);
    }
  }
  for (const [id, level] of cli.rules ?? []) {
    if (!knownIds.has(id)) throw new ConfigError(`--rule: unknown rule "${id}" (okelint rules lists them)`);
    levels.set(id, level);
  }
  const rules: EnabledRule[] = [];
  for (const rule of registry) {
    const level = levels.get(rule.meta.id);
    if (!level || level === 'off') continue;
    const defaults = (rule.meta.defaultOptions ?? {}) as Record<string, unknown>;
    rules.push({ rule, level, options: { ...defaults, ...options.get(rule.meta.id) } });
  }
  const version = cli.kubernetesVersion ?? file?.kubernetesVersion;
  const minor = parseMinor(version);
  if (version !== undefined && minor === undefined) {
    throw new ConfigError(`kubernetes version "${version}" is not of the form 1.30 (or v1.30, latest)`);
  }
  const pssOverrides = new Map<string, PssMeta>();
  for (const { rule } of rules) if (rule.meta.pss?.overrides) pssOverrides.set(rule.meta.pss.overrides, rule.meta.pss);
  return {
    ...(file && { source: file.path }),
    pss: { level: preset === 'pss-baseline' ? 'baseline' : 'restricted', minor: minor ?? LATEST_PSS_MINOR },
    pssOverrides,
    preset,
    rules,
    byId: new Map(rules.map((r) => [r.rule.meta.id, r])),
    knownIds,
    exclude: file?.exclude ?? [],
    ignore: file?.ignore ?? [],
    ignoreBase: file ? dirname(file.path) : cwd,
    failLevel: cli.failLevel ?? file?.failLevel ?? 'error',
    ...((cli.maxWarnings ?? file?.maxWarnings) !== undefined && { maxWarnings: cli.maxWarnings ?? file?.maxWarnings }),
    maxFileSize: file?.maxFileSize ?? DEFAULT_MAX_FILE_BYTES,
    ...(version !== undefined && { kubernetesVersion: version }),
    ...(file?.chartRoot !== undefined && { chartRoot: resolve(dirname(file.path), file.chartRoot) }),
  };
}
