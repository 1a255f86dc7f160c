/**
 * `# okelint-disable-next-line <ids> -- <reason>` written in a template above the line a finding
 * maps to. Helm keeps template comments, so the engine already honours a comment right above the
 * rendered field; this covers the template view, where the key's value is rendered further down
 * (a `toYaml` block, a helper). Lines holding only actions (`{{- with … }}`) may sit between.
 * Invalid directives are reported by the engine on the rendered text.
 */
import { parseDirectives } from '../engine/suppress-comments.js';

/** The reason of a valid directive for `ruleId` right above 1-based `line`, or undefined. */
export function templateDirective(lines: readonly string[], line: number, ruleId: string): string | undefined {
  for (let i = line - 2; i >= 0; i--) {
    const text = lines[i] as string;
    const bare = text.replace(/\{\{[\s\S]*?\}\}/g, '').trim();
    if (bare === '' && text.trim() !== '') continue;
    if (!bare.startsWith('#')) return undefined;
    const d = parseDirectives(bare)[0];
    if (!d || d.scope !== 'next-line' || !d.reason || !d.ids.some((x) => x.id === ruleId)) return undefined;
    return d.reason;
  }
  return undefined;
}
