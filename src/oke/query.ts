/**
 * Reading fields of an OKE unit by a camelCase path, the same way in every form. Lists (JSON
 * arrays of objects, repeated Terraform blocks) are walked through, so a path can reach several
 * fields. Each reading says where to report: the field for a value, the nearest enclosing key
 * for a missing field (or the `dynamic` block that produced none), the obstacle for an
 * unresolved one.
 */
import { canonicalKey, spellPath } from './keys.js';
import type { OkeField, OkeNode, OkeObject, OkeReference, OkeResource, PlainValue, Span } from './model.js';

/** Where a report points (an engine `At`). */
export interface SpanAt {
  readonly span: Span;
}

interface ReadingBase {
  /** Field path from the unit's root as written (`endpoint_config.is_public_ip_enabled`, `nodes[1].publicIp`). */
  readonly name: string;
  /** The same path as a list (the unit's own path first), for finding identity. */
  readonly path: readonly (string | number)[];
}

/** The field is not there; `at` is the nearest enclosing key (or the unit's anchor). */
export interface MissingReading extends ReadingBase {
  readonly state: 'missing';
  readonly at: SpanAt;
  /** The field is known to be absent for this reason (a dynamic block with an empty for_each). */
  readonly why?: string;
}

export interface ValueReading extends ReadingBase {
  readonly state: 'value';
  readonly value: PlainValue;
  /** The whole field (attribute, key-value pair). */
  readonly at: SpanAt;
  /** The value alone. */
  readonly valueAt: SpanAt;
  /** `, from var.x in terraform.tfvars` or ''. */
  readonly origin: string;
  /** For a string written in the file: where its characters `[start, end)` are. */
  readonly locate?: (start: number, end: number) => Span;
}

export interface UnresolvedReading extends ReadingBase {
  readonly state: 'unresolved';
  readonly reason: string;
  readonly at: SpanAt;
  /** Bare references to other resources (set, but unknown until Terraform runs). */
  readonly references: readonly OkeReference[];
}

/** The path ends at an object (a block, a JSON object). */
export interface ObjectReading extends ReadingBase {
  readonly state: 'object';
  readonly object: OkeObject;
  /** The object's key. */
  readonly at: SpanAt;
}

export type OkeReading = MissingReading | ValueReading | UnresolvedReading | ObjectReading;

interface Cursor {
  readonly node: OkeNode;
  /** The key that holds the node. */
  readonly keyAt: Span;
  /** The whole field that holds the node. */
  readonly fieldAt: Span;
  readonly path: readonly (string | number)[];
  readonly written: string;
}

/** Every reading of `camelPath` (`options.addOns.isTillerEnabled`) in `resource`. */
export function readAll(resource: OkeResource, camelPath: string): OkeReading[] {
  return readFrom({ node: resource.root, keyAt: resource.anchor, fieldAt: resource.anchor, path: resource.path, written: '' }, camelPath);
}

/** Every reading of `camelPath` inside an object reached before (a repeated block, an array item). */
export function readWithin(base: ObjectReading, camelPath: string): OkeReading[] {
  return readFrom({ node: base.object, keyAt: base.at.span, fieldAt: base.at.span, path: base.path, written: base.name }, camelPath);
}

/** Every field named `camelName` anywhere in the unit (`assignPublicIp` in secondary VNIC details). */
export function findAll(resource: OkeResource, camelName: string): OkeReading[] {
  const key = canonicalKey(camelName);
  const out: OkeReading[] = [];
  const walk = (c: Cursor): void => {
    for (const item of flatten([c])) {
      if (item.node.kind !== 'object') continue;
      for (const f of item.node.fields) {
        const next = cursorOf(item, f);
        if (f.key === key) out.push(terminal(next));
        walk(next);
      }
    }
  };
  walk({ node: resource.root, keyAt: resource.anchor, fieldAt: resource.anchor, path: resource.path, written: '' });
  return out;
}

