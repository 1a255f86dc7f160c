/**
 * Field names in the three forms. The API spells `isPublicIpEnabled`, the CLI
 * `is-public-ip-enabled`, Terraform `is_public_ip_enabled`: all three have the same canonical
 * key (lower case, separators dropped), which is how fields are matched. Rules name fields in
 * camelCase paths (`endpointConfig.isPublicIpEnabled`); messages spell them as the file does.
 */
import type { OkeFormat } from './model.js';

/** `isPublicIpEnabled`, `is-public-ip-enabled`, `is_public_ip_enabled` → `ispublicipenabled`. */
export function canonicalKey(name: string): string {
  return name.replace(/[-_]/g, '').toLowerCase();
}

/** The words of a camelCase name: `bootVolumeSizeInGBs` → boot, volume, size, in, gbs. */
function words(camel: string): string[] {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(' ');
}

/** One camelCase name as `format` spells it. */
export function spellName(camel: string, format: OkeFormat): string {
  if (format === 'api') return camel;
  return words(camel).join(format === 'cli' ? '-' : '_');
}

/** A camelCase path (`endpointConfig.isPublicIpEnabled`) as `format` spells it. */
export function spellPath(path: string, format: OkeFormat): string {
  return path.split('.').map((p) => spellName(p, format)).join('.');
}
