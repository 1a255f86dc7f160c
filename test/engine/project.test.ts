/**
 * Project rules: facts collected per object in several files, analyzed once at the end, reported
 * at anchors resolved while each file was parsed, and suppressed by that file's comments.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineProjectRule, type Anchor } from '../../src/rule-api.js';
import { lint } from '../../src/engine/run.js';
import type { AnyRule } from '../../src/engine/rule-api.js';
import { registry } from '../helpers/registry-config.js';

const duplicateNames = defineProjectRule<undefined, { name: string; at: Anchor }>({
  meta: {
    id: 'duplicate-config-map', layer: 'workload', level: 'warning', securitySeverity: 1, description: 'd', remediation: 'r.',
    tags: [], appliesTo: ['k8s'], recommended: true, messages: { dup: 'ConfigMap "{{name}}" is defined {{count}} times.' },
  },
  *collect(ctx) {
    if (ctx.resource.kind === 'ConfigMap' && ctx.resource.name) yield { name: ctx.resource.name, at: ctx.anchor(ctx.resource.kindNode) };
  },
  *analyze(facts) {
    const byName = new Map<string, Anchor[]>();
    for (const f of facts) byName.set(f.name, [...(byName.get(f.name) ?? []), f.at]);
    for (const [name, anchors] of byName) {
      if (anchors.length > 1) for (const at of anchors) yield { messageId: 'dup', data: { name, count: anchors.length }, at };
    }
  },
});

describe('project rules', () => {
  it('analyze facts from several files and report at their anchors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okelint-project-'));
    writeFileSync(join(dir, 'a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: shared }\n');
    writeFileSync(join(dir, 'b.yaml'), '# padding\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: shared }\n---\napiVersion: v1\n# okelint-disable-next-line duplicate-config-map -- generated twice on purpose\nkind: ConfigMap\nmetadata: { name: shared }\n');
    const rules = [duplicateNames as unknown as AnyRule, ...registry.filter((r) => r.meta.appliesTo.includes('engine'))];
    const out = await lint({ inputs: ['.'], cwd: dir, registry: rules, overrides: {}, today: '2026-11-23' });
    const mine = out.findings.filter((f) => f.ruleId === 'duplicate-config-map');
    expect(mine.map((f) => [f.file, f.start.line, f.start.column, f.message, f.suppression?.kind ?? null])).toEqual([
      ['a.yaml', 2, 7, 'ConfigMap "shared" is defined 3 times.', null],
      ['b.yaml', 3, 7, 'ConfigMap "shared" is defined 3 times.', null],
      ['b.yaml', 8, 7, 'ConfigMap "shared" is defined 3 times.', 'comment'],
    ]);
    expect(new Set(mine.map((f) => f.fingerprint)).size).toBe(3);
  });
});
