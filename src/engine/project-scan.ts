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
import { detectFormat, type InputType, type SourceFormat } from '../sources/detect.js';
import { namespaceLabelsOf, type NamespaceLabels } from '../k8s/pss.js';
import type { ReadResult } from '../files/read.js';
import type { ProjectInfo } from './lint-k8s.js';

const NAMESPACE_KIND = /\bkind["']?\s*:\s*["']?Namespace\b/;

/** Most UTF-16 code units of file text the pre-pass keeps for the main pass (32 Mi: 32–64 MB). */
export const TEXT_CACHE_BUDGET = 32 * 1024 * 1024;

/** Collects what the project pass needs from one file's text (cheap when it has no Namespace). */
export class ProjectScanner {
  private readonly namespaces = new Map<string, NamespaceLabels>();

  scan(path: string, text: string): void {
    if (!NAMESPACE_KIND.test(text)) return;
    for (const r of parseK8sFile(path, text).resources) {
      if (r.kind === 'Namespace' && r.name !== undefined) this.namespaces.set(r.name, namespaceLabelsOf(r));
    }
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

/** What the pre-pass found. */
export interface PrePass {
  readonly project: ProjectInfo;
  /** Read results kept for the main pass, by input index (taken once). */
  readonly kept: Map<number, ReadResult>;
  /** The formats of the files that could be read. */
  readonly formats: ReadonlySet<SourceFormat>;
}

/** Reads every input once: namespace labels, formats, and texts kept up to `budget` code units. */
export async function prePass(inputs: readonly ScanInput[], type: InputType | undefined, budget = TEXT_CACHE_BUDGET): Promise<PrePass> {
  const scanner = new ProjectScanner();
  const kept = new Map<number, ReadResult>();
  const formats = new Set<SourceFormat>();
  let size = 0;
  for (const [i, input] of inputs.entries()) {
    const read = await input.read();
    const length = read.ok ? read.text.length : 0;
    if (size + length <= budget) {
      kept.set(i, read);
      size += length;
    }
    if (!read.ok) continue;
    scanner.scan(input.display, read.text);
    formats.add(detectFormat(input.display, read.text, type));
  }
  return { project: scanner.info(), kept, formats };
}
