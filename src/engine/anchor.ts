/**
 * Positioned anchors: where a finding points, resolved while the file's AST is alive. Findings
 * of per-object rules are made from them at once; project rules keep them in their facts and
 * turn them into findings after every file has been read, when the ASTs are gone.
 */
import { createHash } from 'node:crypto';
import { formatMessage } from './message.js';
import { lineTextOf, pathTo, positionOf, spanOf } from './position.js';
import type { At, MessageData } from './rule-api.js';
import type { Finding, Layer, Level, ObjectIdentity, Position, Span, TextFile } from './types.js';
import type { K8sResource } from '../k8s/resource.js';

/** Everything of a finding that depends on the file: position, text, object identity. */
export interface PositionedAnchor {
  readonly file: string;
  readonly uri: string;
  readonly lineText: string;
  readonly span: Span;
  readonly start: Position;
  readonly end: Position;
  readonly path: readonly (string | number)[];
  readonly object?: ObjectIdentity;
  readonly helmTemplate?: string;
}

/** What a finding needs besides its anchor. */
export interface Origin {
  readonly ruleId: string;
  readonly level: Level;
  readonly layer: Layer;
  readonly template: string;
}

export type AnchorOf = (resource: K8sResource | undefined, at: At, redact?: boolean) => PositionedAnchor;

/** Resolves anchors in one file. */
export function anchorFactory(file: TextFile, uri: string): AnchorOf {
  return (resource, at, redact) => positionAnchor(file, uri, at, {
    path: resource ? pathTo(resource.node, at) : [],
    ...(resource && { object: identityOf(resource) }),
    ...(resource?.helmTemplate !== undefined && { helmTemplate: resource.helmTemplate }),
  }, redact);
}

/** What a finding belongs to, besides its position: field path and object identity. */
export interface AnchorPlace {
  readonly path: readonly (string | number)[];
  readonly object?: ObjectIdentity;
  readonly helmTemplate?: string;
}

/** Positions `at` in `file` (any unit kind: the caller gives the path and identity). */
export function positionAnchor(file: TextFile, uri: string, at: At, place: AnchorPlace, redact?: boolean): PositionedAnchor {
  const span = spanOf(at);
  const start = positionOf(file.lineCounter, span.start);
  const end = positionOf(file.lineCounter, span.end);
  let lineText = lineTextOf(file.text, file.lineCounter, start.line);
  if (redact) lineText = mask(lineText, start, end, span);
  return { file: file.path, uri, lineText, span, start, end, ...place };
}

/** Numbers repeated fingerprints within one scope (a file, or the project pass). */
export class Fingerprints {
  private readonly seen = new Map<string, number>();

  next(ruleId: string, messageId: string, anchor: PositionedAnchor): string {
    const o = anchor.object;
    const identity = o ? `${o.namespace ?? ''}/${o.kind}/${o.name ?? ''}` : anchor.lineText.trim();
    const base = hash(`${ruleId}\u0000${messageId}\u0000${identity}\u0000${anchor.path.join('/')}`);
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return `${base}:${n}`;
  }
}

/** The level of a report: its own when the rule runs at its default level, else the configured one. */
export function reportLevel(configured: Level, defaultLevel: Level, own: Level | undefined): Level {
  return own !== undefined && configured === defaultLevel ? own : configured;
}

/** A finding at `anchor`. */
export function findingAt(anchor: PositionedAnchor, origin: Origin, messageId: string, data: MessageData | undefined, fingerprints: Fingerprints): Finding {
  return {
    ruleId: origin.ruleId,
    messageId,
    level: origin.level,
    layer: origin.layer,
    message: formatMessage(origin.template, data),
    ...anchor,
    fingerprint: fingerprints.next(origin.ruleId, messageId, anchor),
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

function mask(line: string, start: Position, end: Position, span: Span): string {
  if (span.end <= span.start) return line;
  const from = start.column - 1;
  const to = Math.min(line.length, end.line === start.line ? end.column - 1 : line.length);
  return line.slice(0, from) + '*'.repeat(Math.max(0, to - from)) + line.slice(to);
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}