function readFrom(start: Cursor, camelPath: string): OkeReading[] {
  const segments = camelPath.split('.').map(canonicalKey);
  let cursors: Cursor[] = [start];
  const out: OkeReading[] = [];
  for (const seg of segments) {
    const next: Cursor[] = [];
    for (const c of flatten(cursors)) step(c, seg, next, out);
    cursors = next;
  }
  for (const c of flatten(cursors)) out.push(terminal(c));
  return out;
}

/** The first reading of `camelPath` (a missing field when there is none). */
export function readOne(resource: OkeResource, camelPath: string): OkeReading {
  const all = readAll(resource, camelPath);
  return all.find((r) => r.state === 'value' || r.state === 'object') ?? all.find((r) => r.state === 'unresolved')
    ?? all[0] ?? { state: 'missing', at: { span: resource.anchor }, name: '', path: resource.path };
}

function flatten(cursors: readonly Cursor[]): Cursor[] {
  const out: Cursor[] = [];
  for (const c of cursors) {
    if (c.node.kind !== 'list') {
      out.push(c);
      continue;
    }
    c.node.items.forEach((item, i) => out.push({ ...c, node: item, path: [...c.path, i], written: `${c.written}[${i}]` }));
  }
  return out;
}

function join(written: string, name: string): string {
  return written === '' ? name : `${written}.${name}`;
}

function step(c: Cursor, seg: string, next: Cursor[], out: OkeReading[]): void {
  const node = c.node;
  if (node.kind === 'unresolved') {
    out.push({ state: 'unresolved', reason: node.reason, at: { span: node.span }, references: node.references ?? [], name: c.written, path: c.path });
    return;
  }
  if (node.kind === 'value') {
    const v = node.value;
    const key = v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).find((k) => canonicalKey(k) === seg) : undefined;
    if (key === undefined) {
      out.push({ state: 'missing', at: { span: c.keyAt }, name: c.written, path: c.path });
      return;
    }
    const child = (v as Readonly<Record<string, PlainValue>>)[key] ?? null;
    next.push({ ...c, node: { ...node, value: child }, path: [...c.path, key], written: join(c.written, key) });
    return;
  }
  if (node.kind !== 'object') return;
  const matches = node.fields.filter((f) => f.key === seg);
  if (matches.length === 0) {
    const absent = node.absent?.find((a) => a.key === seg);
    out.push(absent
      ? { state: 'missing', at: { span: absent.span }, why: absent.why, name: join(c.written, absent.name), path: [...c.path, absent.name] }
      : { state: 'missing', at: { span: c.keyAt }, name: c.written, path: c.path });
    return;
  }
  for (const f of matches) next.push(cursorOf(c, f));
}

function cursorOf(c: Cursor, f: OkeField): Cursor {
  return { node: f.value, keyAt: f.keySpan, fieldAt: f.span, path: [...c.path, f.name], written: join(c.written, f.name) };
}

function terminal(c: Cursor): OkeReading {
  const base = { name: c.written, path: c.path };
  switch (c.node.kind) {
    case 'value': {
      const origin = c.node.origin ? `, ${c.node.origin}` : '';
      const { locate } = c.node;
      return { ...base, state: 'value', value: c.node.value, at: { span: c.fieldAt }, valueAt: { span: c.node.valueSpan }, origin, ...(locate && { locate }) };
    }
    case 'unresolved':
      return { ...base, state: 'unresolved', reason: c.node.reason, at: { span: c.node.span }, references: c.node.references ?? [] };
    case 'object':
      return { ...base, state: 'object', object: c.node, at: { span: c.keyAt } };
    case 'list':
      return { ...base, state: 'missing', at: { span: c.keyAt } };
  }
}

/** `true`/`false`, or the strings `"true"`/`"false"` (Terraform and the API accept both); else undefined. */
export function asBoolean(v: PlainValue): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return undefined;
}

/** A value that leaves the field unset: null, '', an empty list. */
export function isEmptyValue(v: PlainValue): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** The minor version of `v1.29.1`, `1.30`, or undefined. */
export function kubernetesMinor(v: PlainValue): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^v?1\.(\d+)(?:\.\d+)?/.exec(v.trim());
  return m ? Number(m[1]) : undefined;
}

