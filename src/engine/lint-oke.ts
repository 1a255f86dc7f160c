/**
 * The pass for OKE cluster, node pool and virtual node pool configuration. `collectOkeFindings`
 * runs every enabled `oke` rule over units read from any form (API or CLI JSON, Terraform) and
 * returns raw findings; `lintOkeSource` lints a JSON file end to end (syntax problems become
 * `parse-error`, suppressions applied). Findings carry the identity `{ kind: 'Cluster' |
 * 'NodePool' | 'VirtualNodePool', name }` and the field path of the field they point at.
 */
import { findingAt, Fingerprints, positionAnchor, reportLevel } from './anchor.js';
import type { ResolvedConfig } from './config-types.js';
import type { FileResult } from './lint-file.js';
import { suppressFindings } from './lint-iam.js';
import { spanOf } from './position.js';
import type { OkeContext } from './rule-api.js';
import type { Finding, Span, TextFile } from './types.js';
import type { OkeJsonSource } from '../oke/json.js';
import { MODEL_NAMES, type OkeNode, type OkeResource } from '../oke/model.js';
import { findAll, labelOf, readAll, readOne, readWithin, spellFor } from '../oke/query.js';

const PARSE_ERROR = 'parse-error';

/** The findings of every enabled OKE rule over `resources` (all read from `file`), before suppression. */
export function collectOkeFindings(resources: readonly OkeResource[], file: TextFile, uri: string, config: ResolvedConfig, fingerprints: Fingerprints): Finding[] {
  const rules = config.rules.filter((r) => r.rule.meta.appliesTo.includes('oke') && r.rule.checkOke);
  const findings: Finding[] = [];
  if (rules.length === 0) return findings;
  for (const resource of resources) {
    const object = { kind: MODEL_NAMES[resource.kind], ...(resource.name !== undefined && { name: resource.name }) };
    const fields = fieldPaths(resource);
    const ctx: OkeContext<unknown> = {
      resource,
      options: undefined,
      label: labelOf(resource),
      at: { span: resource.anchor },
      readAll: (path) => readAll(resource, path),
      read: (path) => readOne(resource, path),
      readWithin: (base, path) => readWithin(base, path),
      findAll: (name) => findAll(resource, name),
      spell: (path) => spellFor(resource, path),
    };
    const seen = new Set<string>();
    for (const enabled of rules) {
      const meta = enabled.rule.meta;
      for (const report of enabled.rule.checkOke?.({ ...ctx, options: enabled.options }) ?? []) {
        const span = spanOf(report.at);
        const key = `${meta.id}\u0000${report.messageId}\u0000${span.start}:${span.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const origin = { ruleId: meta.id, level: reportLevel(enabled.level, meta.level, report.level), layer: meta.layer, template: meta.messages[report.messageId] ?? report.messageId };
        const place = { path: pathAt(fields, span, resource.path), object };
        findings.push(findingAt(positionAnchor(file, uri, report.at, place, report.redact), origin, report.messageId, report.data, fingerprints));
      }
    }
  }
  return findings;
}

/** Lints an OKE JSON file (API or CLI) read by `readOkeJson`. */
export function lintOkeSource(source: OkeJsonSource, uri: string, config: ResolvedConfig, today: string): FileResult {
  const { file } = source;
  const fingerprints = new Fingerprints();
  const raw: Finding[] = [];
  const parseError = config.byId.get(PARSE_ERROR);
  if (parseError) {
    const meta = parseError.rule.meta;
    const origin = { ruleId: PARSE_ERROR, level: parseError.level, layer: meta.layer, template: meta.messages.syntax ?? '{{message}}' };
    for (const p of source.problems) {
      raw.push(findingAt(positionAnchor(file, uri, { span: p.span }, { path: [] }), origin, 'syntax', { message: p.message, code: p.code }, fingerprints));
    }
  }
  raw.push(...collectOkeFindings(source.resources, file, uri, config, fingerprints));
  const { findings, covers } = suppressFindings(file, uri, raw, config, today, fingerprints);
  return { findings, objects: source.resources.length, skippedDocuments: 0, covers };
}

interface FieldPlace {
  readonly span: Span;
  readonly path: readonly (string | number)[];
}

/** Every field of the unit with its path, outermost first. */
function fieldPaths(resource: OkeResource): FieldPlace[] {
  const out: FieldPlace[] = [];
  const walk = (node: OkeNode, path: readonly (string | number)[]): void => {
    if (node.kind === 'list') node.items.forEach((item, i) => walk(item, [...path, i]));
    if (node.kind !== 'object') return;
    for (const f of node.fields) {
      const p = [...path, f.name];
      out.push({ span: f.span, path: p });
      walk(f.value, p);
    }
  };
  walk(resource.root, resource.path);
  return out;
}

/** The path of the innermost field holding `span`, or the unit's own path. */
function pathAt(fields: readonly FieldPlace[], span: Span, own: readonly (string | number)[]): readonly (string | number)[] {
  let best: FieldPlace | undefined;
  for (const f of fields) {
    if (f.span.start <= span.start && span.end <= f.span.end && (!best || f.span.end - f.span.start <= best.span.end - best.span.start)) best = f;
  }
  return best?.path ?? own;
}
