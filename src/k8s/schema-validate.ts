/**
 * Validates workload objects (Pod, Deployment, CronJob…) against the vendored Kubernetes JSON
 * Schemas and maps each ajv error back to the yaml node it is about.
 *
 * schemas/k8s/ holds the schemas (workloads.schema.json) and the same schemas precompiled to ajv
 * standalone code (workloads.validate.cjs), both written by scripts/gen-k8s-schemas.mjs. Nothing
 * is loaded until the first object of a checked kind: then the precompiled validators (no ajv, no
 * compiling); the JSON schema only when an error has to be described (valid keys, type names).
 *
 * The validated data is built from the yaml nodes the way Kubernetes reads YAML (YAML 1.1 via
 * sigs.k8s.io/yaml): aliases are expanded, merge keys (`<<`) merged, plain `yes`/`no`/`on`/`off`
 * are booleans, and a null value means the field is unset. Keys starting with `$` (strategic
 * merge patch directives such as `$patch`) are left out.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { packageRoot } from '../engine/package-root.js';
import { closestName } from './closest-name.js';
import type { K8sResource } from './resource.js';

/** The objects checked, by `apiVersion/kind` (the keys of `x-okelint-kinds` in the schema). */
export const SCHEMA_KINDS: ReadonlySet<string> = new Set([
  'v1/Pod', 'v1/PodTemplate', 'v1/ReplicationController',
  'apps/v1/Deployment', 'apps/v1/StatefulSet', 'apps/v1/DaemonSet', 'apps/v1/ReplicaSet',
  'batch/v1/Job', 'batch/v1/CronJob',
]);

export type SchemaIssue =
  /**
   * `type`: the Kubernetes type holding the key (`Container`), or a path for inline objects;
   * `suggestion`: the closest valid field; else `belongsIn`: where a field of that name does exist
   * (`each container's securityContext` for `privileged` in the pod's securityContext).
   */
  | {
    readonly kind: 'unknownField'; readonly at: Node; readonly field: string; readonly type: string;
    readonly suggestion?: string; readonly belongsIn?: string;
  }
  | { readonly kind: 'wrongType'; readonly at: Node; readonly path: string; readonly expected: string; readonly actual: string }
  | { readonly kind: 'badEnum'; readonly at: Node; readonly path: string; readonly value: string; readonly allowed: string };

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}
type Validator = ((data: unknown) => boolean) & { errors?: readonly AjvError[] | null };
interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly items?: JsonSchema;
  readonly oneOf?: readonly JsonSchema[];
}
interface SchemaDoc {
  readonly definitions: Readonly<Record<string, JsonSchema>>;
  readonly 'x-okelint-kinds': Readonly<Record<string, string>>;
}

const CORE = 'io.k8s.api.core.v1.';
const POD_SPEC: readonly [string, string] = [`${CORE}PodSpec`, 'the pod template (template.spec)'];
/**
 * Fields written one level off, the commonest schema mistakes: holder → [type that has the field,
 * where it belongs]; no type means any field (a LabelSelector's labels).
 */
const MISPLACED: Readonly<Record<string, readonly (readonly [string | undefined, string])[]>> = {
  [`${CORE}PodSecurityContext`]: [[`${CORE}SecurityContext`, "each container's securityContext"]],
  [`${CORE}SecurityContext`]: [[`${CORE}PodSecurityContext`, "the pod's securityContext (spec.securityContext)"]],
  [`${CORE}Container`]: [[`${CORE}SecurityContext`, "the container's securityContext"], [`${CORE}ResourceRequirements`, "the container's resources"]],
  [`${CORE}PodSpec`]: [[`${CORE}Container`, 'each container'], [`${CORE}PodSecurityContext`, "the pod's securityContext"]],
  [`${CORE}PodTemplateSpec`]: [[`${CORE}PodSpec`, "the template's spec"]],
  ['io.k8s.api.apps.v1.DeploymentSpec']: [POD_SPEC],
  ['io.k8s.api.apps.v1.StatefulSetSpec']: [POD_SPEC],
  ['io.k8s.api.apps.v1.DaemonSetSpec']: [POD_SPEC],
  ['io.k8s.api.apps.v1.ReplicaSetSpec']: [POD_SPEC],
  ['io.k8s.api.batch.v1.JobSpec']: [POD_SPEC],
  [`${CORE}ReplicationControllerSpec`]: [POD_SPEC],
  ['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector']: [[undefined, 'matchLabels']],
};

/** Where `field` (or a near spelling of it) belongs, when it is misplaced in `holder`. */
function belongsIn(holder: string | undefined, field: string): string | undefined {
  const { definitions } = schemas();
  for (const [type, where] of MISPLACED[holder ?? ''] ?? []) {
    if (type === undefined) return where;
    const near = closestName(field, Object.keys(definitions[type]?.properties ?? {}));
    if (near !== undefined) return near === field ? where : `${where}, as "${near}"`;
  }
  return undefined;
}

let validators: Readonly<Record<string, Validator | undefined>> | undefined;
let schemaDoc: SchemaDoc | undefined;

