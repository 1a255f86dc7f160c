/**
 * The per-file pass for OCI IAM policies: host-format syntax problems become `parse-error`,
 * statements that do not parse become `iam-parse-error` (at the offending token, with what was
 * expected), and every other statement goes through each enabled rule that applies to `iam`.
 * A bad statement never stops the others. Findings of a named policy carry the identity
 * `{ kind: 'Policy', name }` and the path `['statements', index]`.
 */
import { findingAt, Fingerprints, positionAnchor, reportLevel, type AnchorPlace, type PositionedAnchor } from './anchor.js';
import type { ResolvedConfig } from './config-types.js';
import type { FileResult } from './lint-file.js';
import type { At, IamContext, MessageData } from './rule-api.js';
import { fileSuppressions, suppress } from './suppress.js';
import type { Finding } from './types.js';
import { statementTextAt, type IamPolicyUnit, type IamSource, type IamStatementUnit } from '../sources/iam-policy.js';

const PARSE_ERROR = 'parse-error';
const IAM_PARSE_ERROR = 'iam-parse-error';

/** Lints one IAM source (any reader: text, JSON, Terraform) under `config`. */
export function lintIamSource(source: IamSource, uri: string, config: ResolvedConfig, today: string): FileResult {
  const { file } = source;
  const findings: Finding[] = [];
  const fingerprints = new Fingerprints();
  const anchor = (at: At, place: AnchorPlace = { path: [] }): PositionedAnchor => positionAnchor(file, uri, at, place);
  const emit = (ruleId: string, messageId: string, at: At, data: MessageData, place?: AnchorPlace): void => {
    const enabled = config.byId.get(ruleId);
    if (!enabled) return;
    const meta = enabled.rule.meta;
    const origin = { ruleId, level: enabled.level, layer: meta.layer, template: meta.messages[messageId] ?? '{{message}}' };
    findings.push(findingAt(anchor(at, place), origin, messageId, data, fingerprints));
  };
  for (const p of source.problems) emit(PARSE_ERROR, 'syntax', p, { message: p.message, code: p.code });
  const rules = config.rules.filter((r) => r.rule.meta.appliesTo.includes('iam') && r.rule.checkStatement);
  let statements = 0;
  for (const policy of source.policies) {
    const parsed = policy.statements.flatMap((s) => (s.result.ok ? [s.result.statement] : []));
    const info = {
      ...(policy.name !== undefined && { name: policy.name }),
      ...(policy.compartmentId !== undefined && { compartmentId: policy.compartmentId }),
      statements: parsed,
    };
    for (const unit of policy.statements) {
      statements++;
      const place = placeOf(policy, unit);
      if (!unit.result.ok) {
        const e = unit.result.error;
        emit(IAM_PARSE_ERROR, 'syntax', e, { message: e.message, expected: e.expected.join(', '), found: e.found }, place);
        continue;
      }
      const ctx: IamContext<unknown> = {
        statement: unit.result.statement,
        policy: info,
        source: source.kind,
        options: undefined,
        questionable: unit.result.questionable,
        unresolved: unit.result.unresolved,
        textOf: (at) => statementTextAt(unit, at.span),
      };
      for (const enabled of rules) {
        const meta = enabled.rule.meta;
        const check = enabled.rule.checkStatement?.bind(enabled.rule);
        if (!check) continue;
        for (const report of check({ ...ctx, options: enabled.options })) {
          const origin = { ruleId: meta.id, level: reportLevel(enabled.level, meta.level, report.level), layer: meta.layer, template: meta.messages[report.messageId] ?? report.messageId };
          findings.push(findingAt(positionAnchor(file, uri, report.at, place, report.redact), origin, report.messageId, report.data, fingerprints));
        }
      }
    }
  }
  const { covers, invalid } = fileSuppressions({
    text: file.text, resources: [], config, today,
    make: (origin, _resource, at, messageId, data) => findingAt(anchor(at), origin, messageId, data, fingerprints),
  });
  const all = findings.map((f) => suppress(f, covers, config.exclude)).concat(invalid);
  all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: all, objects: statements, skippedDocuments: 0, covers };
}

function placeOf(policy: IamPolicyUnit, unit: IamStatementUnit): AnchorPlace {
  return {
    path: ['statements', unit.index],
    ...(policy.name !== undefined && { object: { kind: 'Policy', name: policy.name } }),
  };
}
