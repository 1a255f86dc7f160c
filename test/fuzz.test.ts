/**
 * Bad input never crashes the engine: random text, mutated manifests and pathological nesting
 * all come back as findings with positions inside the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { lintFile } from '../src/engine/lint-file.js';
import { strictConfig } from './helpers/registry-config.js';

const config = strictConfig();

function check(text: string): void {
  const { findings } = lintFile({ path: 'f.yaml', uri: 'f.yaml', text }, config, '2026-11-23');
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const f of findings) {
    expect(f.start.line).toBeGreaterThanOrEqual(1);
    expect(f.start.line).toBeLessThanOrEqual(lines);
    expect(f.end.line).toBeGreaterThanOrEqual(f.start.line);
    expect(f.start.column).toBeGreaterThanOrEqual(1);
    expect(f.span.end).toBeLessThanOrEqual(text.length);
  }
}

const container = fc.record({
  name: fc.string({ maxLength: 8 }),
  image: fc.oneof(fc.constantFrom('nginx', 'nginx:latest', 'iad.ocir.io/a/b:1@sha256:' + 'a'.repeat(64), 'Bad:Ref', ''), fc.string()),
  securityContext: fc.option(fc.dictionary(fc.constantFrom('privileged', 'runAsNonRoot', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem'), fc.jsonValue()), { nil: undefined }),
  env: fc.option(fc.array(fc.record({ name: fc.constantFrom('DB_PASSWORD', 'TOKEN', 'X'), value: fc.jsonValue() }), { maxLength: 3 }), { nil: undefined }),
  resources: fc.option(fc.jsonValue(), { nil: undefined }),
});

const workload = fc.record({
  apiVersion: fc.constantFrom('v1', 'apps/v1', 'batch/v1'),
  kind: fc.constantFrom('Pod', 'Deployment', 'CronJob', 'List', 'StatefulSet', 'Whatever'),
  metadata: fc.record({ name: fc.string({ maxLength: 10 }), annotations: fc.option(fc.dictionary(fc.constantFrom('okelint.io/ignore', 'okelint.io/ignore-reason', 'okelint.io/ignore-until'), fc.string()), { nil: undefined }) }),
  spec: fc.oneof(
    fc.record({ containers: fc.array(container, { maxLength: 3 }), automountServiceAccountToken: fc.jsonValue() }),
    fc.record({ template: fc.record({ spec: fc.record({ containers: fc.array(container, { maxLength: 3 }) }) }) }),
    fc.record({ jobTemplate: fc.record({ spec: fc.record({ template: fc.record({ spec: fc.record({ initContainers: fc.array(container, { maxLength: 2 }) }) }) }) }) }),
    fc.jsonValue(),
  ),
}, { requiredKeys: [] });

describe('engine robustness (fast-check)', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => check(text)), { numRuns: 400 });
  });

  it('never throws on generated manifests, whole or cut at random points', () => {
    fc.assert(
      fc.property(fc.array(workload, { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), (docs, a, b) => {
        const text = docs.map((d) => stringify(d)).join('---\n');
        check(text);
        const i = a % (text.length + 1);
        const j = b % (text.length + 1);
        check(text.slice(0, Math.min(i, j)) + text.slice(Math.max(i, j)));
        check(text.slice(0, i) + '# okelint-disable-next-line x -- y\n' + text.slice(i));
      }),
      { numRuns: 300 },
    );
  });

  it('bounds pathological nesting with a finding', () => {
    for (const text of ['['.repeat(10_000) + ']'.repeat(10_000), '{a: '.repeat(10_000) + '}'.repeat(10_000), Array.from({ length: 10_000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n')]) {
      const { findings } = lintFile({ path: 'deep.yaml', uri: 'deep.yaml', text }, config, '2026-11-23');
      expect(findings.some((f) => f.ruleId === 'parse-error')).toBe(true);
    }
  });
});
