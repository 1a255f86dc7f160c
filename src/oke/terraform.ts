/**
 * OKE configuration in Terraform: `oci_containerengine_cluster`, `oci_containerengine_node_pool`
 * and `oci_containerengine_virtual_node_pool` resources of one parsed `.tf` file, read with the
 * HCL evaluator in the module's Scope (variable defaults, locals, terraform.tfvars and
 * *.auto.tfvars). Blocks become objects (a repeated block gives several fields of one name);
 * `dynamic` blocks are expanded when their `for_each` is literal, recorded as absent when it is
 * empty, and unresolved otherwise. `node_metadata` object literals and `merge()` calls are read
 * entry by entry, so one unknown entry hides only itself. Subnets (`oci_core_subnet`) of the
 * same file are read too, so a node pool's subnet reference can be judged.
 */
import type { Attribute, Block, Body, Expr } from '../sources/hcl/ast.js';
import { evaluate, newCtx, type Ctx } from '../sources/hcl/eval.js';
import { refText } from '../sources/hcl/eval-util.js';
import { mapSpan } from '../sources/hcl/offset-map.js';
import type { Scope } from '../sources/hcl/scope.js';
import type { TerraformSource } from '../sources/hcl/tf-policy.js';
import { isUnresolved, madeString, NULL, toPlain, type ScopeUse, type Traced } from '../sources/hcl/value.js';
import { canonicalKey } from './keys.js';
import {
  TERRAFORM_TYPES, type OkeAbsent, type OkeReference, type OkeField, type OkeNode, type OkeObject, type OkeResource, type OkeUnresolved, type PlainValue,
  type Span, type SubnetFacts,
} from './model.js';

/** Resource arguments that are Terraform's own, not the resource's. */
const META_ATTRIBUTES = new Set(['count', 'for_each', 'depends_on', 'provider']);
const META_BLOCKS = new Set(['lifecycle', 'timeouts', 'provisioner', 'connection']);
/** Map arguments read entry by entry. */
const MAP_ATTRIBUTES = new Set(['nodemetadata']);
/** OkeReferences whose root is not another resource or data source. */
const NOT_RESOURCES = new Set(['var', 'local', 'each', 'count', 'path', 'terraform', 'self', 'module']);

type Locals = ReadonlyMap<string, Traced>;

/** Every OKE resource at the top level of `source`, evaluated in `scope`. */
export function okeResourcesFromTerraform(source: TerraformSource, scope?: Scope): OkeResource[] {
  const reader = new Reader(source, scope);
  const subnets = subnetsOf(source, reader);
  const out: OkeResource[] = [];
  for (const item of source.body.items) {
    if (item.kind !== 'block' || item.type !== 'resource') continue;
    const kind = TERRAFORM_TYPES[item.labels[0]?.value ?? ''];
    if (!kind) continue;
    const name = item.labels[1]?.value;
    const root = reader.body(item.body, new Map(), true);
    const repeated = item.body.items.some((a) => a.kind === 'attribute' && (a.name === 'count' || a.name === 'for_each'));
    out.push({ kind, format: 'terraform', ...(name !== undefined && { name }), anchor: headerOf(item), root, path: [], repeated, listed: false, subnets });
  }
  return out;
}

/** From the block type to its last label: `resource "oci_containerengine_cluster" "k8s"`. */
function headerOf(block: Block): Span {
  const last = block.labels[block.labels.length - 1];
  return { start: block.span.start, end: last ? last.span.end : block.typeSpan.end };
}

class Reader {
  constructor(private readonly source: TerraformSource, private readonly scope: Scope | undefined) {}

  body(body: Body, locals: Locals, top = false): OkeObject {
    const fields: OkeField[] = [];
    const absent: OkeAbsent[] = [];
    for (const item of body.items) {
      if (item.kind === 'attribute') {
        if (top && META_ATTRIBUTES.has(item.name)) continue;
        fields.push(this.attribute(item, locals));
      } else if (item.type === 'dynamic') {
        this.dynamic(item, locals, fields, absent);
      } else if (!(top && META_BLOCKS.has(item.type))) {
        fields.push({ key: canonicalKey(item.type), name: item.type, keySpan: item.typeSpan, span: item.span, value: this.body(item.body, locals) });
      }
    }
    return { kind: 'object', span: body.span, fields, ...(absent.length > 0 && { absent }) };
  }

  private attribute(a: Attribute, locals: Locals): OkeField {
    const key = canonicalKey(a.name);
    const value = MAP_ATTRIBUTES.has(key) ? this.mapValue(a.expr, a.span, locals) : this.leaf(a.expr, a.span, locals);
    return { key, name: a.name, keySpan: a.nameSpan, span: a.span, value };
  }

