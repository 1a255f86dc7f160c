/**
 * `.okelint.yaml`: discovery (nearest walking up), reading and validation against
 * `schemas/config.schema.json`, with errors that name the file, the line and the bad key.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import type { ErrorObject } from 'ajv';
import type { Exclusion, FailLevel, Preset } from './config-types.js';
import { packageRoot } from './package-root.js';
import { parseYamlDocument } from '../sources/nesting.js';
import type { LevelSetting } from './types.js';

export const CONFIG_NAMES = ['.okelint.yaml', '.okelint.yml'] as const;

/** The parsed, schema-valid content of a config file. */
export interface ConfigFile {
  readonly path: string;
  readonly preset?: Preset;
  readonly kubernetesVersion?: string;
  readonly chartRoot?: string;
  readonly failLevel?: FailLevel;
  readonly maxWarnings?: number;
  readonly maxFileSize?: number;
  readonly rules?: Readonly<Record<string, LevelSetting | { readonly level?: LevelSetting; readonly options?: Record<string, unknown> }>>;
  readonly ignore?: readonly string[];
  readonly exclude?: readonly Exclusion[];
}

export class ConfigError extends Error {}

/** The nearest config file at or above `dir`, or undefined. */
export function findConfig(dir: string): string | undefined {
  for (let cur = dir; ; cur = dirname(cur)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(cur, name);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
    if (dirname(cur) === cur) return undefined;
  }
}

let validator: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

async function getValidator(): Promise<NonNullable<typeof validator>> {
  if (validator) return validator;
  const { Ajv } = await import('ajv');
  const schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'config.schema.json'), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  validator = ajv.compile(schema);
  return validator;
}

/** Reads and validates a config file. Throws ConfigError with `file:line:col: reason`. */
export async function loadConfigFile(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`${path}: cannot read config file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const lineCounter = new LineCounter();
  const { doc, problems } = parseYamlDocument(text, { lineCounter });
  const where = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  const tooDeep = problems[0];
  if (tooDeep) throw new ConfigError(`${where(tooDeep.span.start)}: ${tooDeep.message} (${tooDeep.code})`);
  const syntax = doc.errors[0];
  if (syntax) throw new ConfigError(`${where(syntax.pos[0])}: ${syntax.message.split('\n', 1)[0]}`);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw new ConfigError(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const validate = await getValidator();
  if (!validate(data)) {
    const err = pickError(validate.errors ?? []);
    const { node, message } = describe(err, doc.contents);
    throw new ConfigError(`${where(node?.range?.[0] ?? 0)}: ${message}`);
  }
  return { ...(data as Omit<ConfigFile, 'path'>), path };
}

/** The most specific error: deepest path, and not a `oneOf` summary. */
function pickError(errors: readonly ErrorObject[]): ErrorObject {
  const useful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const pool = useful.length ? useful : errors;
  return pool.reduce((best, e) => (depth(e) > depth(best) ? e : best), pool[0] as ErrorObject);
}

function depth(e: ErrorObject): number {
  const extra = e.keyword === 'additionalProperties' ? 1 : 0;
  return e.instancePath.split('/').length + extra;
}

function describe(err: ErrorObject, root: unknown): { node: Node | undefined; message: string } {
  const segments = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const node = nodeAt(root, segments);
  const at = segments.length ? `"${segments.join('.')}"` : 'the config';
  if (err.keyword === 'additionalProperties') {
    const key = String((err.params as { additionalProperty: string }).additionalProperty);
    const keyNode = keyNodeAt(node, key);
    const what = segments.length === 1 && segments[0] === 'rules' ? `unknown rule "${key}"` : `unknown key "${key}"`;
    return { node: keyNode ?? node, message: `${what}${segments.length ? ` in ${at}` : ''}` };
  }
  if (err.keyword === 'enum') {
    const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return { node, message: `${at} must be one of ${allowed}` };
  }
  return { node, message: `${at} ${err.message ?? 'is invalid'}` };
}

function nodeAt(root: unknown, segments: readonly string[]): Node | undefined {
  let cur: unknown = root;
  for (const seg of segments) {
    if (isMap(cur)) cur = cur.items.find((p) => isScalar(p.key) && String(p.key.value) === seg)?.value;
    else if (isSeq(cur)) cur = cur.items[Number(seg)];
    else return undefined;
  }
  return (cur ?? undefined) as Node | undefined;
}

function keyNodeAt(map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key ?? undefined) as Node | undefined;
}
