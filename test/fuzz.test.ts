/**
 * Bad input never crashes the engine: random text, mutated manifests and pathological nesting
 * all come back as findings with positions inside the file. Nesting: generated chains of every
 * style, for every reader, must stop exactly at the first collection beyond the limit, and the
 * guarded parse must equal the plain one below it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments, stringify, type Document, type YAMLError } from 'yaml';
import { lintFile } from '../src/engine/lint-file.js';
import { indexTemplate } from '../src/helm/template-index.js';
import { readOkeJson } from '../src/oke/json.js';
import { parseHcl } from '../src/sources/hcl/parser.js';
import { readTfvarsJson } from '../src/sources/hcl/tfvars-json.js';
import { readPolicyJson } from '../src/sources/iam-policy.js';
import { parseK8sFile, type ParseProblem } from '../src/sources/k8s-yaml.js';
import { parseYamlStream } from '../src/sources/nesting.js';
import {
  blockMapping, blockSequence, compactMappings, flowSequence, hclChain, jsonObject, LIMIT, yamlChain, type HclStyle, type YamlStyle,
} from './helpers/deep.js';
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

});

const STYLES: YamlStyle[] = ['flowSeq', 'flowMap', 'jsonMap', 'blockMap', 'blockSeq', 'blockSeqAtKey'];
/** Chains around the limit: mostly just above or below it, some far beyond. */
const depth = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: LIMIT - 3, max: LIMIT + 3 }), fc.integer({ min: LIMIT + 4, max: 1500 }));
const yamlStyles = depth.chain((n) => fc.array(fc.constantFrom(...STYLES), { minLength: n, maxLength: n }));
const jsonStyles = depth.chain((n) => fc.array(fc.constantFrom<YamlStyle>('flowSeq', 'jsonMap'), { minLength: n, maxLength: n }));
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: a:1\n';

/** The NESTING problems a reader gave, as offsets; `[]` expected at or under the limit. */
const nesting = (problems: readonly ParseProblem[]): number[] => problems.filter((p) => p.code === 'NESTING').map((p) => p.span.start);
/** Where the chain's level LIMIT + 1 − `outer` starts (the reader's own levels come first), or nothing. */
const beyond = (starts: readonly number[], offset: number, outer = 0): number[] => {
  const at = starts[LIMIT - outer];
  return at === undefined ? [] : [offset + at];
};

