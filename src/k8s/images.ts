/**
 * The image of every container of a workload, parsed once per container: the shared walk of the
 * supply-chain rules (`image-latest-tag`, `image-no-digest`, `image-untrusted-registry`).
 */
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseImageRef, type ImageRefResult } from './image-ref.js';
import type { ContainerView, Workload } from './workload.js';
import { get } from './yaml-access.js';

export interface ContainerImage {
  readonly container: ContainerView;
  /** The `image` value node: the anchor of findings about the image. */
  readonly node: Node;
  /** The image as written, for messages (a non-string value is shown as its source text). */
  readonly value: string;
  readonly parsed: ImageRefResult;
}

/** Longest source text of a non-string image value quoted in a message. */
const MAX_SHOWN = 80;

/**
 * Yields the image of each init, app and ephemeral container that has one. A missing, null or
 * empty `image` is left to schema checks (workload controllers may default it); a value that is
 * not a string (a mapping left by an unrendered `{{ .Values.image }}`, a number) yields a
 * failed parse.
 */
export function* containerImages(workload: Workload | undefined): Generator<ContainerImage> {
  if (!workload) return;
  const { doc, file } = workload.resource;
  for (const container of workload.containers) {
    const node = get(container.node, 'image');
    if (!node) continue;
    const target = isAlias(node) ? node.resolve(doc) : node;
    const value = isScalar(target) ? target.value : target;
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'string') {
      yield { container, node, value, parsed: parseImageRef(value) };
      continue;
    }
    const range = node.range;
    const source = (range ? file.text.slice(range[0], range[1]) : String(value)).replace(/\s+/g, ' ').trim();
    const shown = source.length > MAX_SHOWN ? `${source.slice(0, MAX_SHOWN - 1)}…` : source;
    yield { container, node, value: shown, parsed: { ok: false, reason: notAString(source, target), offset: 0 } };
  }
}

function notAString(source: string, node: unknown): string {
  if (source.includes('{{')) return 'contains an unexpanded template placeholder';
  if (isMap(node)) return 'is a mapping, not a string';
  if (isSeq(node)) return 'is a list, not a string';
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'boolean') return 'is a boolean, not a string';
  if (typeof value === 'number' || typeof value === 'bigint') return 'is a number, not a string';
  return 'is not a string';
}
