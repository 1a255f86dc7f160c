import { resolveConfig } from '../../src/engine/resolve-config.js';
import type { ResolvedConfig } from '../../src/engine/config-types.js';
import type { ConfigFile } from '../../src/engine/config-file.js';
import { rules as registry } from '../../rules/index.js';

/** The strict preset (every rule) with optional per-rule settings, as a config file would give them. */
export function strictConfig(rules?: ConfigFile['rules']): ResolvedConfig {
  return resolveConfig(registry, { path: '/virtual/.okelint.yaml', preset: 'strict', ...(rules && { rules }) }, {}, '/');
}

export { registry };