describe('nesting limit (fast-check): every reader stops at the first collection beyond 256 levels', () => {
  it('YAML: any mix of flow and block styles, between good documents that are still read', () => {
    fc.assert(fc.property(yamlStyles, (styles) => {
      const chain = yamlChain(styles);
      const head = `${POD}---\n`;
      const parsed = parseK8sFile('f.yaml', `${head}${chain.text}\n---\n${POD}`);
      expect(nesting(parsed.problems)).toEqual(beyond(chain.starts, head.length));
      if (styles.length <= LIMIT) expect(parsed.problems).toEqual([]);
      expect(parsed.resources.map((r) => r.kind)).toEqual(['Pod', 'Pod']);
    }), { numRuns: 150 });
  });

  it('JSON: the Kubernetes, OKE, IAM and tfvars readers', () => {
    fc.assert(fc.property(jsonStyles, (styles) => {
      const chain = yamlChain(styles);
      const k8s = parseK8sFile('f.json', chain.text);
      expect(nesting(k8s.problems)).toEqual(beyond(chain.starts, 0));

      const okeHead = '{"name": "c", "vcnId": "v", "kubernetesVersion": "1", "options": ';
      const oke = readOkeJson('c.json', `${okeHead}${chain.text}}`);
      expect(nesting(oke.problems)).toEqual(beyond(chain.starts, okeHead.length, 1));
      expect(oke.resources).toHaveLength(styles.length < LIMIT ? 1 : 0);

      const iamHead = '{"data": {"name": "p", "statements": ["Allow group A to read all-resources in tenancy"], "freeform-tags": ';
      const iam = readPolicyJson('p.json', `${iamHead}${chain.text}}}`);
      expect(nesting(iam.problems)).toEqual(beyond(chain.starts, iamHead.length, 2));
      expect(iam.policies).toHaveLength(styles.length < LIMIT - 1 ? 1 : 0);

      const tfvars = readTfvarsJson('terraform.tfvars.json', `{"x": ${chain.text}}`);
      expect(tfvars === undefined).toBe(styles.length >= LIMIT);
    }), { numRuns: 150 });
  });

  it('HCL: tuples, objects, parentheses and calls; the next attribute is still parsed', () => {
    const styles = depth.chain((n) => fc.array(fc.constantFrom<HclStyle>('tuple', 'object', 'paren', 'call'), { minLength: n, maxLength: n }));
    fc.assert(fc.property(styles, (s) => {
      const chain = hclChain(s);
      const { body, errors } = parseHcl(`a = ${chain.text}\nb = 2\n`);
      expect(errors.map((e) => e.span.start)).toEqual(chain.beyond === undefined ? [] : ['a = '.length + chain.beyond]);
      expect(body.items.map((i) => i.kind === 'attribute' && i.name)).toEqual(s.length >= LIMIT ? ['b'] : ['a', 'b']);
    }), { numRuns: 150 });
  });

  it('HCL: unary operators, templates and blocks never overflow, and the next item is parsed', () => {
    const deep = fc.tuple(fc.constantFrom('!', '-', '"${', 'b {\n'), fc.integer({ min: 100, max: 3000 }));
    fc.assert(fc.property(deep, ([open, n]) => {
      const close = open === '"${' ? '}"' : open === 'b {\n' ? '}\n' : '';
      const inner = open === 'b {\n' ? 'x = 1\n' : '1';
      const text = `${open === 'b {\n' ? '' : 'a = '}${open.repeat(n)}${inner}${close.repeat(n)}\nlast = 2\n`;
      const { body, errors } = parseHcl(text);
      expect(errors.length).toBeLessThanOrEqual(1);
      expect(body.items.map((i) => i.kind === 'attribute' ? i.name : i.type).at(-1)).toBe('last');
    }), { numRuns: 60 });
  });

  it('the guarded parse is the plain parse at or under the limit (documents, errors, ranges, lines)', () => {
    const atoms = ['-', '- ', '? ', ': ', ' ', '\n', '[', ']', '{', '}', ', ', 'a', 'b: ', '"x"', "'y'", '# c', '&a ', '*a', '!t ', '|', '>', '\t', '---\n', '...\n', '"a\nb"', '\r\n'];
    const summary = (docs: ArrayLike<Document.Parsed> & { errors?: readonly YAMLError[] }, lines: LineCounter): string => JSON.stringify({
      docs: Array.from(docs).map((d) => ({ js: d.toJS({ maxAliasCount: 20, mapAsMap: true }) as unknown, range: d.range, errors: d.errors.map((e) => [e.code, e.pos]) })),
      stream: (docs.errors ?? []).map((e) => [e.code, e.pos]),
      lines: lines.lineStarts,
    }, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
    fc.assert(fc.property(fc.array(fc.constantFrom(...atoms), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const a = new LineCounter();
      const b = new LineCounter();
      let plain: string;
      try {
        plain = summary(parseAllDocuments(text, { lineCounter: a, prettyErrors: false }), a);
      } catch {
        return; // an alias the plain toJS cannot resolve: nothing to compare
      }
      const guarded = parseYamlStream(text, { lineCounter: b });
      expect(guarded.problems).toEqual([]);
      expect(summary(guarded.docs, b)).toBe(plain);
    }), { numRuns: 500 });
  });

  it('the Helm template index keeps no key deeper than the limit', () => {
    const blockStyles = fc.integer({ min: 200, max: 3000 }).chain((n) => fc.array(fc.constantFrom<YamlStyle>('blockMap', 'blockSeq', 'blockSeqAtKey'), { minLength: n, maxLength: n }));
    fc.assert(fc.property(blockStyles, (styles) => {
      const { keys } = indexTemplate(yamlChain(styles).text);
      expect(Math.max(...keys.map((k) => k.segs.length))).toBe(Math.min(styles.length, LIMIT));
    }), { numRuns: 40 });
  });

  it('the deep inputs of the CLI tests, three times in one process, each with one finding', () => {
    for (const d of [flowSequence(10_000), blockMapping(1000), blockSequence(10_000), compactMappings(10_000), jsonObject(10_000, 'ns', 'Namespace')]) {
      for (let i = 0; i < 3; i++) {
        const { findings } = lintFile({ path: d.name, uri: d.name, text: d.text }, config, '2026-11-23');
        expect(findings.filter((f) => f.ruleId === 'parse-error').map((f) => `${f.start.line}:${f.start.column}`)).toEqual([`${d.line}:${d.column}`]);
      }
    }
  });
});