const KIND_WORDS: Readonly<Record<OkeResource['kind'], string>> = {
  'cluster': 'Cluster',
  'node-pool': 'Node pool',
  'virtual-node-pool': 'Virtual node pool',
};

const TERRAFORM_NAMES: Readonly<Record<OkeResource['kind'], string>> = {
  'cluster': 'oci_containerengine_cluster',
  'node-pool': 'oci_containerengine_node_pool',
  'virtual-node-pool': 'oci_containerengine_virtual_node_pool',
};

/** `Cluster "prod"`, `Node pool oci_containerengine_node_pool.workers`, `Cluster` (no name). */
export function labelOf(resource: OkeResource): string {
  if (resource.format === 'terraform') return `${KIND_WORDS[resource.kind]} ${TERRAFORM_NAMES[resource.kind]}.${resource.name ?? ''}`;
  return resource.name === undefined ? KIND_WORDS[resource.kind] : `${KIND_WORDS[resource.kind]} "${resource.name}"`;
}

/** A camelCase path spelled as the unit's file spells fields. */
export function spellFor(resource: OkeResource, camelPath: string): string {
  return spellPath(camelPath, resource.format);
}

/** A boolean field: true, false, not set, unresolved, or a value that is not a boolean. */
export type BooleanState = 'true' | 'false' | 'unset' | 'unresolved' | 'other';

export function booleanState(r: OkeReading): BooleanState {
  if (r.state === 'unresolved') return 'unresolved';
  if (r.state !== 'value') return r.state === 'missing' ? 'unset' : 'other';
  if (r.value === null) return 'unset';
  const b = asBoolean(r.value);
  return b === undefined ? 'other' : b ? 'true' : 'false';
}

/**
 * Whether a field that must hold something (a key OCID, NSG ids) does: `set` for a non-empty
 * value or a reference to another resource, `unset` for a missing, null or empty one,
 * `unresolved` when the files do not tell.
 */
export function presence(r: OkeReading): 'set' | 'unset' | 'unresolved' {
  if (r.state === 'unresolved') return r.references.length > 0 ? 'set' : 'unresolved';
  if (r.state === 'value') return isEmptyValue(r.value) ? 'unset' : 'set';
  return r.state === 'object' ? 'set' : 'unset';
}

/** One entry of a map field (node metadata): its name, its value if literal, where it is. */
export interface MapEntry {
  readonly name: string;
  readonly value: PlainValue;
  readonly at: SpanAt;
  readonly valueAt: SpanAt;
  /** For a string written in the file: where its characters `[start, end)` are. */
  readonly locate?: (start: number, end: number) => Span;
}

/** The literal entries of a map field, and the parts of it that could not be read. */
export function mapEntries(r: OkeReading): { entries: MapEntry[]; unresolved: UnresolvedReading[] } {
  const entries: MapEntry[] = [];
  const unresolved: UnresolvedReading[] = [];
  const hidden = (reason: string, span: Span, name: string): void => {
    unresolved.push({ state: 'unresolved', reason, at: { span }, references: [], name, path: r.path });
  };
  if (r.state === 'unresolved') unresolved.push(r);
  else if (r.state === 'value' && r.value !== null && typeof r.value === 'object' && !Array.isArray(r.value)) {
    for (const [name, value] of Object.entries(r.value as Readonly<Record<string, PlainValue>>)) entries.push({ name, value, at: r.at, valueAt: r.valueAt });
  } else if (r.state === 'object') {
    for (const f of r.object.fields) {
      const name = `${r.name}.${f.name}`;
      const { value } = f;
      if (value.kind === 'value') entries.push({ name: f.name, value: value.value, at: { span: f.span }, valueAt: { span: value.valueSpan }, ...(value.locate && { locate: value.locate }) });
      else if (value.kind === 'unresolved') hidden(value.reason, value.span, name);
    }
    for (const u of r.object.unresolved ?? []) hidden(u.reason, u.span, r.name);
  }
  return { entries, unresolved };
}
