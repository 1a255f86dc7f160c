#!/usr/bin/env node
// @ts-check
/**
 * Derives the Kubernetes JSON Schemas that the `manifest-schema` rule validates against, from the
 * npm package `kubernetes-models` (a devDependency, pinned exactly), and writes:
 *   schemas/k8s/workloads.schema.json   one draft-07 document whose `definitions` are keyed by the
 *                                       Kubernetes OpenAPI names (`io.k8s.api.core.v1.PodSpec`)
 *                                       and shared through `$ref`; `x-okelint-kinds` maps
 *                                       `apiVersion/kind` to the definition of each checked object;
 *   schemas/k8s/workloads.validate.cjs  the same schemas precompiled with ajv's standalone code
 *                                       (one validator per `apiVersion/kind`, allErrors), so a
 *                                       run neither loads ajv nor compiles (~150 ms) at lint time.
 *
 * Where the facts come from, all offline and all inside the installed package:
 *   - the type declarations (`*.d.ts`, read with the TypeScript parser, never imported): the
 *     fields of each type, the type of each field, references between types, optional versus
 *     required, and enums (string-literal unions);
 *   - the package's own compiled validators (`_schemas/<Name>.js`, imported): whether a `number`
 *     field is an integer, found by validating `0.5` at that field.
 *
 * What the schemas say (and the upstream OpenAPI does not):
 *   - objects are closed (`additionalProperties: false`): Kubernetes types are Go structs, and
 *     the API server drops a field it does not know; types with no declared field (FieldsV1) stay
 *     open;
 *   - IntOrString is `oneOf [integer, string]` and Quantity is `oneOf [number, string]`, both marked
 *     `x-kubernetes-int-or-string` (a Quantity accepts `0.5`, so not only integers);
 *   - an optional enum also accepts "" (Kubernetes treats an empty string as unset and defaults it);
 *   - `status` (whatever its type) is an open object: it is written by the cluster, not the author;
 *   - `apiVersion` and `kind` are plain strings (the caller picks the schema by them);
 *   - no `required`, no `description`, no `format`: the rule reports unknown fields, wrong types and
 *     bad enum values only.
 *
 *   node scripts/gen-k8s-schemas.mjs          write both files
 *   node scripts/gen-k8s-schemas.mjs --check  exit 1 if writing would change either
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = 'kubernetes-models';
const OUT_DIR = join(ROOT, 'schemas', 'k8s');
export const SCHEMA_FILE = 'workloads.schema.json';
export const VALIDATOR_FILE = 'workloads.validate.cjs';
const SCHEMA_ID = 'urn:okelint:schemas:k8s:workloads';

/** The objects the rule validates: apiVersion, kind, OpenAPI definition. Exported for tests. */
export const KINDS = [
  ['v1', 'Pod', 'io.k8s.api.core.v1.Pod'],
  ['v1', 'PodTemplate', 'io.k8s.api.core.v1.PodTemplate'],
  ['v1', 'ReplicationController', 'io.k8s.api.core.v1.ReplicationController'],
  ['apps/v1', 'Deployment', 'io.k8s.api.apps.v1.Deployment'],
  ['apps/v1', 'StatefulSet', 'io.k8s.api.apps.v1.StatefulSet'],
  ['apps/v1', 'DaemonSet', 'io.k8s.api.apps.v1.DaemonSet'],
  ['apps/v1', 'ReplicaSet', 'io.k8s.api.apps.v1.ReplicaSet'],
  ['batch/v1', 'Job', 'io.k8s.api.batch.v1.Job'],
  ['batch/v1', 'CronJob', 'io.k8s.api.batch.v1.CronJob'],
];

/** Aliases to scalar types, by definition name. */
const SCALARS = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { oneOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'number' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string' },
};

/** `io.k8s.api.core.v1.Pod` → `IoK8sApiCoreV1Pod`, the package's spelling. */
function camel(defName) {
  return defName.split(/[.-]/).map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('');
}

