/**
 * A Kubernetes object as okelint sees it: the yaml map node of the object plus its identity.
 */
import type { Document, Node, YAMLMap } from 'yaml';
import type { Span, TextFile } from '../engine/types.js';
import { get, getMap, str } from './yaml-access.js';

export interface K8sResource {
  readonly file: TextFile;
  /** The document holding the object (for List items, the List's document). */
  readonly doc: Document.Parsed;
  /** Span of the whole YAML document: the scope of `okelint-disable` comments. */
  readonly docSpan: Span;
  /** The object's own map (a List item's map for expanded lists). */
  readonly node: YAMLMap;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  /** The `kind` value node: the anchor of whole-object findings. */
  readonly kindNode: Node;
  /** The object's metadata map, if any. */
  readonly metadata?: YAMLMap;
  /** Helm template path from the `# Source:` comment above the document. */
  readonly helmTemplate?: string;
}

/** Builds a resource view over `node` if it is a Kubernetes object (has apiVersion and kind). */
export function toResource(
  file: TextFile,
  doc: Document.Parsed,
  docSpan: Span,
  node: YAMLMap,
  helmTemplate: string | undefined,
): K8sResource | undefined {
  const apiVersion = str(get(node, 'apiVersion'));
  const kindNode = get(node, 'kind');
  const kind = str(kindNode);
  if (!apiVersion || !kind || !kindNode) return undefined;
  const metadata = getMap(node, 'metadata');
  const name = str(get(metadata, 'name'));
  const namespace = str(get(metadata, 'namespace'));
  return {
    file, doc, docSpan, node, apiVersion, kind, kindNode, metadata,
    ...(name !== undefined && { name }),
    ...(namespace !== undefined && { namespace }),
    ...(helmTemplate !== undefined && { helmTemplate }),
  };
}
