/**
 * The per-file pass for OCI IAM policies: host-format syntax problems become `parse-error`,
 * statements that do not parse become `iam-parse-error` (at the offending token, with what was
 * expected), and every other statement goes through each enabled rule that applies to `iam`.
 * A bad statement never stops the others. Findings of a named policy carry the identity
 * `{ kind: 'Policy', name }` and the path `['statements', index]`.
 *
 * Two steps, so that a host format with more to lint (Terraform) can suppress once per file over
 * all of its findings: `iamFindings` (raw findings) and `suppressFindings` (comment directives
 * and config exclusions).
 */
import { findingAt, Fingerprints, positionAnchor, reportLevel, type AnchorPlace } from './anchor.js';
import type { ResolvedConfig } from './config-types.js';
import type { FileResult } from './lint-file.js';
import type { At, IamContext, MessageData } from './rule-api.js';
import { fileSuppressions, suppress, type Cover } from './suppress.js';
import type { Finding, RelatedLocation, TextFile } from './types.js';
import { statementTextAt, type IamPolicyUnit, type IamSource, type IamStatementUnit } from '../sources/iam-policy.js';

const PARSE_ERROR = 'parse-error';
const IAM_PARSE_ERROR = 'iam-parse-error';

/** Where a statement's text lives when that is not the source's own file (Terraform: a tfvars or another `.tf`). */
export interface UnitFile {
  readonly file: TextFile;
  readonly uri: string;
  readonly related?: readonly RelatedLocation[];
}

export interface IamFindingsOptions {
  /** Numbers repeated fingerprints; share one per file. */
  readonly fingerprints: Fingerprints;
  /** The file a statement's spans point into, when it is not `source.file`. */
  readonly fileOf?: (unit: IamStatementUnit) => UnitFile | undefined;
}

export interface IamFindings {
  readonly findings: Finding[];
  /** Statements seen (parsed or not). */
  readonly statements: number;
}

/** Lints one IAM source (any reader: text, JSON, Terraform) under `config`, suppressions applied. */
export function lintIamSource(source: IamSource, uri: string, config: ResolvedConfig, today: string): FileResult {
  const fingerprints = new Fingerprints();
  const raw = iamFindings(source, uri, config, { fingerprints });
  const { findings, covers } = suppressFindings(source.file, uri, raw.findings, config, today, fingerprints);
  return { findings, objects: raw.statements, skippedDocuments: 0, covers };
}

/** The findings of every statement of `source`, before suppression. */
export function iamFindings(source: IamSource, uri: string, config: ResolvedConfig, opts: IamFindingsOptions): IamFindings {
  const { file } = source;
  const { fingerprints } = opts;
  const findings: Finding[] = [];
  const emitAt = (target: UnitFile, ruleId: string, messageId: string, at: At, data: MessageData, place: AnchorPlace): void => {
    const enabled = config.byId.get(ruleId);
    if (!enabled) return;
    const meta = enabled.rule.meta;
    const origin = { ruleId, level: enabled.level, layer: meta.layer, template: meta.messages[messageId] ?? '{{message}}' };
    findings.push(withRelated(findingAt(positionAnchor(target.file, target.uri, at, place), origin, messageId, data, fingerprints), target));
  };
  const own: UnitFile = { file, uri };
  for (const p of source.problems) emitAt(own, PARSE_ERROR, 'syntax', p, { message: p.message, code: p.code }, { path: [] });
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
      const target = opts.fileOf?.(unit) ?? own;
      if (!unit.result.ok) {
        const e = unit.result.error;
        emitAt(target, IAM_PARSE_ERROR, 'syntax', e, { message: e.message, expected: e.expected.join(', '), found: e.found }, place);
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
          const anchor = positionAnchor(target.file, target.uri, report.at, place, report.redact);
          findings.push(withRelated(findingAt(anchor, origin, report.messageId, report.data, fingerprints), target));
        }
      }
    }
  }
  return { findings, statements };
}

export interface SuppressOptions {
  /**
   * The text directives are read from, offset for offset the file's text: a host format whose
   * comments are not `#` lines gives its comments only, as `#` comments (see `commentsOnly`).
   */
  readonly directives?: string;
  /** Other files that findings may point into: their directives cover those findings (their invalid ones are reported when they are linted). */
  readonly others?: readonly { readonly file: TextFile; readonly directives?: string }[];
}

/**
 * Applies the file's suppression comments and the config exclusions to `findings` (once per
 * file), adds the invalid suppressions as findings and sorts them by position.
 */
export function suppressFindings(
  file: TextFile, uri: string, findings: readonly Finding[], config: ResolvedConfig, today: string, fingerprints: Fingerprints, opts: SuppressOptions = {},
): { findings: Finding[]; covers: readonly Cover[] } {
  const { covers, invalid } = fileSuppressions({
    text: opts.directives ?? file.text, resources: [], config, today,
    make: (origin, _resource, at, messageId, data) => findingAt(positionAnchor(file, uri, at, { path: [] }), origin, messageId, data, fingerprints),
  });
  const coversOf = new Map<string, readonly Cover[]>([[file.path, covers]]);
  for (const other of opts.others ?? []) {
    if (coversOf.has(other.file.path)) continue;
    const theirs = fileSuppressions({
      text: other.directives ?? other.file.text, resources: [], config, today,
      make: (origin, _resource, at, messageId, data) => findingAt(positionAnchor(other.file, '', at, { path: [] }), origin, messageId, data, fingerprints),
    });
    coversOf.set(other.file.path, theirs.covers);
  }
  const all = findings.map((f) => suppress(f, coversOf.get(f.file) ?? [], config.exclude)).concat(invalid);
  all.sort(byPosition);
  return { findings: all, covers };
}

/** File, then offset, then rule id. */
function byPosition(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId);
}

function withRelated(f: Finding, target: UnitFile): Finding {
  return target.related?.length ? { ...f, related: [...(f.related ?? []), ...target.related] } : f;
}

function placeOf(policy: IamPolicyUnit, unit: IamStatementUnit): AnchorPlace {
  return {
    path: ['statements', unit.index],
    ...(policy.name !== undefined && { object: { kind: 'Policy', name: policy.name } }),
  };
}
