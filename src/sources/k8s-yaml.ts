/**
 * Kubernetes YAML/JSON source: multi-document parsing with one LineCounter per file,
 * `List` expansion, `helm template` `# Source:` attribution, and syntax errors as problems
 * (a document nested deeper than the limit is one, `NESTING`, and the others are still read).
 */
import { isAlias, isMap, isScalar, LineCounter, visit, type Document, type YAMLError, type YAMLMap } from 'yaml';
import type { Span, TextFile } from '../engine/types.js';
import { toResource, type K8sResource } from '../k8s/resource.js';
import { getSeq } from '../k8s/yaml-access.js';
import { parseYamlStream } from './nesting.js';

/** A syntax problem at the parser's own position. */
export interface ParseProblem {
  readonly span: Span;
  readonly message: string;
  /** The yaml error code, e.g. `DUPLICATE_KEY`, or `ALIAS_LIMIT`, `NESTING`. */
  readonly code: string;
}

export interface ParsedK8sFile {
  readonly file: TextFile;
  readonly resources: K8sResource[];
  readonly problems: ParseProblem[];
  /** Documents with content that are not Kubernetes objects. */
  readonly skippedDocuments: number;
}

/** Most aliases a document may expand before it is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

const HELM_SOURCE = /^\s*Source:\s*(\S.*?)\s*$/m;

/** Parses a YAML or JSON file that may hold Kubernetes objects. Never throws on bad input. */
export function parseK8sFile(path: string, text: string): ParsedK8sFile {
  const lineCounter = new LineCounter();
  const file: TextFile = { path, text, lineCounter };
  const resources: K8sResource[] = [];
  const problems: ParseProblem[] = [];
  let skippedDocuments = 0;
  const { docs, problems: tooDeep } = parseYamlStream(text, { lineCounter, keepSourceTokens: false });
  problems.push(...tooDeep);
  // An empty stream parses to an EmptyStream (an empty array with `errors`).
  for (const e of (docs as { errors?: readonly YAMLError[] }).errors ?? []) {
    problems.push(problemOf(e.pos, e.message, e.code, text.length));
  }
  // An alias is written `*name`: a file without `*` has none, and needs no alias walk.
  const mayAlias = text.includes('*');
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push(problemOf(e.pos, e.message, e.code, text.length));
      continue;
    }
    const bomb = mayAlias ? aliasBomb(doc) : undefined;
    if (bomb) {
      problems.push(bomb);
      continue;
    }
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) continue;
    const docSpan: Span = { start: doc.range[0], end: doc.range[2] };
    const helmTemplate = helmSourceOf(doc);
    if (!isMap(contents)) {
      skippedDocuments++;
      continue;
    }
    const found = expand(file, doc, docSpan, contents, helmTemplate, resources);
    if (!found) skippedDocuments++;
  }
  return { file, resources, problems, skippedDocuments };
}

/** Adds the object (or a List's items) to `out`; false when nothing is a Kubernetes object. */
function expand(
  file: TextFile,
  doc: Document.Parsed,
  docSpan: Span,
  node: YAMLMap,
  helmTemplate: string | undefined,
  out: K8sResource[],
): boolean {
  const resource = toResource(file, doc, docSpan, node, helmTemplate);
  if (!resource) return false;
  const itemsSeq = resource.kind.endsWith('List') ? getSeq(node, 'items') : undefined;
  if (!itemsSeq) {
    out.push(resource);
    return true;
  }
  for (const item of itemsSeq.items) {
    if (!isMap(item)) continue;
    const child = toResource(file, doc, docSpan, item, helmTemplate);
    if (child) out.push(child);
  }
  return true;
}

function helmSourceOf(doc: Document.Parsed): string | undefined {
  const comment = doc.commentBefore ?? doc.contents?.commentBefore;
  if (!comment || !comment.includes('Source:')) return undefined;
  return HELM_SOURCE.exec(comment)?.[1];
}

/**
 * Aliases are not expanded by the readers, but a document full of them is an alias bomb for any
 * consumer; let the yaml package's own `maxAliasCount` guard decide, only for documents that use
 * aliases at all.
 */
function aliasBomb(doc: Document.Parsed): ParseProblem | undefined {
  let first: Span | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) first = { start: node.range[0], end: node.range[1] };
      return visit.BREAK;
    },
  });
  if (!first) return undefined;
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { span: first, message: `alias expansion refused: ${message}`, code: 'ALIAS_LIMIT' };
  }
}

function problemOf(pos: [number, number], message: string, code: string, length: number): ParseProblem {
  const start = Math.min(pos[0], length);
  const end = Math.max(start, Math.min(pos[1], length));
  const firstLine = message.split('\n', 1)[0] ?? message;
  return { span: { start, end }, message: firstLine, code };
}