/** Every `.d.ts` under `dir`, skipping the compiled validators and barrel files. */
function declarationFiles(dir) {
  /** @type {string[]} */
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_schemas' && entry.name !== 'node_modules') out.push(...declarationFiles(p));
    } else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') out.push(p);
  }
  return out.sort();
}

/**
 * The OpenAPI definition name a declaration file stands for, from its path in the package.
 * kubernetes-models: `v1/Pod.d.ts` is core, `apps/v1/Deployment.d.ts` is apps;
 * @kubernetes-models/apimachinery: `apis/meta/v1/ObjectMeta.d.ts` is io.k8s.apimachinery.pkg.….
 */
function defNameOf(pkgDir, file, machinery) {
  const parts = relative(pkgDir, file).split(sep);
  const type = (parts.pop() ?? '').replace(/\.d\.ts$/, '');
  if (machinery) return ['io.k8s.apimachinery.pkg', ...parts, type].join('.');
  if (parts.length === 1) return `io.k8s.api.core.${parts[0]}.${type}`;
  const group = (parts[0] ?? '').replace(/\.k8s\.io$/, '');
  return `io.k8s.api.${group}.${parts.slice(1).join('.')}.${type}`;
}

/**
 * Indexes the declarations: exported long name (`IIoK8sApiCoreV1Pod`) → file, local name and
 * definition name. Only files whose path agrees with the long name are indexed.
 */