  /** The literal value of `expr`, or why it has none (reported at `at`). */
  leaf(expr: Expr, at: Span, locals: Locals): OkeNode {
    const ctx = this.ctx(locals);
    const r = evaluate(expr, ctx);
    if (isUnresolved(r)) return this.unresolved(r.reason, at, expr);
    const value = toPlain(r, ctx.state.budget);
    if (value === undefined) return this.unresolved('the value is too large to evaluate', at, expr);
    const origin = originOf(ctx.state.uses, this.source.path);
    const locate = r.kind === 'string' && r.path === this.source.path ? (start: number, end: number): Span => mapSpan(r.map, start, end) : undefined;
    return { kind: 'value', value: value as PlainValue, valueSpan: this.valueSpan(r, expr.span), ...(origin !== undefined && { origin }), ...(locate && { locate }) };
  }

  private unresolved(reason: string, span: Span, expr: Expr): OkeUnresolved {
    const refs = referencesOf(expr);
    return { kind: 'unresolved', reason, span, ...(refs && { references: refs }) };
  }

  /** A string written in this file maps to its own characters; anything else to the expression. */
  private valueSpan(v: Traced, fallback: Span): Span {
    if (v.kind === 'string' && v.path === this.source.path && v.value.length > 0) return mapSpan(v.map, 0, v.value.length);
    return fallback;
  }

  /** A map argument, entry by entry: an object literal, `merge()` of parts, or any map value. */
  private mapValue(expr: Expr, at: Span, locals: Locals): OkeNode {
    const inner = expr.kind === 'paren' ? expr.inner : expr;
    if (inner.kind === 'object') return this.objectLiteral(inner, locals);
    if (inner.kind !== 'call' || inner.name !== 'merge' || inner.expandFinal) return this.evaluatedMap(inner, at, locals);
    const fields: OkeField[] = [];
    const unresolved: OkeUnresolved[] = [];
    for (const arg of inner.args) {
      const part = arg.kind === 'object' ? this.objectLiteral(arg, locals) : this.evaluatedMap(arg, arg.span, locals);
      if (part.kind === 'object') {
        fields.push(...part.fields);
        unresolved.push(...(part.unresolved ?? []));
      } else if (part.kind === 'unresolved') unresolved.push(part);
    }
    return { kind: 'object', span: inner.span, fields, ...(unresolved.length > 0 && { unresolved }) };
  }

  private objectLiteral(expr: Extract<Expr, { kind: 'object' }>, locals: Locals): OkeObject {
    const fields: OkeField[] = [];
    const unresolved: OkeUnresolved[] = [];
    for (const item of expr.items) {
      let name: string | undefined;
      if (item.key.kind === 'variable') name = item.key.name;
      else {
        const k = evaluate(item.key, this.ctx(locals));
        if (isUnresolved(k)) unresolved.push(this.unresolved(`a key of the map: ${k.reason}`, item.span, item.key));
        else if (k.kind === 'string') name = k.value;
      }
      if (name === undefined) continue;
      fields.push({ key: name, name, keySpan: item.key.span, span: item.span, value: this.leaf(encoded(item.value), item.span, locals) });
    }
    return { kind: 'object', span: expr.span, fields, ...(unresolved.length > 0 && { unresolved }) };
  }

  /** A map-valued expression evaluated whole; its entries point at the strings they came from. */
  private evaluatedMap(expr: Expr, at: Span, locals: Locals): OkeNode {
    const ctx = this.ctx(locals);
    const r = evaluate(expr, ctx);
    if (isUnresolved(r)) return this.unresolved(r.reason, at, expr);
    if (r.kind === 'null') return { kind: 'value', value: null, valueSpan: expr.span };
    if (r.kind !== 'map') return this.leaf(expr, at, locals);
    const origin = originOf(ctx.state.uses, this.source.path);
    const fields: OkeField[] = [...r.entries].map(([name, v]) => {
      const plain = toPlain(v) ?? null;
      const value: OkeNode = { kind: 'value', value: plain as PlainValue, valueSpan: this.valueSpan(v, expr.span), ...(origin !== undefined && { origin }) };
      return { key: name, name, keySpan: expr.span, span: at, value };
    });
    return { kind: 'object', span: expr.span, fields };
  }

  /** `dynamic "label" { for_each = ..., iterator = it, content { ... } }`. */
  private dynamic(block: Block, locals: Locals, fields: OkeField[], absent: OkeAbsent[]): void {
    const label = block.labels[0];
    if (!label) return;
    const attrs = new Map(block.body.items.flatMap((a) => (a.kind === 'attribute' ? [[a.name, a] as const] : [])));
    const content = block.body.items.find((b): b is Block => b.kind === 'block' && b.type === 'content');
    const forEach = attrs.get('for_each');
    const iterator = attrs.get('iterator')?.expr;
    const iterName = iterator?.kind === 'variable' ? iterator.name : label.value;
    const header = { start: block.span.start, end: label.span.end };
    const base = { key: canonicalKey(label.value), name: label.value, keySpan: header, span: block.span };
    const what = `the dynamic "${label.value}" block's for_each`;
    if (!forEach || !content) return;
    const ctx = this.ctx(locals);
    const r = evaluate(forEach.expr, ctx);
    if (isUnresolved(r)) {
      fields.push({ ...base, value: this.unresolved(`${what}: ${r.reason}`, forEach.span, forEach.expr) });
      return;
    }
    const elements: [Traced, Traced][] | undefined = r.kind === 'list'
      ? r.items.map((v, i) => [{ kind: 'number', value: i }, v])
      : r.kind === 'map' ? [...r.entries.keys()].sort().map((k) => [madeString(k, this.source.path, forEach.span), r.entries.get(k) ?? NULL])
        : undefined;
    if (!elements) {
      fields.push({ ...base, value: this.unresolved(`${what} is not a list, set or map`, forEach.span, forEach.expr) });
      return;
    }
    if (elements.length === 0) {
      const origin = originOf(ctx.state.uses, this.source.path);
      absent.push({ key: base.key, name: base.name, span: header, why: `${what} is empty${origin ? `, ${origin}` : ''}` });
      return;
    }
    for (const [key, value] of elements) {
      const it: Traced = { kind: 'map', entries: new Map([['key', key], ['value', value]]) };
      fields.push({ ...base, value: this.body(content.body, new Map(locals).set(iterName, it)) });
    }
  }

