/**
 * The pre-pass over the linted set: facts one file needs from others before it is linted.
 * Today that is the Pod Security admission labels of Namespace objects, so a workload in
 * another file is evaluated at its namespace's enforced level. Only files that mention a
 * Namespace kind are parsed here; everything else is left to the main pass.
 *
 * The pre-pass reads every file, so it keeps what it read for the main pass (which then does
 * not read the file again) up to a fixed budget: memory stays bounded by that budget plus the
 * largest file, whatever the size of the linted set.
 */
import { parseK8sFile } from '../sources/k8s-yaml.js';
import { namespaceLabelsOf, type NamespaceLabels } from '../k8s/pss.js';
import type { ReadResult } from '../files/read.js';
import type { ProjectInfo } from './lint-k8s.js';

const NAMESPACE_KIND = /\bkind["']?\s*:\s*["']?Namespace\b/;

/** Most UTF-16 code units of file text the pre-pass keeps for the main pass (32 Mi: 32–64 MB). */
export const TEXT_CACHE_BUDGET = 32 * 1024 * 1024;

/** A Namespace's name and its Pod Security labels. */
export type NamespaceEntry = readonly [string, NamespaceLabels];

/** Whether a file's text may hold a Namespace (only those are parsed by the pre-pass). */
export function mayHoldNamespace(text: string): boolean {
  return NAMESPACE_KIND.test(text);
}

/** The Namespaces of one file, in document order. */
export function namespacesIn(path: string, text: string): NamespaceEntry[] {
  const out: NamespaceEntry[] = [];
  for (const r of parseK8sFile(path, text).resources) {
    if (r.kind === 'Namespace' && r.name !== undefined) out.push([r.name, namespaceLabelsOf(r)]);
  }
  return out;
}

/** Collects what the project pass needs from one file's text (cheap when it has no Namespace). */
export class ProjectScanner {
  private readonly namespaces = new Map<string, NamespaceLabels>();

  scan(path: string, text: string): void {
    if (mayHoldNamespace(text)) this.add(namespacesIn(path, text));
  }

  /** Adds a file's Namespaces (a later file's Namespace of the same name wins). */
  add(entries: readonly NamespaceEntry[]): void {
    for (const [name, labels] of entries) this.namespaces.set(name, labels);
  }

  /** The facts, copied: the labels' strings would otherwise keep their files' texts alive. */
  info(): ProjectInfo {
    return { namespaces: structuredClone(this.namespaces) };
  }
}

/** One input of the pre-pass. */
export interface ScanInput {
  readonly display: string;
  readonly read: () => ReadResult | Promise<ReadResult>;
}

/** A file that may hold a Namespace, left for the worker threads to parse. */
export interface NamespaceCandidate {
  readonly display: string;
  readonly text: string;
}

/** What the pre-pass found. */
export interface PrePass {
  /** The Namespaces parsed here (all of them, unless `deferParse`). */
  readonly scanner: ProjectScanner;
  /** With `deferParse`: the files still to parse for Namespaces, in file order. */
  readonly candidates: readonly NamespaceCandidate[];
  /** Read results kept for the main pass, by input index (taken once). */
  readonly kept: Map<number, ReadResult>;
}

/**
 * Reads every input once: Namespace labels and texts kept up to `budget` code units. With
 * `deferParse`, the files that may hold a Namespace are returned instead of parsed (worker
 * threads parse them, parallel.ts).
 */
export async function prePass(inputs: readonly ScanInput[], deferParse = false, budget = TEXT_CACHE_BUDGET): Promise<PrePass> {
  const scanner = new ProjectScanner();
  const candidates: NamespaceCandidate[] = [];
  const kept = new Map<number, ReadResult>();
  let size = 0;
  for (const [i, input] of inputs.entries()) {
    const read = await input.read();
    const length = read.ok ? read.text.length : 0;
    if (size + length <= budget) {
      kept.set(i, read);
      size += length;
    }
    if (!read.ok || !mayHoldNamespace(read.text)) continue;
    if (deferParse) candidates.push({ display: input.display, text: read.text });
    else scanner.add(namespacesIn(input.display, read.text));
  }
  return { scanner, candidates, kept };
}
