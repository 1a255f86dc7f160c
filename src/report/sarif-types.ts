/**
 * The subset of SARIF 2.1.0 that okelint emits (names as in the OASIS schema).
 * Kept local and minimal instead of depending on `@types/sarif`.
 */

/** SARIF result and rule levels. */
export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

/** A plain-text message. */
export interface SarifMessage {
  readonly text: string;
}

/** A file reference; `uri` is relative to `uriBaseId` when that is set. */
export interface SarifArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

/** A 1-based region; `endColumn` is exclusive. */
export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A file and, for result locations, the region in it. */
export interface SarifPhysicalLocation {
  readonly artifactLocation: SarifArtifactLocation;
  readonly region?: SarifRegion;
}

/** A named construct, here a Kubernetes object (`namespace/Kind/name`). */
export interface SarifLogicalLocation {
  readonly kind: string;
  readonly name: string;
  readonly fullyQualifiedName: string;
}

/** A result location, or a related location (with `id` and `message`). */
export interface SarifLocation {
  readonly id?: number;
  readonly physicalLocation: SarifPhysicalLocation;
  readonly logicalLocations?: readonly SarifLogicalLocation[];
  readonly message?: SarifMessage;
}

/** Why a result is suppressed; `inSource` for comments and annotations, `external` for config. */
export interface SarifSuppression {
  readonly kind: 'inSource' | 'external';
  readonly status: 'accepted' | 'underReview' | 'rejected';
  readonly justification: string;
}

/** One finding. */
export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex?: number;
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly locations: readonly SarifLocation[];
  readonly relatedLocations?: readonly SarifLocation[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly suppressions?: readonly SarifSuppression[];
}

/** Rule properties GitHub reads: tags, precision and the security severity (a string). */
export interface SarifRuleProperties {
  readonly tags: readonly string[];
  readonly precision: 'very-high' | 'high' | 'medium' | 'low';
  readonly 'security-severity': string;
}

/** A rule in `tool.driver.rules`. */
export interface SarifReportingDescriptor {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: SarifMessage;
  readonly fullDescription: SarifMessage;
  readonly help: { readonly text: string; readonly markdown: string };
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: SarifRuleProperties;
}

/** `tool.driver`. */
export interface SarifToolComponent {
  readonly name: string;
  readonly version: string;
  readonly semanticVersion: string;
  readonly informationUri: string;
  readonly rules: readonly SarifReportingDescriptor[];
}

/** The single run okelint emits. */
export interface SarifRun {
  readonly tool: { readonly driver: SarifToolComponent };
  /** `--sarif-category`: `category/` (GitHub takes everything up to the last `/` as the category). */
  readonly automationDetails?: { readonly id: string };
  readonly columnKind: 'utf16CodeUnits' | 'unicodeCodePoints';
  readonly results: readonly SarifResult[];
}

/** A whole SARIF log. */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}