  private ctx(locals: Locals): Ctx {
    return { ...newCtx(this.scope, this.source.path), locals };
  }
}

/** The text inside `base64encode(...)`: metadata is read for what it says, not how it is sent. */
function encoded(expr: Expr): Expr {
  return expr.kind === 'call' && expr.name === 'base64encode' && expr.args.length === 1 && !expr.expandFinal ? (expr.args[0] as Expr) : expr;
}

/** `var.x in terraform.tfvars`, `the default of var.x`: where the variables a value used are set. */
function originOf(uses: readonly ScopeUse[], own: string): string | undefined {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const u of uses) {
    if (u.source === 'local' || seen.has(u.ref)) continue;
    seen.add(u.ref);
    parts.push(u.source === 'tfvars' ? `${u.ref} in ${baseName(u.path)}` : u.path === own ? `the default of ${u.ref}` : `the default of ${u.ref} in ${baseName(u.path)}`);
  }
  if (parts.length === 0) return undefined;
  return `from ${parts.slice(0, 2).join(' and ')}${parts.length > 2 ? ' and others' : ''}`;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}


/** The resources a bare reference (`oci_kms_key.k.id`) or a tuple of them points at. */
function referencesOf(expr: Expr): OkeReference[] | undefined {
  const e = expr.kind === 'paren' ? expr.inner : expr;
  if (e.kind === 'tuple') {
    const refs = e.items.map(referenceOf);
    return refs.length > 0 && refs.every((r) => r !== undefined) ? (refs as OkeReference[]) : undefined;
  }
  const one = referenceOf(e);
  return one ? [one] : undefined;
}

function referenceOf(e: Expr): OkeReference | undefined {
  if (e.kind !== 'traversal' || e.source.kind !== 'variable' || NOT_RESOURCES.has(e.source.name)) return undefined;
  const [a, b, c] = e.steps;
  if (e.source.name === 'data') {
    return a?.kind === 'attr' && b?.kind === 'attr' && c ? { type: `data.${a.name}`, name: b.name, text: refText(e), span: e.span } : undefined;
  }
  return a?.kind === 'attr' && b ? { type: e.source.name, name: a.name, text: refText(e), span: e.span } : undefined;
}

/** The `oci_core_subnet` resources of the file: may their VNICs have public IPs? */
function subnetsOf(source: TerraformSource, reader: Reader): Map<string, SubnetFacts> {
  const out = new Map<string, SubnetFacts>();
  for (const item of source.body.items) {
    if (item.kind !== 'block' || item.type !== 'resource' || item.labels[0]?.value !== 'oci_core_subnet') continue;
    const name = item.labels[1]?.value;
    if (name === undefined) continue;
    const flags = ['prohibit_public_ip_on_vnic', 'prohibit_internet_ingress'].flatMap((attr) => {
      const a = item.body.items.find((x): x is Attribute => x.kind === 'attribute' && x.name === attr);
      return a ? [{ attr, node: reader.leaf(a.expr, a.span, new Map()) }] : [];
    });
    const set = flags.find((f) => f.node.kind === 'value' && asBool(f.node.value) === true);
    const unknown = flags.find((f) => f.node.kind === 'unresolved');
    let facts: Pick<SubnetFacts, 'publicIps' | 'because'>;
    if (set) facts = { publicIps: 'prohibited', because: `${set.attr} = true` };
    else if (unknown?.node.kind === 'unresolved') facts = { publicIps: unknown.node, because: `${unknown.attr}: ${unknown.node.reason}` };
    else if (flags.length > 0) facts = { publicIps: 'allowed', because: `${flags[0]?.attr ?? ''} = false` };
    else facts = { publicIps: 'allowed', because: 'prohibit_public_ip_on_vnic is not set, and OCI then lets VNICs in the subnet have public IPs' };
    out.set(name, { name, span: headerOf(item), ...facts });
  }
  return out;
}

function asBool(v: PlainValue): boolean | undefined {
  return v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;
}