function validatorFor(key: string): Validator | undefined {
  validators ??= createRequire(import.meta.url)(join(packageRoot(), 'schemas', 'k8s', 'workloads.validate.cjs')) as Record<string, Validator>;
  return validators[key];
}

function schemas(): SchemaDoc {
  return (schemaDoc ??= JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'k8s', 'workloads.schema.json'), 'utf8')) as SchemaDoc);
}

/** Schema problems of `resource`, in document order; none for kinds that are not checked. */
export function manifestSchemaIssues(resource: K8sResource): SchemaIssue[] {
  const key = `${resource.apiVersion}/${resource.kind}`;
  if (!SCHEMA_KINDS.has(key)) return [];
  const validate = validatorFor(key);
  const data = toData(resource.node, resource.doc, 0);
  if (!validate || validate(data)) return [];
  return describe(validate.errors ?? [], key, data, resource);
}

// ---------------------------------------------------------------------------------------------
// yaml → data, as Kubernetes reads it

const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
const YAML11_TRUE = /^(?:y|Y|yes|Yes|YES|on|On|ON)$/;
/** Deeper than any Kubernetes object; stops self-referencing aliases. */
const MAX_DEPTH = 64;

/** A plain, untagged `yes`/`no`/`on`/`off`: a boolean to Kubernetes, a string to YAML 1.2. */
function isYaml11Bool(node: Scalar): boolean {
  return node.type === 'PLAIN' && !node.tag && typeof node.value === 'string' && YAML11_BOOL.test(node.value);
}

