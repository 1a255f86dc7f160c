/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every enabled rule in `tool.driver.rules`,
 * repo-relative URIs under `%SRCROOT%`, 1-based regions in UTF-16 code units, logical
 * locations for Kubernetes objects, the Helm template as a related location, and a private
 * partial fingerprint. A pure function: it never reads the working directory or environment.
 */
import type { Finding, Suppression } from '../engine/types.js';
import type { RuleMeta } from '../engine/rule-api.js';
import { objectQualifiedName, regionOf, ruleDocsUrl, visibleFindings, type ReportInput } from './input.js';
import type {
  SarifArtifactLocation, SarifLocation, SarifLog, SarifReportingDescriptor, SarifResult, SarifSuppression,
} from './sarif-types.js';

export type * from './sarif-types.js';

/** `$schema` value GitHub and the multitool accept. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Project home, `tool.driver.informationUri`. */
export const INFORMATION_URI = 'https://github.com/okelint/okelint';
/** Key of okelint's own entry in `partialFingerprints` (GitHub ignores keys it does not know). */
export const FINGERPRINT_KEY = 'okelint/v1';
/** The base id relative URIs are resolved against (the repository root). */
export const SRCROOT = '%SRCROOT%';
/** `logicalLocation.kind` for a Kubernetes object (a value the SARIF spec lists). */
export const OBJECT_LOCATION_KIND = 'resource';

const MAX_TAGS = 20;

export interface SarifOptions {
  /**
   * `run.automationDetails.id` (`--sarif-category`): set only when asked for, because GitHub's
   * upload then ignores its own `category` input. GitHub reads the part up to the last `/` as
   * the category, so callers pass it ending in `/`.
   */
  readonly category?: string;
}

/** Builds the SARIF log for a run. */
export function toSarif(input: ReportInput, opts: SarifOptions = {}): SarifLog {
  const rules = input.rules.map((r) => ruleDescriptor(r, input.docsBaseUrl));
  const index = new Map<string, number>();
  input.rules.forEach((r, i) => { if (!index.has(r.id)) index.set(r.id, i); });
  const results = visibleFindings(input).map((f) => result(f, index.get(f.ruleId), input.includeSuppressed));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'okelint',
          version: input.toolVersion,
          semanticVersion: input.toolVersion,
          informationUri: INFORMATION_URI,
          rules,
        },
      },
      ...(opts.category !== undefined && { automationDetails: { id: opts.category } }),
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

/** Formats the SARIF log as pretty-printed JSON (ends with a newline). */
export function formatSarif(input: ReportInput, opts: SarifOptions = {}): string {
  return JSON.stringify(toSarif(input, opts), null, 2) + '\n';
}

/** `privileged-container` → `PrivilegedContainer`. */
export function pascalCase(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter((p) => p !== '').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

function ruleDescriptor(meta: RuleMeta<unknown>, docsBaseUrl: string): SarifReportingDescriptor {
  const url = ruleDocsUrl(docsBaseUrl, meta);
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} ${meta.remediation}` },
    help: {
      text: `${meta.remediation} Rule documentation: ${url}`,
      markdown: `${meta.description}\n\n**Remediation:** ${meta.remediation}\n\n[Rule documentation](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level: meta.level },
    properties: {
      tags: [...new Set(['security', meta.layer, ...meta.tags])].slice(0, MAX_TAGS),
      precision: 'high',
      'security-severity': meta.securitySeverity.toFixed(1),
    },
  };
}

function result(f: Finding, ruleIndex: number | undefined, withSuppressions: boolean): SarifResult {
  const location: SarifLocation = {
    physicalLocation: { artifactLocation: artifactLocation(f.uri), region: regionOf(f) },
    ...(f.object && {
      logicalLocations: [{ kind: OBJECT_LOCATION_KIND, name: f.object.name ?? f.object.kind, fullyQualifiedName: objectQualifiedName(f.object) }],
    }),
  };
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined && { ruleIndex }),
    level: f.level,
    message: { text: f.message === '' ? f.ruleId : f.message },
    locations: [location],
    ...(f.related?.length && {
      relatedLocations: f.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: { artifactLocation: artifactLocation(r.uri), region: regionOf(r) },
        message: { text: r.message },
      })),
    }),
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(withSuppressions && { suppressions: f.suppression ? [suppression(f.suppression)] : [] }),
  };
}

function suppression(s: Suppression): SarifSuppression {
  return { kind: s.kind === 'config' || s.kind === 'baseline' ? 'external' : 'inSource', status: 'accepted', justification: s.justification };
}

/**
 * A `/`-separated path as an artifact location: relative paths are percent-encoded per segment
 * and resolved against `%SRCROOT%`; absolute paths (outside the repository) become `file:` URIs.
 */
export function artifactLocation(path: string): SarifArtifactLocation {
  const drive = /^[A-Za-z]:\//.exec(path);
  if (drive) return { uri: `file:///${drive[0]}${encodePath(path.slice(3))}` };
  if (path.startsWith('/')) return { uri: `file://${encodePath(path)}` };
  return { uri: encodePath(path.replace(/^(\.\/)+/, '')), uriBaseId: SRCROOT };
}

function encodePath(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}
