/**
 * Core types shared by the engine, the sources and the reporters.
 * Positions inside the engine are half-open UTF-16 offset pairs into the file text;
 * they become line/column only in reporters (1-based) and in the LSP (0-based).
 */
import type { LineCounter } from 'yaml';

/** The five security layers, outermost first. */
export const LAYERS = ['cloud-control', 'cluster-access', 'workload', 'supply-chain', 'node'] as const;
export type SecurityLayer = (typeof LAYERS)[number];
/** `general` holds the engine's own rules (parse errors, invalid suppressions), outside the five layers. */
export type Layer = SecurityLayer | 'general';

export const LEVELS = ['error', 'warning', 'note'] as const;
export type Level = (typeof LEVELS)[number];
export type LevelSetting = Level | 'off';

/** Half-open offset range `[start, end)` into a file's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A 1-based line/column position (columns count UTF-16 code units). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Identity of the Kubernetes object a finding belongs to. */
export interface ObjectIdentity {
  readonly apiVersion?: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly level: Level;
  readonly layer: Layer;
  readonly message: string;
  /** Display path (relative to the working directory, `/` separated; `<stdin>` or the stdin filename). */
  readonly file: string;
  /** Path relative to the repository root (`/` separated), for SARIF `%SRCROOT%`. */
  readonly uri: string;
  /** Text of the start line (no newline); secret values are already masked with `*`. */
  readonly lineText: string;
  readonly span: Span;
  readonly start: Position;
  readonly end: Position;
  /** Field path from the object root to the offending node (for fingerprints and JSON output). */
  readonly path: readonly (string | number)[];
  readonly object?: ObjectIdentity;
  /** Helm template that rendered the object (`# Source:` comment), when known. */
  readonly helmTemplate?: string;
  /** Other places that explain the finding (the rendered Helm output, a values.yaml key, a binding chain). */
  readonly related?: readonly RelatedLocation[];
  /** Stable identity of the finding that survives lines moving. */
  readonly fingerprint: string;
  readonly suppression?: Suppression;
}

/** A secondary location of a finding. */
export interface RelatedLocation {
  readonly file: string;
  readonly uri: string;
  readonly start: Position;
  readonly end: Position;
  readonly message: string;
  /** For a place in a `helm template` stream: what the Helm mapper needs to move it to its template line. */
  readonly rendered?: RenderedPlace;
}

/** A node of an object rendered by `helm template`. */
export interface RenderedPlace {
  readonly helmTemplate: string;
  readonly object: ObjectIdentity;
  readonly path: readonly (string | number)[];
}

export interface Suppression {
  readonly kind: 'comment' | 'annotation' | 'config' | 'baseline';
  readonly justification: string;
}

/** A problem with an input that is not a rule finding (skipped file, unreadable path). */
export interface Notice {
  readonly file: string;
  readonly message: string;
}

/** Source text plus its line index, as the reporters need it. */
export interface TextFile {
  readonly path: string;
  readonly text: string;
  readonly lineCounter: LineCounter;
}

/** Counts for the end-of-run summary. */
export interface RunSummary {
  readonly filesLinted: number;
  readonly filesSkipped: number;
  readonly objects: number;
  /** YAML/JSON documents that are not Kubernetes objects (no apiVersion/kind). */
  readonly documentsSkipped: number;
  readonly notices: readonly Notice[];
}
