/**
 * Lints one file's text: parse once, run the enabled rules over every object, position the
 * reports, then apply suppressions. Nothing here touches the filesystem.
 */
import { createHash } from 'node:crypto';
import type { ResolvedConfig } from './config-types.js';
import { formatMessage } from './message.js';
import { lineTextOf, pathTo, positionOf, spanOf } from './position.js';
import type { Report } from './rule-api.js';
import { applySuppressions } from './suppress.js';
import type { Finding, Level, Layer, ObjectIdentity, Span, TextFile } from './types.js';
import { parseK8sFile } from '../sources/k8s-yaml.js';
import type { K8sResource } from '../k8s/resource.js';
import { workloadOf, type Workload } from '../k8s/workload.js';
import { LATEST_PSS_MINOR, policyNote, pssApplies, type NamespaceLabels, type PssPolicy } from '../k8s/pss.js';

export interface FileResult {
  readonly findings: Finding[];
  readonly objects: number;
  readonly skippedDocuments: number;
}

export interface LintFileInput {
  /** Display path. */
  readonly path: string;
  /** Repository-relative path for SARIF. */
  readonly uri: string;
  readonly text: string;
}

/** What a finding needs besides the report itself. */
interface Origin {
  readonly ruleId: string;
  readonly level: Level;
  readonly layer: Layer;
  readonly template: string;
  readonly resource?: K8sResource;
}

/** What the engine knows about the whole linted set before linting a file. */
export interface ProjectInfo {
  /** Pod Security admission labels of the Namespace objects in the set. */
  readonly namespaces: ReadonlyMap<string, NamespaceLabels>;
}

const NO_PROJECT: ProjectInfo = { namespaces: new Map() };

/** Lints one file's text under `config`. `today` (YYYY-MM-DD) decides `ignore-until` expiry. */
export function lintFile(input: LintFileInput, config: ResolvedConfig, today: string, project: ProjectInfo = NO_PROJECT): FileResult {
  const parsed = parseK8sFile(input.path, input.text);
  const findings: Finding[] = [];
  const make = findingFactory(input, parsed.file);
  const parseError = config.byId.get('parse-error');
  if (parseError) {
    for (const p of parsed.problems) {
      const origin: Origin = {
        ruleId: 'parse-error', level: parseError.level, layer: parseError.rule.meta.layer,
        template: parseError.rule.meta.messages.syntax ?? '{{message}}',
      };
      findings.push(make(origin, { messageId: 'syntax', data: { message: p.message, code: p.code }, at: { range: [p.span.start, p.span.end] } }));
    }
  }
  for (const resource of parsed.resources) {
    let workload: Workload | undefined | null = null;
    const pss = policyFor(resource, config, project);
    const ctx = {
      resource,
      options: undefined as unknown,
      pss,
      workload: (): Workload | undefined => (workload === null ? (workload = workloadOf(resource)) : workload),
    };
    for (const enabled of config.rules) {
      const meta = enabled.rule.meta;
      if (!meta.appliesTo.includes('k8s')) continue;
      if (meta.pss && !pssApplies(meta.id, meta.pss, pss, config.pssOverrides)) continue;
      ctx.options = enabled.options;
      for (const report of enabled.rule.check(ctx)) {
        const template = (meta.messages[report.messageId] ?? report.messageId) + (meta.pss ? policyNote(pss) : '');
        findings.push(make({ ruleId: meta.id, level: enabled.level, layer: meta.layer, template, resource }, report));
      }
    }
  }
  const all = applySuppressions(findings, { text: input.text, resources: parsed.resources, config, today, make: (o, r) => make(o, r) });
  all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: all, objects: parsed.resources.length, skippedDocuments: parsed.skippedDocuments };
}

/** The namespace's enforce label when the set holds that Namespace, else the configured default. */
function policyFor(resource: K8sResource, config: ResolvedConfig, project: ProjectInfo): PssPolicy {
  const labels = resource.namespace === undefined ? undefined : project.namespaces.get(resource.namespace);
  if (!labels?.enforce) return { ...config.pss, source: 'default' };
  return {
    level: labels.enforce,
    minor: labels.enforceVersion ?? LATEST_PSS_MINOR,
    source: 'namespace',
    ...(resource.namespace !== undefined && { namespace: resource.namespace }),
    ...(labels.warn && { warn: labels.warn }),
    ...(labels.audit && { audit: labels.audit }),
  };
}

export type MakeFinding = (origin: Origin, report: Report) => Finding;
export type { Origin };

/** Builds positioned findings for one file, numbering repeated fingerprints. */
function findingFactory(input: LintFileInput, file: TextFile): MakeFinding {
  const seen = new Map<string, number>();
  return (origin, report) => {
    const span = spanOf(report.at);
    const start = positionOf(file.lineCounter, span.start);
    const end = positionOf(file.lineCounter, span.end);
    const resource = origin.resource;
    const path = resource ? pathTo(resource.node, report.at) : [];
    let lineText = lineTextOf(input.text, file.lineCounter, start.line);
    if (report.redact) lineText = mask(lineText, start, end, span);
    const object = resource ? identityOf(resource) : undefined;
    const identity = object
      ? `${object.namespace ?? ''}/${object.kind}/${object.name ?? ''}`
      : lineText.trim();
    const base = hash(`${origin.ruleId}\u0000${report.messageId}\u0000${identity}\u0000${path.join('/')}`);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      ruleId: origin.ruleId,
      messageId: report.messageId,
      level: origin.level,
      layer: origin.layer,
      message: formatMessage(origin.template, report.data),
      file: input.path,
      uri: input.uri,
      lineText,
      span,
      start,
      end,
      path,
      ...(object && { object }),
      ...(resource?.helmTemplate !== undefined && { helmTemplate: resource.helmTemplate }),
      fingerprint: `${base}:${n}`,
    };
  };
}

function identityOf(r: K8sResource): ObjectIdentity {
  return {
    apiVersion: r.apiVersion,
    kind: r.kind,
    ...(r.name !== undefined && { name: r.name }),
    ...(r.namespace !== undefined && { namespace: r.namespace }),
  };
}

function mask(line: string, start: { line: number; column: number }, end: { line: number; column: number }, span: Span): string {
  const from = start.column - 1;
  const to = end.line === start.line ? end.column - 1 : line.length;
  if (span.end <= span.start) return line;
  return line.slice(0, from) + '*'.repeat(Math.max(0, Math.min(line.length, to) - from)) + line.slice(Math.min(line.length, to));
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}