function scalarData(node: Scalar): unknown {
  const v = node.value;
  if (typeof v === 'string') return isYaml11Bool(node) ? YAML11_TRUE.test(v) : v;
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

function resolve(node: unknown, doc: Document): unknown {
  for (let i = 0; isAlias(node) && i < MAX_DEPTH; i++) node = node.resolve(doc);
  return node;
}

function toData(node: unknown, doc: Document, depth: number): unknown {
  node = resolve(node, doc);
  if (depth > MAX_DEPTH) return null;
  if (isScalar(node)) return scalarData(node);
  if (isSeq(node)) return node.items.map((item) => toData(item, doc, depth + 1));
  if (isMap(node)) {
    const out = Object.create(null) as Record<string, unknown>;
    mapData(node, doc, depth, out, new Set());
    return out;
  }
  return null;
}

function keyOf(pair: Pair): string | undefined {
  const k = pair.key;
  if (!isScalar(k)) return undefined;
  return typeof k.value === 'string' ? k.value : String(k.value);
}

/** The maps a `<<` pair merges in (an alias or map, or a list of them), or undefined. */
function mergeSources(pair: Pair, doc: Document): YAMLMap[] | undefined {
  if (!isScalar(pair.key) || pair.key.type !== 'PLAIN' || pair.key.value !== '<<') return undefined;
  const value = resolve(pair.value, doc);
  if (isMap(value)) return [value];
  if (!isSeq(value)) return undefined;
  const maps = value.items.map((i) => resolve(i, doc));
  return maps.every((m) => isMap(m)) ? maps : undefined;
}

/** Own keys first, then merged ones not already set (earlier merge sources win). */
function mapData(map: YAMLMap, doc: Document, depth: number, out: Record<string, unknown>, seen: Set<string>): void {
  const merges: YAMLMap[] = [];
  for (const pair of map.items as Pair[]) {
    const sources = mergeSources(pair, doc);
    if (sources) {
      merges.push(...sources);
      continue;
    }
    const key = keyOf(pair);
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    if (key.startsWith('$')) continue;
    const value = toData(pair.value, doc, depth + 1);
    if (value !== null) out[key] = value;
  }
  for (const m of merges) mapData(m, doc, depth + 1, out, seen);
}

/** The pair for `key` in `map` (own keys before merged ones), as `mapData` chose it. */
function pairOf(map: YAMLMap, key: string, doc: Document, depth = 0): Pair | undefined {
  const merges: YAMLMap[] = [];
  for (const pair of map.items as Pair[]) {
    const sources = mergeSources(pair, doc);
    if (sources) merges.push(...sources);
    else if (keyOf(pair) === key) return pair;
  }
  if (depth > MAX_DEPTH) return undefined;
  for (const m of merges) {
    const found = pairOf(m, key, doc, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The node at `segments` below `root` (aliases resolved), or undefined. */
function nodeAt(root: Node, segments: readonly string[], doc: Document): Node | undefined {
  let cur: unknown = root;
  for (const seg of segments) {
    cur = resolve(cur, doc);
    if (isMap(cur)) cur = pairOf(cur, seg, doc)?.value ?? undefined;
    else if (isSeq(cur)) cur = cur.items[Number(seg)];
    else return undefined;
  }
  cur = resolve(cur, doc);
  return isMap(cur) || isSeq(cur) || isScalar(cur) ? cur : undefined;
}

// ---------------------------------------------------------------------------------------------
// ajv errors → issues

function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function dataAt(data: unknown, segments: readonly string[]): unknown {
  let cur = data;
  for (const seg of segments) cur = Array.isArray(cur) ? cur[Number(seg)] : (cur as Record<string, unknown> | undefined)?.[seg];
  return cur;
}

/** `spec.containers[0].securityContext`, with `["a.b/c"]` for keys that are not identifiers. */
function pathText(data: unknown, segments: readonly string[]): string {
  let out = '';
  let cur = data;
  for (const seg of segments) {
    if (Array.isArray(cur)) out += `[${seg}]`;
    else out += /^[A-Za-z_$][\w$]*$/.test(seg) ? (out ? '.' : '') + seg : `[${JSON.stringify(seg)}]`;
    cur = Array.isArray(cur) ? cur[Number(seg)] : (cur as Record<string, unknown> | undefined)?.[seg];
  }
  return out;
}

/** The schema at `segments` below the kind's definition, and its definition name if it has one. */
function schemaAt(key: string, segments: readonly string[]): { schema?: JsonSchema; name?: string } {
  const { definitions, 'x-okelint-kinds': kinds } = schemas();
  let name = kinds[key];
  let schema = name === undefined ? undefined : definitions[name];
  const deref = (): void => {
    for (let i = 0; schema?.$ref && i < 8; i++) {
      name = schema.$ref.replace('#/definitions/', '');
      schema = definitions[name];
    }
  };
  for (const seg of segments) {
    deref();
    name = undefined;
    if (schema?.type === 'array') schema = schema.items;
    else if (schema?.properties?.[seg]) schema = schema.properties[seg];
    else schema = typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  }
  deref();
  return { ...(schema && { schema }), ...(name !== undefined && { name }) };
}

/** `a string ("true")`, `a number (1.5)`, `a list`…: the value is shown unless a string is expected. */
function describeValue(value: unknown, node: Node | undefined, expected: string): string {
  const yaml11 = isScalar(node) && isYaml11Bool(node);
  const shown = expected !== 'a string';
  if (yaml11) return `the YAML 1.1 boolean ${String(node.value)}, as Kubernetes reads it`;
  if (typeof value === 'string') return shown ? `a string (${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)})` : 'a string';
  if (typeof value === 'number') return shown ? `a number (${value})` : 'a number';
  if (typeof value === 'boolean') return shown ? `a boolean (${value})` : 'a boolean';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return 'a map';
}

const ARTICLE: Readonly<Record<string, string>> = {
  string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean', array: 'a list', object: 'a map',
};
const typeText = (t: unknown): string => ARTICLE[String(t)] ?? String(t);

function describe(errors: readonly AjvError[], key: string, data: unknown, resource: K8sResource): SchemaIssue[] {
  const doc = resource.doc;
  // A oneOf error stands for its alternatives' type errors; a type error makes an enum one moot.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const typePaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  const push = (issue: SchemaIssue): void => {
    const id = `${issue.kind}:${issue.at.range?.[0] ?? -1}:${issue.at.range?.[1] ?? -1}`;
    if (seen.has(id)) return; // one anchored node reached through several aliases
    seen.add(id);
    out.push(issue);
  };
  for (const e of errors) {
    const segments = segmentsOf(e.instancePath);
    if (e.keyword === 'additionalProperties') {
      const field = String(e.params.additionalProperty);
      const holder = nodeAt(resource.node, segments, doc);
      const pair = isMap(holder) ? pairOf(holder, field, doc) : undefined;
      if (!pair || !isScalar(pair.key)) continue;
      const { schema, name } = schemaAt(key, segments);
      const suggestion = closestName(field, Object.keys(schema?.properties ?? {}));
      const where = suggestion === undefined ? belongsIn(name, field) : undefined;
      const type = name?.slice(name.lastIndexOf('.') + 1) ?? `the object at ${pathText(data, segments)}`;
      push({
        kind: 'unknownField', at: pair.key, field, type,
        ...(suggestion !== undefined && { suggestion }), ...(where !== undefined && { belongsIn: where }),
      });
      continue;
    }
    const at = nodeAt(resource.node, segments, doc);
    if (!at) continue;
    const path = pathText(data, segments);
    const value = dataAt(data, segments);
    if (e.keyword === 'type' && !oneOfPaths.has(e.instancePath)) {
      const expected = typeText(e.params.type);
      push({ kind: 'wrongType', at, path, expected, actual: describeValue(value, at, expected) });
    } else if (e.keyword === 'oneOf') {
      const alternatives = schemaAt(key, segments).schema?.oneOf ?? [];
      const expected = alternatives.map((s) => typeText(s.type)).join(' or ') || 'another type';
      push({ kind: 'wrongType', at, path, expected, actual: describeValue(value, at, expected) });
    } else if (e.keyword === 'enum' && !typePaths.has(e.instancePath)) {
      const allowed = (e.params.allowedValues as readonly unknown[] | undefined ?? []).filter((v) => v !== '').map(String).join(', ');
      push({ kind: 'badEnum', at, path, value: String(value), allowed });
    }
  }
  return out.sort((a, b) => (a.at.range?.[0] ?? 0) - (b.at.range?.[0] ?? 0));
}
