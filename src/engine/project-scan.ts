/**
 * The pre-pass over the linted set: facts one file needs from others before it is linted.
 * Today that is the Pod Security admission labels of Namespace objects, so a workload in
 * another file is evaluated at its namespace's enforced level. Only files that mention a
 * Namespace kind are parsed here; everything else is left to the main pass.
 */
import { parseK8sFile } from '../sources/k8s-yaml.js';
import { namespaceLabelsOf, type NamespaceLabels } from '../k8s/pss.js';
import type { ProjectInfo } from './lint-file.js';

const NAMESPACE_KIND = /\bkind["']?\s*:\s*["']?Namespace\b/;

/** Collects what the project pass needs from one file's text (cheap when it has no Namespace). */
export class ProjectScanner {
  private readonly namespaces = new Map<string, NamespaceLabels>();

  scan(path: string, text: string): void {
    if (!NAMESPACE_KIND.test(text)) return;
    for (const r of parseK8sFile(path, text).resources) {
      if (r.kind === 'Namespace' && r.name !== undefined) this.namespaces.set(r.name, namespaceLabelsOf(r));
    }
  }

  info(): ProjectInfo {
    return { namespaces: this.namespaces };
  }
}
