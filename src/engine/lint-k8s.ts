/**
 * Lints one Kubernetes YAML or JSON file's text (and `helm template` output): parse once, run
 * the enabled rules over every object, position the reports, then apply suppressions. Project
 * rules only collect facts here. Nothing here touches the filesystem. lint-file.ts picks this
 * reader or another by format; the engine calls this one directly, so that a run over YAML
 * alone never loads the IAM, OKE and Terraform readers (start-up time).
 */
import { anchorFactory, findingAt, Fingerprints, reportLevel, type PositionedAnchor } from './anchor.js';
import type { ResolvedConfig } from './config-types.js';
import type { Anchor, At } from './rule-api.js';
import { fileSuppressions, suppress, type Cover } from './suppress.js';
import type { Finding, Notice } from './types.js';
import type { TerraformModule } from '../sources/terraform-module.js';
import type { InputType } from '../sources/detect.js';
import { parseK8sFile } from '../sources/k8s-yaml.js';
import type { K8sResource } from '../k8s/resource.js';
import { workloadOf, type Workload } from '../k8s/workload.js';
import { LATEST_PSS_MINOR, policyNote, pssApplies, type NamespaceLabels, type PssPolicy } from '../k8s/pss.js';

export interface FileResult {
  readonly findings: Finding[];
  readonly objects: number;
  readonly skippedDocuments: number;
  /** The file's valid suppressions, for findings the project pass makes later. */
  readonly covers: readonly Cover[];
  /** Problems with the file that are not findings (no reader for its format yet). */
  readonly notices?: readonly Notice[];
  /** Not linted at all (counted as skipped). */
  readonly skipped?: boolean;
}

export interface LintFileInput {
  /** Display path. */
  readonly path: string;
  /** Repository-relative path for SARIF. */
  readonly uri: string;
  readonly text: string;
  /** `--type`: forces the format instead of detecting it from the extension and content. */
  readonly type?: InputType;
  /** Terraform: the other files of the `.tf` file's module directory (read by the caller). */
  readonly module?: TerraformModule;
}

/** What the engine knows about the whole linted set before linting a file. */
export interface ProjectInfo {
  /** Pod Security admission labels of the Namespace objects in the set. */
  readonly namespaces: ReadonlyMap<string, NamespaceLabels>;
}

/** Facts project rules collect, by rule id; the project pass reads them after every file. */
export type FactSink = Map<string, unknown[]>;

const NO_PROJECT: ProjectInfo = { namespaces: new Map() };

/** Lints a Kubernetes YAML or JSON file's text under `config`. `today` (YYYY-MM-DD) decides `ignore-until` expiry. */
export function lintK8sFile(
  input: LintFileInput,
  config: ResolvedConfig,
  today: string,
  project: ProjectInfo = NO_PROJECT,
  facts?: FactSink,
): FileResult {
  const parsed = parseK8sFile(input.path, input.text);
  const findings: Finding[] = [];
  const anchorOf = anchorFactory(parsed.file, input.uri);
  const fingerprints = new Fingerprints();
  const parseError = config.byId.get('parse-error');
  if (parseError) {
    const meta = parseError.rule.meta;
    const origin = { ruleId: meta.id, level: parseError.level, layer: meta.layer, template: meta.messages.syntax ?? '{{message}}' };
    for (const p of parsed.problems) {
      const anchor = anchorOf(undefined, { range: [p.span.start, p.span.end] });
      findings.push(findingAt(anchor, origin, 'syntax', { message: p.message, code: p.code }, fingerprints));
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
      anchor: (at: At, redact?: boolean): Anchor => anchorOf(resource, at, redact) as unknown as Anchor,
    };
    for (const enabled of config.rules) {
      const meta = enabled.rule.meta;
      if (!meta.appliesTo.includes('k8s')) continue;
      if (meta.pss && !pssApplies(meta.id, meta.pss, pss, config.pssOverrides)) continue;
      ctx.options = enabled.options;
      const { rule } = enabled;
      if (rule.collect && facts) {
        let list = facts.get(meta.id);
        if (!list) facts.set(meta.id, (list = []));
        for (const fact of rule.collect(ctx)) list.push(fact);
      }
      if (!rule.check) continue;
      for (const report of rule.check(ctx)) {
        const template = (meta.messages[report.messageId] ?? report.messageId) + (meta.pss ? policyNote(pss) : '');
        const origin = { ruleId: meta.id, level: reportLevel(enabled.level, meta.level, report.level), layer: meta.layer, template };
        findings.push(findingAt(anchorOf(resource, report.at, report.redact), origin, report.messageId, report.data, fingerprints));
      }
    }
  }
  const { covers, invalid } = fileSuppressions({
    text: input.text, resources: parsed.resources, config, today,
    make: (origin, resource, at, messageId, data) => findingAt(anchorOf(resource, at), origin, messageId, data, fingerprints),
  });
  const all = findings.map((f) => suppress(f, covers, config.exclude)).concat(invalid);
  all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: all, objects: parsed.resources.length, skippedDocuments: parsed.skippedDocuments, covers };
}

/** The positioned anchor behind a rule's opaque Anchor. */
export function positioned(anchor: Anchor): PositionedAnchor {
  return anchor as unknown as PositionedAnchor;
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