function indexDeclarations(pkgDir, machinery) {
  /** @type {Map<string, { file: string, local: string, defName: string, validator: string }>} */
  const index = new Map();
  for (const file of declarationFiles(pkgDir)) {
    const defName = defNameOf(pkgDir, file, machinery);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    for (const st of sf.statements) {
      if (!ts.isExportDeclaration(st) || !st.isTypeOnly || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
      for (const spec of st.exportClause.elements) {
        const exported = spec.name.text;
        if (exported !== `I${camel(defName)}`) continue;
        index.set(exported, {
          file, local: spec.propertyName?.text ?? exported, defName,
          validator: join(pkgDir, '_schemas', `${camel(defName)}.js`),
        });
      }
    }
  }
  return index;
}

function propName(name) {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  throw new Error(`unexpected property name ${ts.SyntaxKind[name.kind]}`);
}

/** Builds the draft-07 document. Exported for tests; returns the schema object. */
export async function buildSchemas(root = ROOT) {
  const kmDir = join(root, 'node_modules', PACKAGE);
  const amDir = join(root, 'node_modules', '@kubernetes-models', 'apimachinery');
  const pkg = JSON.parse(readFileSync(join(kmDir, 'package.json'), 'utf8'));
  const machineryPkg = JSON.parse(readFileSync(join(amDir, 'package.json'), 'utf8'));
  const index = new Map([...indexDeclarations(kmDir, false), ...indexDeclarations(amDir, true)]);
  /** @type {Map<string, Promise<{ validate: ((data: unknown) => boolean) & { errors?: { instancePath: string, keyword: string, params: Record<string, unknown> }[] | null } }>>} */
  const validators = new Map();
  const validatorOf = (path) => {
    let v = validators.get(path);
    if (!v) validators.set(path, (v = import(pathToFileURL(path).href)));
    return v;
  };

  /** @type {Record<string, unknown>} */
  const definitions = {};
  /** @type {string[]} */
  const queue = [];
  const byDefName = new Map([...index.values()].map((e) => [e.defName, e]));
  const refTo = (longName) => {
    const entry = index.get(longName);
    if (!entry) throw new Error(`${longName}: no declaration in ${PACKAGE}`);
    if (!(entry.defName in definitions) && !queue.includes(entry.defName)) queue.push(entry.defName);
    return { $ref: `#/definitions/${entry.defName}` };
  };

  /**
   * Is the number at `path` (segments below the owner object) an integer? Asks the package's own
   * validator for the owner type: an integer field rejects 0.5 with a `type: integer` error.
   */
  const isInteger = async (owner, path) => {
    const { validate } = await validatorOf(owner.validator);
    /** @type {unknown} */
    let data = 0.5;
    for (let i = path.length - 1; i >= 0; i--) {
      const seg = path[i];
      data = typeof seg === 'number' ? [data] : { [seg]: data };
    }
    validate(data);
    const at = '/' + path.join('/');
    const errors = (validate.errors ?? []).filter((e) => e.instancePath === at);
    if (errors.some((e) => e.keyword === 'type' && e.params.type === 'integer')) return true;
    if (errors.length === 0) return false;
    throw new Error(`${owner.defName} ${at}: unexpected probe result ${JSON.stringify(errors)}`);
  };

  /** @returns {Promise<Record<string, unknown>>} */
  const schemaOf = async (node, owner, path) => {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return { type: 'string' };
      case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' };
      case ts.SyntaxKind.NumberKeyword: return { type: (await isInteger(owner, path)) ? 'integer' : 'number' };
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
      case ts.SyntaxKind.ObjectKeyword: return {};
      case ts.SyntaxKind.ParenthesizedType: return schemaOf(/** @type {ts.ParenthesizedTypeNode} */ (node).type, owner, path);
      case ts.SyntaxKind.ArrayType: return { type: 'array', items: await schemaOf(/** @type {ts.ArrayTypeNode} */ (node).elementType, owner, [...path, 0]) };
      case ts.SyntaxKind.LiteralType:
      case ts.SyntaxKind.UnionType: {
        const members = ts.isUnionTypeNode(node) ? node.types : [node];
        const values = members.map((m) => (ts.isLiteralTypeNode(m) && ts.isStringLiteral(m.literal) ? m.literal.text : undefined));
        if (values.some((v) => v === undefined)) throw new Error(`${owner.defName} ${path.join('.')}: unsupported union`);
        return { type: 'string', enum: values };
      }
      case ts.SyntaxKind.TypeLiteral: {
        const members = /** @type {ts.TypeLiteralNode} */ (node).members;
        const sig = members[0];
        if (members.length === 1 && sig && ts.isIndexSignatureDeclaration(sig)) {
          return { type: 'object', additionalProperties: await schemaOf(sig.type, owner, [...path, 'key']) };
        }
        return objectSchema(members, owner, path); // an inline object (StatefulSet's embedded PVC)
      }
      case ts.SyntaxKind.TypeReference: {
        const ref = /** @type {ts.TypeReferenceNode} */ (node);
        const name = ts.isIdentifier(ref.typeName) ? ref.typeName.text : '';
        const arg = ref.typeArguments?.[0];
        if (name === 'Array' && arg) return { type: 'array', items: await schemaOf(arg, owner, [...path, 0]) };
        if (name.startsWith('IIoK8s')) return refTo(name);
        throw new Error(`${owner.defName} ${path.join('.')}: unsupported type reference ${name}`);
      }
      default:
        throw new Error(`${owner.defName} ${path.join('.')}: unsupported type ${ts.SyntaxKind[node.kind]}`);
    }
  };

  /** The schema of one definition, from its interface (or a known scalar alias). */
  const define = async (defName) => {
    const scalar = SCALARS[/** @type {keyof typeof SCALARS} */ (defName)];
    if (scalar) return scalar;
    const entry = byDefName.get(defName);
    if (!entry) throw new Error(`${defName}: not indexed`);
    const sf = ts.createSourceFile(entry.file, readFileSync(entry.file, 'utf8'), ts.ScriptTarget.Latest, false);
    const decl = sf.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === entry.local);
    if (!decl || !ts.isInterfaceDeclaration(decl)) throw new Error(`${defName}: interface ${entry.local} not found in ${entry.file}`);
    for (const h of decl.heritageClauses ?? []) {
      for (const t of h.types) if (t.expression.getText(sf) !== 'TypeMeta') throw new Error(`${defName}: unexpected base type ${t.expression.getText(sf)}`);
    }
    return objectSchema(decl.members, entry, []);
  };

  /** A closed object schema from property signatures (`path`: where they sit below the owner). */
  const objectSchema = async (members, owner, path) => {
    /** @type {Record<string, Record<string, unknown>>} */
    const properties = {};
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type) throw new Error(`${owner.defName} ${path.join('.')}: unsupported member ${ts.SyntaxKind[m.kind]}`);
      const name = propName(m.name);
      let schema;
      if (name === 'apiVersion' || name === 'kind') schema = { type: 'string' };
      else if (name === 'status' && ts.isTypeReferenceNode(m.type) && ts.isIdentifier(m.type.typeName) && /Status$/.test(m.type.typeName.text)) schema = { type: 'object' };
      else schema = await schemaOf(m.type, owner, [...path, name]);
      if (m.questionToken && Array.isArray(schema.enum) && !schema.enum.includes('')) schema = { ...schema, enum: [...schema.enum, ''] };
      properties[name] = schema;
    }
    const names = Object.keys(properties).sort();
    if (names.length === 0) return { type: 'object' };
    return { type: 'object', properties: Object.fromEntries(names.map((n) => [n, properties[n]])), additionalProperties: false };
  };

  for (const [, , defName] of KINDS) queue.push(defName);
  for (let defName = queue.shift(); defName !== undefined; defName = queue.shift()) {
    definitions[defName] = await define(defName);
  }
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    $comment: `Generated by scripts/gen-k8s-schemas.mjs from npm ${PACKAGE}@${pkg.version} and @kubernetes-models/apimachinery@${machineryPkg.version} (Kubernetes ${KUBERNETES_VERSION}). DO NOT EDIT.`,
    'x-okelint-kinds': Object.fromEntries(KINDS.map(([apiVersion, kind, defName]) => [`${apiVersion}/${kind}`, defName])),
    definitions: sorted,
  };
}

