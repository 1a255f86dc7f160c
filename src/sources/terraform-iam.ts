/**
 * OCI IAM statements of a Terraform file (`resource "oci_identity_policy"`), as an IamSource for
 * the IAM pass. Every statement that resolves to literal text is parsed with spans in the file
 * that text is written in (this `.tf` file, or a tfvars / other `.tf` of the module for
 * statements taken from variables and locals). A statement that does not resolve is parsed from
 * its literal skeleton (the unknown `${...}` kept as written, so the IAM parser marks that part
 * unresolved) when that parses, else it is listed as unresolved with the reason: never guessed.
 */
import type { Span, TextFile } from '../engine/types.js';
import type { Scope } from './hcl/scope.js';
import { mapOffset, type OffsetMap } from './hcl/offset-map.js';
import { iamPolicyStatements, type PolicyResource, type StatementUnresolved, type TerraformSource } from './hcl/tf-policy.js';
import { buildIamSource, type IamSource, type IamStatementUnit, type PolicySlice, type StatementSlice, type StatementText } from './iam-policy.js';

/** A statement that could not be read, with where its obstacle is. */
export interface TerraformUnresolved {
  readonly resource: PolicyResource;
  /** Index in the policy's statements. */
  readonly index: number;
  readonly statement: StatementUnresolved;
}

export interface TerraformIam {
  readonly source: IamSource;
  /** Units whose spans point into another file of the module (by path), with the expression in this file that uses them. */
  readonly elsewhere: ReadonlyMap<IamStatementUnit, { readonly path: string; readonly via: Span }>;
  /** Units parsed from a skeleton, with the reason the whole statement did not resolve. */
  readonly partial: ReadonlyMap<IamStatementUnit, StatementUnresolved>;
  readonly unresolved: readonly TerraformUnresolved[];
  readonly resources: readonly PolicyResource[];
}

interface Meta {
  readonly index: number;
  readonly path: string;
  readonly via: Span;
  readonly partial?: StatementUnresolved;
}

/** Reads the IAM statements of `tf` (whose text `file` holds), resolving references through `scope`. */
export function readTerraformIam(file: TextFile, tf: TerraformSource, scope: Scope | undefined): TerraformIam {
  const resources = iamPolicyStatements(tf, scope);
  const metas: Meta[][] = [];
  const unresolved: TerraformUnresolved[] = [];
  const slices: PolicySlice[] = resources.map((r) => {
    const metaList: Meta[] = [];
    metas.push(metaList);
    const statements: StatementSlice[] = [];
    r.statements.forEach((s, index) => {
      if (s.kind === 'text') {
        statements.push(mappedSlice(s.text, s.map));
        metaList.push({ index, path: s.path, via: s.via });
      } else if (s.kind === 'not-text') {
        statements.push({ notText: s.span, found: s.found });
        metaList.push({ index, path: s.path, via: s.span });
      } else if (s.partial) {
        statements.push(mappedSlice(s.partial.text, s.partial.map));
        metaList.push({ index, path: s.partial.path, via: s.span, partial: s });
      } else {
        unresolved.push({ resource: r, index, statement: s });
      }
    });
    return {
      ...(r.policyName !== undefined && { name: r.policyName }),
      ...(r.compartmentId !== undefined && { compartmentId: r.compartmentId }),
      ...(r.nameSpan && { nameSpan: r.nameSpan }),
      statements,
    };
  });
  const built = buildIamSource(file, 'terraform', slices);
  const elsewhere = new Map<IamStatementUnit, { path: string; via: Span }>();
  const partial = new Map<IamStatementUnit, StatementUnresolved>();
  const policies = built.policies.map((policy, p) => {
    const statements: IamStatementUnit[] = [];
    policy.statements.forEach((parsed, i) => {
      const meta = metas[p]?.[i];
      if (!meta) return;
      const resource = resources[p];
      // A skeleton that does not parse says nothing about the statement when the error may come
      // from an unknown part; an error before the first unknown part is the statement's own.
      if (meta.partial && !parsed.result.ok && !beforeHoles(parsed.result.error.span, meta.partial.partial?.holes ?? [])) {
        if (resource) unresolved.push({ resource, index: meta.index, statement: meta.partial });
        return;
      }
      const unit: IamStatementUnit = { ...parsed, index: meta.index };
      statements.push(unit);
      if (meta.path !== tf.path) elsewhere.set(unit, { path: meta.path, via: meta.via });
      if (meta.partial) partial.set(unit, meta.partial);
    });
    return { ...policy, statements };
  });
  unresolved.sort((a, b) => a.statement.span.start - b.statement.span.start);
  return { source: { ...built, policies }, elsewhere, partial, unresolved, resources };
}

/** Whether `span` ends before the first unknown part (so nothing unknown could have caused it). */
function beforeHoles(span: Span, holes: readonly Span[]): boolean {
  const first = holes[0];
  return first !== undefined && span.end <= first.start;
}

/**
 * A statement slice whose decoded text maps to raw offsets through `map`: plain text keeps just
 * its start, text that is one made-up piece (a value read from `.tfvars.json`) covers its whole
 * source, anything else gets per-index offsets (kept non-decreasing).
 */
export function mappedSlice(text: string, map: OffsetMap): StatementText {
  const start = mapOffset(map, 0);
  if (map.step.length === 1 && map.step[0] === 0 && text.length > 1) return { text, start, whole: { start, end: Math.max(start, map.rawEnd) } };
  if (map.step.length <= 1 && map.step[0] !== 0 && map.rawEnd === start + text.length) return { text, start };
  const offsets: number[] = [];
  let plain = true;
  let prev = start;
  for (let i = 0; i < text.length; i++) {
    const o = Math.max(prev, mapOffset(map, i));
    offsets.push(o);
    if (o !== start + i) plain = false;
    prev = o;
  }
  const end = Math.max(prev, map.rawEnd);
  offsets.push(end);
  return plain && end === start + text.length ? { text, start } : { text, start, offsets };
}
