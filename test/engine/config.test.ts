import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, findConfig, loadConfigFile } from '../../src/engine/config-file.js';
import { resolveConfig } from '../../src/engine/resolve-config.js';
import { registry } from '../helpers/registry-config.js';

function configFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'okelint-cfg-'));
  const path = join(dir, '.okelint.yaml');
  writeFileSync(path, text);
  return path;
}

async function errorOf(text: string): Promise<string> {
  const path = configFile(text);
  try {
    await loadConfigFile(path);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message.replace(path, 'CFG');
  }
  throw new Error('expected a config error');
}

describe('config files', () => {
  it('loads a valid config', async () => {
    const cfg = await loadConfigFile(configFile('preset: strict\nrules:\n  privileged-container: warning\n  parse-error: { level: note }\nignore: ["tmp/**"]\n'));
    expect(cfg.preset).toBe('strict');
    const resolved = resolveConfig(registry, cfg, {}, '/');
    expect(resolved.byId.get('privileged-container')?.level).toBe('warning');
    expect(resolved.byId.get('parse-error')?.level).toBe('note');
  });

  it('names the line and the unknown key', async () => {
    expect(await errorOf('preset: strict\nrulez:\n  a: b\n')).toBe('CFG:2:1: unknown key "rulez"');
  });

  it('names an unknown rule id', async () => {
    expect(await errorOf('rules:\n  privileged-container: error\n  privileged-contaner: off\n')).toBe('CFG:3:3: unknown rule "privileged-contaner" in "rules"');
  });

  it('rejects a bad level with the allowed values', async () => {
    expect(await errorOf('failLevel: fatal\n')).toBe('CFG:1:12: "failLevel" must be one of "error", "warning", "note", "none"');
  });

  it('rejects unknown keys in a rule entry', async () => {
    expect(await errorOf('rules:\n  privileged-container: { level: error, opts: {} }\n')).toMatch(/^CFG:2:41: unknown key "opts" in "rules.privileged-container"$/);
  });

  it('reports YAML syntax errors with a position', async () => {
    expect(await errorOf('rules: [unclosed\n')).toMatch(/^CFG:\d+:\d+: /);
  });

  it('requires a reason on exclusions', async () => {
    expect(await errorOf('exclude:\n  - { rule: privileged-container, name: x }\n')).toMatch(/^CFG:2:5: "exclude.0" must have required property 'reason'$/);
  });

  it('is found walking up from the linted path', () => {
    const path = configFile('preset: strict\n');
    const deep = join(path, '..', 'a', 'b');
    mkdirSync(deep, { recursive: true });
    expect(findConfig(deep)).toBe(path);
  });

  it('rejects unknown --rule ids', () => {
    expect(() => resolveConfig(registry, undefined, { rules: [['nope', 'off']] }, '/')).toThrow(/unknown rule "nope"/);
  });
});