/**
 * The Kubernetes release the package was generated from. The package does not record it (its
 * README badge is stale); its core/v1 types match, field for field, those of
 * @kubernetes/client-node 2.0.1, generated from the `release-1.36` OpenAPI spec, and PodSpec has
 * `schedulingGroup`, new in 1.36. Recheck when bumping the package.
 */
export const KUBERNETES_VERSION = '1.36';

/** Serialises the document (one property per line, one-space indent: reviewable diffs). */
export function serialise(doc) {
  return JSON.stringify(doc, null, 1) + '\n';
}

/**
 * The standalone validators for `doc`: a CommonJS module exporting one function per
 * `apiVersion/kind` key. Options matter to the rule: allErrors (every problem at once), no
 * messages (the rule writes its own), refs not inlined (smaller code).
 */
export async function standaloneValidators(doc) {
  const { default: Ajv } = await import('ajv');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const ajv = new Ajv({ allErrors: true, strict: true, messages: false, inlineRefs: false, code: { source: true } });
  ajv.addKeyword('x-kubernetes-int-or-string');
  ajv.addKeyword('x-okelint-kinds');
  ajv.addSchema(doc);
  const refs = Object.fromEntries(Object.entries(doc['x-okelint-kinds']).map(([key, defName]) => [key, `${SCHEMA_ID}#/definitions/${defName}`]));
  return `// Code generated by scripts/gen-k8s-schemas.mjs from ${SCHEMA_FILE} (ajv standalone). DO NOT EDIT.\n`
    + '/* eslint-disable */\n' + standaloneCode(ajv, refs) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = await buildSchemas();
  const outputs = [[SCHEMA_FILE, serialise(doc)], [VALIDATOR_FILE, await standaloneValidators(doc)]];
  let stale = false;
  for (const [name, text] of outputs) {
    const path = join(OUT_DIR, name);
    if ((existsSync(path) ? readFileSync(path, 'utf8') : '') === text) continue;
    stale = true;
    if (process.argv.includes('--check')) {
      console.error(`${relative(ROOT, path)} is out of date: run node scripts/gen-k8s-schemas.mjs`);
      continue;
    }
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${relative(ROOT, path)} (${text.length} bytes)`);
  }
  if (stale && process.argv.includes('--check')) process.exit(1);
}
