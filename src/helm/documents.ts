/**
 * Which `---` document of a template rendered a given object: a template may hold several
 * (two ClusterRoleBindings, three Secrets), and helm re-orders what it prints, so documents are
 * told apart by their `kind:` and `metadata.name:` lines, with actions read as wildcards.
 */
import type { ObjectIdentity } from '../engine/types.js';
import type { TemplateKey } from './template-index.js';

/** The document index that best matches `object`, or undefined when the template has no keys. */
export function pickDocument(keys: readonly TemplateKey[], object: ObjectIdentity): number | undefined {
  let best: { doc: number; score: number } | undefined;
  for (const doc of [...new Set(keys.map((k) => k.doc))]) {
    const inDoc = keys.filter((k) => k.doc === doc);
    const kind = inDoc.find((k) => isPath(k, ['kind']));
    const name = inDoc.find((k) => isPath(k, ['metadata', 'name']));
    let score = 0;
    if (kind) {
      const m = valueMatches(kind.text, object.kind);
      if (m === false) continue;
      score += m === 'exact' ? 4 : 2;
      if (!kind.dead) score += 1;
    }
    if (name && object.name !== undefined) {
      const m = valueMatches(name.text, object.name);
      if (m === false) score -= 3;
      else score += m === 'exact' ? 4 : 2;
    }
    if (!best || score > best.score) best = { doc, score };
  }
  return best?.doc;
}

/** Where to point when no key of the path is in the template: the document's `kind:`, else its first key. */
export function documentAnchor(keys: readonly TemplateKey[]): TemplateKey | undefined {
  return keys.find((k) => isPath(k, ['kind'])) ?? keys[0];
}

function isPath(k: TemplateKey, path: readonly string[]): boolean {
  return k.segs.length === path.length && k.segs.every((s, i) => 'key' in s && s.key === path[i]);
}

/** Whether a `key: value` line can render `actual`: exactly, through its actions, or not at all. */
function valueMatches(line: string, actual: string): 'exact' | 'pattern' | false {
  const raw = line.slice(line.indexOf(':') + 1).replace(/\s#.*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
  if (!raw.includes('{{')) return raw === actual ? 'exact' : false;
  const parts = raw.split(/\{\{[\s\S]*?\}\}/);
  const pattern = new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`);
  return pattern.test(actual) ? 'pattern' : false;
}
