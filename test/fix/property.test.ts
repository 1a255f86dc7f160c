/**
 * Property: on random pod specs (block and flow style, comments, CRLF, 2- or 4-space indents,
 * values set, unset, null or wrong at pod and container level), fixing never makes a file
 * unparsable, never leaves more findings of a fixed rule than before minus those it fixed,
 * keeps every comment, and a second fix changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { FIXABLE_RULES, fixText } from '../../src/fix/index.js';
import { findingsOf } from './helpers.js';

/** A small YAML tree to print: maps and lists, each block or flow, scalars as written. */
type Node = { readonly map: readonly (readonly [string, Node])[]; readonly flow: boolean }
  | { readonly seq: readonly Node[]; readonly flow: boolean }
  | { readonly scalar: string };

const scalar = (s: string): Node => ({ scalar: s });

function flowText(n: Node): string {
  if ('scalar' in n) return n.scalar;
  if ('seq' in n) return `[${n.seq.map(flowText).join(', ')}]`;
  return `{${n.map.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
}

/** Block lines for a map's entries at `indent`; `comment` decides which lines get a trailing comment. */
function mapLines(n: Extract<Node, { map: unknown }>, indent: number, step: number, comment: () => boolean): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const [key, value] of n.map) {
    const tail = comment() ? ' # note' : '';
    if ('scalar' in value || value.flow) out.push(`${pad}${key}: ${flowText(value)}${tail}`);
    else if ('map' in value) {
      out.push(`${pad}${key}:${tail}`);
      out.push(...(value.map.length === 0 ? [] : mapLines(value, indent + step, step, comment)));
    } else {
      out.push(`${pad}${key}:${tail}`);
      for (const item of value.seq) {
        if ('map' in item && !item.flow) {
          const [first, ...rest] = mapLines(item, indent + step + 2, step, comment);
          out.push(`${pad}${' '.repeat(step)}- ${(first ?? '').trimStart()}`, ...rest);
        } else out.push(`${pad}${' '.repeat(step)}- ${flowText(item)}`);
      }
    }
  }
  return out;
}

const bool = fc.constantFrom('true', 'false', 'null', '"yes"');
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });
const entries = (pairs: readonly (readonly [string, Node | undefined])[]): (readonly [string, Node])[] =>
  pairs.filter((p): p is readonly [string, Node] => p[1] !== undefined);

const seccomp = fc.record({
  type: maybe(fc.constantFrom('RuntimeDefault', 'Unconfined', "'Unconfined'", 'Localhost')),
  file: fc.boolean(), flow: fc.boolean(),
}).map(({ type, file, flow }): Node => ({
  map: entries([['type', type === undefined ? undefined : scalar(type)], ['localhostProfile', file ? scalar('p.json') : undefined]]), flow,
}));

const capabilities = fc.record({
  drop: maybe(fc.record({ items: fc.subarray(['NET_RAW', 'ALL', 'SYS_ADMIN']), flow: fc.boolean() })),
  add: maybe(fc.constantFrom('NET_BIND_SERVICE', 'SYS_ADMIN')),
  flow: fc.boolean(),
}).map(({ drop, add, flow }): Node => ({
  map: entries([
    ['add', add === undefined ? undefined : { seq: [scalar(add)], flow: true }],
    ['drop', drop === undefined ? undefined : { seq: drop.items.map(scalar), flow: drop.flow || drop.items.length === 0 }],
  ]),
  flow,
}));

const containerSc = fc.record({
  privileged: maybe(bool), allowPrivilegeEscalation: maybe(bool), readOnlyRootFilesystem: maybe(bool),
  runAsNonRoot: maybe(bool), capabilities: maybe(capabilities), seccompProfile: maybe(seccomp), flow: fc.boolean(),
}).map(({ flow, ...f }): Node => ({
  map: entries([
    ['privileged', f.privileged && scalar(f.privileged)], ['allowPrivilegeEscalation', f.allowPrivilegeEscalation && scalar(f.allowPrivilegeEscalation)],
    ['readOnlyRootFilesystem', f.readOnlyRootFilesystem && scalar(f.readOnlyRootFilesystem)], ['runAsNonRoot', f.runAsNonRoot && scalar(f.runAsNonRoot)],
    ['capabilities', f.capabilities], ['seccompProfile', f.seccompProfile],
  ]),
  flow,
}));

const container = (name: string): fc.Arbitrary<Node> => fc.record({
  sc: maybe(fc.oneof(containerSc, fc.constant(scalar('null')))), flow: fc.boolean(),
}).map(({ sc, flow }) => ({ map: entries([['name', scalar(name)], ['image', scalar('"nginx:1.27"')], ['securityContext', sc]]), flow }));

const podSpec = fc.record({
  automount: maybe(bool),
  sc: maybe(fc.record({ runAsNonRoot: maybe(bool), seccompProfile: maybe(seccomp), flow: fc.boolean() })
    .map(({ runAsNonRoot, seccompProfile, flow }): Node => ({
      map: entries([['runAsUser', scalar('1000')], ['runAsNonRoot', runAsNonRoot && scalar(runAsNonRoot)], ['seccompProfile', seccompProfile]]), flow,
    }))),
  containers: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }).map((n) => [...new Set(n)]).chain((names) => fc.tuple(...names.map(container))),
}).map(({ automount, sc, containers }): Node => ({
  map: entries([
    ['automountServiceAccountToken', automount && scalar(automount)], ['securityContext', sc],
    ['containers', { seq: containers, flow: false }],
  ]),
  flow: false,
}));

const manifest = fc.record({
  kind: fc.constantFrom('Pod', 'Deployment'), spec: podSpec, step: fc.constantFrom(2, 4),
  crlf: fc.boolean(), comments: fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }),
}).map(({ kind, spec, step, crlf, comments }) => {
  let i = 0;
  const comment = (): boolean => comments[i++ % comments.length] ?? false;
  const root: Node = kind === 'Pod'
    ? { map: [['apiVersion', scalar('v1')], ['kind', scalar('Pod')], ['metadata', { map: [['name', scalar('p')]], flow: false }], ['spec', spec]], flow: false }
    : { map: [['apiVersion', scalar('apps/v1')], ['kind', scalar('Deployment')], ['metadata', { map: [['name', scalar('d')]], flow: false }],
      ['spec', { map: [['template', { map: [['spec', spec]], flow: false }]], flow: false }]], flow: false };
  const text = ['# generated', ...mapLines(root as Extract<Node, { map: unknown }>, 0, step, comment)].join('\n') + '\n';
  return crlf ? text.replace(/\n/g, '\r\n') : text;
});

const commentsOf = (text: string): string[] => text.split(/\r?\n/).map((l) => /#.*$/.exec(l)?.[0] ?? '').filter((c) => c !== '');
const countBy = (ids: readonly string[]): Map<string, number> => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());

describe('autofix on random pod specs', () => {
  it('never breaks parsing, never adds findings of the fixed rules, keeps comments, and is idempotent', () => {
    fc.assert(fc.property(manifest, (text) => {
      expect(parseAllDocuments(text).every((d) => 'errors' in d && d.errors.length === 0)).toBe(true);
      const before = findingsOf(text);
      const targets = before.filter((f) => FIXABLE_RULES.includes(f.ruleId));
      const res = fixText(text, targets);
      const after = findingsOf(res.text);
      expect(after.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
      expect(parseAllDocuments(res.text).every((d) => 'errors' in d && d.errors.length === 0)).toBe(true);
      const was = countBy(targets.map((f) => f.ruleId));
      const fixed = countBy(res.fixed.map((f) => f.ruleId));
      const now = countBy(after.filter((f) => FIXABLE_RULES.includes(f.ruleId)).map((f) => f.ruleId));
      for (const rule of FIXABLE_RULES) {
        expect(now.get(rule) ?? 0, rule).toBeLessThanOrEqual((was.get(rule) ?? 0) - (fixed.get(rule) ?? 0));
      }
      expect(commentsOf(res.text)).toEqual(commentsOf(text));
      if (text.includes('\r\n')) expect(res.text.replace(/\r\n/g, '')).not.toContain('\n');
      const again = fixText(res.text, after.filter((f) => FIXABLE_RULES.includes(f.ruleId)));
      expect(again.text).toBe(res.text);
    }), { numRuns: 300 });
  });
});
