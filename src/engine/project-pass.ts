/**
 * The project pass: after every file has been linted, project rules analyze the facts they
 * collected and report at the anchors kept in them. Suppressions of the anchor's file (kept
 * as covers, not ASTs) and config exclusions apply as they do to per-file findings.
 */
import { findingAt, Fingerprints, reportLevel } from './anchor.js';
import type { ResolvedConfig } from './config-types.js';
import { positioned, type FactSink } from './lint-k8s.js';
import { suppress, type Cover } from './suppress.js';
import type { PositionedAnchor } from './anchor.js';
import type { Finding, RelatedLocation } from './types.js';

export function runProjectRules(config: ResolvedConfig, facts: FactSink, covers: ReadonlyMap<string, readonly Cover[]>): Finding[] {
  const out: Finding[] = [];
  const fingerprints = new Fingerprints();
  for (const enabled of config.rules) {
    const { rule } = enabled;
    if (!rule.analyze) continue;
    const meta = rule.meta;
    for (const report of rule.analyze(facts.get(meta.id) ?? [], { options: enabled.options, preset: config.preset })) {
      const anchor = positioned(report.at);
      const level = reportLevel(enabled.level, meta.level, report.level);
      const origin = { ruleId: meta.id, level, layer: meta.layer, template: meta.messages[report.messageId] ?? report.messageId };
      let finding = findingAt(anchor, origin, report.messageId, report.data, fingerprints);
      const related = (report.related ?? []).map((r) => relatedAt(positioned(r.at), r.message)).filter((r) => !samePlace(r, finding));
      if (related.length) finding = { ...finding, related };
      out.push(suppress(finding, covers.get(anchor.file) ?? [], config.exclude));
    }
  }
  return out;
}

function relatedAt(a: PositionedAnchor, message: string): RelatedLocation {
  const rendered = a.helmTemplate !== undefined && a.object ? { helmTemplate: a.helmTemplate, object: a.object, path: a.path } : undefined;
  return { file: a.file, uri: a.uri, start: a.start, end: a.end, message, ...(rendered && { rendered }) };
}

function samePlace(r: RelatedLocation, f: Finding): boolean {
  return r.uri === f.uri && r.start.line === f.start.line && r.start.column === f.start.column;
}
